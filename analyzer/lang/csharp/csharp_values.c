/* csharp_values.c: evaluating C# expressions to protocol values.
 *
 * Handles enum members (`SecurityProtocolType.Tls`, `System.Net.SecurityProtocolType.Tls`,
 * a bare `Tls` under `using static`), integer literals in any base, casts
 * (`(SecurityProtocolType)768`), parentheses, `|` (an unknown side, as in
 * `ServicePointManager.SecurityProtocol | Tls11`, adds nothing), `+`, `&`, `^`, `~`, `?:`
 * (either branch may be written), identifiers bound to an initialised declaration visible at
 * the use (constants, fields and locals) and `Class.Name` fields of the file. As in C# itself, a value of an enum type must name its type
 * (a member or a cast): a bare `768` is a number, never a SecurityProtocolType. */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "lang/csharp/csharp_values_int.h"

static bool cs__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out,
		     bool *typed);

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

static bool cs__names_type(const eval_ctx *ctx, TSNode node, const value_type *type)
{
	size_t len = 0;
	const char *n = cs_last_name(ctx, node, &len);
	return strlen(type->name) == len && memcmp(n, type->name, len) == 0;
}

static bool cs__member(const value_type *type, const char *name, size_t len, eval_result *out)
{
	const value_member *m = value_type_member(type, name, len);
	if (!m)
		return false;
	out->value = m->value;
	out->named = m->value;
	return true;
}

/* Is `node` a `using static <...>.TypeName;` directive? */
static bool cs__is_using_static(eval_ctx *ctx, TSNode node, const value_type *type)
{
	if (strcmp(ts_node_type(node), "using_directive") != 0)
		return false;
	size_t len = 0;
	const char *t = eval_node_text(ctx, node, &len);
	uint32_t k = ts_node_named_child_count(node);
	return k && memmem(t, len, "static", 6) &&
	       cs__names_type(ctx, ts_node_named_child(node, k - 1), type);
}

