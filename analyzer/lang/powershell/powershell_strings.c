/* powershell_strings.c: PowerShell strings and variables.
 *
 * Quoted literals (with `$var` and `${var}` expanded when the variable is known, and `x`
 * escapes), bare command arguments and `+`. Variables resolve to the value last assigned
 * before the use, through a per-file index of assignments. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/ts_field.h"
#include "util/alloc.h"
#include "lang/powershell/powershell_values_int.h"

/* The per-file index of `$name = value` assignments, sorted by name (ignoring case) and
 * position: resolving a variable is a binary search, not a walk of the script. */
typedef struct ps__assignment {
	const char *name;
	size_t len;
	uint32_t start;
	TSNode value;
} ps__assignment;

typedef struct ps__index {
	ps__assignment *items;
	size_t len, cap;
} ps__index;

void ps_index_free(void *memo)
{
	ps__index *ix = memo;
	free(ix->items);
	free(ix);
}

static int ps__name_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int c = strncasecmp(a, b, alen < blen ? alen : blen);
	if (c)
		return c;
	return alen < blen ? -1 : alen > blen;
}

static int ps__assignment_cmp(const void *a, const void *b)
{
	const ps__assignment *x = a, *y = b;
	int c = ps__name_cmp(x->name, x->len, y->name, y->len);
	return c ? c : x->start < y->start ? -1 : x->start > y->start;
}

static void ps__index_add(const eval_ctx *ctx, ps__index *ix, TSNode node)
{
	TSNode left = ps_unwrap(ts_node_named_child(node, 0));
	TSNode op = ts_node_named_child(node, 1);
	TSNode value = ts_field_child(node, "value", 5);
	if (ts_node_is_null(left) || !ps_kind(left, "variable") || ts_node_is_null(op) ||
	    !ps_text_is(ctx, op, "=") || ts_node_is_null(value))
		return;
	GROW(ix->items, ix->cap, ix->len + 1);
	ps__assignment *a = &ix->items[ix->len++];
	a->name = ps_variable_name(ctx, left, &a->len);
	a->start = ts_node_start_byte(node);
	a->value = value;
}

/* The file's index: kept in *ctx->state when the caller keeps per-file state, else built for
 * one lookup (then `*temporary` and the caller frees it). */
static ps__index *ps__index_get(eval_ctx *ctx, bool *temporary)
{
	*temporary = false;
	if (ctx->state && *ctx->state)
		return *ctx->state;
	ps__index *ix = xcalloc(1, sizeof(*ix));
	TSTreeCursor c = ts_tree_cursor_new(ctx->root);
	for (bool more = true; more;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		if (ps_kind(n, "assignment_expression"))
			ps__index_add(ctx, ix, n);
		if (ts_tree_cursor_goto_first_child(&c))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&c))
			if (!ts_tree_cursor_goto_parent(&c)) {
				more = false;
				break;
			}
	}
	ts_tree_cursor_delete(&c);
	if (ix->len)
		qsort(ix->items, ix->len, sizeof(*ix->items), ps__assignment_cmp);
	if (ctx->state)
		*ctx->state = ix;
	else
		*temporary = true;
	return ix;
}

/* The value last assigned to `$name` before byte `before`, in the order of the text (a
 * variable a loop or a pipeline sets, as `foreach ($v in ...)`, is not known). */
