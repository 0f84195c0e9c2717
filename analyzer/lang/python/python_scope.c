/* python_scope.c: imports and single assignments of a Python file (see python_scope.h).
 *
 * The file's imports and its module-level bindings are collected once per file into sorted
 * tables (a rule may evaluate thousands of names in one file); a function's own bindings are
 * found by walking that function's body when asked. Walks visit statements only (imports and
 * assignments are statements), iteratively with a tree cursor so that deeply nested code
 * cannot exhaust the stack. */
#include "python_scope.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/native_matcher.h"
#include "engine/ts_field.h"
#include "util/alloc.h"
#include "util/strbuf.h"

typedef struct py_import {
	const char *name; /* in the source text */
	size_t len;
	char *canonical;
} py_import;

typedef struct py_module_binding {
	const char *name; /* in the source text */
	size_t len;
	TSNode value;     /* null for bindings without a value we can follow */
} py_module_binding;

/* What one function's body binds to one name (struct name_walk's counts, for every name). */
typedef struct py_fn_binding {
	const char *name; /* in the source text */
	size_t len;
	TSNode value;     /* the last `name = value` */
	unsigned values, others;
	bool global, nonlocal;
	size_t seq;       /* while building: the position in the walk */
} py_fn_binding;

/* One function's bindings, sorted by name: built at its first look-up, as a name that one
 * function reads is usually looked up many times (every call's arguments). */
typedef struct py_fn_table {
	const void *id; /* the function_definition node's TSNode.id */
	py_fn_binding *items;
	size_t len, cap;
} py_fn_table;

typedef struct py_file_state {
	py_import *imports;
	size_t nimports, cap_imports;
	char *stars[PY_MAX_STARS];
	size_t nstars;
	py_module_binding *bindings;
	size_t nbindings, cap_bindings;
	/* Function tables, open addressing on the node id (slots NULL-id when free). */
	py_fn_table *fns;
	size_t nfns, fn_slots;
} py_file_state;

/* The grammar's symbols of the node types the walks test, looked up once per thread and
 * grammar: a walk compares each node's symbol (ts_node_symbol gives the public one, which the
 * look-up by name gives) instead of its type name with a list of strings. */
enum py_kind {
	/* Nodes that hold statements: the walks descend into these and nothing else. */
	PK_MODULE, PK_BLOCK, PK_EXPRESSION_STATEMENT, PK_IF, PK_ELIF, PK_ELSE, PK_TRY, PK_EXCEPT,
	PK_EXCEPT_GROUP, PK_FINALLY, PK_WITH, PK_WITH_CLAUSE, PK_FOR, PK_WHILE, PK_DECORATED,
	PK_MATCH, PK_CASE, PK_FUNCTION, PK_CLASS,
	PK_HOLDERS, /* the kinds above hold statements */
	PK_IMPORT = PK_HOLDERS, PK_IMPORT_FROM, PK_ASSIGNMENT, PK_AUGMENTED, PK_WITH_ITEM,
	PK_GLOBAL, PK_NONLOCAL,
	PK_COUNT
};
static const char *const py_kind_names[PK_COUNT] = {
	"module", "block", "expression_statement", "if_statement", "elif_clause", "else_clause",
	"try_statement", "except_clause", "except_group_clause", "finally_clause",
	"with_statement", "with_clause", "for_statement", "while_statement",
	"decorated_definition", "match_statement", "case_clause", "function_definition",
	"class_definition", "import_statement", "import_from_statement", "assignment",
	"augmented_assignment", "with_item", "global_statement", "nonlocal_statement",
};

typedef struct py_kinds {
	const TSLanguage *lang;
	TSSymbol sym[PK_COUNT]; /* 0: the grammar has no such type */
} py_kinds;

static const py_kinds *py_scope__kinds(const TSLanguage *lang)
{
	static _Thread_local py_kinds k;
	if (k.lang != lang) {
		for (int i = 0; i < PK_COUNT; i++)
			k.sym[i] = ts_native_symbol(lang, py_kind_names[i]);
		k.lang = lang;
	}
	return &k;
}

