/* powershell_syntax.c: questions about PowerShell syntax trees that every file of the
 * evaluator asks (node kinds, operators, type literals, variable names), ignoring case as
 * PowerShell does. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "lang/powershell/powershell_values_int.h"

bool ps_kind(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

bool ps_text_is(const eval_ctx *ctx, TSNode node, const char *s)
{
	size_t len = 0;
	const char *t = eval_node_text(ctx, node, &len);
	return strlen(s) == len && strncasecmp(t, s, len) == 0;
}

/* Skips the single-child layers the grammar wraps every expression in. */
TSNode ps_unwrap(TSNode node)
{
	static const char *const layers[] = {
		"pipeline", "pipeline_chain", "logical_expression", "bitwise_expression",
		"comparison_expression", "additive_expression", "multiplicative_expression",
		"format_expression", "range_expression", "array_literal_expression",
		"unary_expression", "expression_with_unary_operator", "left_assignment_expression",
		/* the same layers in a method's arguments */
		"argument_expression", "logical_argument_expression", "bitwise_argument_expression",
		"comparison_argument_expression", "additive_argument_expression",
		"multiplicative_argument_expression", "format_argument_expression",
		"range_argument_expression",
	};
	for (unsigned depth = 0; depth < 64 && !ts_node_is_null(node); depth++) {
		bool layer = false;
		for (size_t i = 0; i < sizeof(layers) / sizeof(layers[0]) && !layer; i++)
			layer = ps_kind(node, layers[i]);
		if (ps_kind(node, "parenthesized_expression") && ts_node_named_child_count(node) == 1)
			layer = true;
		else if (!layer || ts_node_child_count(node) != 1)
			return node;
		node = ts_node_named_child(node, 0);
	}
	return node;
}

/* The anonymous operator token of a binary or unary expression, or a null node. */
TSNode ps_operator(TSNode node)
{
	uint32_t n = ts_node_child_count(node);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_child(node, i);
		if (!ts_node_is_named(c))
			return c;
	}
	TSNode none = { 0 };
	return none;
}

/* Does a `[Type.Name]` literal name `type` (its last dotted part)? */
bool ps_type_literal_names(const eval_ctx *ctx, TSNode lit, const char *type)
{
	size_t len = 0;
	const char *t = eval_node_text(ctx, lit, &len);
	while (len && (t[len - 1] == ']' || isspace((unsigned char)t[len - 1])))
		len--;
	size_t start = len;
	while (start && t[start - 1] != '.' && t[start - 1] != '[')
		start--;
	return strlen(type) == len - start && strncasecmp(t + start, type, len - start) == 0;
}

/* The name of a variable node without `$`, `${ }` or a scope (`$script:x`). */
const char *ps_variable_name(const eval_ctx *ctx, TSNode var, size_t *len)
{
	const char *t = eval_node_text(ctx, var, len);
	if (*len && t[0] == '$') {
		t++;
		(*len)--;
	}
	if (*len >= 2 && t[0] == '{' && t[*len - 1] == '}') {
		t++;
		*len -= 2;
	}
	const char *colon = memchr(t, ':', *len);
	if (colon) {
		*len -= (size_t)(colon + 1 - t);
		t = colon + 1;
	}
	return t;
}
