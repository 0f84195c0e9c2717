/* cs_fix.c: fixes of LT-CS-001, LT-CS-002, LT-CS-003 and LT-CS-004 findings (cs_fix.h). */
#include "lang/csharp/cs_fix.h"

#include <string.h>

#include "engine/emit.h"
#include "engine/ts_field.h"
#include "util/strbuf.h"

#define CS_FIX_MAX_OPERANDS 16

static const char *const cs_fix__legacy[] = { "Ssl2", "Ssl3", "Tls", "Tls11", NULL };

static bool cs_fix__is(const char *text, TSNode n, const char *s)
{
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
	return strlen(s) == e - b && memcmp(text + b, s, e - b) == 0;
}

/* The operands of a `|` chain (parentheses see-through) into out[*len...]; false when there
 * are too many or the chain nests too deep. */
static bool cs_fix__or_chain(TSNode n, TSNode *out, size_t *len, unsigned depth)
{
	if (ts_node_is_null(n))
		return false;
	while (strcmp(ts_node_type(n), "parenthesized_expression") == 0 &&
	       ts_node_named_child_count(n) == 1)
		n = ts_node_named_child(n, 0);
	if (depth > 64)
		return false;
	if (strcmp(ts_node_type(n), "binary_expression") == 0) {
		TSNode op = ts_field_child(n, "operator", 8);
		if (!ts_node_is_null(op) && strcmp(ts_node_type(op), "|") == 0)
			return cs_fix__or_chain(ts_field_child(n, "left", 4), out, len,
						depth + 1) &&
			       cs_fix__or_chain(ts_field_child(n, "right", 5), out, len,
						depth + 1);
	}
	if (*len >= CS_FIX_MAX_OPERANDS)
		return false;
	out[(*len)++] = n;
	return true;
}

/* The operands of a `|` chain; false when one is not a member access
 * `[qualifier.]Type.Member` or there are too many. */
static bool cs_fix__operands(TSNode n, TSNode *out, size_t *len)
{
	if (!cs_fix__or_chain(n, out, len, 0))
		return false;
	for (size_t i = 0; i < *len; i++)
		if (strcmp(ts_node_type(out[i]), "member_access_expression") != 0)
			return false;
	return true;
}

/* Whether `type` spells the type `want` (`want` or `qualifier.want`). */
static bool cs_fix__names_type(const char *text, TSNode type, const char *want)
{
	if (ts_node_is_null(type))
		return false;
	size_t wl = strlen(want);
	uint32_t b = ts_node_start_byte(type), e = ts_node_end_byte(type);
	return e - b >= wl && memcmp(text + e - wl, want, wl) == 0 &&
	       (e - b == wl || text[e - wl - 1] == '.');
}

/* Where the value is used as a whole: assigned, initialised, passed, returned. */
static bool cs_fix__whole_value_site(TSNode value)
{
	TSNode p = ts_node_parent(value);
	if (ts_node_is_null(p))
		return false;
	static const char *const sites[] = { "assignment_expression", "argument",
					     "return_statement", "arrow_expression_clause", NULL };
	for (const char *const *s = sites; *s; s++)
		if (strcmp(ts_node_type(p), *s) == 0)
			return true;
	return false;
}

/* On .NET Framework 4.7 or later the better fix of a `ServicePointManager.SecurityProtocol =`
 * (or `|=`) statement is its removal: the operating system's default then applies. With
 * `modern_only`, made aside as the finding's modern fix (the post-scan analyzer,
 * project/cs001_modern.c, uses it when the project that owns the file targets 4.7 or later),
 * else the finding's fix. False when the value is not such a statement's. The statement must stand in a block
 * (or at the top level), so that removing it leaves valid code; whole lines go with it when
 * nothing but blanks or a `//` comment share them. */
