/* c_match.c: comparing evaluated arguments with rule values; collecting findings. */
#include "c_match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/alloc.h"

void c_eval_add_int(c_eval *ev, unsigned long long v)
{
	for (size_t i = 0; i < ev->nints; i++)
		if (ev->ints[i] == v)
			return;
	if (ev->nints < C_EVAL_MAX)
		ev->ints[ev->nints++] = v;
}

static bool c_match__number(const c_tokens *t, size_t i, unsigned long long *out)
{
	const c_tok *k = &t->toks[i];
	const char *s = t->text + k->off;
	if (k->kind != C_TOK_LITERAL || !(s[0] >= '0' && s[0] <= '9'))
		return false;
	char buf[64];
	size_t n = k->len < sizeof(buf) - 1 ? k->len : sizeof(buf) - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	char *end = NULL;
	*out = strtoull(buf, &end, 0);
	while (*end == 'u' || *end == 'U' || *end == 'l' || *end == 'L')
		end++;
	return *end == '\0';
}

void c_eval_add_tokens(c_eval *ev, const c_tokens *t, size_t from, size_t to, bool numbers)
{
	ev->text = t->text;
	unsigned long long acc = 0;
	bool have_num = false, only_nums = true;
	for (size_t i = from; i < to && i < t->len; i++) {
		const c_tok *k = &t->toks[i];
		if (c_tok_is(t, i, "~")) {
			/* ~X and ~(X | Y) mask versions out: not values that enable anything. */
			only_nums = false;
			if (c_tok_is(t, i + 1, "(")) {
				int depth = 0;
				for (i++; i < to; i++) {
					if (c_tok_is(t, i, "("))
						depth++;
					else if (c_tok_is(t, i, ")") && --depth == 0)
						break;
				}
			} else {
				i++;
			}
			continue;
		}
		if (k->kind == C_TOK_IDENT) {
			only_nums = false;
			if (ev->nnames < sizeof(ev->names) / sizeof(ev->names[0])) {
				ev->names[ev->nnames].off = k->off;
				ev->names[ev->nnames].len = k->len;
				ev->nnames++;
			}
		} else if (k->kind == C_TOK_LITERAL) {
			unsigned long long v;
			char *s = c_tok_string(t, i);
			if (s) {
				only_nums = false;
				if (ev->nstrings < C_EVAL_MAX)
					ev->strings[ev->nstrings++] = s;
				else
					free(s);
			} else if (c_match__number(t, i, &v)) {
				acc |= v;
				have_num = true;
			}
		} else if (k->kind == C_TOK_KEYWORD) {
			continue; /* casts: (long), (unsigned int) */
		} else if (!c_tok_is(t, i, "|") && !c_tok_is(t, i, "(") && !c_tok_is(t, i, ")")) {
			only_nums = false;
		}
	}
	if (numbers && have_num && only_nums)
		c_eval_add_int(ev, acc);
}

void c_eval_release(c_eval *ev)
{
	for (size_t i = 0; i < ev->nstrings; i++)
		free(ev->strings[i]);
	memset(ev, 0, sizeof(*ev));
}

static bool c_match__has_name(const c_eval *ev, const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < ev->nnames; i++)
		if (ev->names[i].len == n && memcmp(ev->text + ev->names[i].off, name, n) == 0)
			return true;
	return false;
}

/* Whether one value of the rule matches; `flags` compares bits instead of equality. */
static bool c_match__one(const c_value *v, const c_eval *ev, unsigned long long mask, bool flags,
			 bool contains)
{
	if (v->text) {
		for (size_t i = 0; i < ev->nstrings; i++) {
			if (contains ? strstr(ev->strings[i], v->text) != NULL
				     : strcasecmp(ev->strings[i], v->text) == 0)
				return true;
		}
		return false;
	}
	if (v->has_num && ev->nints) {
		for (size_t i = 0; i < ev->nints; i++) {
			unsigned long long x = mask ? ev->ints[i] & mask : ev->ints[i];
			if (flags ? (x & v->num) == v->num && v->num : x == v->num)
				return true;
		}
		return false;
	}
	return v->name && c_match__has_name(ev, v->name);
}

version_set c_match_value(const c_pattern *p, const c_eval *ev)
{
	version_set out = 0;
	switch (p->mode) {
	case C_MODE_CALL:
		return p->versions;
	case C_MODE_NONZERO:
	case C_MODE_ZERO:
		for (size_t i = 0; i < ev->nints; i++)
			if ((ev->ints[i] != 0) == (p->mode == C_MODE_NONZERO))
				return p->versions ? p->versions : VERSIONS_LEGACY;
		return 0;
	case C_MODE_EQUALS:
	case C_MODE_FLAGS:
	case C_MODE_CONTAINS:
		for (size_t i = 0; i < p->nvalues; i++)
			if (c_match__one(&p->values[i], ev, p->mask, p->mode == C_MODE_FLAGS,
					 p->mode == C_MODE_CONTAINS))
				out |= p->values[i].versions;
		return out;
	}
	return 0;
}

