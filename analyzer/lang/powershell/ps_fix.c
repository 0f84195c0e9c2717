/* ps_fix.c: fixes of LT-PS-001 and LT-PS-002 findings (ps_fix.h). Uses the node questions of
 * powershell_syntax.c (ps_kind, ps_unwrap, ps_operator) and, for registry writes, the
 * command reading of powershell_commands.c and the strings of powershell_strings.c. */
#include "lang/powershell/ps_fix.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "engine/emit.h"
#include "lang/powershell/powershell_values_int.h"
#include "util/strbuf.h"
#include "values/registry_policy.h"

#define PS_FIX_MAX_ITEMS 16

static const char *const ps_fix__legacy[] = { "Ssl3", "Tls", "Tls11", NULL };
static const char *const ps_fix__members[] = { "SystemDefault", "Ssl3", "Tls", "Tls11",
					       "Tls12", "Tls13", NULL };

static bool ps_fix__one_of(const char *s, size_t len, const char *const *names)
{
	for (const char *const *n = names; *n; n++)
		if (strlen(*n) == len && strncasecmp(*n, s, len) == 0)
			return true;
	return false;
}

static bool ps_fix__modern(const char *s, size_t len)
{
	static const char *const modern[] = { "Tls12", "Tls13", NULL };
	return ps_fix__one_of(s, len, modern);
}

/* Does a `[Type]` literal name `want` (its last dotted part)? */
static bool ps_fix__type_is(const char *text, TSNode lit, const char *want)
{
	uint32_t b = ts_node_start_byte(lit), e = ts_node_end_byte(lit);
	while (e > b && (text[e - 1] == ']' || isspace((unsigned char)text[e - 1])))
		e--;
	uint32_t s = e;
	while (s > b && text[s - 1] != '.' && text[s - 1] != '[')
		s--;
	return e - s == strlen(want) && strncasecmp(text + s, want, e - s) == 0;
}

static bool ps_fix__spt_literal(const char *text, TSNode lit)
{
	return ps_fix__type_is(text, lit, "SecurityProtocolType");
}

/* One item of the value: a `[T]::Member` node, or a name inside a string. */
typedef struct ps_fix_item {
	uint32_t start, end; /* the whole item (member access, or the name in the string) */
	uint32_t name, name_end; /* the member's name */
	uint32_t type, type_end; /* the type literal (members only) */
} ps_fix_item;

/* The operands of a `-bor` chain of `[...SecurityProtocolType]::Member` accesses (and of
 * `[...ServicePointManager]::SecurityProtocol`, what is set already, which stays). */
static bool ps_fix__members_of(const char *text, TSNode n, ps_fix_item *out, size_t *len)
{
	n = ps_unwrap(n);
	if (ts_node_is_null(n))
		return false;
	if ((ps_kind(n, "bitwise_expression") || ps_kind(n, "bitwise_argument_expression")) &&
	    ts_node_named_child_count(n) == 2) {
		TSNode op = ps_operator(n);
		if (ts_node_is_null(op) || ts_node_end_byte(op) - ts_node_start_byte(op) != 4 ||
		    strncasecmp(text + ts_node_start_byte(op), "-bor", 4) != 0)
			return false;
		return ps_fix__members_of(text, ts_node_named_child(n, 0), out, len) &&
		       ps_fix__members_of(text, ts_node_named_child(n, 1), out, len);
	}
	if (!ps_kind(n, "member_access") || ts_node_named_child_count(n) != 2 ||
	    *len >= PS_FIX_MAX_ITEMS)
		return false;
	TSNode lit = ts_node_named_child(n, 0), name = ts_node_named_child(n, 1);
	if (!ps_kind(lit, "type_literal"))
		return false;
	uint32_t nb = ts_node_start_byte(name), ne = ts_node_end_byte(name);
	static const char *const current[] = { "SecurityProtocol", NULL };
	if (ps_fix__spt_literal(text, lit) ? !ps_fix__one_of(text + nb, ne - nb, ps_fix__members)
					   : !ps_fix__type_is(text, lit, "ServicePointManager") ||
						     !ps_fix__one_of(text + nb, ne - nb, current))
		return false;
	out[(*len)++] = (ps_fix_item){ .start = ts_node_start_byte(n), .end = ts_node_end_byte(n),
				       .name = nb, .name_end = ne,
				       .type = ts_node_start_byte(lit),
				       .type_end = ts_node_end_byte(lit) };
	return true;
}

/* The names of a string of comma-separated member names ('Tls,Tls11'): its content must be
 * literal (no `$`, backtick or doubled quote) and every item a member. [*cs, *ce) is the
 * content between the quotes. */
