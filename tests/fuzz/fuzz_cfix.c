/* fuzz_cfix.c: the C fixes (lang/c/c_fix.c) on the tokens of arbitrary text (the token
 * fallback's lexer), with a hit of each fixable rule over every short run of tokens that starts
 * where a finding can (the first 128 tokens): its replacements lie inside the text, in order,
 * and a hit gets a fix or a reason, never both. */
#include "fuzz.h"

#include "lang/c/c_fix.h"
#include "lang/c/c_lex.h"
#include "util/alloc.h"

static const rule fuzz_rules[3] = { { .id = "LT-C-001" }, { .id = "LT-C-002" },
				    { .id = "LT-C-004" } };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	c_tokens t = { .text = text };
	c_lex(&t, size, size && (data[0] & 1));
	c_hits h = { 0 };
	for (size_t i = 0; i < t.len && i < 128; i++) {
		if (t.toks[i].kind == C_TOK_PUNCT && !c_tok_is(&t, i, "(") && !c_tok_is(&t, i, "::"))
			continue; /* a finding starts at a name, a literal, a cast or `::` */
		for (size_t n = 1; n <= 3 && i + n <= t.len; n++)
			for (size_t r = 0; r < 3; r++) {
				/* Added directly: c_hits_add() merges hits of one rule and start. */
				GROW(h.items, h.cap, h.len + 1);
				c_hit *x = &h.items[h.len++];
				memset(x, 0, sizeof(*x));
				x->rule = &fuzz_rules[r];
				x->start = t.toks[i].off;
				x->end = t.toks[i + n - 1].off + t.toks[i + n - 1].len;
				x->versions = 1;
			}
	}
	c_fix_hits(&h, &t);
	for (size_t i = 0; i < h.len; i++) {
		const c_hit *x = &h.items[i];
		if ((x->nreps != 0) == (x->no_fix != NULL) || (x->nreps && !x->fix_desc))
			abort();
		for (unsigned k = 0; k < x->nreps; k++)
			if (x->reps[k].start > x->reps[k].end || x->reps[k].end > size ||
			    (k && x->reps[k].start < x->reps[k - 1].end))
				abort();
	}
	c_hits_release(&h);
	c_tokens_release(&t);
	free(text);
	return 0;
}
