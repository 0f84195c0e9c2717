/* js_values.c: evaluating JavaScript and TypeScript expressions to Node.js protocol names
 * (NodeTlsVersion: `minVersion`/`maxVersion` names such as 'TLSv1.1', and `secureProtocol`
 * method names such as 'TLSv1_method').
 *
 * Strings (quotes or a template without substitutions), `+` concatenations, and names
 * followed to their declaration in the file (`const MIN = 'TLSv1'`), also through the
 * properties of a declared object (`const TLS = { min: 'TLSv1' }; ... TLS.min`); TypeScript's
 * `as`, `satisfies`, `!` and `<T>` pass through. `a || 'TLSv1'` and `a ?? 'TLSv1'` are their
 * written default when the left side is unknown (an environment variable); `c ? A : B` is the
 * branch that enables a legacy version, if any. Anything else is unknown, and unknown is
 * silent. */
#include <stdlib.h>
#include <string.h>

#include "engine/ts_field.h"
#include "lang/js/js_syntax.h"
#include "util/strbuf.h"
#include "values/evaluator.h"

#define MAX_DEPTH 16

static bool jsv__is(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

static TSNode jsv__object(eval_ctx *ctx, TSNode node);

/* The value that the name or property access `node` stands for, or a null node. */
static TSNode jsv__named_value(eval_ctx *ctx, TSNode node)
{
	TSNode none = { 0 };
	if (jsv__is(node, "identifier") || jsv__is(node, "shorthand_property_identifier"))
		return js_syntax_declared_value(ctx, node);
	if (jsv__is(node, "member_expression")) {
		TSNode object = ts_field_child(node, "object", 6);
		TSNode prop = ts_field_child(node, "property", 8);
		if (ts_node_is_null(object) || ts_node_is_null(prop) ||
		    !jsv__is(prop, "property_identifier"))
			return none;
		TSNode obj = jsv__object(ctx, object);
		size_t len = 0;
		const char *p = eval_node_text(ctx, prop, &len);
		return js_syntax_property(ctx, obj, p, len);
	}
	return none;
}

/* The object literal `node` is or names (`const OPTS = {...}`, `CONFIG.tls`). */
static TSNode jsv__object(eval_ctx *ctx, TSNode node)
{
	TSNode none = { 0 };
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return none;
	node = js_syntax_unwrap(node);
	if (ts_node_is_null(node) || jsv__is(node, "object"))
		return node;
	ctx->depth++;
	TSNode v = jsv__named_value(ctx, node);
	TSNode out = ts_node_is_null(v) ? none : jsv__object(ctx, v);
	ctx->depth--;
	return out;
}

/* The string a literal, a concatenation or a followed constant spells. */
static bool jsv__string(eval_ctx *ctx, TSNode node, strbuf *out, bool follow)
{
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return false;
	bool ok = false;
	ctx->depth++;
	TSNode inner = js_syntax_unwrap(node);
	if (follow)
		eval_follow(ctx, node, inner, false);
	node = inner;
	if (ts_node_is_null(node)) {
		ok = false;
	} else if (jsv__is(node, "string") || jsv__is(node, "template_string")) {
		ok = true;
		uint32_t n = 0;
		TSNode *kids = eval_named_children(node, &n);
		for (uint32_t i = 0; i < n && ok; i++) {
			size_t len = 0;
			const char *t = eval_node_text(ctx, kids[i], &len);
			ok = jsv__is(kids[i], "string_fragment") && eval_string_add(out, t, len);
		}
		free(kids);
	} else if (jsv__is(node, "binary_expression")) {
		TSNode op = ts_field_child(node, "operator", 8);
		ok = !ts_node_is_null(op) && eval_node_is(ctx, op, "+") &&
		     jsv__string(ctx, ts_field_child(node, "left", 4), out, false) &&
		     jsv__string(ctx, ts_field_child(node, "right", 5), out, false);
	} else {
		TSNode value = jsv__named_value(ctx, node);
		if (!ts_node_is_null(value)) {
			if (follow)
				eval_follow(ctx, node, value, true);
			ok = jsv__string(ctx, value, out, follow);
		}
	}
	ctx->depth--;
	return ok;
}

static bool jsv__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out);

/* One branch of a choice, evaluated as if it were the whole value: where it comes from (its
 * own code, or the initialiser a name in it was followed to) is kept in `origin`. */
typedef struct jsv_branch {
	bool known;
	eval_result v;
	uint32_t start, end;
} jsv_branch;