static bool py_scope__holds_statements(const py_kinds *k, TSSymbol sym)
{
	for (int i = 0; i < PK_HOLDERS; i++)
		if (sym == k->sym[i] && sym)
			return true;
	return false;
}

/* Calls `visit` on every statement-level node under `root` (not on `root`); `visit` returns
 * whether to descend into the node. */
static void py_scope__walk(TSNode root, bool (*visit)(TSNode n, void *arg), void *arg)
{
	const py_kinds *k = py_scope__kinds(ts_tree_language(root.tree));
	TSTreeCursor c = ts_tree_cursor_new(root);
	if (!ts_tree_cursor_goto_first_child(&c))
		goto done;
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		bool descend = ts_node_is_named(n) && visit(n, arg) &&
			       py_scope__holds_statements(k, ts_node_symbol(n));
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

static int py_scope__compare_names(const char *a, size_t alen, const char *b, size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);
	return c ? c : (alen > blen) - (alen < blen);
}

/* ---- imports --------------------------------------------------------------------------- */

struct import_walk {
	const char *text;
	py_file_state *st;
};

/* `a.b.c` as a dotted path, from the identifiers of a dotted_name. */
static void py_scope__dotted(const char *text, TSNode dotted, strbuf *out)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(dotted); i++) {
		TSNode id = ts_node_named_child(dotted, i);
		if (i)
			strbuf_addc(out, '.');
		strbuf_add(out, text + ts_node_start_byte(id),
			   ts_node_end_byte(id) - ts_node_start_byte(id));
	}
}

static void py_scope__add_import(struct import_walk *w, TSNode name, strbuf *canonical)
{
	py_file_state *st = w->st;
	GROW(st->imports, st->cap_imports, st->nimports + 1);
	py_import *imp = &st->imports[st->nimports++];
	imp->name = w->text + ts_node_start_byte(name);
	imp->len = ts_node_end_byte(name) - ts_node_start_byte(name);
	imp->canonical = strbuf_detach(canonical);
}

/* `import a.b` binds `a` to `a`; `import a.b as x` binds `x` to `a.b`. */
static void py_scope__import(struct import_walk *w, TSNode stmt)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(stmt); i++) {
		TSNode c = ts_node_named_child(stmt, i);
		strbuf path = STRBUF_INIT;
		if (strcmp(ts_node_type(c), "dotted_name") == 0 && ts_node_named_child_count(c)) {
			TSNode first = ts_node_named_child(c, 0);
			strbuf_add(&path, w->text + ts_node_start_byte(first),
				   ts_node_end_byte(first) - ts_node_start_byte(first));
			py_scope__add_import(w, first, &path);
		} else if (strcmp(ts_node_type(c), "aliased_import") == 0) {
			TSNode alias = ts_field_child(c, "alias", 5);
			TSNode name = ts_field_child(c, "name", 4);
			if (!ts_node_is_null(alias) && !ts_node_is_null(name)) {
				py_scope__dotted(w->text, name, &path);
				py_scope__add_import(w, alias, &path);
			}
		}
		strbuf_release(&path);
	}
}

/* `from m import n` binds `n` to `m.n`, `from m import n as x` binds `x`; `from m import *`
 * is remembered. Relative imports (`from . import x`) name no module we know. */
static void py_scope__import_from(struct import_walk *w, TSNode stmt)
{
	TSNode module = ts_field_child(stmt, "module_name", 11);
	if (ts_node_is_null(module) || strcmp(ts_node_type(module), "dotted_name") != 0)
		return;
	for (uint32_t i = 0; i < ts_node_child_count(stmt); i++) {
		TSNode c = ts_node_child(stmt, i);
		const char *field = ts_node_field_name_for_child(stmt, i);
		const char *kind = ts_node_type(c);
		strbuf path = STRBUF_INIT;
		py_scope__dotted(w->text, module, &path);
		if (strcmp(kind, "wildcard_import") == 0) {
			if (w->st->nstars < PY_MAX_STARS)
				w->st->stars[w->st->nstars++] = strbuf_detach(&path);
		} else if (field && strcmp(field, "name") == 0) {
			TSNode name = c, alias = c;
			if (strcmp(kind, "aliased_import") == 0) {
				name = ts_field_child(c, "name", 4);
				alias = ts_field_child(c, "alias", 5);
			}
			if (!ts_node_is_null(name) && !ts_node_is_null(alias)) {
				strbuf_addc(&path, '.');
				py_scope__dotted(w->text, name, &path);
				py_scope__add_import(w, alias, &path);
			}
		}
		strbuf_release(&path);
	}
}


