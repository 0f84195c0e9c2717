/* python_values.c: evaluating Python expressions to protocol values.
 *
 * Names are resolved to their canonical dotted path through the file's imports and then looked
 * up in the value type: `import ssl`, `import ssl as s`, `from ssl import PROTOCOL_TLSv1 as P`,
 * `from ssl import *`, `from OpenSSL import SSL`, `import OpenSSL.SSL` (all give
 * `ssl.PROTOCOL_TLSv1` or `OpenSSL.SSL.TLSv1_METHOD`), attribute chains
 * (`ssl.TLSVersion.TLSv1`), variables bound once in their scope (module-level or local),
 * parentheses, `|`, `&`, `^`, `~`, cipher strings of flags types (`"DEFAULT:@SECLEVEL=0"`), and
 * `a if cond else b`, which enables what either branch enables. Anything else is unknown, and
 * unknown is silent. */
#include <string.h>

#include "engine/ts_field.h"
#include "util/strbuf.h"
#include "values/evaluator.h"
#include "lang/python/python_scope.h"

#define MAX_DEPTH 32

static bool py__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out);

/* Types whose numbers are OpenSSL's own and mean the same in every module, so a literal such
 * as `0x301` can be evaluated. ssl.PROTOCOL_* and pyOpenSSL's *_METHOD numbers differ. */
static bool py__numeric_type(const value_type *type)
{
	return type->kind == VALUE_FLAGS || strcmp(type->name, "PythonTlsVersion") == 0;
}

/* Can a dotted path ending in `rest` (".PROTOCOL_TLSv1") name a member? Checked before
 * resolving names, so that `self.x` or `obj.method` costs no lookups. */
static bool py__member_tail(const value_type *type, const strbuf *rest)
{
	for (size_t i = 0; i < type->nmembers; i++) {
		size_t n = strlen(type->members[i].name);
		if (n > rest->len &&
		    memcmp(type->members[i].name + n - rest->len, strbuf_str(rest), rest->len) == 0)
			return true;
	}
	return false;
}

static bool py__lookup(const value_type *type, const strbuf *name, eval_result *out)
{
	const value_member *m = value_type_member(type, strbuf_str(name), name->len);
	if (!m)
		return false;
	out->value = m->value;
	return true;
}

/* `SSL.TLSv1_METHOD` (or `OpenSSL.SSL.TLSv1_METHOD`) where nothing in the file binds `SSL`
 * (the import is elsewhere, or in a form this evaluator does not follow): pyOpenSSL's
 * `*_METHOD` names are unique to it, so the attribute alone identifies the constant. */
static bool py__unbound_pyopenssl(const char *bname, size_t blen, const strbuf *rest,
				  const value_type *type, strbuf *full, eval_result *out)
{
	const char *r = strbuf_str(rest);
	size_t tail = strlen("_METHOD");
	if (rest->len <= tail || strcmp(r + rest->len - tail, "_METHOD") != 0 ||
	    memchr(r + 1, '.', rest->len - 1))
		return false;
	strbuf_reset(full);
	if (blen == 3 && memcmp(bname, "SSL", 3) == 0)
		strbuf_adds(full, "OpenSSL.SSL");
	else
		return false;
	strbuf_adds(full, r);
	return py__lookup(type, full, out);
}

/* An identifier or attribute chain: resolves its first name through the imports and looks the
 * whole dotted path up in `type`; a bare variable is evaluated through its one binding. */
static bool py__name(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	TSNode attrs[MAX_DEPTH];
	size_t nattrs = 0;
	TSNode base = node;
	while (strcmp(ts_node_type(base), "attribute") == 0) {
		if (nattrs == MAX_DEPTH)
			return false;
		attrs[nattrs++] = ts_field_child(base, "attribute", 9);
		base = ts_field_child(base, "object", 6);
		if (ts_node_is_null(base) || ts_node_is_null(attrs[nattrs - 1]))
			return false;
	}
	if (strcmp(ts_node_type(base), "identifier") != 0)
		return false;
	size_t blen = 0;
	const char *bname = eval_node_text(ctx, base, &blen);
	/* The path after the first name, rebuilt from the chain (`ssl . X` is `ssl.X` too). */
	strbuf rest = STRBUF_INIT, full = STRBUF_INIT;
	while (nattrs) {
		size_t alen = 0;
		const char *a = eval_node_text(ctx, attrs[--nattrs], &alen);
		strbuf_addc(&rest, '.');
		strbuf_add(&rest, a, alen);
	}
	bool ok = false;
	if (rest.len && !py__member_tail(type, &rest)) {
		strbuf_release(&rest);
		return false;
	}
	py_import_result imp;
	py_scope_imports(&imp, ctx, bname, blen);
	if (imp.status == PY_IMPORT_BOUND) {
		strbuf_adds(&full, imp.canonical);
		strbuf_adds(&full, strbuf_str(&rest));
		ok = py__lookup(type, &full, out);
	} else if (imp.status == PY_IMPORT_NONE) {
		TSNode value = { 0 };
		py_binding b = py_scope_binding(ctx, base, bname, blen, &value);
		if (b == PY_BINDING_ONE) {
			/* A variable: only its own value, never an attribute of it. */
			if (rest.len == 0) {
				eval_follow(ctx, node, value, true);
				ok = py__eval(ctx, value, type, out);
			}
		} else if (b == PY_BINDING_NONE) {
			/* Perhaps from `from M import *`. */
			for (size_t i = 0; i < imp.nstars && !ok; i++) {
				strbuf_reset(&full);
				strbuf_adds(&full, imp.stars[i]);
				strbuf_addc(&full, '.');
				strbuf_add(&full, bname, blen);
				strbuf_adds(&full, strbuf_str(&rest));
				ok = py__lookup(type, &full, out);
			}
			if (!ok)
				ok = py__unbound_pyopenssl(bname, blen, &rest, type, &full, out);
		}
	}
	strbuf_release(&rest);
	strbuf_release(&full);
	return ok;
}

