/* c_fix.c: fixes of LT-C-001, LT-C-002 and LT-C-004 from the file's tokens (c_fix.h). */
#include "c_fix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/strbuf.h"

#define CF_STORED                                                                            \
	"The value is not written as the argument of the call that sets it (it is stored in "    \
	"a name, or passed to a helper that other code may use too): change it where the "       \
	"protocol is chosen."
#define CF_COMPUTED                                                                          \
	"The value is computed (not only the library's constants, joined by '|'): no edit keeps " \
	"its meaning."
#define CF_NO_CONTEXT                                                                        \
	"The method is not passed straight to 'SSL_CTX_new' in a statement that stores the "      \
	"context in a variable ('SSL_CTX *ctx = SSL_CTX_new(...);'), so the TLS 1.2 floor has "   \
	"no evident place: use the version-flexible method and call "                            \
	"'SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION)' on the context."

/* --- tokens ------------------------------------------------------------------------------ */

/* How far a walk from a finding to its call may go: a finding deeper in an argument list or
 * an initialiser than this has no fix, so a file of many findings costs linear time. */
#define CF_WALK 4096

static bool cf__is(const c_tokens *t, size_t i, const char *s)
{
	return i < t->len && c_tok_is(t, i, s);
}

static bool cf__ident(const c_tokens *t, size_t i)
{
	return i < t->len && t->toks[i].kind == C_TOK_IDENT;
}

static size_t cf__end(const c_tokens *t, size_t i)
{
	return t->toks[i].off + t->toks[i].len;
}

static bool cf__opener(const c_tokens *t, size_t i)
{
	return cf__is(t, i, "(") || cf__is(t, i, "[") || cf__is(t, i, "{");
}

static bool cf__closer(const c_tokens *t, size_t i)
{
	return cf__is(t, i, ")") || cf__is(t, i, "]") || cf__is(t, i, "}");
}

/* The token closing the group opened at `open`, or t->len (also when a directive intervenes). */
static size_t cf__close(const c_tokens *t, size_t open)
{
	int depth = 0;
	for (size_t i = open; i < t->len && i - open < CF_WALK; i++) {
		if (t->toks[i].directive)
			return t->len;
		if (cf__opener(t, i))
			depth++;
		else if (cf__closer(t, i) && --depth == 0)
			return i;
	}
	return t->len;
}

/* The tokens [*s, *e) of bytes [start, end): false unless they begin and end exactly there. */
static bool cf__span(const c_tokens *t, size_t start, size_t end, size_t *s, size_t *e)
{
	*s = c_tokens_at(t, start);
	*e = c_tokens_at(t, end);
	return *s < *e && t->toks[*s].off == start && cf__end(t, *e - 1) == end;
}

/* A call and one of its arguments, by token index. */
typedef struct cf_call {
	size_t callee, open, close; /* the callee's last token, its '(' and ')' */
	unsigned argno;             /* 1-based */
	size_t arg_s, arg_e;        /* the argument's tokens [arg_s, arg_e) */
} cf_call;

/* The call whose argument list holds token `i` directly (not inside a nested group). */
static bool cf__call_of(const c_tokens *t, size_t i, cf_call *c)
{
	int depth = 0;
	unsigned commas = 0;
	size_t arg_s = 0, open = t->len;
	for (size_t k = i; k-- > 0;) {
		if (t->toks[k].directive || i - k > CF_WALK)
			return false;
		if (cf__closer(t, k)) {
			depth++;
		} else if (cf__opener(t, k)) {
			if (depth == 0) {
				open = k;
				break;
			}
			depth--;
		} else if (depth == 0 && cf__is(t, k, ";")) {
			return false;
		} else if (depth == 0 && cf__is(t, k, ",")) {
			if (!commas)
				arg_s = k + 1;
			commas++;
		}
	}
	if (open >= t->len || !cf__is(t, open, "(") || open == 0 || !cf__ident(t, open - 1))
		return false;
	c->callee = open - 1;
	c->open = open;
	c->close = cf__close(t, open);
	if (c->close >= t->len)
		return false;
	c->argno = commas + 1;
	c->arg_s = commas ? arg_s : open + 1;
	depth = 0;
	size_t k = i;
	for (; k < c->close; k++) {
		if (cf__opener(t, k))
			depth++;
		else if (cf__closer(t, k))
			depth--;
		else if (depth == 0 && cf__is(t, k, ","))
			break;
	}
	c->arg_e = k;
	return true;
}