static int py_scope__compare_imports(const void *a, const void *b)
{
	const py_import *x = a, *y = b;
	return py_scope__compare_names(x->name, x->len, y->name, y->len);
}

/* ---- bindings -------------------------------------------------------------------------- */

enum bind_kind { BIND_VALUE, BIND_OTHER, BIND_GLOBAL, BIND_NONLOCAL };

/* Receives each binding a walk finds: `name` binds by `kind`, with `value` for BIND_VALUE. */
struct bind_walk {
	const char *text;
	void (*emit)(struct bind_walk *w, TSNode name, enum bind_kind kind, TSNode value);
};

/* Emits BIND_OTHER for each name a target pattern (`a`, `a, b`, `(a, *b)`) binds. Attributes
 * and subscripts bind nothing. */
static void py_scope__pattern(struct bind_walk *w, TSNode p, unsigned depth)
{
	const char *kind = ts_node_type(p);
	if (strcmp(kind, "identifier") == 0) {
		w->emit(w, p, BIND_OTHER, (TSNode){ 0 });
		return;
	}
	if (depth > 16 || !(strcmp(kind, "pattern_list") == 0 || strcmp(kind, "tuple_pattern") == 0 ||
			    strcmp(kind, "list_pattern") == 0 || strcmp(kind, "list_splat_pattern") == 0 ||
			    strcmp(kind, "as_pattern_target") == 0))
		return;
	for (uint32_t i = 0; i < ts_node_named_child_count(p); i++)
		py_scope__pattern(w, ts_node_named_child(p, i), depth + 1);
}

/* `a = b = value`: every link of the chain binds its left side. */
static void py_scope__assignment(struct bind_walk *w, TSNode a)
{
	for (unsigned depth = 0; depth < 16 && strcmp(ts_node_type(a), "assignment") == 0; depth++) {
		TSNode left = ts_field_child(a, "left", 4);
		TSNode right = ts_field_child(a, "right", 5);
		if (ts_node_is_null(left))
			return;
		if (strcmp(ts_node_type(left), "identifier") == 0 && !ts_node_is_null(right))
			w->emit(w, left, BIND_VALUE, right);
		else
			py_scope__pattern(w, left, 0); /* also `x: int` without a value */
		if (ts_node_is_null(right))
			return;
		a = right;
	}
}

/* Emits the bindings of one statement-level node; false for nested scopes. */
static bool py_scope__visit_binding(TSNode n, void *arg)
{
	struct bind_walk *w = arg;
	const py_kinds *k = py_scope__kinds(ts_tree_language(n.tree));
	TSSymbol sym = ts_node_symbol(n);
	if (sym == k->sym[PK_ASSIGNMENT]) {
		py_scope__assignment(w, n);
	} else if (sym == k->sym[PK_AUGMENTED] || sym == k->sym[PK_FOR]) {
		TSNode left = ts_field_child(n, "left", 4);
		if (!ts_node_is_null(left))
			py_scope__pattern(w, left, 0);
	} else if (sym == k->sym[PK_FUNCTION] || sym == k->sym[PK_CLASS]) {
		TSNode name = ts_field_child(n, "name", 4);
		if (!ts_node_is_null(name))
			w->emit(w, name, BIND_OTHER, (TSNode){ 0 });
		return false; /* a nested scope */
	} else if (sym == k->sym[PK_WITH_ITEM]) {
		TSNode v = ts_field_child(n, "value", 5);
		if (!ts_node_is_null(v) && strcmp(ts_node_type(v), "as_pattern") == 0) {
			TSNode alias = ts_field_child(v, "alias", 5);
			if (!ts_node_is_null(alias))
				py_scope__pattern(w, alias, 0);
		}
	} else if (sym == k->sym[PK_GLOBAL] || sym == k->sym[PK_NONLOCAL]) {
		for (uint32_t i = 0; i < ts_node_named_child_count(n); i++)
			w->emit(w, ts_node_named_child(n, i),
				sym == k->sym[PK_GLOBAL] ? BIND_GLOBAL : BIND_NONLOCAL, (TSNode){ 0 });
	}
	return true;
}