static bool cs_fix__removal(const file_ctx *ctx, finding *f, TSNode value, bool modern_only)
{
	TSNode assign = ts_node_parent(value);
	if (ts_node_is_null(assign) || strcmp(ts_node_type(assign), "assignment_expression") != 0)
		return false;
	TSNode left = ts_field_child(assign, "left", 4);
	TSNode op = ts_field_child(assign, "operator", 8);
	TSNode stmt = ts_node_parent(assign);
	if (ts_node_is_null(left) || ts_node_is_null(op) || ts_node_is_null(stmt) ||
	    (strcmp(ts_node_type(op), "=") != 0 && strcmp(ts_node_type(op), "|=") != 0) ||
	    strcmp(ts_node_type(stmt), "expression_statement") != 0)
		return false;
	TSNode holder = ts_node_parent(stmt);
	if (ts_node_is_null(holder) || (strcmp(ts_node_type(holder), "block") != 0 &&
					strcmp(ts_node_type(holder), "global_statement") != 0))
		return false;
	const char *text = ctx->src->text;
	static const char target[] = "ServicePointManager.SecurityProtocol";
	size_t tl = sizeof(target) - 1;
	uint32_t lb = ts_node_start_byte(left), le = ts_node_end_byte(left);
	if (le - lb < tl || memcmp(text + le - tl, target, tl) != 0 ||
	    (le - lb > tl && text[le - tl - 1] != '.'))
		return false;
	size_t start = ts_node_start_byte(stmt), end = ts_node_end_byte(stmt);
	size_t ls = start, le2 = end;
	while (ls > 0 && (text[ls - 1] == ' ' || text[ls - 1] == '\t'))
		ls--;
	while (le2 < ctx->src->len && (text[le2] == ' ' || text[le2] == '\t'))
		le2++;
	if (le2 + 1 < ctx->src->len && text[le2] == '/' && text[le2 + 1] == '/')
		while (le2 < ctx->src->len && text[le2] != '\r' && text[le2] != '\n')
			le2++;
	bool line_start = ls == 0 || text[ls - 1] == '\n';
	bool line_end = le2 >= ctx->src->len || text[le2] == '\r' || text[le2] == '\n';
	if (line_start && line_end) {
		start = ls;
		end = le2;
		if (end < ctx->src->len && text[end] == '\r')
			end++;
		if (end < ctx->src->len && text[end] == '\n')
			end++;
	}
	static const char why[] = "Remove the assignment: the project targets .NET Framework 4.7 or "
				  "later (or .NET), where the operating system's default protocols "
				  "apply.";
	if (modern_only)
		emit_replace_modern(ctx, f, why, start, end, "");
	else
		emit_replace(ctx, f, why, start, end, "");
	return true;
}

/* The value of integer literal `n` into *v (or'ed in); false for anything else. `hex`: every
 * literal is written in hexadecimal. */
