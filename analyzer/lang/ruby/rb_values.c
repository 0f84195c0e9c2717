/* rb_values.c: evaluating Ruby expressions to the protocol versions a setting allows
 * (RubyTlsVersions).
 *
 * A value is a protocol version: a symbol or string naming an OpenSSL method (`:TLSv1`,
 * `'TLSv1_1'`, `:SSLv3_client`; `:SSLv23` negotiates and names none) or a version (`:TLS1`,
 * `"TLS1_1"`), an array or `%w()`/`%i[]` list of them (their union); the single-purpose
 * constants `OpenSSL::SSL::TLS1_VERSION`, `TLS1_1_VERSION`, `SSL3_VERSION`, `SSL2_VERSION`
 * (and the TLS 1.2/1.3 ones), and for
 * `min_version`/`max_version` the protocol numbers 0x0300-0x0304. `.freeze`, `.to_sym`,
 * `.to_s` and parentheses pass through; `a ? b : c` is either; names (`LEGACY = :TLSv1`, a
 * local, an `@ivar`, `Owner::LEGACY`) are followed to their assignment in the file.
 *
 * What the version allows depends on the setting it is written to (rb_syntax_setting):
 * `ssl_version`, Faraday's `version` and `SSLContext.new(...)` pin it; `min_version` is a floor
 * (it and every legacy version above it); `max_version` a cap (every legacy version at or
 * below it, when it is itself legacy); anywhere else the version itself. Anything else is
 * unknown, and unknown is silent. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/versions.h"
#include "engine/ts_field.h"
#include "lang/ruby/rb_syntax.h"
#include "util/strbuf.h"
#include "values/evaluator.h"

#define MAX_DEPTH 16

typedef enum rb_role { RB_EXACT, RB_PIN, RB_FLOOR, RB_CAP } rb_role;

static bool rv__is(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

/* Method and version names, and the version each names (0: one that negotiates). */
static const struct {
	const char *name;
	version_set version;
} rv__names[] = {
	{ "SSLv2", VERSION_SSL2 },   { "SSLv3", VERSION_SSL3 },     { "TLSv1", VERSION_TLS10 },
	{ "TLSv1_1", VERSION_TLS11 }, { "TLSv1_2", VERSION_TLS12 }, { "TLSv1_3", VERSION_TLS13 },
	{ "SSLv23", 0 },             { "SSL2", VERSION_SSL2 },      { "SSL3", VERSION_SSL3 },
	{ "TLS1", VERSION_TLS10 },   { "TLS1_1", VERSION_TLS11 },   { "TLS1_2", VERSION_TLS12 },
	{ "TLS1_3", VERSION_TLS13 },
};

/* The version a method or version name spells: `TLSv1`, `TLSv1_client`, `TLS1_1`; ignoring
 * case, as EventMachine's `start_tls(ssl_version: %w(tlsv1 tlsv1_1))` does. */
static bool rv__name(const char *s, size_t len, version_set *out)
{
	static const char *const suffixes[] = { "", "_client", "_server" };
	for (size_t i = 0; i < sizeof(rv__names) / sizeof(rv__names[0]); i++) {
		size_t n = strlen(rv__names[i].name);
		if (len < n || strncasecmp(s, rv__names[i].name, n) != 0)
			continue;
		bool method = rv__names[i].name[3] == 'v'; /* SSLv3, TLSv1: methods */
		for (size_t k = 0; k < (method ? 3u : 1u); k++) {
			size_t m = strlen(suffixes[k]);
			if (len == n + m && strncasecmp(s + n, suffixes[k], m) == 0) {
				*out = rv__names[i].version;
				return true;
			}
		}
	}
	return false;
}

