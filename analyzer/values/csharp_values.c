/* csharp_values.c: evaluating C# expressions to protocol values.
 *
 * Handles enum members (`SecurityProtocolType.Tls`, `System.Net.SecurityProtocolType.Tls`,
 * a bare `Tls` under `using static`), integer literals in any base, casts
 * (`(SecurityProtocolType)768`), parentheses, `|`, `+`, `&`, `^`, `~`, and identifiers bound
 * to a single initialised declaration in the file (constants and locals). */
#include <string.h>

#include "values/evaluator.h"

#define MAX_DEPTH 32

static bool cs__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out);

/* The last identifier of a dotted name (`System.Net.SecurityProtocolType` gives the last). */
static const char *cs__last_name(const eval_ctx *ctx, TSNode node, size_t *len)
{
	const char *t = eval_node_text(ctx, node, len);
	const char *dot = NULL;
	for (size_t i = 0; i < *len; i++)
		if (t[i] == '.')
			dot = t + i;
	if (!dot)
		return t;
	*len -= (size_t)(dot + 1 - t);
	return dot + 1;
}

static bool cs__names_type(const eval_ctx *ctx, TSNode node, const value_type *type)
{
	size_t len = 0;
	const char *n = cs__last_name(ctx, node, &len);
	return strlen(type->name) == len && memcmp(n, type->name, len) == 0;
}

static bool cs__member(const value_type *type, const char *name, size_t len, eval_result *out)
{
	const value_member *m = value_type_member(type, name, len);
	if (!m)
		return false;
	out->value = m->value;
	return true;
}

/* Is `using static <...>.TypeName;` in the file? */
static bool cs__using_static(eval_ctx *ctx, const value_type *type)
{
	TSNode root = ctx->root;
	uint32_t n = ts_node_named_child_count(root);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(root, i);
		const char *kind = ts_node_type(c);
		if (strcmp(kind, "namespace_declaration") == 0 ||
		    strcmp(kind, "file_scoped_namespace_declaration") == 0) {
			/* usings inside a namespace body */
			TSNode body = ts_node_child_by_field_name(c, "body", 4);
			TSNode scope = ts_node_is_null(body) ? c : body;
			uint32_t m = ts_node_named_child_count(scope);
			for (uint32_t j = 0; j < m; j++) {
				TSNode u = ts_node_named_child(scope, j);
				if (strcmp(ts_node_type(u), "using_directive") != 0)
					continue;
				size_t len = 0;
				const char *t = eval_node_text(ctx, u, &len);
				if (len > 12 && memmem(t, len, "static", 6) &&
				    cs__names_type(ctx, ts_node_named_child(u, ts_node_named_child_count(u) - 1), type))
					return true;
			}
			continue;
		}
		if (strcmp(kind, "using_directive") != 0)
			continue;
		size_t len = 0;
		const char *t = eval_node_text(ctx, c, &len);
		if (!memmem(t, len, "static", 6))
			continue;
		uint32_t k = ts_node_named_child_count(c);
		if (k && cs__names_type(ctx, ts_node_named_child(c, k - 1), type))
			return true;
	}
	return false;
}

/* Finds the initialiser of the only declaration of `name` in the file. */
static bool cs__find_declaration(TSNode node, const eval_ctx *ctx, const char *name, size_t len,
				 TSNode *value, unsigned *count)
{
	if (strcmp(ts_node_type(node), "variable_declarator") == 0) {
		TSNode n = ts_node_child_by_field_name(node, "name", 4);
		size_t nl = 0;
		const char *nt = ts_node_is_null(n) ? NULL : eval_node_text(ctx, n, &nl);
		if (nt && nl == len && memcmp(nt, name, len) == 0) {
			uint32_t k = ts_node_named_child_count(node);
			if (k >= 2) {
				*value = ts_node_named_child(node, k - 1);
				(*count)++;
			}
		}
		return *count > 1;
	}
	uint32_t k = ts_node_named_child_count(node);
	for (uint32_t i = 0; i < k; i++)
		if (cs__find_declaration(ts_node_named_child(node, i), ctx, name, len, value, count))
			return true;
	return false;
}

static bool cs__identifier(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	size_t len = 0;
	const char *name = eval_node_text(ctx, node, &len);
	if (value_type_member(type, name, len) && cs__using_static(ctx, type))
		return cs__member(type, name, len, out);
	TSNode value = { 0 };
	unsigned count = 0;
	cs__find_declaration(ctx->root, ctx, name, len, &value, &count);
	if (count != 1)
		return false;
	return cs__eval(ctx, value, type, out);
}

static bool cs__binary(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	TSNode l = ts_node_child_by_field_name(node, "left", 4);
	TSNode r = ts_node_child_by_field_name(node, "right", 5);
	TSNode op = ts_node_child_by_field_name(node, "operator", 8);
	if (ts_node_is_null(l) || ts_node_is_null(r) || ts_node_is_null(op))
		return false;
	eval_result a = { 0 }, b = { 0 };
	if (!cs__eval(ctx, l, type, &a) || !cs__eval(ctx, r, type, &b))
		return false;
	if (eval_node_is(ctx, op, "|"))
		out->value = a.value | b.value;
	else if (eval_node_is(ctx, op, "+"))
		out->value = a.value + b.value;
	else if (eval_node_is(ctx, op, "&"))
		out->value = a.value & b.value;
	else if (eval_node_is(ctx, op, "^"))
		out->value = a.value ^ b.value;
	else
		return false;
	return true;
}

static bool cs__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (ts_node_is_null(node) || ctx->depth > MAX_DEPTH)
		return false;
	ctx->depth++;
	bool ok = false;
	const char *kind = ts_node_type(node);
	size_t len = 0;
	const char *text = eval_node_text(ctx, node, &len);

	if (strcmp(kind, "parenthesized_expression") == 0 && ts_node_named_child_count(node) == 1) {
		ok = cs__eval(ctx, ts_node_named_child(node, 0), type, out);
	} else if (strcmp(kind, "cast_expression") == 0) {
		ok = cs__eval(ctx, ts_node_child_by_field_name(node, "value", 5), type, out);
	} else if (strcmp(kind, "integer_literal") == 0) {
		ok = eval_parse_integer(text, len, &out->value);
	} else if (strcmp(kind, "boolean_literal") == 0) {
		out->value = len == 4 && memcmp(text, "true", 4) == 0;
		ok = true;
	} else if (strcmp(kind, "member_access_expression") == 0) {
		TSNode expr = ts_node_child_by_field_name(node, "expression", 10);
		TSNode name = ts_node_child_by_field_name(node, "name", 4);
		if (!ts_node_is_null(expr) && !ts_node_is_null(name) &&
		    cs__names_type(ctx, expr, type)) {
			size_t nlen = 0;
			const char *n = eval_node_text(ctx, name, &nlen);
			ok = cs__member(type, n, nlen, out);
		}
	} else if (strcmp(kind, "identifier") == 0) {
		ok = cs__identifier(ctx, node, type, out);
	} else if (strcmp(kind, "binary_expression") == 0) {
		ok = cs__binary(ctx, node, type, out);
	} else if (strcmp(kind, "prefix_unary_expression") == 0 && len > 1 && text[0] == '~' &&
		   ts_node_named_child_count(node) == 1) {
		ok = cs__eval(ctx, ts_node_named_child(node, 0), type, out);
		out->value = ~out->value;
	}
	ctx->depth--;
	if (ok)
		out->versions = value_type_versions(type, out->value);
	return ok;
}

const value_evaluator csharp_evaluator = {
	.lang = LANG_CSHARP,
	.eval = cs__eval,
};