static bool cs_fix__number_literal(const char *text, TSNode n, unsigned long long *v, bool *hex)
{
	if (strcmp(ts_node_type(n), "integer_literal") != 0)
		return false;
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
	bool x = e - b > 2 && text[b] == '0' && (text[b + 1] == 'x' || text[b + 1] == 'X');
	unsigned long long x_v = 0;
	for (uint32_t i = b + (x ? 2 : 0); i < e; i++) {
		char c = text[i];
		unsigned d;
		if (c == '_')
			continue;
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (x && c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (x && c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return false; /* a suffix (768u, 768L): left to the author */
		if (x_v > (1ull << 40))
			return false;
		x_v = x_v * (x ? 16 : 10) + d;
	}
	*v |= x_v;
	*hex = *hex && x;
	return true;
}

/* `(SecurityProtocolType)N` casts of literal numbers, each joined by `|` and the literals of a
 * cast too (through parentheses), into *v; `*type` is the first cast's type. */
static bool cs_fix__casts(const char *text, TSNode n, unsigned long long *v, bool *hex,
			  TSNode *type)
{
	TSNode casts[CS_FIX_MAX_OPERANDS];
	size_t ncasts = 0;
	if (!cs_fix__or_chain(n, casts, &ncasts, 0))
		return false;
	for (size_t i = 0; i < ncasts; i++) {
		TSNode ct = ts_field_child(casts[i], "type", 4);
		if (strcmp(ts_node_type(casts[i]), "cast_expression") != 0 ||
		    !cs_fix__names_type(text, ct, "SecurityProtocolType"))
			return false;
		if (ts_node_is_null(*type))
			*type = ct;
		TSNode nums[CS_FIX_MAX_OPERANDS];
		size_t nnums = 0;
		if (!cs_fix__or_chain(ts_field_child(casts[i], "value", 5), nums,
				      &nnums, 0))
			return false;
		for (size_t k = 0; k < nnums; k++)
			if (!cs_fix__number_literal(text, nums[k], v, hex))
				return false;
	}
	return true;
}

/* LT-CS-002: `(SecurityProtocolType)768`, `(SecurityProtocolType)(192 | 768 | 3072)`,
 * `(SecurityProtocolType)768 | (SecurityProtocolType)3072`: the number without its legacy
 * bits (SSL 2.0 12, Ssl3 48, Tls 192, Tls11 768: each is Schannel's client and server bit),
 * with TLS 1.2 (3072) when nothing modern is left, written as a number again (older targets
 * have no Tls12 member, which is why the code wrote one). */
static void cs_fix__number(const file_ctx *ctx, finding *f, TSNode value)
{
	const char *text = ctx->src->text;
	unsigned long long v = 0;
	bool hex = true;
	TSNode type = { 0 };
	if (!cs_fix__casts(text, value, &v, &hex, &type)) {
		finding_set_no_fix(f, "The number is not a cast of literal numbers joined by '|': "
				      "remove the legacy bits (48, 192, 768) where it is computed.");
		return;
	}
	unsigned long long modern = v & ~(12ull | 48ull | 192ull | 768ull);
	if (!(modern & (3072ull | 12288ull)))
		modern |= 3072ull;
	strbuf out = STRBUF_INIT;
	uint32_t tb = ts_node_start_byte(type), te = ts_node_end_byte(type);
	uint32_t from = ts_node_start_byte(value), to = ts_node_end_byte(value);
	TSNode operand = ts_field_child(value, "value", 5);
	if (strcmp(ts_node_type(value), "cast_expression") == 0) {
		from = ts_node_start_byte(operand); /* the cast stays as written */
		to = ts_node_end_byte(operand);
	} else {
		strbuf_adds(&out, "(");
		strbuf_add(&out, text + tb, te - tb);
		strbuf_adds(&out, ")");
	}
	strbuf_addf(&out, hex ? "0x%llX" : "%llu", modern);
	emit_replace(ctx, f,
		     "Drop the legacy versions from the number (better still, on .NET Framework 4.7 "
		     "or later, remove the assignment so the operating system's default applies).",
		     from, to, strbuf_str(&out));
	strbuf_release(&out);
}

void cs_fix(const file_ctx *ctx, finding *f, TSNode value, bool followed)
{
	bool number = strcmp(f->rule->id, "LT-CS-002") == 0;
	if (!followed && (number || strcmp(f->rule->id, "LT-CS-001") == 0))
		cs_fix__removal(ctx, f, value, true);
	if (strcmp(f->rule->id, "LT-CS-006") == 0) {
		/* Kept only in projects whose every target defers to the operating system
		 * (project/cs006_filter.c), where removing the assignment is the advice. */
		if (followed || !cs_fix__removal(ctx, f, value, false))
			finding_set_no_fix(f, "The value is not assigned to "
					      "ServicePointManager.SecurityProtocol in a statement of "
					      "its own: stop pinning it where it is used.");
		return;
	}
	if (strcmp(f->rule->id, "LT-CS-004") == 0) {
		/* AppContext.SetSwitch(opt-out, true): the literal becomes false. */
		if (!followed && strcmp(ts_node_type(value), "boolean_literal") == 0)
			emit_replace(ctx, f, "Set the switch to false.", ts_node_start_byte(value),
				     ts_node_end_byte(value), "false");
		else
			finding_set_no_fix(f, "The switch's value is computed: set it to false "
					      "where it is decided.");
		return;
	}
	bool spt = strcmp(f->rule->id, "LT-CS-001") == 0;
	if (!spt && !number && strcmp(f->rule->id, "LT-CS-003") != 0)
		return;
	const char *text = ctx->src->text;
	if (followed) {
		finding_set_no_fix(f, "The value is a constant or variable that other code may use "
				      "too: change it where the protocols are chosen.");
		return;
	}
	TSNode ops[CS_FIX_MAX_OPERANDS];
	size_t n = 0;
	if (!number && !cs_fix__operands(value, ops, &n)) {
		finding_set_no_fix(f, "The value is computed (not only members joined by '|'): no "
				      "edit keeps its meaning.");
		return;
	}
	TSNode parent = ts_node_parent(value);
	const char *pt = ts_node_is_null(parent) ? "" : ts_node_type(parent);
	if (strcmp(pt, "variable_declarator") == 0 || strcmp(pt, "equals_value_clause") == 0 ||
	    strcmp(pt, "property_declaration") == 0) {
		finding_set_no_fix(f, "The value initialises a constant, field or variable that "
				      "other code may read too: change it where the protocols are "
				      "chosen.");
		return;
	}
	if (!cs_fix__whole_value_site(value)) {
		finding_set_no_fix(f, "The value is part of a larger expression or a collection: "
				      "remove the legacy versions where it is used.");
		return;
	}
	if (number) {
		cs_fix__number(ctx, f, value);
		return;
	}
	/* The type as the first legacy member spells it (`[qualifier.]Type`); SslProtocols
	 * values must name nothing but its members (None would drop what another one reads). */
	uint32_t ts = 0, te = 0;
	for (size_t i = 0; i < n; i++) {
		TSNode member = ts_field_child(ops[i], "name", 4);
		TSNode type = ts_field_child(ops[i], "expression", 10);
		uint32_t b = ts_node_start_byte(type), e = ts_node_end_byte(type);
		bool of_type = cs_fix__names_type(text, type,
						  spt ? "SecurityProtocolType" : "SslProtocols");
		bool legacy = false;
		for (const char *const *l = cs_fix__legacy; *l && !legacy; l++)
			legacy = cs_fix__is(text, member, *l);
		if (!of_type && !spt) {
			finding_set_no_fix(f, "The value also reads other protocols: remove the "
					      "legacy members where it is built.");
			return;
		}
		if (legacy && of_type && te == 0) {
			ts = b;
			te = e;
		}
	}
	if (te == 0) {
		finding_set_no_fix(f, "The legacy versions come from a value the code reads.");
		return;
	}
	strbuf out = STRBUF_INIT;
	bool kept_modern = false;
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		TSNode member = ts_field_child(ops[i], "name", 4);
		bool legacy = false;
		for (const char *const *l = cs_fix__legacy; *l && !legacy; l++)
			legacy = cs_fix__is(text, member, *l);
		if (legacy || !spt)
			continue;
		kept_modern |= cs_fix__is(text, member, "Tls12") || cs_fix__is(text, member, "Tls13");
		if (kept++)
			strbuf_adds(&out, " | ");
		strbuf_add(&out, text + ts_node_start_byte(ops[i]),
			   ts_node_end_byte(ops[i]) - ts_node_start_byte(ops[i]));
	}
	if (spt && !kept_modern) {
		if (kept++)
			strbuf_adds(&out, " | ");
		strbuf_add(&out, text + ts, te - ts);
		strbuf_adds(&out, ".Tls12");
	}
	if (!spt) {
		strbuf_add(&out, text + ts, te - ts);
		strbuf_adds(&out, ".None");
	}
	emit_replace(ctx, f,
		     spt ? "Drop the legacy members (better still, on .NET Framework 4.7 or later, "
			   "remove the assignment so the operating system's default applies)."
			 : "Use SslProtocols.None: the operating system chooses the versions.",
		     ts_node_start_byte(value), ts_node_end_byte(value), out.buf ? out.buf : "");
	strbuf_release(&out);
}