/* Argument `n` (1-based) of call `c`: its tokens [*s, *e). */
static bool cf__arg(const c_tokens *t, const cf_call *c, unsigned n, size_t *s, size_t *e)
{
	int depth = 0;
	unsigned no = 1;
	*s = c->open + 1;
	for (size_t k = c->open + 1; k <= c->close; k++) {
		bool end = k == c->close || (depth == 0 && cf__is(t, k, ","));
		if (end) {
			if (no == n) {
				*e = k;
				return *e > *s;
			}
			no++;
			*s = k + 1;
			continue;
		}
		if (cf__opener(t, k))
			depth++;
		else if (cf__closer(t, k))
			depth--;
	}
	return false;
}

/* Is token `i` the name `s`? */
static bool cf__name(const c_tokens *t, size_t i, const char *s)
{
	size_t n = strlen(s);
	return cf__ident(t, i) && t->toks[i].len == n && memcmp(t->text + t->toks[i].off, s, n) == 0;
}

static bool cf__callee(const c_tokens *t, const cf_call *c, const char *const *names)
{
	for (size_t k = 0; names[k]; k++)
		if (cf__name(t, c->callee, names[k]))
			return true;
	return false;
}

/* Narrows [*s, *e) past grouping parentheses and C casts (`(long)X`, `((long)(X))`). */
static void cf__strip(const c_tokens *t, size_t *s, size_t *e)
{
	for (int guard = 0; guard < 16 && *e - *s > 1 && cf__is(t, *s, "("); guard++) {
		size_t c = cf__close(t, *s);
		if (c == *e - 1) {
			(*s)++;
			(*e)--;
			continue;
		}
		if (c >= *e || c == *s + 1)
			return;
		for (size_t k = *s + 1; k < c; k++)
			if (!cf__ident(t, k) && t->toks[k].kind != C_TOK_KEYWORD && !cf__is(t, k, "*"))
				return;
		*s = c + 1;
	}
}

/* Splits [s, e) at top-level '|' into at most `max` parts; 0 when there are more. */
static size_t cf__parts(const c_tokens *t, size_t s, size_t e, size_t (*parts)[2], size_t max)
{
	size_t n = 0, from = s;
	int depth = 0;
	for (size_t k = s; k <= e; k++) {
		if (k == e || (depth == 0 && cf__is(t, k, "|"))) {
			if (n == max || k == from)
				return 0;
			parts[n][0] = from;
			parts[n][1] = k;
			n++;
			from = k + 1;
			continue;
		}
		if (cf__opener(t, k))
			depth++;
		else if (cf__closer(t, k))
			depth--;
	}
	return n;
}

static char *cf__text(const c_tokens *t, size_t s, size_t e)
{
	return xstrndup(t->text + t->toks[s].off, cf__end(t, e - 1) - t->toks[s].off);
}

/* The reason for a value that is one token but not a constant of the library. */
static void cf__spelled(c_hit *hit, const c_tokens *t, size_t i)
{
	if (!cf__ident(t, i)) {
		c_hit_no_fix(hit, CF_COMPUTED);
		return;
	}
	char why[256];
	snprintf(why, sizeof(why),
		 "The value is spelled through '%.*s', a macro or name of the project: change it "
		 "where it is defined.",
		 (int)(t->toks[i].len > 80 ? 80 : t->toks[i].len), t->text + t->toks[i].off);
	c_hit_no_fix(hit, why);
}

/* --- LT-C-001: OpenSSL method functions --------------------------------------------------- */