/* Module tables: every module-level binding, and every name a function declares global
 * (assigned from elsewhere: no single value). */
struct module_walk {
	struct bind_walk base;
	py_file_state *st;
	bool globals_only;
};

static void py_scope__emit_module(struct bind_walk *w, TSNode name, enum bind_kind kind,
				  TSNode value)
{
	struct module_walk *m = (struct module_walk *)w;
	if (kind == BIND_NONLOCAL || (m->globals_only && kind != BIND_GLOBAL))
		return;
	py_file_state *st = m->st;
	GROW(st->bindings, st->cap_bindings, st->nbindings + 1);
	py_module_binding *b = &st->bindings[st->nbindings++];
	b->name = w->text + ts_node_start_byte(name);
	b->len = ts_node_end_byte(name) - ts_node_start_byte(name);
	b->value = kind == BIND_VALUE ? value : (TSNode){ 0 };
}

/* One walk of every statement, functions included: the imports (at any depth: `try: import
 * ssl` counts) and the `global` statements (module_walk with globals_only). */
struct file_walk {
	struct import_walk imports;
	struct module_walk globals;
};

static bool py_scope__visit_file(TSNode n, void *arg)
{
	struct file_walk *fw = arg;
	const py_kinds *k = py_scope__kinds(ts_tree_language(n.tree));
	TSSymbol sym = ts_node_symbol(n);
	if (k->sym[PK_IMPORT] && sym == k->sym[PK_IMPORT]) {
		py_scope__import(&fw->imports, n);
		return false;
	}
	if (k->sym[PK_IMPORT_FROM] && sym == k->sym[PK_IMPORT_FROM]) {
		py_scope__import_from(&fw->imports, n);
		return false;
	}
	if (k->sym[PK_GLOBAL] && sym == k->sym[PK_GLOBAL])
		py_scope__visit_binding(n, &fw->globals);
	return true;
}

static int py_scope__compare_bindings(const void *a, const void *b)
{
	const py_module_binding *x = a, *y = b;
	return py_scope__compare_names(x->name, x->len, y->name, y->len);
}

static py_file_state *py_scope__build(const eval_ctx *ctx)
{
	py_file_state *st = xcalloc(1, sizeof(*st));
	struct module_walk mw = { { ctx->src->text, py_scope__emit_module }, st, false };
	py_scope__walk(ctx->root, py_scope__visit_binding, &mw);
	/* The order of a name's bindings does not matter: one with a value, or none. */
	struct file_walk fw = { { ctx->src->text, st },
				{ { ctx->src->text, py_scope__emit_module }, st, true } };
	py_scope__walk(ctx->root, py_scope__visit_file, &fw);
	if (st->nimports)
		qsort(st->imports, st->nimports, sizeof(*st->imports), py_scope__compare_imports);
	if (st->nbindings)
		qsort(st->bindings, st->nbindings, sizeof(*st->bindings), py_scope__compare_bindings);
	return st;
}

void py_scope_release_state(void *state)
{
	py_file_state *st = state;
	if (!st)
		return;
	for (size_t i = 0; i < st->nimports; i++)
		free(st->imports[i].canonical);
	for (size_t i = 0; i < st->nstars; i++)
		free(st->stars[i]);
	free(st->imports);
	free(st->bindings);
	for (size_t i = 0; i < st->fn_slots; i++)
		free(st->fns[i].items);
	free(st->fns);
	free(st);
}

/* The file's tables, built on first use (the evaluator always provides ctx->state). */
static const py_file_state *py_scope__state(const eval_ctx *ctx)
{
	if (!*ctx->state)
		*ctx->state = py_scope__build(ctx);
	return *ctx->state;
}

