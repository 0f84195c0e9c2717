/* java_values.c: evaluating Java expressions to protocol names (JavaTlsProtocols).
 *
 * A string is a list of protocol names (`"TLSv1"`, `"TLSv1,TLSv1.1"` for `https.protocols`),
 * each looked up ignoring case; an array (`new String[] {"TLSv1.1", "TLSv1.2"}`, `{...}`), a
 * list (`Arrays.asList`, `List.of`, Kotlin-style `listOf`) or a ternary is the OR of its
 * elements; the single-purpose constants (`TlsVersion.TLS_1_0`, `ConnectionSpec.COMPATIBLE_TLS`,
 * `TLS.V_1_0`, also fully qualified and through `.javaName()`) are members; names are followed
 * to their declaration in the file (`private static final String LEGACY = "TLSv1"`, a local
 * `String[] protocols = {...}`): the nearest one before the use. Anything else is unknown, and
 * unknown is silent. */
#include <stdlib.h>
#include <string.h>

#include "engine/ts_field.h"
#include "util/strbuf.h"
#include "values/evaluator.h"
#include "lang/java/java_syntax.h"

#define MAX_DEPTH 16

static bool jv__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out);

static bool jv__is(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

/* The string a literal, a `+` concatenation or a followed constant spells. */
static bool jv__string(eval_ctx *ctx, TSNode node, strbuf *out)
{
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return false;
	bool ok = false;
	ctx->depth++;
	if (jv__is(node, "string_literal")) {
		ok = true;
		uint32_t n = 0;
		TSNode *kids = eval_named_children(node, &n);
		for (uint32_t i = 0; i < n && ok; i++) {
			size_t len = 0;
			const char *t = eval_node_text(ctx, kids[i], &len);
			if (jv__is(kids[i], "string_fragment") ||
			    jv__is(kids[i], "multiline_string_fragment"))
				ok = eval_string_add(out, t, len);
			else
				ok = false; /* escapes and interpolation: unknown */
		}
		free(kids);
	} else if (jv__is(node, "parenthesized_expression") && ts_node_named_child_count(node) == 1) {
		ok = jv__string(ctx, ts_node_named_child(node, 0), out);
	} else if (jv__is(node, "binary_expression")) {
		TSNode op = ts_field_child(node, "operator", 8);
		ok = !ts_node_is_null(op) && eval_node_is(ctx, op, "+") &&
		     jv__string(ctx, ts_field_child(node, "left", 4), out) &&
		     jv__string(ctx, ts_field_child(node, "right", 5), out);
	} else if (jv__is(node, "identifier") || jv__is(node, "field_access")) {
		TSNode value = java_syntax_declared_value(ctx, node);
		ok = !ts_node_is_null(value) && jv__string(ctx, value, out);
	}
	ctx->depth--;
	return ok;
}

static bool jv__string_eval(eval_ctx *ctx, TSNode node, strbuf *out)
{
	unsigned depth = ctx->depth;
	bool ok = jv__string(ctx, node, out);
	ctx->depth = depth;
	return ok;
}

/* A string as a list of names separated by commas or white space. */
static void jv__names(const value_type *type, const char *s, size_t len, eval_result *out)
{
	size_t i = 0;
	while (i < len) {
		while (i < len && strchr(", \t\r\n;", s[i]))
			i++;
		size_t start = i;
		while (i < len && !strchr(", \t\r\n;", s[i]))
			i++;
		const value_member *m = i > start ? value_type_member_nocase(type, s + start, i - start)
						  : NULL;
		if (m) {
			out->value |= m->value;
			out->named |= m->value;
		}
	}
}

/* A member spelled as a (possibly qualified) name: `okhttp3.TlsVersion.TLS_1_0`. */
static bool jv__member(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	size_t len = 0;
	const char *t = eval_node_text(ctx, node, &len);
	for (size_t i = 0; i < type->nmembers; i++) {
		const char *name = type->members[i].name;
		size_t n = strlen(name);
		if (!strchr(name, '.') || n > len || memcmp(t + len - n, name, n) != 0)
			continue;
		if (n < len && t[len - n - 1] != '.')
			continue;
		out->value |= type->members[i].value;
		out->named |= type->members[i].value;
		return true;
	}
	return false;
}

/* The OR of the named children of `node` (array initialisers, argument lists): known when one
 * is known. */
static bool jv__or_children(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	bool known = false;
	uint32_t n = 0;
	TSNode *kids = eval_named_children(node, &n);
	for (uint32_t i = 0; i < n; i++) {
		eval_result part = { 0 };
		if (jv__eval(ctx, kids[i], type, &part)) {
			out->value |= part.value;
			out->named |= part.named;
			known = true;
		}
	}
	free(kids);
	return known;
}

static bool jv__call(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	TSNode name = ts_field_child(node, "name", 4);
	TSNode object = ts_field_child(node, "object", 6);
	TSNode args = ts_field_child(node, "arguments", 9);
	if (ts_node_is_null(name) || ts_node_is_null(args))
		return false;
	static const char *const lists[] = { "asList", "of", "listOf", "arrayOf", "setOf",
					     "mutableListOf", "newArrayList", "copyOf", NULL };
	for (size_t i = 0; lists[i]; i++)
		if (eval_node_is(ctx, name, lists[i]))
			return jv__or_children(ctx, args, type, out);
	/* TlsVersion.TLS_1_0.javaName(), TLS.V_1_0.id */
	if (!ts_node_is_null(object) && (eval_node_is(ctx, name, "javaName") ||
					 eval_node_is(ctx, name, "name") ||
					 eval_node_is(ctx, name, "toString")))
		return jv__eval(ctx, object, type, out);
	return false;
}

static bool jv__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return false;
	ctx->depth++;
	bool ok = false;
	if (jv__is(node, "parenthesized_expression") && ts_node_named_child_count(node) == 1) {
		ok = jv__eval(ctx, ts_node_named_child(node, 0), type, out);
	} else if (jv__is(node, "string_literal") || jv__is(node, "binary_expression")) {
		strbuf s = STRBUF_INIT;
		ok = jv__string(ctx, node, &s);
		if (ok)
			jv__names(type, strbuf_str(&s), s.len, out);
		strbuf_release(&s);
	} else if (jv__is(node, "field_access") && jv__member(ctx, node, type, out)) {
		ok = true;
	} else if (jv__is(node, "identifier") || jv__is(node, "field_access")) {
		TSNode value = java_syntax_declared_value(ctx, node);
		ok = !ts_node_is_null(value) && jv__eval(ctx, value, type, out);
	} else if (jv__is(node, "array_creation_expression")) {
		TSNode value = ts_field_child(node, "value", 5);
		ok = !ts_node_is_null(value) && jv__or_children(ctx, value, type, out);
	} else if (jv__is(node, "array_initializer")) {
		ok = jv__or_children(ctx, node, type, out);
	} else if (jv__is(node, "method_invocation")) {
		ok = jv__call(ctx, node, type, out);
	} else if (jv__is(node, "ternary_expression")) {
		eval_result a = { 0 }, b = { 0 };
		bool ka = jv__eval(ctx, ts_field_child(node, "consequence", 11), type, &a);
		bool kb = jv__eval(ctx, ts_field_child(node, "alternative", 11), type, &b);
		ok = ka || kb;
		out->value |= a.value | b.value;
		out->named |= a.named | b.named;
	}
	ctx->depth--;
	if (ok)
		out->versions = value_type_versions(type, out->value);
	return ok;
}

static bool jv__eval_top(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (type->kind != VALUE_FLAGS || strcmp(type->name, "JavaTlsProtocols") != 0)
		return false;
	*out = (eval_result){ 0 };
	unsigned depth = ctx->depth;
	bool ok = jv__eval(ctx, node, type, out);
	ctx->depth = depth;
	return ok;
}

const value_evaluator java_evaluator = {
	.lang = LANG_JAVA,
	.eval = jv__eval_top,
	.eval_string = jv__string_eval,
};