bool c_match_cond(const c_cond *c, const c_eval *ev)
{
	for (size_t i = 0; i < c->nvalues; i++)
		if (c_match__one(&c->values[i], ev, 0, false, false))
			return true;
	return false;
}

version_set c_match_context(const c_pattern *p, const c_tokens *t, int block)
{
	version_set out = 0;
	if (block < 0 || !p->ncontext)
		return 0;
	size_t i = 0;
	while (i < t->len && t->toks[i].block != block)
		i++;
	for (; i < t->len && t->toks[i].block == block; i++) {
		char *s = c_tok_string(t, i);
		if (!s)
			continue;
		for (size_t k = 0; k < p->ncontext; k++)
			if (strstr(s, p->context[k].text))
				out |= p->context[k].versions;
		free(s);
	}
	return out;
}

bool c_match_callee(const c_pattern *p, const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < p->ncallees; i++) {
		const char *want = p->callees[i];
		size_t w = strlen(want);
		if (strcmp(want, name) == 0)
			return true;
		/* "QSslSocket::setProtocol" matches "setProtocol" written without a type we know,
		 * and "Net::Context" matches "Poco::Net::Context". */
		if (n > w && strcmp(name + n - w, want) == 0 && name[n - w - 1] == ':')
			return true;
		/* "ssl::context" as written matches "boost::asio::ssl::context". */
		if (w > n && strchr(name, ':') && strcmp(want + w - n, name) == 0 &&
		    want[w - n - 1] == ':')
			return true;
		const char *last = strrchr(want, ':');
		if (last && !strchr(name, ':') && strcmp(last + 1, name) == 0)
			return true;
	}
	return false;
}

/* The sink's text, on one line and at most 80 bytes, in a related-location message. */
static void c_hits__related(const file_ctx *ctx, finding *f, size_t start, size_t end,
			    bool through)
{
	if (end > ctx->src->len)
		end = ctx->src->len;
	const char *t = ctx->src->text + start;
	size_t n = end > start ? end - start : 0;
	const char *nl = memchr(t, '\n', n);
	if (nl)
		n = (size_t)(nl - t);
	bool cut = n > 80;
	if (cut)
		n = 80;
	char msg[160];
	snprintf(msg, sizeof(msg), through ? "The value is written here through '%.*s%s'."
					   : "'%.*s%s' receives the value here.",
		 (int)n, t, cut ? "..." : "");
	region where;
	source_position(ctx->src, start, &where.start_line, &where.start_col);
	source_position(ctx->src, start + n, &where.end_line, &where.end_col);
	finding_add_related(f, ctx->uri, where, msg);
}

static int c_hits__cmp(const void *a, const void *b)
{
	const c_hit *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->rule->id, y->rule->id);
}

void c_hits_emit(c_hits *h, const file_ctx *ctx)
{
	if (h->len)
		qsort(h->items, h->len, sizeof(*h->items), c_hits__cmp);
	for (size_t i = 0; i < h->len; i++) {
		const c_hit *x = &h->items[i];
		if (!rule_applies_to(x->rule, ctx->uri)) {
			/* Parsed for another rule; this one's `files` leave the file out. */
			c_hit_clear_fix(&h->items[i]);
			continue;
		}
		size_t end = x->end <= ctx->src->len ? x->end : ctx->src->len;
		/* Keep the region on one line, so the snippet stays readable. */
		const char *nl = memchr(ctx->src->text + x->start, '\n', end - x->start);
		if (nl)
			end = (size_t)(nl - ctx->src->text);
		message_args args = { .versions = x->versions & VERSIONS_LEGACY,
				      .value_text = ctx->src->text + x->start,
				      .value_len = end - x->start };
		finding *f = emit_finding(ctx, x->rule, x->start, end, &args);
		for (unsigned k = 0; k < x->nsinks; k++)
			c_hits__related(ctx, f, x->sinks[k].start, x->sinks[k].end,
					x->sinks[k].through);
		for (unsigned k = 0; k < x->nreps; k++)
			if (x->reps[k].end <= ctx->src->len)
				emit_replace(ctx, f, x->fix_desc, x->reps[k].start, x->reps[k].end,
					     x->reps[k].text);
		if (x->no_fix)
			finding_set_no_fix(f, x->no_fix);
		c_hit_clear_fix(&h->items[i]);
	}
	h->len = 0;
}