/* The first index in a sorted table whose name is not below `name` (a lower bound). */
#define PY_LOWER_BOUND(table, n, name, len, out)                                               \
	do {                                                                                   \
		size_t lo_ = 0, hi_ = (n);                                                     \
		while (lo_ < hi_) {                                                            \
			size_t mid_ = lo_ + (hi_ - lo_) / 2;                                   \
			if (py_scope__compare_names((table)[mid_].name, (table)[mid_].len, (name), \
						    (len)) < 0)                                \
				lo_ = mid_ + 1;                                                \
			else                                                                   \
				hi_ = mid_;                                                    \
		}                                                                              \
		(out) = lo_;                                                                   \
	} while (0)

void py_scope_imports(py_import_result *out, const eval_ctx *ctx, const char *name, size_t len)
{
	const py_file_state *st = py_scope__state(ctx);
	memset(out, 0, sizeof(*out));
	size_t i;
	PY_LOWER_BOUND(st->imports, st->nimports, name, len, i);
	for (; i < st->nimports && st->imports[i].len == len &&
	       memcmp(st->imports[i].name, name, len) == 0; i++) {
		if (out->status == PY_IMPORT_NONE) {
			out->status = PY_IMPORT_BOUND;
			out->canonical = st->imports[i].canonical;
		} else if (strcmp(out->canonical, st->imports[i].canonical) != 0) {
			out->status = PY_IMPORT_CONFLICT;
		}
	}
	out->stars = (const char *const *)st->stars;
	out->nstars = st->nstars;
}

/* ---- one function's bindings ------------------------------------------------------------ */

struct name_walk {
	struct bind_walk base;
	const char *name;
	size_t len;
	TSNode value;
	unsigned values, others;
	bool global, nonlocal;
};

static void py_scope__emit_name(struct bind_walk *w, TSNode name, enum bind_kind kind,
				TSNode value)
{
	struct name_walk *s = (struct name_walk *)w;
	uint32_t b = ts_node_start_byte(name), e = ts_node_end_byte(name);
	if (e - b != s->len || memcmp(w->text + b, s->name, s->len) != 0)
		return;
	switch (kind) {
	case BIND_VALUE:
		s->values++;
		s->value = value;
		break;
	case BIND_OTHER:
		s->others++;
		break;
	case BIND_GLOBAL:
		s->global = true;
		break;
	case BIND_NONLOCAL:
		s->nonlocal = true;
		break;
	}
}

/* Does a parameter list (of a function or a lambda) include the name? */
static bool py_scope__in_parameters(const struct name_walk *s, TSNode params)
{
	if (ts_node_is_null(params))
		return false;
	for (uint32_t i = 0; i < ts_node_named_child_count(params); i++) {
		TSNode p = ts_node_named_child(params, i);
		TSNode name = ts_field_child(p, "name", 4);
		if (ts_node_is_null(name) && ts_node_named_child_count(p))
			name = ts_node_named_child(p, 0); /* typed_parameter, *args, **kwargs */
		if (strcmp(ts_node_type(p), "identifier") == 0)
			name = p;
		if (ts_node_is_null(name))
			continue;
		uint32_t b = ts_node_start_byte(name), e = ts_node_end_byte(name);
		if (e - b == s->len && memcmp(s->base.text + b, s->name, s->len) == 0)
			return true;
	}
	return false;
}

/* The nodes from the root of `n`'s tree down to `n` (inclusive), in `*chain`. One descent:
 * ts_node_parent() descends from the root each time it is called, so walking up with it
 * costs the depth times this. */
static size_t py_scope__ancestors(TSNode n, TSNode **chain, size_t *cap)
{
	size_t len = 0;
	TSNode at = ts_tree_root_node(n.tree);
	for (;;) {
		GROW(*chain, *cap, len + 1);
		(*chain)[len++] = at;
		if (ts_node_eq(at, n))
			break;
		at = ts_node_child_with_descendant(at, n);
		if (ts_node_is_null(at))
			break;
	}
	return len;
}

/* Index in `chain` (py_scope__ancestors) of the function whose body holds chain[i] (a
 * default value or decorator belongs outside), or SIZE_MAX. */
