/* php_values.c: evaluating PHP expressions to the TLS versions a setting lets a connection use
 * (PhpTlsSetting).
 *
 * Three kinds of value meet here, each with its own meaning:
 *  - libcurl's CURLOPT_SSLVERSION: `CURL_SSLVERSION_*` constants (the low 16 bits are a
 *    floor, `CURL_SSLVERSION_MAX_*` in the high 16 bits a cap), and bare numbers, which mean a
 *    version only where CURLOPT_SSLVERSION takes them (php_syntax_at_curl_sink);
 *  - stream crypto methods: `STREAM_CRYPTO_METHOD_*` bits (PHP's own values). Only the bits of
 *    the single-version methods that were spelled count (`TLSv1_0_CLIENT | TLSv1_2_CLIENT`
 *    enables TLS 1.0; `TLS_CLIENT`, `TLS_ANY_CLIENT`, `ANY_CLIENT` and `SSLv23_CLIENT`
 *    negotiate and name no version; `TLS_CLIENT & ~TLSv1_0_CLIENT` masks TLS 1.0 out);
 *    numbers are silent;
 *  - transport URLs of stream_socket_client and fsockopen: a string starting with
 *    `sslv2://`, `sslv3://`, `tlsv1.0://` or `tlsv1.1://` pins that version.
 * Operators `|`, `+`, `&`, `^`, `~`, parentheses, `(int)` casts and `c ? a : b` (both
 * branches) fold; constants (`const`, `define`, class constants) and variables are followed
 * within the file (php_syntax_declared_value), reported at the value they hold when the rule
 * names its sink. Anything else is unknown, and unknown is silent. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/ts_field.h"
#include "values/evaluator.h"
#include "lang/php/php_syntax.h"

#define MAX_DEPTH 16

typedef struct pv {
	long long curl;    /* CURLOPT_SSLVERSION value */
	long long crypto;  /* crypto method bits */
	long long spelled; /* crypto bits of single-version methods spelled by name */
	version_set transport;
	bool has_curl, has_number, has_crypto, has_transport;
} pv;

typedef struct pmember {
	const char *name;
	long long value;
	bool single; /* a method of one version: its bits count */
} pmember;

static const pmember curl_members[] = {
	{ "CURL_SSLVERSION_DEFAULT", 0, false },
	{ "CURL_SSLVERSION_TLSv1", 1, false },
	{ "CURL_SSLVERSION_SSLv2", 2, false },
	{ "CURL_SSLVERSION_SSLv3", 3, false },
	{ "CURL_SSLVERSION_TLSv1_0", 4, false },
	{ "CURL_SSLVERSION_TLSv1_1", 5, false },
	{ "CURL_SSLVERSION_TLSv1_2", 6, false },
	{ "CURL_SSLVERSION_TLSv1_3", 7, false },
	{ "CURL_SSLVERSION_MAX_NONE", 0, false },
	{ "CURL_SSLVERSION_MAX_DEFAULT", 1 << 16, false },
	{ "CURL_SSLVERSION_MAX_TLSv1_0", 4 << 16, false },
	{ "CURL_SSLVERSION_MAX_TLSv1_1", 5 << 16, false },
	{ "CURL_SSLVERSION_MAX_TLSv1_2", 6 << 16, false },
	{ "CURL_SSLVERSION_MAX_TLSv1_3", 7 << 16, false },
};

