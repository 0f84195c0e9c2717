/* kotlin_values.c: evaluating Kotlin expressions to Java protocol names (JavaTlsProtocols).
 *
 * The same values as Java's (lang/java/java_values.c) in Kotlin's syntax: a string is a list
 * of protocol names (`"TLSv1"`, `"TLSv1,TLSv1.1"` for `https.protocols`), each looked up
 * ignoring case; `arrayOf`, `listOf`, `setOf` (and their mutable, typed and `java.util`
 * spellings), `.toTypedArray()`, an `if` expression or `when` branches are the OR of their
 * parts; the single-purpose constants (`TlsVersion.TLS_1_0`, `ConnectionSpec.COMPATIBLE_TLS`,
 * `TLS.V_1_0`, also fully qualified and through `.javaName`) are members; names are followed
 * to their `val` or `const val` in the file (kotlin_syntax_declared_value). A string template
 * with `$name` or `${...}`, an escape, a `var` or anything else is unknown, and unknown is
 * silent. */
#include <stdlib.h>
#include <string.h>

#include "engine/ts_field.h"
#include "util/strbuf.h"
#include "values/evaluator.h"
#include "lang/kotlin/kotlin_syntax.h"

#define MAX_DEPTH 16

static bool kv__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out);

static bool kv__is(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

/* The operator of a binary_expression is "+". */
static bool kv__is_plus(eval_ctx *ctx, TSNode node)
{
	TSNode op = ts_field_child(node, "operator", 8);
	return !ts_node_is_null(op) && eval_node_is(ctx, op, "+");
}

/* The string a literal, a `+` concatenation or a followed constant spells. */
static bool kv__string(eval_ctx *ctx, TSNode node, strbuf *out)
{
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return false;
	bool ok = false;
	ctx->depth++;
	if (kv__is(node, "string_literal") || kv__is(node, "multiline_string_literal")) {
		ok = true;
		uint32_t n = 0;
		TSNode *kids = eval_named_children(node, &n);
		for (uint32_t i = 0; i < n && ok; i++) {
			size_t len = 0;
			const char *t = eval_node_text(ctx, kids[i], &len);
			/* `$name` is a template: the grammar gives its `$` as a piece of content */
			if (kv__is(kids[i], "string_content") && !(len == 1 && t[0] == '$'))
				ok = eval_string_add(out, t, len);
			else
				ok = false; /* escapes, `$x` and `${...}`: unknown */
		}
		free(kids);
	} else if (kv__is(node, "parenthesized_expression") &&
		   ts_node_named_child_count(node) == 1) {
		ok = kv__string(ctx, ts_node_named_child(node, 0), out);
	} else if (kv__is(node, "binary_expression")) {
		ok = kv__is_plus(ctx, node) &&
		     kv__string(ctx, ts_field_child(node, "left", 4), out) &&
		     kv__string(ctx, ts_field_child(node, "right", 5), out);
	} else if (kv__is(node, "identifier") || kv__is(node, "navigation_expression")) {
		TSNode value = kotlin_syntax_declared_value(ctx, node);
		ok = !ts_node_is_null(value) && kv__string(ctx, value, out);
	}
	ctx->depth--;
	return ok;
}

static bool kv__string_eval(eval_ctx *ctx, TSNode node, strbuf *out)
{
	unsigned depth = ctx->depth;
	bool ok = kv__string(ctx, node, out);
	ctx->depth = depth;
	return ok;
}

/* A string as a list of names separated by commas or white space. */
static void kv__names(const value_type *type, const char *s, size_t len, eval_result *out)
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
static bool kv__member(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
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

/* The OR of the parts of `node` (value arguments, collection literals, `when` branches):
 * known when one is known. A value_argument is its expression (`name = value`: the last). */
static bool kv__or_children(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	bool known = false;
	uint32_t n = 0;
	TSNode *kids = eval_named_children(node, &n);
	for (uint32_t i = 0; i < n; i++) {
		TSNode part = kids[i];
		if (kv__is(part, "value_argument")) {
			uint32_t m = ts_node_named_child_count(part);
			if (!m)
				continue;
			part = ts_node_named_child(part, m - 1);
		}
		eval_result r = { 0 };
		if (kv__eval(ctx, part, type, &r)) {
			out->value |= r.value;
			out->named |= r.named;
			known = true;
		}
	}
	free(kids);
	return known;
}

static TSNode kv__child_of_type(TSNode node, const char *kind)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(node); i++)
		if (kv__is(ts_node_named_child(node, i), kind))
			return ts_node_named_child(node, i);
	return (TSNode){ 0 };
}