static size_t py_scope__enclosing_function(const TSNode *chain, size_t i)
{
	for (size_t p = i; p-- > 0;) {
		if (strcmp(ts_node_type(chain[p]), "function_definition") != 0)
			continue;
		TSNode body = ts_field_child(chain[p], "body", 4);
		if (!ts_node_is_null(body) && ts_node_eq(body, chain[p + 1]))
			return p;
	}
	return SIZE_MAX;
}

static void py_scope__emit_any(struct bind_walk *w, TSNode name, enum bind_kind kind, TSNode value)
{
	(void)value;
	if (kind == BIND_OTHER)
		py_scope__emit_name(w, name, BIND_OTHER, (TSNode){ 0 });
}

/* Is the name bound between chain[at] (the use) and its function by a lambda's parameters or a
 * comprehension's `for` (scopes of their own, with no single value)? */
static bool py_scope__bound_in_expression(const eval_ctx *ctx, const TSNode *chain, size_t at,
					  const char *name, size_t len)
{
	struct name_walk s = { { ctx->src->text, py_scope__emit_any }, name, len };
	for (size_t k = at; k-- > 0;) {
		TSNode p = chain[k];
		const char *kind = ts_node_type(p);
		if (strcmp(kind, "function_definition") == 0 || strcmp(kind, "class_definition") == 0)
			break;
		if (strcmp(kind, "lambda") == 0 &&
		    py_scope__in_parameters(&s, ts_field_child(p, "parameters", 10)))
			return true;
		if (strstr(kind, "comprehension") || strcmp(kind, "generator_expression") == 0) {
			for (uint32_t i = 0; i < ts_node_named_child_count(p); i++) {
				TSNode c = ts_node_named_child(p, i);
				if (strcmp(ts_node_type(c), "for_in_clause") != 0)
					continue;
				TSNode left = ts_field_child(c, "left", 4);
				if (!ts_node_is_null(left))
					py_scope__pattern(&s.base, left, 0);
			}
			if (s.others)
				return true;
		}
	}
	return false;
}

static py_binding py_scope__module_binding(const eval_ctx *ctx, const char *name, size_t len,
					   TSNode *value)
{
	const py_file_state *st = py_scope__state(ctx);
	size_t i, count = 0;
	TSNode v = { 0 };
	PY_LOWER_BOUND(st->bindings, st->nbindings, name, len, i);
	for (; i < st->nbindings && st->bindings[i].len == len &&
	       memcmp(st->bindings[i].name, name, len) == 0; i++) {
		v = st->bindings[i].value;
		count++;
	}
	if (count == 1 && !ts_node_is_null(v)) {
		*value = v;
		return PY_BINDING_ONE;
	}
	return count ? PY_BINDING_MANY : PY_BINDING_NONE;
}

/* Collects every binding of a function body into its table. */
struct fn_walk {
	struct bind_walk base;
	py_fn_table *t;
};

static void py_scope__emit_fn(struct bind_walk *w, TSNode name, enum bind_kind kind,
			      TSNode value)
{
	py_fn_table *t = ((struct fn_walk *)w)->t;
	GROW(t->items, t->cap, t->len + 1);
	py_fn_binding *b = &t->items[t->len++];
	memset(b, 0, sizeof(*b));
	b->name = w->text + ts_node_start_byte(name);
	b->len = ts_node_end_byte(name) - ts_node_start_byte(name);
	b->value = value;
	b->values = kind == BIND_VALUE;
	b->others = kind == BIND_OTHER;
	b->global = kind == BIND_GLOBAL;
	b->nonlocal = kind == BIND_NONLOCAL;
	b->seq = t->len - 1;
}