/* "TLS_client_method" for a legacy method name, or NULL. */
static const char *cf__method(const c_tokens *t, size_t i, bool *dtls)
{
	static const char *const prefixes[] = { "SSLv2_", "SSLv3_", "TLSv1_1_", "TLSv1_", "DTLSv1_" };
	if (!cf__ident(t, i))
		return NULL;
	const char *s = t->text + t->toks[i].off;
	size_t n = t->toks[i].len;
	for (size_t p = 0; p < sizeof(prefixes) / sizeof(prefixes[0]); p++) {
		size_t pl = strlen(prefixes[p]);
		if (n <= pl || memcmp(s, prefixes[p], pl) != 0)
			continue;
		*dtls = p == 4;
		const char *rest = s + pl;
		size_t rl = n - pl;
		static const char *const kinds[][3] = { { "method", "TLS_method", "DTLS_method" },
						       { "client_method", "TLS_client_method",
							 "DTLS_client_method" },
						       { "server_method", "TLS_server_method",
							 "DTLS_server_method" } };
		for (size_t k = 0; k < 3; k++)
			if (rl == strlen(kinds[k][0]) && memcmp(rest, kinds[k][0], rl) == 0)
				return kinds[k][*dtls ? 2 : 1];
		return NULL;
	}
	return NULL;
}

/* A keyword that may be part of a declaration's specifiers (`const SSL_CTX *ctx = ...`). */
static bool cf__decl_word(const c_tokens *t, size_t i)
{
	static const char *const words[] = { "const", "struct", "auto", "volatile", "register" };
	if (cf__ident(t, i) || cf__is(t, i, "*") || cf__is(t, i, "::"))
		return true;
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (cf__is(t, i, words[k]))
			return true;
	return false;
}

/* Is `stmt` (a token index) where a statement of a function body may start? The token before
 * it ends a statement or opens a block, and the nearest open '{' is a function's or a
 * statement's body, not a class's or an initialiser's. */
static bool cf__statement_start(const c_tokens *t, size_t stmt)
{
	if (stmt == 0 || t->toks[stmt].block < 0)
		return false;
	size_t p = stmt - 1;
	if (!t->toks[p].directive && !cf__is(t, p, ";") && !cf__is(t, p, "{") && !cf__is(t, p, "}"))
		return false;
	int depth = 0;
	for (size_t k = stmt; k-- > 0 && stmt - k <= CF_WALK;) {
		if (t->toks[k].directive)
			continue;
		if (cf__closer(t, k)) {
			depth++;
		} else if (cf__opener(t, k)) {
			if (depth > 0) {
				depth--;
				continue;
			}
			if (!cf__is(t, k, "{") || k == 0)
				return false;
			static const char *const before[] = { ")", "]", "{", ";", "}", "else",
							      "do", "const", "noexcept", "try" };
			for (size_t b = 0; b < sizeof(before) / sizeof(before[0]); b++)
				if (cf__is(t, k - 1, before[b]))
					return true;
			return false;
		}
	}
	return false;
}

/* The calls of SSL_CTX_set_min_proto_version in the file (their names' token indices), found
 * once for all hits. */
typedef struct cf_floors {
	size_t *at;
	size_t len, cap;
	bool done;
} cf_floors;

/* Does block `block` already call SSL_CTX_set_min_proto_version on `ctx`? */
static bool cf__has_floor(const c_tokens *t, cf_floors *fl, int block, const char *ctx)
{
	if (!fl->done) {
		fl->done = true;
		for (size_t k = 0; k + 1 < t->len; k++)
			if (cf__name(t, k, "SSL_CTX_set_min_proto_version") && cf__is(t, k + 1, "(")) {
				GROW(fl->at, fl->cap, fl->len + 1);
				fl->at[fl->len++] = k;
			}
	}
	for (size_t n = 0; n < fl->len; n++) {
		size_t k = fl->at[n];
		if (t->toks[k].block != block)
			continue;
		cf_call c = { .open = k + 1, .close = cf__close(t, k + 1) };
		size_t s, e;
		if (c.close >= t->len || !cf__arg(t, &c, 1, &s, &e))
			continue;
		char *first = cf__text(t, s, e);
		bool same = strcmp(first, ctx) == 0;
		free(first);
		if (same)
			return true;
	}
	return false;
}

