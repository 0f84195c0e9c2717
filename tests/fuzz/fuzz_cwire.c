/* fuzz_cwire.c: the decoder of the libclang parser process's replies (lang/c/c_wire.c) on
 * arbitrary bytes: a payload it accepts has every range inside the text and its replacements
 * in order, and encodes back to bytes that decode to the same hits. The first two bytes give
 * the length of the scanned text. */
#include "fuzz.h"

#include "lang/c/c_wire.h"

static const rule fuzz_rules[3] = { { .id = "LT-C-001" }, { .id = "LT-C-002" },
				    { .id = "LT-C-004" } };

static unsigned fuzz_cwire__index(const rule *r, void *arg)
{
	(void)arg;
	return (unsigned)(r - fuzz_rules);
}

static void fuzz_cwire__check(const c_hits *h, size_t textlen)
{
	for (size_t i = 0; i < h->len; i++) {
		const c_hit *x = &h->items[i];
		if (x->start > x->end || x->end > textlen || x->nsinks > C_HIT_MAX_SINKS ||
		    x->nreps > C_FIX_MAX_REPS || (x->nreps && !x->fix_desc) || (x->nreps && x->no_fix))
			abort();
		for (unsigned k = 0; k < x->nreps; k++)
			if (x->reps[k].start > x->reps[k].end || x->reps[k].end > textlen ||
			    (k && x->reps[k].start < x->reps[k - 1].end) || !x->reps[k].text ||
			    strlen(x->reps[k].text) > C_WIRE_MAX_TEXT)
				abort();
	}
}

static bool fuzz_cwire__same(const c_hits *a, const c_hits *b)
{
	if (a->len != b->len)
		return false;
	for (size_t i = 0; i < a->len; i++) {
		const c_hit *x = &a->items[i], *y = &b->items[i];
		if (x->rule != y->rule || x->start != y->start || x->end != y->end ||
		    x->versions != y->versions || x->nsinks != y->nsinks || x->nreps != y->nreps ||
		    (!x->no_fix) != (!y->no_fix) || (x->no_fix && strcmp(x->no_fix, y->no_fix)))
			return false;
		for (unsigned k = 0; k < x->nreps; k++)
			if (x->reps[k].start != y->reps[k].start || x->reps[k].end != y->reps[k].end ||
			    strcmp(x->reps[k].text, y->reps[k].text) != 0)
				return false;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	size_t textlen = (size_t)data[0] | (size_t)data[1] << 8;
	const rule *rules[3] = { &fuzz_rules[0], &fuzz_rules[1], &fuzz_rules[2] };
	c_hits got = { 0 };
	if (c_wire_get_hits((const char *)data + 2, size - 2, rules, 3, textlen, &got) == 0) {
		fuzz_cwire__check(&got, textlen);
		c_wire_buf b = { 0 };
		c_wire_put_hits(&b, &got, fuzz_cwire__index, NULL);
		c_hits again = { 0 };
		if (c_wire_get_hits(b.data, b.len, rules, 3, textlen, &again) != 0 ||
		    !fuzz_cwire__same(&got, &again))
			abort();
		c_hits_release(&again);
		free(b.data);
	} else if (got.len) {
		abort(); /* a rejected payload leaves the list as it was */
	}
	c_hits_release(&got);
	return 0;
}
