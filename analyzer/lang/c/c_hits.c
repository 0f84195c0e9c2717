/* c_hits.c: the findings of one C or C++ file before they are emitted, with their fixes.
 *
 * Plain data with no tie to the scan (the parser process builds them, lang/c/c_wire.h carries
 * them to the scanner), so the wire format's fuzz target links this file alone. */
#include <stdlib.h>
#include <string.h>

#include "c_hits.h"
#include "util/alloc.h"

c_hit *c_hits_add(c_hits *h, const rule *r, size_t start, size_t end, version_set versions)
{
	if (!versions)
		return NULL;
	for (size_t i = 0; i < h->len; i++) {
		if (h->items[i].rule == r && h->items[i].start == start) {
			h->items[i].versions |= versions;
			return &h->items[i];
		}
	}
	GROW(h->items, h->cap, h->len + 1);
	c_hit *hit = &h->items[h->len++];
	memset(hit, 0, sizeof(*hit));
	hit->rule = r;
	hit->start = start;
	hit->end = end > start ? end : start + 1;
	hit->versions = versions;
	return hit;
}

void c_hit_sink(c_hit *hit, size_t start, size_t end, bool through)
{
	if (!hit || end <= start || (start <= hit->start && end >= hit->end))
		return; /* no sink, or one that holds the value itself */
	for (unsigned i = 0; i < hit->nsinks; i++)
		if (hit->sinks[i].start == start && hit->sinks[i].end == end)
			return;
	if (hit->nsinks == C_HIT_MAX_SINKS)
		return;
	hit->sinks[hit->nsinks].start = start;
	hit->sinks[hit->nsinks].end = end;
	hit->sinks[hit->nsinks++].through = through;
}

bool c_hit_replace(c_hit *hit, const char *description, size_t start, size_t end,
		   const char *text)
{
	if (hit->nreps == C_FIX_MAX_REPS || end < start)
		return false;
	if (!hit->fix_desc)
		hit->fix_desc = xstrdup(description);
	free(hit->no_fix);
	hit->no_fix = NULL;
	c_fix_rep *r = &hit->reps[hit->nreps++];
	r->start = start;
	r->end = end;
	r->text = xstrdup(text);
	return true;
}

void c_hit_clear_fix(c_hit *hit)
{
	free(hit->fix_desc);
	for (unsigned i = 0; i < hit->nreps; i++)
		free(hit->reps[i].text);
	free(hit->no_fix);
	hit->fix_desc = NULL;
	hit->no_fix = NULL;
	hit->nreps = 0;
}

void c_hit_no_fix(c_hit *hit, const char *reason)
{
	c_hit_clear_fix(hit);
	hit->no_fix = xstrdup(reason);
}

void c_hits_take(c_hits *dst, c_hits *src)
{
	for (size_t i = 0; i < src->len; i++) {
		GROW(dst->items, dst->cap, dst->len + 1);
		dst->items[dst->len++] = src->items[i];
	}
	src->len = 0;
}

void c_hits_release(c_hits *h)
{
	for (size_t i = 0; i < h->len; i++)
		c_hit_clear_fix(&h->items[i]);
	free(h->items);
	memset(h, 0, sizeof(*h));
}