static void cf__method_fix(c_hit *hit, const c_tokens *t, cf_floors *fl, size_t s, size_t e)
{
	(void)e;
	/* The hit is the name, or `::` before it (the AST's call starts there). */
	size_t i = cf__is(t, s, "::") ? s + 1 : s;
	size_t first = i > 0 && cf__is(t, i - 1, "::") ? i - 1 : i;
	bool dtls = false;
	const char *repl = cf__method(t, i, &dtls);
	cf_call c;
	if (!repl || !cf__is(t, i + 1, "(") || !cf__is(t, i + 2, ")") || !cf__call_of(t, i, &c) ||
	    c.argno != 1 || c.arg_s != first || c.arg_e != i + 3 ||
	    !cf__callee(t, &c, (const char *const[]){ "SSL_CTX_new", NULL }) ||
	    !cf__is(t, c.close + 1, ";")) {
		c_hit_no_fix(hit, CF_NO_CONTEXT);
		return;
	}
	/* `lhs = [::]SSL_CTX_new(...);` where lhs is a name with members (`s->ctx`), and what
	 * precedes it declaration specifiers back to the start of a statement. */
	size_t b = c.callee;
	if (b > 0 && cf__is(t, b - 1, "::"))
		b--;
	if (b < 2 || !cf__is(t, b - 1, "=") || !cf__ident(t, b - 2)) {
		c_hit_no_fix(hit, CF_NO_CONTEXT);
		return;
	}
	size_t last = b - 2, lhs = last;
	while (lhs >= 2 && (cf__is(t, lhs - 1, ".") || cf__is(t, lhs - 1, "->")) &&
	       cf__ident(t, lhs - 2))
		lhs -= 2;
	size_t stmt = lhs;
	for (int guard = 0; guard < 16 && stmt > 0 && !t->toks[stmt - 1].directive &&
			    cf__decl_word(t, stmt - 1);
	     guard++)
		stmt--;
	if (!cf__statement_start(t, stmt)) {
		c_hit_no_fix(hit, CF_NO_CONTEXT);
		return;
	}
	char *ctx = cf__text(t, lhs, last + 1);
	char what[512];
	bool floor = !cf__has_floor(t, fl, t->toks[stmt].block, ctx);
	snprintf(what, sizeof(what), "Use '%s()' (version-flexible)%s. This needs OpenSSL 1.1.0 or later.",
		 repl,
		 floor ? (dtls ? " and a DTLS 1.2 floor, 'SSL_CTX_set_min_proto_version(ctx, "
				 "DTLS1_2_VERSION)'"
			       : " and a TLS 1.2 floor, 'SSL_CTX_set_min_proto_version(ctx, "
				 "TLS1_2_VERSION)'")
		       : "; the function already sets the context's minimum version");
	c_hit_replace(hit, what, t->toks[i].off, cf__end(t, i), repl);
	if (floor) {
		/* After the statement: on a line of its own with the statement's indentation
		 * when nothing but a `//` comment follows it, else on the same line. */
		const char *text = t->text;
		size_t semi = cf__end(t, c.close + 1), at = semi;
		while (text[at] == ' ' || text[at] == '\t')
			at++;
		bool eol = text[at] == '\0' || text[at] == '\n' || text[at] == '\r' ||
			   (text[at] == '/' && text[at + 1] == '/');
		strbuf sb = { 0 };
		if (eol) {
			while (text[at] && text[at] != '\n')
				at++;
			bool crlf = at > 0 && text[at - 1] == '\r' && text[at] == '\n';
			if (crlf)
				at--;
			size_t ls = t->toks[stmt].off;
			while (ls > 0 && text[ls - 1] != '\n')
				ls--;
			size_t le = ls;
			while (text[le] == ' ' || text[le] == '\t')
				le++;
			strbuf_adds(&sb, crlf ? "\r\n" : "\n");
			strbuf_add(&sb, text + ls, le - ls);
		} else {
			at = semi;
			strbuf_addc(&sb, ' ');
		}
		strbuf_addf(&sb, "SSL_CTX_set_min_proto_version(%s, %s);", ctx,
			    dtls ? "DTLS1_2_VERSION" : "TLS1_2_VERSION");
		c_hit_replace(hit, what, at, at, strbuf_str(&sb));
		strbuf_release(&sb);
	}
	free(ctx);
}

