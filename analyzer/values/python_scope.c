/* python_scope.c: imports and single assignments of a Python file (see python_scope.h).
 *
 * Both walks visit statements only (imports and assignments are statements), iteratively with
 * a tree cursor so that deeply nested code cannot exhaust the stack. */
#include "python_scope.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/strbuf.h"

/* Nodes that hold statements: the walks descend into these and nothing else. */
static bool py_scope__holds_statements(const char *kind)
{
	static const char *const kinds[] = {
		"module", "block", "expression_statement", "if_statement", "elif_clause",
		"else_clause", "try_statement", "except_clause", "except_group_clause",
		"finally_clause", "with_statement", "for_statement", "while_statement",
		"decorated_definition", "match_statement", "case_clause", "function_definition",
		"class_definition", "with_clause",
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i], kind) == 0)
			return true;
	return false;
}

/* Calls `visit` on every statement-level node under `root` (not on `root`); `visit` returns
 * whether to descend into the node. */
static void py_scope__walk(TSNode root, bool (*visit)(TSNode n, void *state), void *state)
{
	TSTreeCursor c = ts_tree_cursor_new(root);
	if (!ts_tree_cursor_goto_first_child(&c))
		goto done;
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		bool descend = ts_node_is_named(n) && visit(n, state) &&
			       py_scope__holds_statements(ts_node_type(n));
		if (descend && ts_tree_cursor_goto_first_child(&c))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (!ts_tree_cursor_goto_parent(&c) ||
			    ts_node_eq(ts_tree_cursor_current_node(&c), root))
				goto done;
		}
	}
done:
	ts_tree_cursor_delete(&c);
}

static bool py_scope__text_is(const eval_ctx *ctx, TSNode n, const char *name, size_t len)
{
	size_t l = 0;
	const char *t = eval_node_text(ctx, n, &l);
	return l == len && memcmp(t, name, len) == 0;
}

/* `a.b.c` as a dotted path, from the identifiers of a dotted_name. */
static void py_scope__dotted(const eval_ctx *ctx, TSNode dotted, strbuf *out)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(dotted); i++) {
		size_t l = 0;
		const char *t = eval_node_text(ctx, ts_node_named_child(dotted, i), &l);
		if (i)
			strbuf_addc(out, '.');
		strbuf_add(out, t, l);
	}
}

struct import_search {
	const eval_ctx *ctx;
	const char *name;
	size_t len;
	py_import_result *out;
};

static void py_scope__bind(struct import_search *s, const strbuf *canonical)
{
	py_import_result *r = s->out;
	if (r->status == PY_IMPORT_NONE) {
		r->status = PY_IMPORT_BOUND;
		r->canonical = xstrdup(strbuf_str(canonical));
	} else if (r->status == PY_IMPORT_BOUND && strcmp(r->canonical, strbuf_str(canonical))) {
		r->status = PY_IMPORT_CONFLICT;
	}
}

/* `import a.b` binds `a` to `a`; `import a.b as x` binds `x` to `a.b`. */
static void py_scope__import(struct import_search *s, TSNode stmt)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(stmt); i++) {
		TSNode c = ts_node_named_child(stmt, i);
		strbuf path = STRBUF_INIT;
		if (strcmp(ts_node_type(c), "dotted_name") == 0 && ts_node_named_child_count(c)) {
			TSNode first = ts_node_named_child(c, 0);
			if (py_scope__text_is(s->ctx, first, s->name, s->len)) {
				strbuf_add(&path, s->name, s->len);
				py_scope__bind(s, &path);
			}
		} else if (strcmp(ts_node_type(c), "aliased_import") == 0) {
			TSNode alias = ts_node_child_by_field_name(c, "alias", 5);
			TSNode name = ts_node_child_by_field_name(c, "name", 4);
			if (!ts_node_is_null(alias) && !ts_node_is_null(name) &&
			    py_scope__text_is(s->ctx, alias, s->name, s->len)) {
				py_scope__dotted(s->ctx, name, &path);
				py_scope__bind(s, &path);
			}
		}
		strbuf_release(&path);
	}
}

/* `from m import n` binds `n` to `m.n`, `from m import n as x` binds `x`; `from m import *`
 * is remembered. Relative imports (`from . import x`) name no module we know. */