static bool ps_fix__string_of(const char *text, TSNode n, ps_fix_item *out, size_t *len,
			      uint32_t *cs, uint32_t *ce)
{
	if (!ps_kind(n, "string_literal") || ts_node_named_child_count(n) != 1)
		return false;
	TSNode c = ts_node_named_child(n, 0);
	if (!ps_kind(c, "verbatim_string_characters") && !ps_kind(c, "expandable_string_literal"))
		return false;
	uint32_t b = ts_node_start_byte(c), e = ts_node_end_byte(c);
	if (e - b < 2)
		return false;
	b++, e--;
	for (uint32_t i = b; i < e; i++)
		if (text[i] == '$' || text[i] == '`' || text[i] == '\'' || text[i] == '"')
			return false;
	*cs = b, *ce = e;
	for (uint32_t i = b; i <= e;) {
		uint32_t s = i;
		while (i < e && text[i] != ',')
			i++;
		uint32_t a = s, z = i;
		while (a < z && isspace((unsigned char)text[a]))
			a++;
		while (z > a && isspace((unsigned char)text[z - 1]))
			z--;
		if (*len >= PS_FIX_MAX_ITEMS || !ps_fix__one_of(text + a, z - a, ps_fix__members))
			return false;
		out[(*len)++] = (ps_fix_item){ .start = a, .end = z, .name = a, .name_end = z };
		i++;
	}
	return *len > 0;
}

/* Where the value goes: 0 fixable (assigned with `=` to SecurityProtocol or a property,
 * passed), else the reason there is no fix. */
static const char *ps_fix__site(const char *text, TSNode value)
{
	TSNode p = ts_node_parent(value);
	if (ts_node_is_null(p) || !ps_kind(p, "assignment_expression"))
		return NULL; /* a command's or a method's argument */
	TSNode left = ps_unwrap(ts_node_named_child(p, 0));
	TSNode op = ts_node_named_child(p, 1);
	if (!ts_node_is_null(left) && ps_kind(left, "variable"))
		return "The value is stored in a variable that other code may read too: change it "
		       "where the protocols are chosen.";
	if (ts_node_is_null(op) || ts_node_end_byte(op) - ts_node_start_byte(op) != 1 ||
	    text[ts_node_start_byte(op)] != '=')
		return "'+=' adds the value's number to what is set (twice, it is another value): "
		       "write '[Net.ServicePointManager]::SecurityProtocol = "
		       "[Net.ServicePointManager]::SecurityProtocol -bor "
		       "[Net.SecurityProtocolType]::Tls12' instead.";
	return NULL;
}

/* An integer written as a literal (`1`, `0x800`, reg.exe's bare `/d 1`, a quoted '0'): its
 * value, whether it is hex, and the digits' bytes [*rs, *re); false for anything else. */
static bool ps_fix__integer(const char *text, TSNode n, long long *v, bool *hex, uint32_t *rs,
			    uint32_t *re)
{
	n = ps_unwrap(n);
	if (ts_node_is_null(n))
		return false;
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
	if (ps_kind(n, "string_literal") && ts_node_named_child_count(n) == 1 &&
	    (ps_kind(ts_node_named_child(n, 0), "verbatim_string_characters") ||
	     ps_kind(ts_node_named_child(n, 0), "expandable_string_literal")) &&
	    e - b >= 2) {
		b++, e--; /* '0', "1": the digits inside the quotes */
	} else if (!(ps_kind(n, "decimal_integer_literal") ||
		     ps_kind(n, "hexadecimal_integer_literal") || ps_kind(n, "integer_literal") ||
		     ps_kind(n, "generic_token"))) {
		return false;
	}
	*rs = b, *re = e;
	*hex = e - b > 2 && text[b] == '0' && (text[b + 1] == 'x' || text[b + 1] == 'X');
	if (b == e || e - b > 18)
		return false;
	long long x = 0;
	for (uint32_t i = *hex ? b + 2 : b; i < e; i++) {
		int d = isdigit((unsigned char)text[i])		? text[i] - '0'
			: *hex && isxdigit((unsigned char)text[i]) ? tolower((unsigned char)text[i]) - 'a' + 10
							       : -1;
		if (d < 0)
			return false;
		x = x * (*hex ? 16 : 10) + d;
	}
	*v = x;
	return true;
}

/* LT-PS-002: the data of a registry write that turns a legacy version back on becomes the
 * hardening value, as LT-REG-001..003's fixes of `.reg` files do: SCHANNEL `Enabled` 0,
 * `DisabledByDefault` 1; `SchUseStrongCrypto` / `SystemDefaultTlsVersions` 1; a WinHTTP or
 * Internet Settings mask without the legacy bits (TLS 1.2, 0x800, added when no TLS 1.2 or
 * 1.3 bit is left). Only when the data is an integer literal and the key and name strings. */