/* `OpenSSL::SSL::TLS1_VERSION`, `SSL::TLS1_VERSION`, `::OpenSSL::SSL::TLS1_VERSION`. */
static bool rv__constant(eval_ctx *ctx, TSNode node, version_set *out)
{
	static const struct {
		const char *name;
		version_set version;
	} constants[] = {
		{ "SSL2_VERSION", VERSION_SSL2 },    { "SSL3_VERSION", VERSION_SSL3 },
		{ "TLS1_VERSION", VERSION_TLS10 },   { "TLS1_1_VERSION", VERSION_TLS11 },
		{ "TLS1_2_VERSION", VERSION_TLS12 }, { "TLS1_3_VERSION", VERSION_TLS13 },
	};
	TSNode scope = ts_field_child(node, "scope", 5);
	TSNode name = ts_field_child(node, "name", 4);
	if (ts_node_is_null(scope) || ts_node_is_null(name))
		return false;
	size_t slen = 0;
	const char *s = eval_node_text(ctx, scope, &slen);
	bool ssl = (slen == 3 && memcmp(s, "SSL", 3) == 0) ||
		   (slen >= 5 && memcmp(s + slen - 5, "::SSL", 5) == 0 &&
		    (slen == 12 || (slen > 12 && s[slen - 13] == ':')) &&
		    memcmp(s + slen - 12, "OpenSSL", 7) == 0);
	if (!ssl)
		return false;
	for (size_t i = 0; i < sizeof(constants) / sizeof(constants[0]); i++)
		if (eval_node_is(ctx, name, constants[i].name)) {
			*out = constants[i].version;
			return true;
		}
	return false;
}

/* The string a literal without interpolation spells, or a symbol's name. */
static bool rv__literal(eval_ctx *ctx, TSNode node, strbuf *out)
{
	if (rv__is(node, "simple_symbol")) {
		size_t len = 0;
		const char *t = eval_node_text(ctx, node, &len);
		return len > 1 && eval_string_add(out, t + 1, len - 1);
	}
	if (!rv__is(node, "string") && !rv__is(node, "delimited_symbol") &&
	    !rv__is(node, "bare_string") && !rv__is(node, "bare_symbol"))
		return false;
	bool ok = true;
	uint32_t n = 0;
	TSNode *kids = eval_named_children(node, &n);
	for (uint32_t i = 0; i < n && ok; i++) {
		size_t len = 0;
		const char *t = eval_node_text(ctx, kids[i], &len);
		ok = rv__is(kids[i], "string_content") && eval_string_add(out, t, len);
	}
	free(kids);
	return ok;
}

/* The node a pass-through expression stands for: `(x)`, `x.freeze`, `x.to_sym`, `x.to_s`. */
static TSNode rv__through(eval_ctx *ctx, TSNode node)
{
	TSNode none = { 0 };
	if (rv__is(node, "parenthesized_statements") && ts_node_named_child_count(node) == 1)
		return ts_node_named_child(node, 0);
	if (rv__is(node, "call")) {
		TSNode recv = ts_field_child(node, "receiver", 8);
		TSNode m = ts_field_child(node, "method", 6);
		if (!ts_node_is_null(recv) && !ts_node_is_null(m) &&
		    ts_node_is_null(ts_field_child(node, "arguments", 9)) &&
		    (eval_node_is(ctx, m, "freeze") || eval_node_is(ctx, m, "to_sym") ||
		     eval_node_is(ctx, m, "to_s")))
			return recv;
	}
	return none;
}

static bool rv__string(eval_ctx *ctx, TSNode node, strbuf *out)
{
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return false;
	ctx->depth++;
	bool ok = rv__literal(ctx, node, out);
	if (!ok) {
		TSNode next = rv__through(ctx, node);
		if (ts_node_is_null(next) && (rv__is(node, "constant") || rv__is(node, "identifier") ||
					      rv__is(node, "instance_variable") ||
					      rv__is(node, "class_variable") ||
					      rv__is(node, "scope_resolution")))
			next = rb_syntax_assigned_value(ctx, node);
		ok = !ts_node_is_null(next) && rv__string(ctx, next, out);
	}
	ctx->depth--;
	return ok;
}

/* The versions `node` names (a set: both branches of a conditional); `numbers` accepts the
 * protocol numbers (for floors and caps). */