/* --- LT-C-002: OpenSSL protocol bounds --------------------------------------------------- */

enum cf_bound { CF_NONE, CF_MIN, CF_MAX, CF_CONF_MIN, CF_CONF_MAX };

static enum cf_bound cf__bound(const c_tokens *t, const cf_call *c)
{
	static const char *const mins[] = { "SSL_CTX_set_min_proto_version",
					    "SSL_set_min_proto_version", NULL };
	static const char *const maxs[] = { "SSL_CTX_set_max_proto_version",
					    "SSL_set_max_proto_version", NULL };
	static const char *const ctrls[] = { "SSL_CTX_ctrl", "SSL_ctrl", NULL };
	size_t s, e;
	if (c->argno == 2 && cf__callee(t, c, mins))
		return CF_MIN;
	if (c->argno == 2 && cf__callee(t, c, maxs))
		return CF_MAX;
	if (c->argno == 3 && cf__callee(t, c, ctrls) && cf__arg(t, c, 2, &s, &e) && e == s + 1)
		return cf__name(t, s, "SSL_CTRL_SET_MIN_PROTO_VERSION")   ? CF_MIN
		       : cf__name(t, s, "SSL_CTRL_SET_MAX_PROTO_VERSION") ? CF_MAX
									  : CF_NONE;
	if (c->argno == 3 && cf__callee(t, c, (const char *const[]){ "SSL_CONF_cmd", NULL }) &&
	    cf__arg(t, c, 2, &s, &e) && e == s + 1) {
		char *cmd = c_tok_string(t, s);
		enum cf_bound b = CF_NONE;
		if (cmd && (strcmp(cmd, "MinProtocol") == 0 || strcmp(cmd, "-min_protocol") == 0))
			b = CF_CONF_MIN;
		else if (cmd && (strcmp(cmd, "MaxProtocol") == 0 || strcmp(cmd, "-max_protocol") == 0))
			b = CF_CONF_MAX;
		free(cmd);
		return b;
	}
	return CF_NONE;
}

/* The legacy version a one-token value names: 1 TLS (SSL 3.0 to TLS 1.1), 2 DTLS 1.0, 0 none. */
static int cf__legacy_version(const c_tokens *t, size_t i)
{
	static const char *const tls[] = { "SSL3_VERSION", "TLS1_VERSION", "TLS1_1_VERSION" };
	static const char *const dtls[] = { "DTLS1_VERSION", "DTLS1_BAD_VER" };
	for (size_t k = 0; k < 3; k++)
		if (cf__name(t, i, tls[k]))
			return 1;
	for (size_t k = 0; k < 2; k++)
		if (cf__name(t, i, dtls[k]))
			return 2;
	if (t->toks[i].kind != C_TOK_LITERAL || t->toks[i].len > 16)
		return 0;
	char num[20];
	memcpy(num, t->text + t->toks[i].off, t->toks[i].len);
	num[t->toks[i].len] = '\0';
	char *end = NULL;
	unsigned long long v = strtoull(num, &end, 0);
	while (end && (*end == 'u' || *end == 'U' || *end == 'l' || *end == 'L'))
		end++;
	if (!end || *end || end == num)
		return 0;
	return v >= 0x300 && v <= 0x302 ? 1 : v == 0xfeff || v == 0x100 ? 2 : 0;
}

