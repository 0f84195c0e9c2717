/* evaluator.c: the evaluator of a language (its row in core/language.h) and helpers shared by the language evaluators. */
#include "evaluator.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

const value_evaluator *evaluator_for(language lang)
{
	return language_get(lang)->evaluator;
}

const char *eval_node_text(const eval_ctx *ctx, TSNode node, size_t *len)
{
	uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
	*len = e - s;
	return ctx->src->text + s;
}

void eval_follow_start(eval_ctx *ctx, TSNode node)
{
	ctx->defined_uri = NULL;
	ctx->whole = node;
	ctx->followed = false;
	ctx->origin_start = ctx->origin_end = 0;
}

void eval_follow(eval_ctx *ctx, TSNode node, TSNode next, bool name)
{
	if (ts_node_is_null(ctx->whole) || !ts_node_eq(node, ctx->whole))
		return;
	ctx->whole = next;
	if (name) {
		ctx->followed = true;
		ctx->origin_start = ts_node_start_byte(next);
		ctx->origin_end = ts_node_end_byte(next);
	}
}

void eval_follow_result(const eval_ctx *ctx, eval_result *out)
{
	out->followed = ctx->followed;
	out->defined_uri = ctx->defined_uri;
	out->defined_at = ctx->defined_at;
	out->origin_start = ctx->origin_start;
	out->origin_end = ctx->origin_end;
}

bool eval_node_is(const eval_ctx *ctx, TSNode node, const char *s)
{
	size_t len = 0;
	const char *t = eval_node_text(ctx, node, &len);
	return strlen(s) == len && memcmp(t, s, len) == 0;
}

TSNode *eval_named_children(TSNode node, uint32_t *n)
{
	*n = ts_node_named_child_count(node);
	if (!*n)
		return NULL;
	TSNode *out = xcalloc(*n, sizeof(*out));
	uint32_t i = 0;
	TSTreeCursor c = ts_tree_cursor_new(node);
	if (ts_tree_cursor_goto_first_child(&c)) {
		do {
			TSNode child = ts_tree_cursor_current_node(&c);
			if (ts_node_is_named(child) && i < *n)
				out[i++] = child;
		} while (ts_tree_cursor_goto_next_sibling(&c));
	}
	ts_tree_cursor_delete(&c);
	*n = i;
	return out;
}

bool eval_string_add(strbuf *out, const char *s, size_t len)
{
	if (out->len + len > EVAL_MAX_STRING)
		return false;
	strbuf_add(out, s, len);
	return true;
}

bool eval_node_is_n(const eval_ctx *ctx, TSNode node, const char *s, size_t len)
{
	size_t tlen = 0;
	const char *t = eval_node_text(ctx, node, &tlen);
	return tlen == len && memcmp(t, s, len) == 0;
}

bool eval_fold_binary(eval_op op, bool partial_or, eval_result a, bool ka, eval_result b, bool kb,
		      eval_result *out)
{
	if (!ka)
		a = (eval_result){ 0 };
	if (!kb)
		b = (eval_result){ 0 };
	if (op == EVAL_OP_OR && partial_or && (ka || kb)) {
		out->value = a.value | b.value;
		out->named = a.named | b.named;
		return true;
	}
	if (!ka || !kb)
		return false;
	switch (op) {
	case EVAL_OP_OR:
		out->value = a.value | b.value;
		break;
	case EVAL_OP_ADD:
		out->value = a.value + b.value;
		break;
	case EVAL_OP_AND:
		out->value = a.value & b.value;
		break;
	case EVAL_OP_XOR:
		out->value = a.value ^ b.value;
		break;
	case EVAL_OP_NONE:
		return false;
	}
	out->named = out->value & (a.named | b.named);
	return true;
}

bool eval_parse_integer(const char *s, size_t len, long long *out)
{
	unsigned base = 10;
	size_t i = 0;
	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	} else if (len > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
		base = 2;
		i = 2;
	}
	unsigned long long v = 0;
	size_t digits = 0;
	for (; i < len; i++) {
		char c = s[i];
		unsigned d;
		if (c == '_' || c == '\'')
			continue;
		if (isdigit((unsigned char)c))
			d = (unsigned)(c - '0');
		else if (base == 16 && isxdigit((unsigned char)c))
			d = (unsigned)(tolower((unsigned char)c) - 'a' + 10);
		else
			break; /* a suffix: u, l, UL, ... */
		if (d >= base)
			return false;
		if (v > (~0ULL >> 4))
			return false; /* too large to be a protocol value */
		v = v * base + d;
		digits++;
	}
	for (; i < len; i++)
		if (!strchr("uUlL", s[i]))
			return false;
	if (!digits)
		return false;
	*out = (long long)v;
	return true;
}

void index_lookups_add(index_lookups *l, char *key)
{
	for (size_t i = 0; i < l->len; i++) {
		if (strcmp(l->keys[i], key) == 0) {
			free(key);
			return;
		}
	}
	if (l->len >= INDEX_LOOKUPS_MAX) {
		l->overflow = true;
		free(key);
		return;
	}
	GROW(l->keys, l->cap, l->len + 1);
	l->keys[l->len++] = key;
}

void index_lookups_release(index_lookups *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->keys[i]);
	free(l->keys);
	memset(l, 0, sizeof(*l));
}