static bool rv__eval(eval_ctx *ctx, TSNode node, bool numbers, version_set *out)
{
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return false;
	ctx->depth++;
	bool ok = false;
	version_set v = 0;
	strbuf s = STRBUF_INIT;
	if (rv__literal(ctx, node, &s)) {
		ok = rv__name(strbuf_str(&s), s.len, &v);
	} else if (rv__is(node, "scope_resolution") && rv__constant(ctx, node, &v)) {
		ok = true;
	} else if (rv__is(node, "integer")) {
		size_t len = 0;
		const char *t = eval_node_text(ctx, node, &len);
		long long n = 0;
		if (numbers && eval_parse_integer(t, len, &n) && n >= 0x300 && n <= 0x304) {
			static const version_set by_number[] = { VERSION_SSL3, VERSION_TLS10,
								 VERSION_TLS11, VERSION_TLS12,
								 VERSION_TLS13 };
			v = by_number[n - 0x300];
			ok = true;
		}
	} else if (rv__is(node, "array") || rv__is(node, "string_array") ||
		   rv__is(node, "symbol_array")) {
		/* a list of enabled versions (EventMachine): the union of those known */
		uint32_t n = 0;
		TSNode *kids = eval_named_children(node, &n);
		for (uint32_t i = 0; i < n; i++) {
			version_set part = 0;
			if (rv__eval(ctx, kids[i], numbers, &part)) {
				v |= part;
				ok = true;
			}
		}
		free(kids);
	} else if (rv__is(node, "conditional")) {
		version_set a = 0, b = 0;
		bool ka = rv__eval(ctx, ts_field_child(node, "consequence", 11),
				   numbers, &a);
		bool kb = rv__eval(ctx, ts_field_child(node, "alternative", 11),
				   numbers, &b);
		ok = ka || kb;
		v = a | b;
	} else {
		TSNode next = rv__through(ctx, node);
		if (ts_node_is_null(next) && (rv__is(node, "constant") || rv__is(node, "identifier") ||
					      rv__is(node, "instance_variable") ||
					      rv__is(node, "class_variable") ||
					      rv__is(node, "scope_resolution")))
			next = rb_syntax_assigned_value(ctx, node);
		ok = !ts_node_is_null(next) && rv__eval(ctx, next, numbers, &v);
	}
	strbuf_release(&s);
	ctx->depth--;
	*out |= v;
	return ok;
}

static rb_role rv__role(eval_ctx *ctx, TSNode node)
{
	const char *name = NULL;
	size_t len = 0;
	if (!rb_syntax_setting(ctx, node, &name, &len))
		return RB_EXACT;
	if ((len == 11 && memcmp(name, "ssl_version", 11) == 0) ||
	    (len == 7 && memcmp(name, "version", 7) == 0) || (len == 3 && memcmp(name, "new", 3) == 0))
		return RB_PIN;
	/* min_version, and Excon's ssl_min_version */
	if (len >= 11 && memcmp(name + len - 11, "min_version", 11) == 0)
		return RB_FLOOR;
	if (len >= 11 && memcmp(name + len - 11, "max_version", 11) == 0)
		return RB_CAP;
	return RB_EXACT;
}

/* What a setting in `role` at `v` allows. A floor or cap that is not itself legacy allows
 * no legacy version. */
static version_set rv__allowed(rb_role role, version_set v)
{
	version_set legacy = v & VERSIONS_LEGACY_TLS;
	if (!legacy)
		return v;
	switch (role) {
	case RB_FLOOR: {
		/* from the lowest version named up */
		version_set low = legacy & (~legacy + 1);
		return VERSIONS_LEGACY_TLS & ~(versions_at_most(low) & ~low);
	}
	case RB_CAP:
		return versions_at_most(v) & VERSIONS_LEGACY_TLS;
	case RB_PIN:
	case RB_EXACT:
		break;
	}
	return v;
}

static bool rv__eval_top(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (strcmp(type->name, "RubyTlsVersions") != 0)
		return false;
	*out = (eval_result){ 0 };
	if (rb_syntax_in_comparison(ctx, node))
		return false; /* a read: `expect(opts).to eq(ssl_version: :TLSv1)` */
	unsigned depth = ctx->depth;
	rb_role role = rv__role(ctx, node);
	version_set v = 0;
	bool ok = rv__eval(ctx, node, role == RB_FLOOR || role == RB_CAP, &v);
	ctx->depth = depth;
	if (!ok)
		return false;
	out->value = rv__allowed(role, v);
	out->named = out->value;
	out->versions = value_type_versions(type, out->value);
	return true;
}

static bool rv__string_eval(eval_ctx *ctx, TSNode node, strbuf *out)
{
	unsigned depth = ctx->depth;
	bool ok = rv__string(ctx, node, out);
	ctx->depth = depth;
	return ok;
}

const value_evaluator ruby_evaluator = {
	.lang = LANG_RUBY,
	.eval = rv__eval_top,
	.eval_string = rv__string_eval,
};