static jsv_branch jsv__branch(eval_ctx *ctx, TSNode node, const value_type *type)
{
	jsv_branch b = { 0 };
	if (ts_node_is_null(node))
		return b;
	eval_follow_start(ctx, node);
	b.known = jsv__eval(ctx, node, type, &b.v);
	b.start = ctx->followed ? ctx->origin_start : ts_node_start_byte(node);
	b.end = ctx->followed ? ctx->origin_end : ts_node_end_byte(node);
	return b;
}

/* `a || b`, `a ?? b`: the written default when `a` is unknown; `c ? a : b`: a branch that
 * enables a legacy version, else a known one. The finding goes to the chosen branch. */
static bool jsv__choice(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	TSNode whole = ctx->whole;
	bool is_whole = !ts_node_is_null(whole) && ts_node_eq(whole, node);
	bool followed = ctx->followed;
	uint32_t os = ctx->origin_start, oe = ctx->origin_end;
	jsv_branch a, b, *pick = NULL;
	if (jsv__is(node, "binary_expression")) {
		a = jsv__branch(ctx, ts_field_child(node, "left", 4), type);
		b = a.known ? (jsv_branch){ 0 }
			    : jsv__branch(ctx, ts_field_child(node, "right", 5), type);
		pick = a.known ? &a : b.known ? &b : NULL;
	} else {
		a = jsv__branch(ctx, ts_field_child(node, "consequence", 11), type);
		b = jsv__branch(ctx, ts_field_child(node, "alternative", 11), type);
		pick = a.known && (a.v.versions & VERSIONS_LEGACY)   ? &a
		       : b.known && (b.v.versions & VERSIONS_LEGACY) ? &b
		       : a.known				     ? &a
		       : b.known				     ? &b
								     : NULL;
	}
	ctx->whole = whole;
	ctx->followed = followed;
	ctx->origin_start = os;
	ctx->origin_end = oe;
	if (!pick)
		return false;
	*out = pick->v;
	if (is_whole) {
		ctx->followed = true;
		ctx->origin_start = pick->start;
		ctx->origin_end = pick->end;
	}
	return true;
}

static bool jsv__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (ctx->depth > MAX_DEPTH || ts_node_is_null(node))
		return false;
	ctx->depth++;
	bool ok = false;
	TSNode inner = js_syntax_unwrap(node);
	TSNode op = ts_node_is_null(inner) || !jsv__is(inner, "binary_expression")
			    ? (TSNode){ 0 }
			    : ts_field_child(inner, "operator", 8);
	bool logical = !ts_node_is_null(op) &&
		       (eval_node_is(ctx, op, "||") || eval_node_is(ctx, op, "??"));
	if (!ts_node_is_null(inner) && (jsv__is(inner, "ternary_expression") || logical)) {
		eval_follow(ctx, node, inner, false);
		ok = jsv__choice(ctx, inner, type, out);
	} else {
		strbuf s = STRBUF_INIT;
		ok = jsv__string(ctx, node, &s, true);
		const value_member *m = ok ? value_type_member(type, strbuf_str(&s), s.len) : NULL;
		strbuf_release(&s);
		ok = m != NULL;
		if (ok) {
			out->value = m->value;
			out->named = m->value;
			out->versions = m->versions;
		}
	}
	ctx->depth--;
	return ok;
}

static bool jsv__eval_top(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (strcmp(type->name, "NodeTlsVersion") != 0)
		return false;
	*out = (eval_result){ 0 };
	unsigned depth = ctx->depth;
	eval_follow_start(ctx, node);
	bool ok = jsv__eval(ctx, node, type, out);
	ctx->depth = depth;
	if (ok)
		eval_follow_result(ctx, out);
	return ok;
}

static bool jsv__string_eval(eval_ctx *ctx, TSNode node, strbuf *out)
{
	unsigned depth = ctx->depth;
	bool ok = jsv__string(ctx, node, out, false);
	ctx->depth = depth;
	return ok;
}

const value_evaluator javascript_evaluator = {
	.lang = LANG_JAVASCRIPT,
	.eval = jsv__eval_top,
	.eval_string = jsv__string_eval,
};

const value_evaluator typescript_evaluator = {
	.lang = LANG_TYPESCRIPT,
	.eval = jsv__eval_top,
	.eval_string = jsv__string_eval,
};

const value_evaluator tsx_evaluator = {
	.lang = LANG_TSX,
	.eval = jsv__eval_top,
	.eval_string = jsv__string_eval,
};