static int py_scope__compare_fn(const void *a, const void *b)
{
	const py_fn_binding *x = a, *y = b;
	int c = py_scope__compare_names(x->name, x->len, y->name, y->len);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* Builds a table: the body's bindings (py_scope__visit_binding, as a name walk sees them),
 * merged per name in walk order (the counts summed, the last value kept), sorted by name. */
static void py_scope__fn_build(const eval_ctx *ctx, TSNode fn, py_fn_table *t)
{
	struct fn_walk w = { { ctx->src->text, py_scope__emit_fn }, t };
	py_scope__walk(ts_field_child(fn, "body", 4), py_scope__visit_binding, &w);
	if (t->len)
		qsort(t->items, t->len, sizeof(*t->items), py_scope__compare_fn);
	size_t m = 0;
	for (size_t k = 0; k < t->len; k++) {
		const py_fn_binding *b = &t->items[k];
		py_fn_binding *into = m ? &t->items[m - 1] : NULL;
		if (into && into->len == b->len && memcmp(into->name, b->name, b->len) == 0) {
			into->values += b->values;
			into->others += b->others;
			into->global |= b->global;
			into->nonlocal |= b->nonlocal;
			if (b->values)
				into->value = b->value;
		} else {
			t->items[m++] = *b;
		}
	}
	t->len = m;
}

/* The bindings of `name` in `fn`'s body, or NULL when it binds none. */
static const py_fn_binding *py_scope__fn_lookup(const eval_ctx *ctx, TSNode fn, const char *name,
						size_t len)
{
	py_file_state *st = (py_file_state *)py_scope__state(ctx);
	if ((st->nfns + 1) * 2 > st->fn_slots) {
		size_t n = st->fn_slots ? st->fn_slots * 2 : 64;
		py_fn_table *slots = xcalloc(n, sizeof(*slots));
		for (size_t i = 0; i < st->fn_slots; i++) {
			if (!st->fns[i].id)
				continue;
			size_t h = ((uintptr_t)st->fns[i].id >> 4) & (n - 1);
			while (slots[h].id)
				h = (h + 1) & (n - 1);
			slots[h] = st->fns[i];
		}
		free(st->fns);
		st->fns = slots;
		st->fn_slots = n;
	}
	size_t h = ((uintptr_t)fn.id >> 4) & (st->fn_slots - 1);
	while (st->fns[h].id && st->fns[h].id != fn.id)
		h = (h + 1) & (st->fn_slots - 1);
	py_fn_table *t = &st->fns[h];
	if (!t->id) {
		t->id = fn.id;
		st->nfns++;
		py_scope__fn_build(ctx, fn, t);
	}
	size_t i;
	PY_LOWER_BOUND(t->items, t->len, name, len, i);
	return i < t->len && t->items[i].len == len && memcmp(t->items[i].name, name, len) == 0
		       ? &t->items[i]
		       : NULL;
}

/* py_scope_binding() for the use chain[i], with its ancestors chain[0..i-1]. */
static py_binding py_scope__binding_in(const eval_ctx *ctx, const TSNode *chain, size_t i,
				       const char *name, size_t len, TSNode *value)
{
	if (py_scope__bound_in_expression(ctx, chain, i, name, len))
		return PY_BINDING_MANY;
	for (size_t f = py_scope__enclosing_function(chain, i); f != SIZE_MAX;
	     f = py_scope__enclosing_function(chain, f)) {
		TSNode fn = chain[f];
		struct name_walk s = { { ctx->src->text, py_scope__emit_name }, name, len };
		if (py_scope__in_parameters(&s, ts_field_child(fn, "parameters", 10)))
			return PY_BINDING_MANY;
		const py_fn_binding *fb = py_scope__fn_lookup(ctx, fn, name, len);
		if (fb) {
			s.value = fb->value;
			s.values = fb->values;
			s.others = fb->others;
			s.global = fb->global;
			s.nonlocal = fb->nonlocal;
		}
		if (s.global)
			break;
		if (s.nonlocal || (s.values == 0 && s.others == 0))
			continue; /* not bound here: look in the enclosing scope */
		if (s.values == 1 && s.others == 0) {
			*value = s.value;
			return PY_BINDING_ONE;
		}
		return PY_BINDING_MANY;
	}
	return py_scope__module_binding(ctx, name, len, value);
}

py_binding py_scope_binding(const eval_ctx *ctx, TSNode use, const char *name, size_t len,
			    TSNode *value)
{
	TSNode *chain = NULL;
	size_t cap = 0, n = py_scope__ancestors(use, &chain, &cap);
	py_binding found = py_scope__binding_in(ctx, chain, n - 1, name, len, value);
	free(chain);
	return found;
}