static void cf__bound_fix(c_hit *hit, const c_tokens *t, cf_floors *fl, size_t s, size_t e)
{
	(void)fl;
	cf_call c;
	enum cf_bound b = CF_NONE;
	if (cf__call_of(t, s, &c) && c.arg_s == s && c.arg_e == e)
		b = cf__bound(t, &c);
	if (b == CF_NONE) {
		c_hit_no_fix(hit, CF_STORED);
		return;
	}
	size_t vs = s, ve = e;
	cf__strip(t, &vs, &ve);
	if (ve != vs + 1) {
		c_hit_no_fix(hit, CF_COMPUTED);
		return;
	}
	size_t off = t->toks[vs].off, end = cf__end(t, vs);
	if (b == CF_CONF_MIN || b == CF_CONF_MAX) {
		char *v = c_tok_string(t, vs);
		bool plain = v && t->text[off] == '"';
		const char *to = NULL, *what = NULL;
		if (plain && b == CF_CONF_MIN && strcmp(v, "DTLSv1") == 0)
			to = "\"DTLSv1.2\"", what = "Set the minimum to 'DTLSv1.2'.";
		else if (plain && b == CF_CONF_MIN)
			to = "\"TLSv1.2\"", what = "Set the minimum to 'TLSv1.2'.";
		else if (plain)
			to = "\"None\"", what = "Remove the cap: 'None' sets no maximum, so TLS 1.2 and "
						"TLS 1.3 can be negotiated.";
		free(v);
		if (to)
			c_hit_replace(hit, what, off, end, to);
		else
			c_hit_no_fix(hit, CF_COMPUTED);
		return;
	}
	int family = cf__legacy_version(t, vs);
	if (!family) {
		cf__spelled(hit, t, vs);
		return;
	}
	if (b == CF_MIN)
		c_hit_replace(hit,
			      family == 2 ? "Set the minimum to 'DTLS1_2_VERSION'."
					  : "Set the minimum to 'TLS1_2_VERSION'.",
			      off, end, family == 2 ? "DTLS1_2_VERSION" : "TLS1_2_VERSION");
	else
		c_hit_replace(hit,
			      "Remove the cap: a maximum of 0 lets OpenSSL use the highest version "
			      "it supports (TLS 1.3).",
			      off, end, "0");
}

/* --- LT-C-004: libcurl CURLOPT_SSLVERSION ------------------------------------------------ */

/* 1 a legacy floor, 2 a legacy cap, 3 another CURL_SSLVERSION_ constant, 0 anything else. */
static int cf__curl_kind(const c_tokens *t, size_t i)
{
	static const char *const floors[] = { "CURL_SSLVERSION_TLSv1", "CURL_SSLVERSION_SSLv2",
					      "CURL_SSLVERSION_SSLv3", "CURL_SSLVERSION_TLSv1_0",
					      "CURL_SSLVERSION_TLSv1_1" };
	static const char *const caps[] = { "CURL_SSLVERSION_MAX_TLSv1_0",
					    "CURL_SSLVERSION_MAX_TLSv1_1" };
	for (size_t k = 0; k < 5; k++)
		if (cf__name(t, i, floors[k]))
			return 1;
	for (size_t k = 0; k < 2; k++)
		if (cf__name(t, i, caps[k]))
			return 2;
	static const char prefix[] = "CURL_SSLVERSION_";
	return cf__ident(t, i) && t->toks[i].len > sizeof(prefix) - 1 &&
			       memcmp(t->text + t->toks[i].off, prefix, sizeof(prefix) - 1) == 0
		       ? 3
		       : 0;
}