static bool kv__call(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	TSNode name = kotlin_syntax_callee_name(node);
	TSNode args = kv__child_of_type(node, "value_arguments");
	TSNode callee = ts_node_named_child(node, 0);
	if (ts_node_is_null(name) || ts_node_is_null(args))
		return false;
	static const char *const lists[] = { "arrayOf", "listOf", "setOf", "mutableListOf",
					     "mutableSetOf", "arrayListOf", "hashSetOf",
					     "linkedSetOf", "listOfNotNull", "asList", "of", "singletonList",
					     "newArrayList", "copyOf", NULL };
	for (size_t i = 0; lists[i]; i++)
		if (eval_node_is(ctx, name, lists[i]))
			return kv__or_children(ctx, args, type, out);
	/* protocols.toTypedArray(), TlsVersion.TLS_1_0.javaName(), TLS.V_1_0.toString() */
	static const char *const same[] = { "toTypedArray", "toList", "toSet", "toMutableList",
					    "javaName", "name", "toString", NULL };
	if (kv__is(callee, "navigation_expression") && ts_node_named_child_count(callee) == 2)
		for (size_t i = 0; same[i]; i++)
			if (eval_node_is(ctx, name, same[i]))
				return kv__eval(ctx, ts_node_named_child(callee, 0), type, out);
	return false;
}

/* The branches of an if or when expression: an expression, or a block's last statement. */
static bool kv__branch(eval_ctx *ctx, TSNode branch, const value_type *type, eval_result *out)
{
	if (kv__is(branch, "block") || kv__is(branch, "control_structure_body")) {
		uint32_t n = ts_node_named_child_count(branch);
		return n && kv__branch(ctx, ts_node_named_child(branch, n - 1), type, out);
	}
	return kv__eval(ctx, branch, type, out);
}

static bool kv__branches(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	bool known = false;
	TSNode cond = ts_field_child(node, "condition", 9);
	for (uint32_t i = 0; i < ts_node_named_child_count(node); i++) {
		TSNode part = ts_node_named_child(node, i);
		if (!ts_node_is_null(cond) && ts_node_eq(part, cond))
			continue;
		if (kv__is(part, "when_subject"))
			continue;
		if (kv__is(part, "when_entry")) {
			/* the entry's body follows its `->` */
			uint32_t m = ts_node_named_child_count(part);
			if (!m)
				continue;
			part = ts_node_named_child(part, m - 1);
		}
		eval_result r = { 0 };
		if (kv__branch(ctx, part, type, &r)) {
			out->value |= r.value;
			out->named |= r.named;
			known = true;
		}
	}
	return known;
}

static bool kv__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return false;
	ctx->depth++;
	bool ok = false;
	if (kv__is(node, "parenthesized_expression") && ts_node_named_child_count(node) == 1) {
		ok = kv__eval(ctx, ts_node_named_child(node, 0), type, out);
	} else if (kv__is(node, "string_literal") || kv__is(node, "multiline_string_literal") ||
		   (kv__is(node, "binary_expression") && kv__is_plus(ctx, node))) {
		strbuf s = STRBUF_INIT;
		ok = kv__string(ctx, node, &s);
		if (ok)
			kv__names(type, strbuf_str(&s), s.len, out);
		strbuf_release(&s);
	} else if (kv__is(node, "navigation_expression") && kv__member(ctx, node, type, out)) {
		ok = true;
	} else if (kv__is(node, "navigation_expression") && ts_node_named_child_count(node) == 2 &&
		   (eval_node_is(ctx, ts_node_named_child(node, 1), "javaName") ||
		    eval_node_is(ctx, ts_node_named_child(node, 1), "name"))) {
		/* TlsVersion.TLS_1_0.javaName (a property in OkHttp 4) */
		ok = kv__eval(ctx, ts_node_named_child(node, 0), type, out);
	} else if (kv__is(node, "identifier") || kv__is(node, "navigation_expression")) {
		TSNode value = kotlin_syntax_declared_value(ctx, node);
		ok = !ts_node_is_null(value) && kv__eval(ctx, value, type, out);
	} else if (kv__is(node, "collection_literal")) {
		ok = kv__or_children(ctx, node, type, out);
	} else if (kv__is(node, "call_expression")) {
		ok = kv__call(ctx, node, type, out);
	} else if (kv__is(node, "if_expression") || kv__is(node, "when_expression")) {
		ok = kv__branches(ctx, node, type, out);
	} else if (kv__is(node, "spread_expression") && ts_node_named_child_count(node) == 1) {
		ok = kv__eval(ctx, ts_node_named_child(node, 0), type, out);
	}
	ctx->depth--;
	if (ok)
		out->versions = value_type_versions(type, out->value);
	return ok;
}

static bool kv__eval_top(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (type->kind != VALUE_FLAGS || strcmp(type->name, "JavaTlsProtocols") != 0)
		return false;
	*out = (eval_result){ 0 };
	unsigned depth = ctx->depth;
	bool ok = kv__eval(ctx, node, type, out);
	ctx->depth = depth;
	return ok;
}

const value_evaluator kotlin_evaluator = {
	.lang = LANG_KOTLIN,
	.eval = kv__eval_top,
	.eval_string = kv__string_eval,
};