/* Is `using static <...>.TypeName;` in the file (at the top or in a namespace)? */
static bool cs__using_static(eval_ctx *ctx, const value_type *type)
{
	uint32_t n = 0;
	TSNode *top = eval_named_children(ctx->root, &n);
	bool found = false;
	for (uint32_t i = 0; i < n && !found; i++) {
		const char *kind = ts_node_type(top[i]);
		if (strcmp(kind, "namespace_declaration") == 0 ||
		    strcmp(kind, "file_scoped_namespace_declaration") == 0) {
			TSNode body = ts_node_child_by_field_name(top[i], "body", 4);
			uint32_t m = 0;
			TSNode *inner = eval_named_children(ts_node_is_null(body) ? top[i] : body, &m);
			for (uint32_t j = 0; j < m && !found; j++)
				found = cs__is_using_static(ctx, inner[j], type);
			free(inner);
		} else {
			found = cs__is_using_static(ctx, top[i], type);
		}
	}
	free(top);
	return found;
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

static void cs__index_free(void *memo)
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
	TSNode name = ts_node_child_by_field_name(declarator, "name", 4);
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
	TSTreeCursor c = ts_tree_cursor_new(ctx->root);
	for (bool more = true; more;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		if (depth >= 3 && strcmp(ts_node_type(n), "variable_declarator") == 0) {
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
		cs__index_free(ix);
	return found;
}

static bool cs__identifier(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out,
			   bool *typed)
{
	size_t len = 0;
	const char *name = eval_node_text(ctx, node, &len);
	if (type->nmembers && value_type_member(type, name, len) && cs__using_static(ctx, type)) {
		*typed = true;
		return cs__member(type, name, len, out);
	}
	TSNode value = { 0 };
	if (!cs_resolve(ctx, node, name, len, &value))
		return false;
	return cs__eval(ctx, value, type, out, typed);
}

static bool cs__binary(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out,
		       bool *typed)
{
	TSNode l = ts_node_child_by_field_name(node, "left", 4);
	TSNode r = ts_node_child_by_field_name(node, "right", 5);
	TSNode op = ts_node_child_by_field_name(node, "operator", 8);
	if (ts_node_is_null(l) || ts_node_is_null(r) || ts_node_is_null(op))
		return false;
	eval_result a = { 0 }, b = { 0 };
	bool ka = cs__eval(ctx, l, type, &a, typed), kb = cs__eval(ctx, r, type, &b, typed);
	if (eval_node_is(ctx, op, "|") && (ka || kb)) {
		if (!ka)
			a = (eval_result){ 0 };
		if (!kb)
			b = (eval_result){ 0 };
		/* `SecurityProtocol | Tls11` enables at least what the known side names. */
		out->value = a.value | b.value;
		out->named = a.named | b.named;
		return true;
	}
	if (!ka || !kb)
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
	out->named = out->value & (a.named | b.named);
	return true;
}

/* `c ? a : b` writes either branch: the union of the branches that are known. */
static bool cs__conditional(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out,
			    bool *typed)
{
	eval_result a = { 0 }, b = { 0 };
	bool ta = false, tb = false;
	bool ka = cs__eval(ctx, ts_node_child_by_field_name(node, "consequence", 11), type, &a, &ta);
	bool kb = cs__eval(ctx, ts_node_child_by_field_name(node, "alternative", 11), type, &b, &tb);
	if (!ka && !kb)
		return false;
	out->value = (ka ? a.value : 0) | (kb ? b.value : 0);
	out->named = (ka ? a.named : 0) | (kb ? b.named : 0);
	*typed = *typed || (ka && ta) || (kb && tb);
	return true;
}

/* `(T)x`: a cast to the value's own type names it; a cast to a built-in integer type passes
 * the number through; any other cast is another type. */
static bool cs__cast(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out,
		     bool *typed)
{
	TSNode t = ts_node_child_by_field_name(node, "type", 4);
	if (ts_node_is_null(t))
		return false;
	bool own = cs__names_type(ctx, t, type);
	if (!own && strcmp(ts_node_type(t), "predefined_type") != 0 &&
	    (type->kind == VALUE_FLAGS || type->kind == VALUE_ENUM))
		return false;
	bool inner = false;
	if (!cs__eval(ctx, ts_node_child_by_field_name(node, "value", 5), type, out, &inner))
		return false;
	/* `(int)SecurityProtocolType.Tls` is an int, `(SecurityProtocolType)(int)x` is not. */
	*typed = *typed || own;
	return true;
}

static bool cs__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out,
		     bool *typed)
{
	if (ts_node_is_null(node) || ctx->depth > CS_MAX_DEPTH)
		return false;
	ctx->depth++;
	bool ok = false;
	const char *kind = ts_node_type(node);
	size_t len = 0;
	const char *text = eval_node_text(ctx, node, &len);

	if ((strcmp(kind, "parenthesized_expression") == 0 ||
	     strcmp(kind, "checked_expression") == 0) && ts_node_named_child_count(node) == 1) {
		/* (x), unchecked(x), checked(x) */
		ok = cs__eval(ctx, ts_node_named_child(node, 0), type, out, typed);
	} else if (strcmp(kind, "cast_expression") == 0) {
		ok = cs__cast(ctx, node, type, out, typed);
	} else if (strcmp(kind, "integer_literal") == 0) {
		ok = eval_parse_integer(text, len, &out->value);
		out->named = 0;
	} else if (strcmp(kind, "boolean_literal") == 0) {
		out->value = len == 4 && memcmp(text, "true", 4) == 0;
		out->named = 0;
		ok = true;
	} else if (strcmp(kind, "member_access_expression") == 0) {
		TSNode expr = ts_node_child_by_field_name(node, "expression", 10);
		TSNode name = ts_node_child_by_field_name(node, "name", 4);
		size_t nlen = 0;
		const char *n = ts_node_is_null(name) ? NULL : eval_node_text(ctx, name, &nlen);
		TSNode value = { 0 }, anywhere = { 0 };
		if (!ts_node_is_null(expr) && n && cs__names_type(ctx, expr, type)) {
			ok = cs__member(type, n, nlen, out);
			*typed = *typed || ok;
		} else if (n && cs_resolve(ctx, anywhere, n, nlen, &value)) {
			ok = cs__eval(ctx, value, type, out, typed); /* TlsDefaults.Legacy */
		}
	} else if (strcmp(kind, "identifier") == 0) {
		ok = cs__identifier(ctx, node, type, out, typed);
	} else if (strcmp(kind, "binary_expression") == 0) {
		ok = cs__binary(ctx, node, type, out, typed);
	} else if (strcmp(kind, "conditional_expression") == 0) {
		ok = cs__conditional(ctx, node, type, out, typed);
	} else if (strcmp(kind, "prefix_unary_expression") == 0 && len > 1 && text[0] == '~' &&
		   ts_node_named_child_count(node) == 1) {
		ok = cs__eval(ctx, ts_node_named_child(node, 0), type, out, typed);
		out->value = ~out->value;
		out->named = out->named ? out->value : 0;
	}
	ctx->depth--;
	return ok;
}

bool cs_eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (type->kind == VALUE_REGISTRY)
		return cs_eval_registry(ctx, node, out);
	bool typed = false;
	if (!cs__eval(ctx, node, type, out, &typed))
		return false;
	if ((type->kind == VALUE_FLAGS || type->kind == VALUE_ENUM) && !typed)
		return false; /* a number that C# would not let be a value of this type */
	out->versions = value_type_versions(type, out->value);
	return true;
}

const value_evaluator csharp_evaluator = {
	.lang = LANG_CSHARP,
	.eval = cs_eval,
	.eval_string = cs_eval_string,
	.release_state = cs__index_free,
};