static void py_scope__import_from(struct import_search *s, TSNode stmt)
{
	TSNode module = ts_node_child_by_field_name(stmt, "module_name", 11);
	if (ts_node_is_null(module) || strcmp(ts_node_type(module), "dotted_name") != 0)
		return;
	for (uint32_t i = 0; i < ts_node_child_count(stmt); i++) {
		TSNode c = ts_node_child(stmt, i);
		const char *field = ts_node_field_name_for_child(stmt, i);
		const char *kind = ts_node_type(c);
		strbuf path = STRBUF_INIT;
		py_scope__dotted(s->ctx, module, &path);
		if (strcmp(kind, "wildcard_import") == 0) {
			if (s->out->nstars < PY_MAX_STARS)
				s->out->stars[s->out->nstars++] = strbuf_detach(&path);
		} else if (field && strcmp(field, "name") == 0) {
			TSNode name = c, alias = c;
			if (strcmp(kind, "aliased_import") == 0) {
				name = ts_node_child_by_field_name(c, "name", 4);
				alias = ts_node_child_by_field_name(c, "alias", 5);
			}
			if (!ts_node_is_null(name) && !ts_node_is_null(alias) &&
			    py_scope__text_is(s->ctx, alias, s->name, s->len)) {
				strbuf_addc(&path, '.');
				py_scope__dotted(s->ctx, name, &path);
				py_scope__bind(s, &path);
			}
		}
		strbuf_release(&path);
	}
}

static bool py_scope__visit_import(TSNode n, void *state)
{
	const char *kind = ts_node_type(n);
	if (strcmp(kind, "import_statement") == 0)
		py_scope__import(state, n);
	else if (strcmp(kind, "import_from_statement") == 0)
		py_scope__import_from(state, n);
	else
		return true;
	return false;
}

void py_scope_imports(py_import_result *out, const eval_ctx *ctx, const char *name, size_t len)
{
	memset(out, 0, sizeof(*out));
	struct import_search s = { ctx, name, len, out };
	py_scope__walk(ctx->root, py_scope__visit_import, &s);
}

void py_import_result_release(py_import_result *r)
{
	free(r->canonical);
	for (size_t i = 0; i < r->nstars; i++)
		free(r->stars[i]);
	memset(r, 0, sizeof(*r));
}

struct binding_search {
	const eval_ctx *ctx;
	const char *name;
	size_t len;
	TSNode value;
	unsigned values, others;
	bool global, nonlocal;
};

/* Does a target pattern (`a`, `a, b`, `(a, *b)`) bind the name? Attributes and subscripts
 * bind nothing. */
static bool py_scope__pattern_binds(const struct binding_search *s, TSNode p, unsigned depth)
{
	const char *kind = ts_node_type(p);
	if (strcmp(kind, "identifier") == 0)
		return py_scope__text_is(s->ctx, p, s->name, s->len);
	if (depth > 16 || !(strcmp(kind, "pattern_list") == 0 || strcmp(kind, "tuple_pattern") == 0 ||
			    strcmp(kind, "list_pattern") == 0 || strcmp(kind, "list_splat_pattern") == 0 ||
			    strcmp(kind, "as_pattern_target") == 0))
		return false;
	for (uint32_t i = 0; i < ts_node_named_child_count(p); i++)
		if (py_scope__pattern_binds(s, ts_node_named_child(p, i), depth + 1))
			return true;
	return false;
}

/* `a = b = value`: every link of the chain binds its left side. */
static void py_scope__assignment(struct binding_search *s, TSNode a)
{
	for (unsigned depth = 0; depth < 16 && strcmp(ts_node_type(a), "assignment") == 0; depth++) {
		TSNode left = ts_node_child_by_field_name(a, "left", 4);
		TSNode right = ts_node_child_by_field_name(a, "right", 5);
		if (ts_node_is_null(left))
			return;
		if (strcmp(ts_node_type(left), "identifier") == 0) {
			if (py_scope__text_is(s->ctx, left, s->name, s->len)) {
				if (ts_node_is_null(right)) {
					s->others++; /* an annotation without a value */
				} else {
					s->values++;
					s->value = right;
				}
			}
		} else if (py_scope__pattern_binds(s, left, 0)) {
			s->others++;
		}
		if (ts_node_is_null(right))
			return;
		a = right;
	}
}

