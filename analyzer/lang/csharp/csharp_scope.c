/* csharp_scope.c: the declarations of a C# file and which one a name refers to.
 *
 * The first lookup indexes the file's initialised declarations (constants, fields and locals)
 * with the scope each is visible in, sorted by name; a lookup is then a binary search. Used by
 * the number and string evaluators (csharp_values.c, csharp_strings.c); like Python's
 * python_scope.c. */
#include "lang/csharp/csharp_scope.h"

#include <stdlib.h>
#include <string.h>

#include "engine/native_matcher.h"
#include "engine/ts_field.h"
#include "util/alloc.h"

const char *cs_last_name(const eval_ctx *ctx, TSNode node, size_t *len)
{
	const char *t = eval_node_text(ctx, node, len);
	const char *dot = NULL;
	for (size_t i = 0; i < *len; i++)
		if (t[i] == '.' || t[i] == ':')
			dot = t + i;
	if (!dot)
		return t;
	*len -= (size_t)(dot + 1 - t);
	return dot + 1;
}

/* The per-file index of initialised declarations (locals, fields, constants), sorted by
 * name: resolving an identifier is a binary search, not a walk of the tree. */
typedef struct cs__decl {
	const char *name;
	size_t len;
	TSNode value;     /* the initialiser */
	uint32_t start;   /* of the declarator */
	uint32_t scope_start, scope_end;
	bool local;       /* visible only after its declaration */
} cs__decl;

typedef struct cs__index {
	cs__decl *items;
	size_t len, cap;
} cs__index;

void cs_scope_release(void *memo)
{
	cs__index *ix = memo;
	free(ix->items);
	free(ix);
}

static int cs__decl_cmp(const void *a, const void *b)
{
	const cs__decl *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->name, y->name, n);
	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

#define CS_INDEX_MAX_NESTING 512

/* Records `declarator` (whose ancestors are `up[0]` = parent, `up[1]`, `up[2]`, null when
 * missing: ts_node_parent() walks down from the root, so the walk passes them) with the scope
 * its name is visible in. */
static void cs__index_add(const eval_ctx *ctx, cs__index *ix, TSNode declarator, const TSNode *up)
{
	TSNode name = ts_field_child(declarator, "name", 4);
	uint32_t k = ts_node_named_child_count(declarator);
	TSNode stmt = up[1]; /* up[0] is the variable_declaration */
	if (ts_node_is_null(name) || k < 2 || ts_node_is_null(stmt))
		return;
	const char *kind = ts_node_type(stmt);
	bool field = strcmp(kind, "field_declaration") == 0;
	TSNode scope = stmt; /* using, for, fixed: the statement is the scope */
	if (field || strcmp(kind, "local_declaration_statement") == 0) {
		scope = up[2];
		if (!ts_node_is_null(scope) && strcmp(ts_node_type(scope), "global_statement") == 0)
			scope = ctx->root;
	}
	if (ts_node_is_null(scope))
		return;
	GROW(ix->items, ix->cap, ix->len + 1);
	cs__decl *d = &ix->items[ix->len++];
	d->name = eval_node_text(ctx, name, &d->len);
	d->value = ts_node_named_child(declarator, k - 1);
	d->start = ts_node_start_byte(declarator);
	d->scope_start = ts_node_start_byte(scope);
	d->scope_end = ts_node_end_byte(scope);
	d->local = !field;
}

/* The file's index: kept in *ctx->state when the caller keeps per-file state, else built for
 * one lookup (then `*temporary` and the caller frees it). */
static cs__index *cs__index_get(eval_ctx *ctx, bool *temporary)
{
	*temporary = false;
	if (ctx->state && *ctx->state)
		return *ctx->state;
	cs__index *ix = xcalloc(1, sizeof(*ix));
	TSNode *path = xcalloc(CS_INDEX_MAX_NESTING, sizeof(*path)); /* path[i]: ancestor at depth i */
	size_t depth = 0;
	/* A symbol test per node, not a strcmp of its type (ts_node_symbol gives the public
	 * symbol, the one the name look-up gives). */
	TSSymbol decl = ts_native_symbol(ts_tree_language(ctx->root.tree), "variable_declarator");
	TSTreeCursor c = ts_tree_cursor_new(ctx->root);
	for (bool more = true; more;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		if (depth >= 3 && decl && ts_node_symbol(n) == decl) {
			const TSNode up[3] = { path[depth - 1], path[depth - 2], path[depth - 3] };
			cs__index_add(ctx, ix, n, up);
		}
		if (depth + 1 < CS_INDEX_MAX_NESTING && ts_tree_cursor_goto_first_child(&c)) {
			path[depth++] = n;
			continue;
		}
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (!ts_tree_cursor_goto_parent(&c)) {
				more = false;
				break;
			}
			depth--;
		}
	}
	ts_tree_cursor_delete(&c);
	free(path);
	if (ix->len)
		qsort(ix->items, ix->len, sizeof(*ix->items), cs__decl_cmp);
	if (ctx->state)
		*ctx->state = ix;
	else
		*temporary = true;
	return ix;
}

bool cs_resolve(eval_ctx *ctx, TSNode use, const char *name, size_t len, TSNode *value)
{
	bool temporary = false;
	cs__index *ix = cs__index_get(ctx, &temporary);
	/* The first declaration of `name`. */
	size_t lo = 0, hi = ix->len;
	cs__decl key = { .name = name, .len = len, .start = 0 };
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cs__decl_cmp(&ix->items[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	bool member = ts_node_is_null(use);
	uint32_t at = member ? 0 : ts_node_start_byte(use), end = member ? 0 : ts_node_end_byte(use);
	const cs__decl *best = NULL;
	unsigned fields = 0;
	for (size_t i = lo; i < ix->len && ix->items[i].len == len &&
			    memcmp(ix->items[i].name, name, len) == 0; i++) {
		const cs__decl *d = &ix->items[i];
		if (member) {
			/* `Settings.Name`: a field of any type of the file, if only one has it. */
			if (!d->local) {
				best = d;
				fields++;
			}
			continue;
		}
		if (at < d->scope_start || end > d->scope_end || (d->local && d->start >= at))
			continue;
		/* The innermost scope wins; in one scope, the last declaration before the use. */
		uint32_t size = d->scope_end - d->scope_start;
		if (!best || size < best->scope_end - best->scope_start ||
		    (size == best->scope_end - best->scope_start && d->start > best->start))
			best = d;
	}
	bool found = best && (!member || fields == 1);
	if (found)
		*value = best->value;
	if (temporary)
		cs_scope_release(ix);
	return found;
}
