/* prefilter.h: a literal keyword test that decides whether a file is worth parsing.
 *
 * Every rule lists keywords its pattern cannot match without (`; keywords:`); a file that
 * contains none of its language's keywords cannot produce a finding and is never parsed. */
#ifndef TLSLINT_PREFILTER_H
#define TLSLINT_PREFILTER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct prefilter {
	char **keywords;
	size_t *lengths;
	size_t len;
	bool always;      /* some rule has no keywords: every file passes */
	bool nocase;      /* ASCII case-insensitive, for languages whose names ignore case */
	unsigned char first[256]; /* first bytes of keywords, for a quick scan */
} prefilter;

void prefilter_add(prefilter *p, const char *const *keywords, size_t n);
bool prefilter_pass(const prefilter *p, const char *text, size_t len);
void prefilter_release(prefilter *p);

#endif