static bool py_scope__visit_binding(TSNode n, void *state)
{
	struct binding_search *s = state;
	const char *kind = ts_node_type(n);
	if (strcmp(kind, "assignment") == 0) {
		py_scope__assignment(s, n);
	} else if (strcmp(kind, "augmented_assignment") == 0 || strcmp(kind, "for_statement") == 0) {
		TSNode left = ts_node_child_by_field_name(n, "left", 4);
		if (!ts_node_is_null(left) && py_scope__pattern_binds(s, left, 0))
			s->others++;
	} else if (strcmp(kind, "function_definition") == 0 || strcmp(kind, "class_definition") == 0) {
		TSNode name = ts_node_child_by_field_name(n, "name", 4);
		if (!ts_node_is_null(name) && py_scope__text_is(s->ctx, name, s->name, s->len))
			s->others++;
		return false; /* a nested scope */
	} else if (strcmp(kind, "with_item") == 0) {
		TSNode v = ts_node_child_by_field_name(n, "value", 5);
		if (!ts_node_is_null(v) && strcmp(ts_node_type(v), "as_pattern") == 0) {
			TSNode alias = ts_node_child_by_field_name(v, "alias", 5);
			if (!ts_node_is_null(alias) && py_scope__pattern_binds(s, alias, 0))
				s->others++;
		}
	} else if (strcmp(kind, "with_clause") == 0) {
		return true;
	} else if (strcmp(kind, "global_statement") == 0 || strcmp(kind, "nonlocal_statement") == 0) {
		for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
			if (py_scope__text_is(s->ctx, ts_node_named_child(n, i), s->name, s->len)) {
				if (kind[0] == 'g')
					s->global = true;
				else
					s->nonlocal = true;
			}
		}
	}
	return true;
}

/* Do the function's parameters include the name? */
static bool py_scope__is_parameter(struct binding_search *s, TSNode fn)
{
	TSNode params = ts_node_child_by_field_name(fn, "parameters", 10);
	if (ts_node_is_null(params))
		return false;
	for (uint32_t i = 0; i < ts_node_named_child_count(params); i++) {
		TSNode p = ts_node_named_child(params, i);
		TSNode name = ts_node_child_by_field_name(p, "name", 4);
		if (ts_node_is_null(name) && ts_node_named_child_count(p))
			name = ts_node_named_child(p, 0); /* typed_parameter, *args, **kwargs */
		if (strcmp(ts_node_type(p), "identifier") == 0)
			name = p;
		if (!ts_node_is_null(name) && py_scope__text_is(s->ctx, name, s->name, s->len))
			return true;
	}
	return false;
}

/* The function whose body holds `n` (a default value or decorator belongs outside). */
static TSNode py_scope__enclosing_function(TSNode n)
{
	TSNode child = n;
	for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); child = p, p = ts_node_parent(p)) {
		if (strcmp(ts_node_type(p), "function_definition") != 0)
			continue;
		TSNode body = ts_node_child_by_field_name(p, "body", 4);
		if (!ts_node_is_null(body) && ts_node_eq(body, child))
			return p;
	}
	return (TSNode){ 0 };
}

py_binding py_scope_binding(const eval_ctx *ctx, TSNode use, const char *name, size_t len,
			    TSNode *value)
{
	bool to_module = false;
	for (TSNode fn = py_scope__enclosing_function(use);; fn = py_scope__enclosing_function(fn)) {
		bool module = ts_node_is_null(fn) || to_module;
		struct binding_search s = { .ctx = ctx, .name = name, .len = len };
		if (!module && py_scope__is_parameter(&s, fn))
			return PY_BINDING_MANY;
		py_scope__walk(module ? ctx->root : ts_node_child_by_field_name(fn, "body", 4),
			       py_scope__visit_binding, &s);
		if (!module && s.global) {
			to_module = true;
			continue;
		}
		if (!module && (s.nonlocal || (s.values == 0 && s.others == 0)))
			continue; /* not bound here: look in the enclosing scope */
		if (s.values == 1 && s.others == 0) {
			*value = s.value;
			return PY_BINDING_ONE;
		}
		return s.values || s.others ? PY_BINDING_MANY : PY_BINDING_NONE;
	}
}
