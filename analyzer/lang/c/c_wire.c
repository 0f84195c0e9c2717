/* c_wire.c: encoding and checked decoding of a file's hits (lang/c/c_wire.h). */
#include "c_wire.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

void c_wire_put(c_wire_buf *b, const void *p, size_t n)
{
	GROW(b->data, b->cap, b->len + n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
}

void c_wire_u32(c_wire_buf *b, unsigned v)
{
	uint32_t x = v;
	c_wire_put(b, &x, sizeof(x));
}

void c_wire_u64(c_wire_buf *b, unsigned long long v)
{
	uint64_t x = v;
	c_wire_put(b, &x, sizeof(x));
}

void c_wire_str(c_wire_buf *b, const char *s, size_t n)
{
	c_wire_u32(b, (unsigned)n);
	c_wire_put(b, s, n);
}

static void c_wire__opt(c_wire_buf *b, const char *s)
{
	c_wire_str(b, s ? s : "", s ? strlen(s) : 0);
}

void c_wire_put_hits(c_wire_buf *b, const c_hits *h,
		     unsigned (*rule_index)(const rule *r, void *arg), void *arg)
{
	c_wire_u32(b, (unsigned)h->len);
	for (size_t i = 0; i < h->len; i++) {
		const c_hit *x = &h->items[i];
		c_wire_u32(b, rule_index(x->rule, arg));
		c_wire_u32(b, x->versions);
		c_wire_u64(b, x->start);
		c_wire_u64(b, x->end);
		unsigned ns = x->nsinks <= C_HIT_MAX_SINKS ? x->nsinks : C_HIT_MAX_SINKS;
		c_wire_u32(b, ns);
		for (unsigned k = 0; k < ns; k++) {
			c_wire_u64(b, x->sinks[k].start);
			c_wire_u64(b, x->sinks[k].end);
			c_wire_u32(b, x->sinks[k].through);
		}
		c_wire__opt(b, x->nreps ? x->fix_desc : NULL);
		c_wire_u32(b, x->nreps);
		for (unsigned k = 0; k < x->nreps; k++) {
			c_wire_u64(b, x->reps[k].start);
			c_wire_u64(b, x->reps[k].end);
			c_wire__opt(b, x->reps[k].text);
		}
		c_wire__opt(b, x->no_fix);
	}
}

/* --- decoding ---------------------------------------------------------------------------- */

typedef struct c_wire_in {
	const char *p;
	size_t n, off;
	bool bad;
} c_wire_in;

static void c_wire__take(c_wire_in *in, void *out, size_t k)
{
	if (in->bad || in->n - in->off < k) {
		in->bad = true;
		memset(out, 0, k);
		return;
	}
	memcpy(out, in->p + in->off, k);
	in->off += k;
}

static uint32_t c_wire__u32(c_wire_in *in)
{
	uint32_t v;
	c_wire__take(in, &v, sizeof(v));
	return v;
}

static uint64_t c_wire__u64(c_wire_in *in)
{
	uint64_t v;
	c_wire__take(in, &v, sizeof(v));
	return v;
}

/* A string of at most C_WIRE_MAX_TEXT bytes without NUL; newly allocated, NULL when empty
 * (and on an error, which marks `in`). `empty_ok`: an empty string is allowed. */
static char *c_wire__text(c_wire_in *in, bool empty_ok)
{
	uint32_t k = c_wire__u32(in);
	if (in->bad || k > C_WIRE_MAX_TEXT || in->n - in->off < k ||
	    memchr(in->p + in->off, '\0', k) || (k == 0 && !empty_ok)) {
		in->bad = true;
		return NULL;
	}
	char *s = k ? xstrndup(in->p + in->off, k) : NULL;
	in->off += k;
	return s;
}

/* A range [start, end) of the text. */
static bool c_wire__range(c_wire_in *in, size_t textlen, size_t *start, size_t *end)
{
	uint64_t s = c_wire__u64(in), e = c_wire__u64(in);
	if (in->bad || s > e || e > textlen) {
		in->bad = true;
		return false;
	}
	*start = (size_t)s;
	*end = (size_t)e;
	return true;
}

static bool c_wire__hit(c_wire_in *in, const rule *const *rules, size_t nrules, size_t textlen,
			c_hit *hit)
{
	memset(hit, 0, sizeof(*hit));
	uint32_t ri = c_wire__u32(in);
	hit->versions = c_wire__u32(in);
	if (in->bad || ri >= nrules || !hit->versions)
		return false;
	hit->rule = rules[ri];
	if (!c_wire__range(in, textlen, &hit->start, &hit->end))
		return false;
	uint32_t ns = c_wire__u32(in);
	if (in->bad || ns > C_HIT_MAX_SINKS)
		return false;
	for (uint32_t k = 0; k < ns; k++) {
		if (!c_wire__range(in, textlen, &hit->sinks[k].start, &hit->sinks[k].end))
			return false;
		uint32_t through = c_wire__u32(in);
		if (in->bad || through > 1)
			return false;
		hit->sinks[k].through = through != 0;
		hit->nsinks = k + 1;
	}
	char *desc = c_wire__text(in, true);
	uint32_t nr = c_wire__u32(in);
	if (in->bad || nr > C_FIX_MAX_REPS || (nr == 0) != (desc == NULL)) {
		free(desc);
		return false;
	}
	hit->fix_desc = desc;
	for (uint32_t k = 0; k < nr; k++) {
		c_fix_rep *r = &hit->reps[k];
		if (!c_wire__range(in, textlen, &r->start, &r->end) ||
		    (k > 0 && r->start < hit->reps[k - 1].end))
			return false;
		r->text = c_wire__text(in, true);
		if (in->bad)
			return false;
		if (!r->text)
			r->text = xstrdup("");
		hit->nreps = k + 1;
		if (r->start == r->end && !r->text[0])
			return false; /* an edit that changes nothing */
	}
	hit->no_fix = c_wire__text(in, true);
	return !in->bad && !(hit->no_fix && hit->nreps);
}

int c_wire_get_hits(const char *p, size_t n, const rule *const *rules, size_t nrules,
		    size_t textlen, c_hits *out)
{
	c_wire_in in = { .p = p, .n = n };
	uint32_t nhits = c_wire__u32(&in);
	/* Each hit takes at least 40 bytes: a count larger than the payload is a lie. */
	if (in.bad || nhits > n / 40)
		return -1;
	c_hits got = { 0 };
	for (uint32_t i = 0; i < nhits; i++) {
		GROW(got.items, got.cap, got.len + 1);
		c_hit *hit = &got.items[got.len++];
		if (!c_wire__hit(&in, rules, nrules, textlen, hit)) {
			c_hits_release(&got);
			return -1;
		}
	}
	if (in.off != in.n) {
		c_hits_release(&got);
		return -1;
	}
	c_hits_take(out, &got);
	c_hits_release(&got);
	return 0;
}