static void ps_fix__registry(const file_ctx *ctx, finding *f, TSNode command)
{
	const char *text = ctx->src->text;
	TSNode root = command;
	for (TSNode p = ts_node_parent(root); !ts_node_is_null(p); p = ts_node_parent(p))
		root = p;
	eval_ctx ec = { .src = ctx->src, .root = root, .lang = ctx->lang };
	TSNode key, name, data;
	long long v = 0;
	bool hex = false;
	uint32_t rs = 0, re = 0;
	if (!ps_registry_parts(&ec, command, &key, &name, &data) ||
	    !ps_fix__integer(text, data, &v, &hex, &rs, &re)) {
		finding_set_no_fix(f, "The data written is computed: write the hardening value "
				      "where it is chosen.");
		return;
	}
	strbuf k = STRBUF_INIT, n = STRBUF_INIT;
	bool known_key = ps_string(&ec, key, &k), known_name = ps_string(&ec, name, &n);
	version_set enabled = 0;
	registry_setting setting = REGISTRY_OTHER;
	if (known_name && known_key)
		setting = registry_policy_classify(strbuf_str(&k), k.len, strbuf_str(&n), n.len, v,
						   &enabled);
	else if (known_name && registry_policy_versions_any_key(strbuf_str(&n), n.len, v))
		setting = REGISTRY_NETFX;
	long long to = -1;
	if (setting == REGISTRY_SCHANNEL)
		to = n.len == 7 && strncasecmp(strbuf_str(&n), "Enabled", 7) == 0 ? 0 : 1;
	else if (setting == REGISTRY_NETFX)
		to = 1;
	else if (setting == REGISTRY_SECURE_PROTOCOLS)
		to = (v & ~0x2A8LL) | ((v & (0x800 | 0x2000)) ? 0 : 0x800);
	strbuf_release(&k);
	strbuf_release(&n);
	if (to < 0) {
		finding_set_no_fix(f, "The key or value name is computed: write the hardening "
				      "value where they are chosen.");
		return;
	}
	char buf[32];
	snprintf(buf, sizeof(buf), hex && to ? "0x%llx" : "%lld", to);
	emit_replace(ctx, f,
		     setting == REGISTRY_SCHANNEL ? "Write the hardening value ('Enabled' = 0, "
						    "'DisabledByDefault' = 1)."
		     : setting == REGISTRY_NETFX ? "Opt into strong cryptography and the operating "
						   "system's default (1)."
						 : "Write the mask without the legacy protocol bits.",
		     rs, re, buf);
}

void ps_fix(const file_ctx *ctx, finding *f, TSNode value, bool followed)
{
	if (strcmp(f->rule->id, "LT-PS-002") == 0) {
		ps_fix__registry(ctx, f, value);
		return;
	}
	if (strcmp(f->rule->id, "LT-PS-001") != 0)
		return;
	const char *text = ctx->src->text;
	if (followed) {
		finding_set_no_fix(f, "The value is a variable that other code may use too: change "
				      "it where the protocols are chosen.");
		return;
	}
	const char *why = ps_fix__site(text, value);
	if (why) {
		finding_set_no_fix(f, why);
		return;
	}
	ps_fix_item items[PS_FIX_MAX_ITEMS];
	size_t n = 0;
	uint32_t start, end;
	bool string = false;
	TSNode v = ps_unwrap(value);
	if (!ts_node_is_null(v) && ps_kind(v, "cast_expression") &&
	    ts_node_named_child_count(v) == 2 && ps_fix__spt_literal(text, ts_node_named_child(v, 0)))
		v = ps_unwrap(ts_node_named_child(v, 1)); /* [Net.SecurityProtocolType]'Tls,Tls11' */
	if (!ts_node_is_null(v) && ps_fix__string_of(text, v, items, &n, &start, &end)) {
		string = true;
	} else {
		n = 0;
		if (!ps_fix__members_of(text, value, items, &n)) {
			finding_set_no_fix(f, "The value is computed (not only SecurityProtocolType "
					      "members joined by '-bor', or a string of their "
					      "names): no edit keeps its meaning.");
			return;
		}
		start = ts_node_start_byte(v);
		end = ts_node_end_byte(v);
	}
	const char *sep = string ? (memmem(text + start, end - start, ", ", 2) ? ", " : ",")
				 : " -bor ";
	strbuf out = STRBUF_INIT;
	bool kept_modern = false;
	size_t kept = 0;
	const ps_fix_item *first_legacy = NULL;
	for (size_t i = 0; i < n; i++) {
		const ps_fix_item *it = &items[i];
		if (ps_fix__one_of(text + it->name, it->name_end - it->name, ps_fix__legacy)) {
			if (!first_legacy)
				first_legacy = it;
			continue;
		}
		kept_modern |= ps_fix__modern(text + it->name, it->name_end - it->name);
		if (kept++)
			strbuf_adds(&out, sep);
		strbuf_add(&out, text + it->start, it->end - it->start);
	}
	if (!first_legacy) {
		strbuf_release(&out);
		finding_set_no_fix(f, "The legacy versions come from a value the code reads.");
		return;
	}
	if (!kept_modern) {
		if (kept++)
			strbuf_adds(&out, sep);
		if (!string) {
			strbuf_add(&out, text + first_legacy->type,
				   first_legacy->type_end - first_legacy->type);
			strbuf_adds(&out, "::");
		}
		strbuf_adds(&out, "Tls12");
	}
	emit_replace(ctx, f,
		     "Drop the legacy members (better still, on PowerShell 7, remove the line so "
		     "the operating system's default applies).",
		     start, end, out.buf ? out.buf : "");
	strbuf_release(&out);
}
