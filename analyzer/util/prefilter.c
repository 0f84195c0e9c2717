/* prefilter.c: keyword search over a file's text. */
#include "prefilter.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

void prefilter_add(prefilter *p, const char *const *keywords, size_t n)
{
	if (n == 0) {
		p->always = true;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		bool dup = false;
		for (size_t j = 0; j < p->len && !dup; j++)
			dup = strcmp(p->keywords[j], keywords[i]) == 0;
		if (dup || !keywords[i][0])
			continue;
		p->keywords = xreallocarray(p->keywords, p->len + 1, sizeof(char *));
		p->lengths = xreallocarray(p->lengths, p->len + 1, sizeof(size_t));
		p->keywords[p->len] = xstrdup(keywords[i]);
		p->lengths[p->len] = strlen(keywords[i]);
		p->first[(unsigned char)keywords[i][0]] = 1;
		p->len++;
	}
}

/* memmem, ignoring ASCII case. */
static bool prefilter__has_nocase(const char *text, size_t len, const char *kw, size_t kwlen)
{
	if (kwlen > len)
		return false;
	int lo = tolower((unsigned char)kw[0]), up = toupper((unsigned char)kw[0]);
	for (size_t i = 0; i + kwlen <= len; i++) {
		if (text[i] != lo && text[i] != up)
			continue;
		size_t j = 1;
		while (j < kwlen && tolower((unsigned char)text[i + j]) == tolower((unsigned char)kw[j]))
			j++;
		if (j == kwlen)
			return true;
	}
	return false;
}

bool prefilter_pass(const prefilter *p, const char *text, size_t len)
{
	if (p->always)
		return true;
	if (p->nocase) {
		for (size_t i = 0; i < p->len; i++)
			if (prefilter__has_nocase(text, len, p->keywords[i], p->lengths[i]))
				return true;
		return false;
	}
	/* Few keywords: memmem each (glibc's is two-way and fast). */
	for (size_t i = 0; i < p->len; i++)
		if (memmem(text, len, p->keywords[i], p->lengths[i]))
			return true;
	return false;
}

void prefilter_release(prefilter *p)
{
	for (size_t i = 0; i < p->len; i++)
		free(p->keywords[i]);
	free(p->keywords);
	free(p->lengths);
	memset(p, 0, sizeof(*p));
}
