/* powershell_values.c: evaluating PowerShell expressions to protocol values.
 *
 * Numbers: static members (`[Net.SecurityProtocolType]::Tls11`), casts
 * (`[Net.SecurityProtocolType]'Tls12'`, `[Net.SecurityProtocolType]3072`), integer literals,
 * string forms ('Tls,Tls11', "Tls, Tls12": member names or numbers, case-insensitive, as
 * PowerShell converts them), arrays of those, `-bor` (an unknown side, as in
 * `[Net.ServicePointManager]::SecurityProtocol -bor ...`, adds nothing), `-band`, `-bxor`,
 * `-bnot`, `+`, parentheses, `$true`/`$false` and variables assigned before the use.
 * Strings are powershell_strings.c's, registry commands powershell_commands.c's, the
 * evaluator row powershell_evaluator.c's. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "lang/powershell/powershell_values_int.h"

/* 'Tls,Tls11': comma-separated member names or numbers. */
static bool ps__enum_string(const value_type *type, const char *s, size_t len, eval_result *out)
{
	out->value = out->named = 0;
	size_t i = 0, items = 0;
	while (i <= len) {
		size_t start = i;
		while (i < len && s[i] != ',')
			i++;
		size_t a = start, b = i;
		while (a < b && isspace((unsigned char)s[a]))
			a++;
		while (b > a && isspace((unsigned char)s[b - 1]))
			b--;
		long long v = 0;
		const value_member *m = value_type_member_nocase(type, s + a, b - a);
		if (m) {
			out->value |= m->value;
			out->named |= m->value;
		} else if (b > a && eval_parse_integer(s + a, b - a, &v)) {
			out->value |= v;
		} else {
			return false;
		}
		items++;
		i++;
	}
	return items > 0;
}

static bool ps__binary(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	TSNode op = ps_operator(node);
	if (ts_node_is_null(op) || ts_node_named_child_count(node) != 2)
		return false;
	eval_result a = { 0 }, b = { 0 };
	bool ka = ps_eval(ctx, ts_node_named_child(node, 0), type, &a);
	bool kb = ps_eval(ctx, ts_node_named_child(node, 1), type, &b);
	static const struct {
		const char *text;
		eval_op op;
	} ops[] = { { "-bor", EVAL_OP_OR }, { "+", EVAL_OP_ADD }, { "-band", EVAL_OP_AND },
		    { "-bxor", EVAL_OP_XOR } };
	eval_op o = EVAL_OP_NONE;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]) && !o; i++)
		if (ps_text_is(ctx, op, ops[i].text))
			o = ops[i].op;
	/* `[Net.ServicePointManager]::SecurityProtocol -bor 'Tls12'`: the known side. */
	return eval_fold_binary(o, true, a, ka, b, kb, out);
}

/* An array ('Tls', 'Tls11') converts to a flags value as the union of its items. */
static bool ps__array(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	uint32_t n = ts_node_named_child_count(node);
	out->value = out->named = 0;
	for (uint32_t i = 0; i < n; i++) {
		eval_result item = { 0 };
		if (!ps_eval(ctx, ts_node_named_child(node, i), type, &item))
			return false;
		out->value |= item.value;
		out->named |= item.named;
	}
	return n > 0 && type->kind == VALUE_FLAGS;
}

static bool ps__eval_node(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	size_t len = 0;
	const char *t = eval_node_text(ctx, node, &len);
	if (ps_kind(node, "integer_literal") || ps_kind(node, "decimal_integer_literal") ||
	    ps_kind(node, "hexadecimal_integer_literal")) {
		out->named = 0;
		return eval_parse_integer(t, len, &out->value);
	}
	if (ps_kind(node, "string_literal")) {
		strbuf sb = STRBUF_INIT;
		bool ok = ps_string_literal(ctx, node, &sb) &&
			  (type->nmembers ? ps__enum_string(type, strbuf_str(&sb), sb.len, out)
					  : eval_parse_integer(strbuf_str(&sb), sb.len, &out->value));
		strbuf_release(&sb);
		return ok;
	}
	if (ps_kind(node, "member_access") && ts_node_named_child_count(node) == 2) {
		TSNode lit = ts_node_named_child(node, 0), name = ts_node_named_child(node, 1);
		if (!ps_kind(lit, "type_literal") || !ps_type_literal_names(ctx, lit, type->name))
			return false;
		size_t nlen = 0;
		const char *n = eval_node_text(ctx, name, &nlen);
		const value_member *m = value_type_member_nocase(type, n, nlen);
		if (!m)
			return false;
		out->value = out->named = m->value;
		return true;
	}
	if (ps_kind(node, "cast_expression") && ts_node_named_child_count(node) == 2) {
		TSNode lit = ts_node_named_child(node, 0);
		bool own = ps_type_literal_names(ctx, lit, type->name);
		if (!own && !ps_type_literal_names(ctx, lit, "int") &&
		    !ps_type_literal_names(ctx, lit, "Int32") && !ps_type_literal_names(ctx, lit, "uint32"))
			return false;
		return ps_eval(ctx, ts_node_named_child(node, 1), type, out);
	}
	if (ps_kind(node, "variable")) {
		size_t nlen = 0;
		const char *name = ps_variable_name(ctx, node, &nlen);
		if (type->kind == VALUE_BOOL && (nlen == 4 || nlen == 5) &&
		    (strncasecmp(name, "true", nlen) == 0 || strncasecmp(name, "false", nlen) == 0)) {
			out->value = nlen == 4;
			out->named = 0;
			return true;
		}
		TSNode value = { 0 };
		if (!ps_resolve(ctx, name, nlen, ts_node_start_byte(node), &value))
			return false;
		eval_follow(ctx, node, value, true);
		return ps_eval(ctx, value, type, out);
	}
	if (ps_kind(node, "bitwise_expression") || ps_kind(node, "additive_expression") ||
	    ps_kind(node, "bitwise_argument_expression") ||
	    ps_kind(node, "additive_argument_expression"))
		return ps__binary(ctx, node, type, out);
	if (ps_kind(node, "array_literal_expression"))
		return ps__array(ctx, node, type, out);
	if (ps_kind(node, "expression_with_unary_operator") && ts_node_named_child_count(node) == 1) {
		TSNode op = ps_operator(node);
		if (ts_node_is_null(op) || !ps_text_is(ctx, op, "-bnot") ||
		    !ps_eval(ctx, ts_node_named_child(node, 0), type, out))
			return false;
		out->value = ~out->value;
		out->named = out->named ? out->value : 0;
		return true;
	}
	return false;
}

bool ps_eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	TSNode wrapped = node;
	node = ps_unwrap(node);
	if (!ts_node_is_null(node))
		eval_follow(ctx, wrapped, node, false);
	if (ts_node_is_null(node) || ctx->depth > PS_MAX_DEPTH)
		return false;
	ctx->depth++;
	bool ok = ps__eval_node(ctx, node, type, out);
	ctx->depth--;
	return ok;
}
