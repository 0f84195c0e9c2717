/* go_values.c: evaluating Go expressions to crypto/tls version numbers (GoTlsVersion).
 *
 * `tls.VersionTLS10` (through the file's import name for "crypto/tls"), numbers (`0x0301`),
 * conversions (`uint16(0x0301)`), parentheses, and names followed to their declaration in the
 * file: `const floor = tls.VersionTLS10`, `var`, `floor := ...` (the nearest one before the
 * use, else the first after it: a package-level constant declared below). Anything else is
 * unknown, and unknown is silent. */
#include <string.h>

#include "engine/ts_field.h"
#include "util/strbuf.h"
#include "values/evaluator.h"

#define MAX_DEPTH 16

static bool gv__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out);

static bool gv__is(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

static bool gv__same_text(const eval_ctx *ctx, TSNode a, const char *s, size_t len)
{
	return eval_node_is_n(ctx, a, s, len);
}

/* The name under which the file imports "crypto/tls" ("tls" when it does not say), written to
 * `*name`/`*len`; false when the file imports it under `_` or `.`. */
static bool gv__tls_name(eval_ctx *ctx, const char **name, size_t *len)
{
	*name = "tls";
	*len = 3;
	TSTreeCursor cur = ts_tree_cursor_new(ctx->root);
	bool ok = true;
	if (ts_tree_cursor_goto_first_child(&cur)) {
		do {
			TSNode decl = ts_tree_cursor_current_node(&cur);
			if (!gv__is(decl, "import_declaration"))
				continue;
			/* import_spec directly or inside an import_spec_list */
			TSTreeCursor c2 = ts_tree_cursor_new(decl);
			for (bool more = ts_tree_cursor_goto_first_child(&c2); more;) {
				TSNode n = ts_tree_cursor_current_node(&c2);
				if (gv__is(n, "import_spec_list")) {
					more = ts_tree_cursor_goto_first_child(&c2);
					continue;
				}
				if (gv__is(n, "import_spec")) {
					TSNode path = ts_field_child(n, "path", 4);
					TSNode alias = ts_field_child(n, "name", 4);
					if (!ts_node_is_null(path) &&
					    eval_node_is(ctx, path, "\"crypto/tls\"") &&
					    !ts_node_is_null(alias)) {
						if (!gv__is(alias, "package_identifier"))
							ok = false;
						else
							*name = eval_node_text(ctx, alias, len);
					}
				}
				more = ts_tree_cursor_goto_next_sibling(&c2);
			}
			ts_tree_cursor_delete(&c2);
		} while (ts_tree_cursor_goto_next_sibling(&cur));
	}
	ts_tree_cursor_delete(&cur);
	return ok;
}

/* The value bound to `id` by a const_spec, var_spec or short_var_declaration of the file. */
static TSNode gv__declared_value(const eval_ctx *ctx, TSNode id)
{
	TSNode none = { 0 }, before = none, after = none;
	size_t len = 0;
	const char *s = eval_node_text(ctx, id, &len);
	uint32_t use = ts_node_start_byte(id);
	TSTreeCursor cur = ts_tree_cursor_new(ctx->root);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		bool spec = gv__is(n, "const_spec") || gv__is(n, "var_spec");
		bool shortvar = gv__is(n, "short_var_declaration");
		if (spec || shortvar) {
			TSNode value = ts_field_child(n, spec ? "value" : "right", 5);
			/* the names: const_spec/var_spec `name` fields, or the left expression_list */
			uint32_t index = 0, found = UINT32_MAX;
			if (spec) {
				for (uint32_t i = 0; i < ts_node_child_count(n); i++) {
					const char *f = ts_node_field_name_for_child(n, i);
					if (!f || strcmp(f, "name") != 0)
						continue;
					TSNode c = ts_node_child(n, i);
					if (gv__is(c, "identifier") && gv__same_text(ctx, c, s, len))
						found = index;
					if (gv__is(c, "identifier"))
						index++;
				}
			} else {
				TSNode left = ts_field_child(n, "left", 4);
				for (uint32_t i = 0; !ts_node_is_null(left) &&
						     i < ts_node_named_child_count(left); i++)
					if (gv__same_text(ctx, ts_node_named_child(left, i), s, len))
						found = i;
			}
			if (found != UINT32_MAX && !ts_node_is_null(value) &&
			    found < ts_node_named_child_count(value) &&
			    !(ts_node_start_byte(value) <= use && use < ts_node_end_byte(value))) {
				TSNode v = ts_node_named_child(value, found);
				if (ts_node_start_byte(n) < use)
					before = v;
				else if (ts_node_is_null(after))
					after = v;
			}
		}
		if (ts_tree_cursor_goto_first_child(&cur))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&cur)) {
			if (!ts_tree_cursor_goto_parent(&cur)) {
				ts_tree_cursor_delete(&cur);
				return ts_node_is_null(before) ? after : before;
			}
		}
	}
}

static bool gv__selector(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	TSNode operand = ts_field_child(node, "operand", 7);
	TSNode field = ts_field_child(node, "field", 5);
	if (ts_node_is_null(operand) || ts_node_is_null(field) || !gv__is(operand, "identifier"))
		return false;
	size_t flen = 0;
	const char *f = eval_node_text(ctx, field, &flen);
	strbuf full = STRBUF_INIT;
	strbuf_add(&full, "tls.", 4);
	strbuf_add(&full, f, flen);
	const value_member *m = value_type_member(type, strbuf_str(&full), full.len);
	strbuf_release(&full);
	const char *pkg = NULL;
	size_t plen = 0;
	if (!m || !gv__tls_name(ctx, &pkg, &plen) || !gv__same_text(ctx, operand, pkg, plen))
		return false;
	out->value = m->value;
	out->named = m->value;
	return true;
}

static bool gv__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return false;
	ctx->depth++;
	bool ok = false;
	size_t len = 0;
	const char *text = eval_node_text(ctx, node, &len);
	if (gv__is(node, "parenthesized_expression") && ts_node_named_child_count(node) == 1) {
		ok = gv__eval(ctx, ts_node_named_child(node, 0), type, out);
	} else if (gv__is(node, "selector_expression")) {
		ok = gv__selector(ctx, node, type, out);
	} else if (gv__is(node, "int_literal")) {
		ok = eval_parse_integer(text, len, &out->value);
		out->named = 0;
	} else if (gv__is(node, "identifier")) {
		ok = gv__eval(ctx, gv__declared_value(ctx, node), type, out);
	} else if (gv__is(node, "call_expression")) {
		/* a conversion: uint16(0x0301) */
		TSNode fn = ts_field_child(node, "function", 8);
		TSNode args = ts_field_child(node, "arguments", 9);
		if (!ts_node_is_null(fn) && !ts_node_is_null(args) &&
		    ts_node_named_child_count(args) == 1 &&
		    (eval_node_is(ctx, fn, "uint16") || eval_node_is(ctx, fn, "int") ||
		     eval_node_is(ctx, fn, "uint32") || eval_node_is(ctx, fn, "uint")))
			ok = gv__eval(ctx, ts_node_named_child(args, 0), type, out);
	}
	ctx->depth--;
	if (ok)
		out->versions = value_type_versions(type, out->value);
	return ok;
}

static bool gv__eval_top(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (strcmp(type->name, "GoTlsVersion") != 0)
		return false;
	*out = (eval_result){ 0 };
	unsigned depth = ctx->depth;
	bool ok = gv__eval(ctx, node, type, out);
	ctx->depth = depth;
	return ok;
}

const value_evaluator go_evaluator = {
	.lang = LANG_GO,
	.eval = gv__eval_top,
};