bool ps_resolve(eval_ctx *ctx, const char *name, size_t len, uint32_t before,
			TSNode *value)
{
	bool temporary = false;
	ps__index *ix = ps__index_get(ctx, &temporary);
	size_t lo = 0, hi = ix->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ps__name_cmp(ix->items[mid].name, ix->items[mid].len, name, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	bool found = false;
	for (size_t i = lo; i < ix->len && ps__name_cmp(ix->items[i].name, ix->items[i].len, name,
						       len) == 0 && ix->items[i].start < before; i++) {
		*value = ix->items[i].value;
		found = true;
	}
	if (temporary)
		ps_index_free(ix);
	return found;
}

/* Appends the expansion of a double-quoted string body: `x` escapes, $name and ${name}. */
static bool ps__expand(eval_ctx *ctx, const char *s, size_t len, uint32_t at, strbuf *out)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '`' && i + 1 < len) {
			static const char from[] = "0abfnrtv", to[] = "\0\a\b\f\n\r\t\v";
			const char *p = memchr(from, s[++i], sizeof(from) - 1);
			if (!eval_string_add(out, p ? to + (p - from) : s + i, 1))
				return false;
			continue;
		}
		if (s[i] != '$' || i + 1 == len || !(isalnum((unsigned char)s[i + 1]) || s[i + 1] == '_' ||
						    s[i + 1] == '{')) {
			if (s[i] == '$' && i + 1 < len && s[i + 1] == '(')
				return false; /* $(...) runs code */
			if (!eval_string_add(out, s + i, 1))
				return false;
			continue;
		}
		size_t start = i + 1, end;
		if (s[start] == '{') {
			const char *close = memchr(s + start, '}', len - start);
			if (!close)
				return false;
			end = (size_t)(close - s);
			start++;
			i = end;
		} else {
			end = start;
			while (end < len && (isalnum((unsigned char)s[end]) || s[end] == '_' || s[end] == ':'))
				end++;
			i = end - 1;
		}
		const char *name = s + start;
		size_t nlen = end - start;
		const char *colon = memchr(name, ':', nlen);
		if (colon) {
			nlen -= (size_t)(colon + 1 - name);
			name = colon + 1;
		}
		TSNode value = { 0 };
		if (!ps_resolve(ctx, name, nlen, at, &value) || !ps_string(ctx, value, out))
			return false;
	}
	return true;
}

bool ps_string_literal(eval_ctx *ctx, TSNode node, strbuf *out)
{
	TSNode c = ts_node_named_child(node, 0);
	size_t len = 0;
	const char *t = eval_node_text(ctx, c, &len);
	if (ps_kind(c, "verbatim_string_characters")) {
		if (len < 2)
			return false;
		for (size_t i = 1; i + 1 < len; i++) {
			if (t[i] == '\'' && t[i + 1] == '\'')
				i++;
			if (!eval_string_add(out, t + i, 1))
				return false;
		}
		return true;
	}
	if (ps_kind(c, "expandable_string_literal") && len >= 2)
		return ps__expand(ctx, t + 1, len - 2, ts_node_start_byte(node), out);
	return false; /* here-strings */
}

bool ps_string(eval_ctx *ctx, TSNode node, strbuf *out)
{
	node = ps_unwrap(node);
	if (ts_node_is_null(node) || ctx->depth > PS_MAX_DEPTH)
		return false;
	ctx->depth++;
	bool ok = false;
	size_t len = 0;
	const char *t = eval_node_text(ctx, node, &len);
	if (ps_kind(node, "string_literal")) {
		ok = ps_string_literal(ctx, node, out);
	} else if (ps_kind(node, "generic_token") || ps_kind(node, "decimal_integer_literal") ||
		   ps_kind(node, "hexadecimal_integer_literal") || ps_kind(node, "integer_literal")) {
		ok = eval_string_add(out, t, len);
	} else if (ps_kind(node, "variable")) {
		size_t nlen = 0;
		const char *name = ps_variable_name(ctx, node, &nlen);
		TSNode value = { 0 };
		ok = ps_resolve(ctx, name, nlen, ts_node_start_byte(node), &value) &&
		     ps_string(ctx, value, out);
	} else if (ps_kind(node, "additive_expression") && ts_node_named_child_count(node) == 2) {
		TSNode op = ps_operator(node);
		ok = !ts_node_is_null(op) && ps_text_is(ctx, op, "+") &&
		     ps_string(ctx, ts_node_named_child(node, 0), out) &&
		     ps_string(ctx, ts_node_named_child(node, 1), out);
	}
	ctx->depth--;
	return ok;
}