/* main/streams/php_stream_transport.h: bit 0 marks a client method. */
#define CM_SSL2 (1 << 1)
#define CM_SSL3 (1 << 2)
#define CM_TLS10 (1 << 3)
#define CM_TLS11 (1 << 4)
#define CM_TLS12 (1 << 5)
#define CM_TLS13 (1 << 6)
#define CM_TLS_ANY (CM_TLS10 | CM_TLS11 | CM_TLS12 | CM_TLS13)
static const pmember crypto_members[] = {
	{ "STREAM_CRYPTO_METHOD_SSLv2_CLIENT", CM_SSL2 | 1, true },
	{ "STREAM_CRYPTO_METHOD_SSLv3_CLIENT", CM_SSL3 | 1, true },
	{ "STREAM_CRYPTO_METHOD_SSLv23_CLIENT", CM_TLS10 | CM_TLS11 | CM_TLS12 | 1, false },
	{ "STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT", CM_TLS10 | 1, true },
	{ "STREAM_CRYPTO_METHOD_TLSv1_1_CLIENT", CM_TLS11 | 1, true },
	{ "STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT", CM_TLS12 | 1, true },
	{ "STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT", CM_TLS13 | 1, true },
	{ "STREAM_CRYPTO_METHOD_TLS_CLIENT", CM_TLS_ANY | 1, false },
	{ "STREAM_CRYPTO_METHOD_TLS_ANY_CLIENT", CM_TLS_ANY | 1, false },
	{ "STREAM_CRYPTO_METHOD_ANY_CLIENT", CM_SSL2 | CM_SSL3 | CM_TLS_ANY | 1, false },
	{ "STREAM_CRYPTO_METHOD_SSLv2_SERVER", CM_SSL2, true },
	{ "STREAM_CRYPTO_METHOD_SSLv3_SERVER", CM_SSL3, true },
	{ "STREAM_CRYPTO_METHOD_SSLv23_SERVER", CM_TLS10 | CM_TLS11 | CM_TLS12, false },
	{ "STREAM_CRYPTO_METHOD_TLSv1_0_SERVER", CM_TLS10, true },
	{ "STREAM_CRYPTO_METHOD_TLSv1_1_SERVER", CM_TLS11, true },
	{ "STREAM_CRYPTO_METHOD_TLSv1_2_SERVER", CM_TLS12, true },
	{ "STREAM_CRYPTO_METHOD_TLSv1_3_SERVER", CM_TLS13, true },
	{ "STREAM_CRYPTO_METHOD_TLS_SERVER", CM_TLS_ANY, false },
	{ "STREAM_CRYPTO_METHOD_TLS_ANY_SERVER", CM_TLS_ANY, false },
	{ "STREAM_CRYPTO_METHOD_ANY_SERVER", CM_SSL2 | CM_SSL3 | CM_TLS_ANY, false },
};

static const struct {
	const char *scheme;
	version_set versions;
} transports[] = {
	{ "sslv2://", VERSION_SSL2 },
	{ "sslv3://", VERSION_SSL3 },
	{ "tlsv1.0://", VERSION_TLS10 },
	{ "tlsv1.1://", VERSION_TLS11 },
};

static bool pv__eval(eval_ctx *ctx, TSNode node, pv *out);

/* The legacy versions a CURLOPT_SSLVERSION value lets a transfer use: the floor (low 16
 * bits) up to the cap (high 16 bits), as libcurl reads them. */
static version_set pv__curl_versions(long long value)
{
	long long floor = value & 0xffff, cap = (value >> 16) & 0xffff;
	if (floor == 2)
		return VERSION_SSL2;
	if (floor == 3)
		return VERSION_SSL3;
	/* floors: 0 the library's default, 1 (TLSv1) and 4 TLS 1.0, 5 TLS 1.1, 6.. modern */
	int lo = floor == 0 || floor == 1 || floor == 4 ? 10 : floor == 5 ? 11 : 12;
	/* caps: 0 none, 1 the default (the highest), 4 TLS 1.0, 5 TLS 1.1, 6.. modern */
	int hi = cap == 4 ? 10 : cap == 5 ? 11 : 13;
	if (floor == 0 && hi > 11)
		return 0; /* the default floor, no legacy cap: libcurl's own choice */
	if (lo > hi)
		lo = 10; /* a floor above a legacy cap: the cap is what the code says */
	version_set v = 0;
	if (lo <= 10 && 10 <= hi)
		v |= VERSION_TLS10;
	if (lo <= 11 && 11 <= hi)
		v |= VERSION_TLS11;
	return v;
}

