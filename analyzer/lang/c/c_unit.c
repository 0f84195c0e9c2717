/* c_unit.c: the state of one analysed translation unit: tokens, calls seen, findings. */
#include "c_analyze.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

void c_unit_tokenize(c_unit *u, size_t len)
{
	const libclang_api *lc = u->lc;
	CXSourceRange all = lc->getRange(lc->getLocationForOffset(u->tu, u->main, 0),
					 lc->getLocationForOffset(u->tu, u->main, (unsigned)len));
	CXToken *toks = NULL;
	unsigned n = 0;
	lc->tokenize(u->tu, all, &toks, &n);
	for (unsigned i = 0; i < n; i++) {
		CXTokenKind k = lc->getTokenKind(toks[i]);
		if (k == CXToken_Comment)
			continue;
		CXSourceRange r = lc->getTokenExtent(u->tu, toks[i]);
		unsigned s = 0, e = 0;
		lc->getFileLocation(lc->getRangeStart(r), NULL, NULL, NULL, &s);
		lc->getFileLocation(lc->getRangeEnd(r), NULL, NULL, NULL, &e);
		if (e < s || e > len)
			continue;
		GROW(u->toks.toks, u->toks.cap, u->toks.len + 1);
		c_tok *t = &u->toks.toks[u->toks.len++];
		t->kind = k == CXToken_Punctuation ? C_TOK_PUNCT
			  : k == CXToken_Keyword   ? C_TOK_KEYWORD
			  : k == CXToken_Identifier ? C_TOK_IDENT
						    : C_TOK_LITERAL;
		t->off = s;
		t->len = e - s;
		t->directive = false;
		t->block = -1;
	}
	if (toks)
		lc->disposeTokens(u->tu, toks, n);
	c_tokens_finish(&u->toks);
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