static void cf__curl_fix(c_hit *hit, const c_tokens *t, cf_floors *fl, size_t s, size_t e)
{
	(void)fl;
	cf_call c;
	if (!cf__call_of(t, s, &c) || c.arg_s != s || c.arg_e != e || c.argno != 3 ||
	    !cf__callee(t, &c, (const char *const[]){ "curl_easy_setopt", NULL })) {
		c_hit_no_fix(hit, CF_STORED);
		return;
	}
	size_t vs = s, ve = e;
	cf__strip(t, &vs, &ve);
	size_t parts[8][2], name[8];
	size_t n = cf__parts(t, vs, ve, parts, 8);
	if (!n) {
		c_hit_no_fix(hit, CF_COMPUTED);
		return;
	}
	int kinds[8];
	size_t nfloor = 0, ncap = 0;
	for (size_t k = 0; k < n; k++) {
		size_t ps = parts[k][0], pe = parts[k][1];
		cf__strip(t, &ps, &pe);
		if (pe != ps + 1) {
			c_hit_no_fix(hit, CF_COMPUTED);
			return;
		}
		name[k] = ps;
		kinds[k] = cf__curl_kind(t, ps);
		if (!kinds[k]) {
			cf__spelled(hit, t, ps);
			return;
		}
		nfloor += kinds[k] == 1;
		ncap += kinds[k] == 2;
	}
	if (!nfloor && !ncap) {
		c_hit_no_fix(hit, CF_COMPUTED);
		return;
	}
	static const char to[] = "CURL_SSLVERSION_TLSv1_2";
	const char *what = !ncap   ? "Use 'CURL_SSLVERSION_TLSv1_2': TLS 1.2 or later."
			   : nfloor ? "Use 'CURL_SSLVERSION_TLSv1_2' and drop the "
				      "'CURL_SSLVERSION_MAX_*' cap below TLS 1.2."
				    : "Drop the 'CURL_SSLVERSION_MAX_*' cap below TLS 1.2.";
	if (n == 1) {
		/* One constant: a floor, or a cap alone (then TLS 1.2 or later, uncapped). */
		if (ncap)
			what = "Use 'CURL_SSLVERSION_TLSv1_2' instead of a cap below TLS 1.2: TLS 1.2 "
			       "or later.";
		c_hit_replace(hit, what, t->toks[name[0]].off, cf__end(t, name[0]), to);
		return;
	}
	/* Several joined by '|': the parts kept (floors raised), joined again by " | ". */
	strbuf sb = { 0 };
	size_t kept = 0;
	for (size_t k = 0; k < n; k++) {
		if (kinds[k] == 2)
			continue;
		const char *p = t->text + t->toks[parts[k][0]].off;
		if (kept++)
			strbuf_adds(&sb, " | ");
		if (kinds[k] == 1) {
			strbuf_add(&sb, p, t->toks[name[k]].off - t->toks[parts[k][0]].off);
			strbuf_adds(&sb, to);
			strbuf_add(&sb, t->text + cf__end(t, name[k]),
				   cf__end(t, parts[k][1] - 1) - cf__end(t, name[k]));
		} else {
			strbuf_add(&sb, p, cf__end(t, parts[k][1] - 1) - t->toks[parts[k][0]].off);
		}
	}
	if (!kept)
		strbuf_adds(&sb, to);
	c_hit_replace(hit, what, t->toks[vs].off, cf__end(t, ve - 1), strbuf_str(&sb));
	strbuf_release(&sb);
}

/* --- the rules --------------------------------------------------------------------------- */

static const struct {
	const char *rule;
	void (*fix)(c_hit *hit, const c_tokens *t, cf_floors *fl, size_t s, size_t e);
} cf_rules[] = {
	{ "LT-C-001", cf__method_fix },
	{ "LT-C-002", cf__bound_fix },
	{ "LT-C-004", cf__curl_fix },
};

void c_fix_hits(c_hits *h, const c_tokens *t)
{
	cf_floors fl = { 0 };
	for (size_t i = 0; i < h->len; i++) {
		c_hit *hit = &h->items[i];
		for (size_t r = 0; r < sizeof(cf_rules) / sizeof(cf_rules[0]); r++) {
			if (strcmp(hit->rule->id, cf_rules[r].rule) != 0)
				continue;
			c_hit_clear_fix(hit);
			size_t s, e;
			if (!cf__span(t, hit->start, hit->end, &s, &e))
				c_hit_no_fix(hit, CF_COMPUTED);
			else
				cf_rules[r].fix(hit, t, &fl, s, e);
		}
	}
	free(fl.at);
}