static bool pv__is(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

static const pmember *pv__lookup(const pmember *table, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(table[i].name) == len && memcmp(table[i].name, s, len) == 0)
			return &table[i];
	return NULL;
}

/* A PHP integer literal: decimal, 0x, 0b, 0o and leading-0 octal, with '_' separators. */
static bool pv__integer(const char *s, size_t len, long long *out)
{
	char buf[64];
	size_t n = 0;
	for (size_t i = 0; i < len && n + 1 < sizeof(buf); i++)
		if (s[i] != '_')
			buf[n++] = s[i];
	buf[n] = '\0';
	if (n == 0 || n + 1 >= sizeof(buf))
		return false;
	int base = 10;
	const char *p = buf;
	if (n > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		base = 16, p += 2;
	else if (n > 2 && p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
		base = 2, p += 2;
	else if (n > 2 && p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
		base = 8, p += 2;
	else if (n > 1 && p[0] == '0')
		base = 8, p += 1;
	char *end = NULL;
	long long v = strtoll(p, &end, base);
	if (!end || *end != '\0')
		return false;
	*out = v;
	return true;
}

/* A string's leading literal text, for transport URLs: a plain literal, an interpolated
 * string up to its first interpolation, or the left end of a `.` concatenation. */
static bool pv__transport(eval_ctx *ctx, TSNode node, pv *out)
{
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return false;
	if (pv__is(node, "binary_expression")) {
		TSNode op = ts_field_child(node, "operator", 8);
		if (ts_node_is_null(op) || !eval_node_is(ctx, op, "."))
			return false;
		ctx->depth++;
		bool ok = pv__transport(ctx, ts_field_child(node, "left", 4), out);
		ctx->depth--;
		return ok;
	}
	if (!(pv__is(node, "string") || pv__is(node, "encapsed_string")) ||
	    ts_node_named_child_count(node) == 0)
		return false;
	TSNode first = ts_node_named_child(node, 0);
	if (!pv__is(first, "string_content"))
		return false;
	size_t len = 0;
	const char *t = eval_node_text(ctx, first, &len);
	out->has_transport = true;
	for (size_t i = 0; i < sizeof(transports) / sizeof(transports[0]); i++) {
		size_t n = strlen(transports[i].scheme);
		if (len >= n && strncasecmp(t, transports[i].scheme, n) == 0)
			out->transport |= transports[i].versions;
	}
	return true;
}

/* A name: a constant of curl or of the stream methods, else followed to its definition. */
static bool pv__name(eval_ctx *ctx, TSNode node, pv *out)
{
	TSNode id = node;
	if (pv__is(node, "qualified_name")) {
		uint32_t n = ts_node_named_child_count(node);
		id = n ? ts_node_named_child(node, n - 1) : node;
	}
	size_t len = 0;
	const char *t = eval_node_text(ctx, id, &len);
	const pmember *m = NULL;
	if (!pv__is(node, "class_constant_access_expression")) {
		if ((m = pv__lookup(curl_members, sizeof(curl_members) / sizeof(curl_members[0]), t,
				    len))) {
			out->curl = m->value;
			out->has_curl = true;
			return true;
		}
		if ((m = pv__lookup(crypto_members,
				    sizeof(crypto_members) / sizeof(crypto_members[0]), t, len))) {
			out->crypto = m->value;
			out->spelled = m->single ? m->value & ~1LL : 0;
			out->has_crypto = true;
			return true;
		}
	}
	TSNode value = php_syntax_declared_value(ctx, node);
	if (ts_node_is_null(value))
		return false;
	eval_follow(ctx, node, value, true);
	return pv__eval(ctx, value, out);
}

static bool pv__binary(eval_ctx *ctx, TSNode node, pv *out)
{
	TSNode op = ts_field_child(node, "operator", 8);
	if (ts_node_is_null(op))
		return false;
	if (eval_node_is(ctx, op, "."))
		return pv__transport(ctx, node, out);
	eval_op o = eval_node_is(ctx, op, "|")   ? EVAL_OP_OR
		    : eval_node_is(ctx, op, "+") ? EVAL_OP_ADD
		    : eval_node_is(ctx, op, "&") ? EVAL_OP_AND
		    : eval_node_is(ctx, op, "^") ? EVAL_OP_XOR
						 : EVAL_OP_NONE;
	if (o == EVAL_OP_NONE)
		return false;
	pv a = { 0 }, b = { 0 };
	bool ka = pv__eval(ctx, ts_field_child(node, "left", 4), &a);
	bool kb = pv__eval(ctx, ts_field_child(node, "right", 5), &b);
	/* An OR with an unknown side is at least what the known side names
	 * (`$flags | STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT`). */
	eval_result ra = { .value = a.curl }, rb = { .value = b.curl }, r = { 0 };
	eval_result ca = { .value = a.crypto }, cb = { .value = b.crypto }, c = { 0 };
	bool curl = (a.has_curl || a.has_number || b.has_curl || b.has_number) &&
		    eval_fold_binary(o, true, ra, ka, rb, kb, &r);
	bool crypto = (a.has_crypto || b.has_crypto) &&
		      eval_fold_binary(o, true, ca, ka, cb, kb, &c);
	if (!curl && !crypto)
		return false;
	out->curl = r.value;
	out->crypto = c.value;
	out->spelled = a.spelled | b.spelled;
	out->has_curl = curl && (a.has_curl || b.has_curl);
	out->has_number = curl && (a.has_number || b.has_number);
	out->has_crypto = crypto;
	return true;
}

static bool pv__eval(eval_ctx *ctx, TSNode node, pv *out)
{
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return false;
	ctx->depth++;
	bool ok = false;
	if (pv__is(node, "parenthesized_expression") && ts_node_named_child_count(node) == 1) {
		TSNode inner = ts_node_named_child(node, 0);
		eval_follow(ctx, node, inner, false);
		ok = pv__eval(ctx, inner, out);
	} else if (pv__is(node, "name") || pv__is(node, "qualified_name") ||
		   pv__is(node, "class_constant_access_expression") ||
		   pv__is(node, "variable_name")) {
		ok = pv__name(ctx, node, out);
	} else if (pv__is(node, "integer")) {
		size_t len = 0;
		const char *t = eval_node_text(ctx, node, &len);
		ok = pv__integer(t, len, &out->curl);
		out->has_number = ok;
	} else if (pv__is(node, "cast_expression")) {
		TSNode type = ts_field_child(node, "type", 4);
		if (!ts_node_is_null(type) && (eval_node_is(ctx, type, "int") ||
					       eval_node_is(ctx, type, "integer")))
			ok = pv__eval(ctx, ts_field_child(node, "value", 5), out);
	} else if (pv__is(node, "unary_op_expression")) {
		TSNode op = ts_field_child(node, "operator", 8);
		if (!ts_node_is_null(op) && eval_node_is(ctx, op, "~")) {
			ok = pv__eval(ctx, ts_field_child(node, "argument", 8), out);
			out->curl = ~out->curl;
			out->crypto = ~out->crypto;
		}
	} else if (pv__is(node, "binary_expression")) {
		ok = pv__binary(ctx, node, out);
	} else if (pv__is(node, "string") || pv__is(node, "encapsed_string")) {
		ok = pv__transport(ctx, node, out);
	} else if (pv__is(node, "conditional_expression")) {
		pv a = { 0 }, b = { 0 };
		bool ka = pv__eval(ctx, ts_field_child(node, "body", 4), &a);
		bool kb = pv__eval(ctx, ts_field_child(node, "alternative", 11), &b);
		ok = ka || kb;
		/* Either branch may be the setting: both count. Curl values are not bits: keep
		 * the branch that lets the transfer use a legacy version, else the first known. */
		bool ca = ka && (a.has_curl || a.has_number), cb = kb && (b.has_curl || b.has_number);
		out->curl = ca && (!cb || pv__curl_versions(a.curl)) ? a.curl : b.curl;
		out->crypto = a.crypto | b.crypto;
		out->spelled = a.spelled | b.spelled;
		out->transport = a.transport | b.transport;
		out->has_curl = a.has_curl || b.has_curl;
		out->has_number = a.has_number || b.has_number;
		out->has_crypto = a.has_crypto || b.has_crypto;
		out->has_transport = a.has_transport || b.has_transport;
	}
	ctx->depth--;
	return ok;
}

static bool pv__eval_top(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (strcmp(type->name, "PhpTlsSetting") != 0)
		return false;
	*out = (eval_result){ 0 };
	/* The key of `KEY => VALUE` is a read: a table that names methods
	 * (`[STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT => 'TLS 1.0']`). */
	TSNode parent = ts_node_parent(node);
	if (!ts_node_is_null(parent) && pv__is(parent, "array_element_initializer") &&
	    ts_node_named_child_count(parent) == 2 && ts_node_eq(ts_node_named_child(parent, 0), node))
		return false;
	if (php_syntax_is_read(ctx->src->text, node))
		return false;
	unsigned depth = ctx->depth;
	eval_follow_start(ctx, node);
	pv v = { 0 };
	bool ok = pv__eval(ctx, node, &v);
	ctx->depth = depth;
	if (!ok)
		return false;
	bool curl = v.has_curl || (v.has_number && php_syntax_at_curl_sink(ctx->src->text, node));
	if (!curl && !v.has_crypto && !v.has_transport)
		return false;
	if (curl)
		out->versions |= pv__curl_versions(v.curl);
	if (v.has_crypto) {
		long long bits = v.crypto & v.spelled;
		if (bits & CM_SSL2)
			out->versions |= VERSION_SSL2;
		if (bits & CM_SSL3)
			out->versions |= VERSION_SSL3;
		if (bits & CM_TLS10)
			out->versions |= VERSION_TLS10;
		if (bits & CM_TLS11)
			out->versions |= VERSION_TLS11;
	}
	out->versions |= v.transport;
	out->value = out->named = (long long)out->versions;
	eval_follow_result(ctx, out);
	return true;
}

static bool pv__string(eval_ctx *ctx, TSNode node, strbuf *out)
{
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return false;
	bool ok = false;
	ctx->depth++;
	if (pv__is(node, "string") || pv__is(node, "encapsed_string")) {
		ok = true;
		uint32_t n = 0;
		TSNode *kids = eval_named_children(node, &n);
		for (uint32_t i = 0; i < n && ok; i++) {
			size_t len = 0;
			const char *t = eval_node_text(ctx, kids[i], &len);
			ok = pv__is(kids[i], "string_content") && eval_string_add(out, t, len);
		}
		free(kids);
	} else if (pv__is(node, "binary_expression")) {
		TSNode op = ts_field_child(node, "operator", 8);
		ok = !ts_node_is_null(op) && eval_node_is(ctx, op, ".") &&
		     pv__string(ctx, ts_field_child(node, "left", 4), out) &&
		     pv__string(ctx, ts_field_child(node, "right", 5), out);
	} else if (pv__is(node, "name") || pv__is(node, "qualified_name") ||
		   pv__is(node, "class_constant_access_expression")) {
		TSNode value = php_syntax_declared_value(ctx, node);
		ok = !ts_node_is_null(value) && pv__string(ctx, value, out);
	}
	ctx->depth--;
	return ok;
}

static bool pv__string_eval(eval_ctx *ctx, TSNode node, strbuf *out)
{
	unsigned depth = ctx->depth;
	bool ok = pv__string(ctx, node, out);
	ctx->depth = depth;
	return ok;
}

const value_evaluator php_evaluator = {
	.lang = LANG_PHP,
	.eval = pv__eval_top,
	.eval_string = pv__string_eval,
};