/* A string of a flags type: the members named by its tokens (OpenSSL cipher strings separate
 * them with ':', ',' or spaces). Unknown tokens add nothing; no known token is unknown. */
static bool py__string(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (type->kind != VALUE_FLAGS)
		return false;
	uint32_t n = ts_node_child_count(node);
	if (n < 2)
		return false;
	for (uint32_t i = 0; i < n; i++)
		if (strcmp(ts_node_type(ts_node_child(node, i)), "interpolation") == 0)
			return false; /* an f-string: not a constant */
	uint32_t s = ts_node_end_byte(ts_node_child(node, 0));
	uint32_t e = ts_node_start_byte(ts_node_child(node, n - 1));
	const char *text = ctx->src->text;
	bool any = false;
	out->value = 0;
	for (uint32_t i = s; i < e;) {
		while (i < e && strchr(":, \t", text[i]))
			i++;
		uint32_t start = i;
		while (i < e && !strchr(":, \t", text[i]))
			i++;
		const value_member *m = value_type_member(type, text + start, i - start);
		if (i > start && m) {
			out->value |= m->value;
			any = true;
		}
	}
	return any;
}

static bool py__binary(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	TSNode l = ts_field_child(node, "left", 4);
	TSNode r = ts_field_child(node, "right", 5);
	TSNode op = ts_field_child(node, "operator", 8);
	if (ts_node_is_null(l) || ts_node_is_null(r) || ts_node_is_null(op))
		return false;
	eval_result a = { 0 }, b = { 0 };
	if (!py__eval(ctx, l, type, &a) || !py__eval(ctx, r, type, &b))
		return false;
	eval_op o = eval_node_is(ctx, op, "|")   ? EVAL_OP_OR
		    : eval_node_is(ctx, op, "&") ? EVAL_OP_AND
		    : eval_node_is(ctx, op, "^") ? EVAL_OP_XOR
						 : EVAL_OP_NONE;
	return eval_fold_binary(o, false, a, true, b, true, out);
}

/* `a if cond else b`: either branch may be the value, so the versions are those of every
 * branch that is known (the value is the first known branch's). */
static bool py__conditional(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (ts_node_named_child_count(node) != 3)
		return false;
	eval_result branch[2] = { { 0 }, { 0 } };
	bool known[2] = { py__eval(ctx, ts_node_named_child(node, 0), type, &branch[0]),
			  py__eval(ctx, ts_node_named_child(node, 2), type, &branch[1]) };
	if (!known[0] && !known[1])
		return false;
	*out = known[0] ? branch[0] : branch[1];
	out->versions = (known[0] ? branch[0].versions : 0) | (known[1] ? branch[1].versions : 0);
	return true;
}

static bool py__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (ts_node_is_null(node) || ctx->depth > MAX_DEPTH)
		return false;
	if (strcmp(ts_node_type(node), "conditional_expression") == 0) {
		ctx->depth++;
		bool known = py__conditional(ctx, node, type, out);
		ctx->depth--;
		return known;
	}
	ctx->depth++;
	bool ok = false;
	const char *kind = ts_node_type(node);
	size_t len = 0;
	const char *text = eval_node_text(ctx, node, &len);

	if (strcmp(kind, "parenthesized_expression") == 0 && ts_node_named_child_count(node) == 1) {
		eval_follow(ctx, node, ts_node_named_child(node, 0), false);
		ok = py__eval(ctx, ts_node_named_child(node, 0), type, out);
	} else if (strcmp(kind, "identifier") == 0 || strcmp(kind, "attribute") == 0) {
		ok = py__name(ctx, node, type, out);
	} else if (strcmp(kind, "integer") == 0 && py__numeric_type(type)) {
		ok = eval_parse_integer(text, len, &out->value);
	} else if (strcmp(kind, "string") == 0) {
		ok = py__string(ctx, node, type, out);
	} else if (strcmp(kind, "concatenated_string") == 0) {
		eval_result part = { 0 };
		out->value = 0;
		for (uint32_t i = 0; i < ts_node_named_child_count(node); i++) {
			if (py__eval(ctx, ts_node_named_child(node, i), type, &part)) {
				out->value |= part.value;
				ok = true;
			}
		}
	} else if (strcmp(kind, "binary_operator") == 0) {
		ok = py__binary(ctx, node, type, out);
	} else if (strcmp(kind, "unary_operator") == 0 && len > 1 && text[0] == '~') {
		ok = py__eval(ctx, ts_field_child(node, "argument", 8), type, out);
		out->value = ~out->value;
	} else if (strcmp(kind, "assignment") == 0) {
		/* The inner link of a chained assignment, `a = b = ssl.PROTOCOL_TLSv1`. */
		TSNode right = ts_field_child(node, "right", 5);
		eval_follow(ctx, node, right, true);
		ok = py__eval(ctx, right, type, out);
	}
	ctx->depth--;
	if (ok)
		out->versions = value_type_versions(type, out->value);
	return ok;
}

/* The entry point: provides per-file state when the caller keeps none. */
static bool py__eval_top(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	eval_follow_start(ctx, node);
	void *local = NULL, **kept = ctx->state;
	if (!kept)
		ctx->state = &local;
	bool ok = py__eval(ctx, node, type, out);
	if (!kept) {
		ctx->state = NULL;
		py_scope_release_state(local);
	}
	if (ok)
		eval_follow_result(ctx, out);
	return ok;
}

const value_evaluator python_evaluator = {
	.lang = LANG_PYTHON,
	.eval = py__eval_top,
	.release_state = py_scope_release_state,
};
