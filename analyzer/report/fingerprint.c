/* fingerprint.c: GitHub's primaryLocationLineHash and our own tlslint/v1 fingerprint.
 *
 * The line hash follows the algorithm of github/codeql-action's fingerprints.ts as described
 * there: characters are UTF-16 code units of the file decoded as UTF-8; spaces and tabs are
 * skipped; CR and CRLF count as LF; each line's hash is a polynomial rolling hash (base 37,
 * modulo 2^64) over the 100 characters that start with the line's first kept character; the
 * end of the file is the character 65535 followed by zeros. The hex value is printed without
 * leading zeros, then ":n" for the n-th line of the file with that hash. */
#include "fingerprint.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/strbuf.h"

#define BLOCK_SIZE 100
#define HASH_BASE 37u
#define END_OF_FILE 65535u

struct hasher {
	uint32_t window[BLOCK_SIZE];
	unsigned line_at[BLOCK_SIZE]; /* line that starts at this window slot, 0 for none */
	uint64_t hash, first_mod;
	unsigned index, line;
	bool line_start, prev_cr;
	line_hashes *out;
	size_t cap;
};

static void fingerprint__emit(struct hasher *h)
{
	unsigned line = h->line_at[h->index];
	GROW(h->out->hash, h->cap, line);
	h->out->hash[line - 1] = h->hash;
	if (line > h->out->len)
		h->out->len = line;
	h->line_at[h->index] = 0;
}

static void fingerprint__update(struct hasher *h, uint32_t c)
{
	uint32_t begin = h->window[h->index];
	h->window[h->index] = c;
	h->hash = HASH_BASE * h->hash + c - h->first_mod * begin; /* wraps modulo 2^64 */
	h->index = (h->index + 1) % BLOCK_SIZE;
}

static void fingerprint__char(struct hasher *h, uint32_t c)
{
	if (c == ' ' || c == '\t' || (h->prev_cr && c == '\n')) {
		h->prev_cr = false;
		return;
	}
	h->prev_cr = c == '\r';
	if (c == '\r')
		c = '\n';
	if (h->line_at[h->index])
		fingerprint__emit(h);
	if (h->line_start) {
		h->line_start = false;
		h->line_at[h->index] = ++h->line;
	}
	if (c == '\n')
		h->line_start = true;
	fingerprint__update(h, c);
}

static void fingerprint__code_point(struct hasher *h, uint32_t cp)
{
	if (cp >= 0x10000) {
		cp -= 0x10000;
		fingerprint__char(h, 0xD800 + (cp >> 10));
		fingerprint__char(h, 0xDC00 + (cp & 0x3FF));
	} else {
		fingerprint__char(h, cp);
	}
}

/* UTF-8 decoding with the WHATWG Encoding Standard's error handling (one U+FFFD per maximal
 * invalid subsequence), which is what Node.js does when the action reads the file. */
static void fingerprint__decode(struct hasher *h, const unsigned char *s, size_t len)
{
	uint32_t cp = 0;
	unsigned needed = 0, seen = 0;
	unsigned char lower = 0x80, upper = 0xBF;
	for (size_t i = 0; i < len; i++) {
		unsigned char b = s[i];
		if (needed == 0) {
			if (b < 0x80) {
				fingerprint__code_point(h, b);
			} else if (b >= 0xC2 && b <= 0xDF) {
				needed = 1;
				cp = b & 0x1F;
			} else if (b >= 0xE0 && b <= 0xEF) {
				if (b == 0xE0)
					lower = 0xA0;
				if (b == 0xED)
					upper = 0x9F;
				needed = 2;
				cp = b & 0x0F;
			} else if (b >= 0xF0 && b <= 0xF4) {
				if (b == 0xF0)
					lower = 0x90;
				if (b == 0xF4)
					upper = 0x8F;
				needed = 3;
				cp = b & 0x07;
			} else {
				fingerprint__code_point(h, 0xFFFD);
			}
			continue;
		}
		if (b < lower || b > upper) {
			cp = 0;
			needed = seen = 0;
			lower = 0x80;
			upper = 0xBF;
			fingerprint__code_point(h, 0xFFFD);
			i--; /* the byte starts afresh */
			continue;
		}
		lower = 0x80;
		upper = 0xBF;
		cp = (cp << 6) | (b & 0x3F);
		if (++seen == needed) {
			fingerprint__code_point(h, cp);
			cp = 0;
			needed = seen = 0;
		}
	}
	if (needed)
		fingerprint__code_point(h, 0xFFFD);
}

struct hash_line {
	uint64_t hash;
	size_t line;
};

static int fingerprint__cmp_hash_line(const void *pa, const void *pb)
{
	const struct hash_line *a = pa, *b = pb;
	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

void line_hashes_compute(line_hashes *out, const char *bytes, size_t len)
{
	memset(out, 0, sizeof(*out));
	struct hasher *h = xcalloc(1, sizeof(*h));
	h->out = out;
	h->line_start = true;
	h->first_mod = 1;
	for (int i = 0; i < BLOCK_SIZE; i++)
		h->first_mod *= HASH_BASE;
	fingerprint__decode(h, (const unsigned char *)bytes, len);
	fingerprint__char(h, END_OF_FILE);
	for (int i = 0; i < BLOCK_SIZE; i++) {
		if (h->line_at[h->index])
			fingerprint__emit(h);
		fingerprint__update(h, 0);
	}
	free(h);

	/* Occurrences: the n-th line (in file order) with a given hash gets n. */
	out->occurrence = xcalloc(out->len ? out->len : 1, sizeof(*out->occurrence));
	struct hash_line *order = xcalloc(out->len ? out->len : 1, sizeof(*order));
	for (size_t i = 0; i < out->len; i++)
		order[i] = (struct hash_line){ out->hash[i], i };
	if (out->len)
		qsort(order, out->len, sizeof(*order), fingerprint__cmp_hash_line);
	for (size_t i = 0; i < out->len; i++)
		out->occurrence[order[i].line] =
			i > 0 && order[i - 1].hash == order[i].hash
				? out->occurrence[order[i - 1].line] + 1
				: 1;
	free(order);
}

char *line_hashes_format(const line_hashes *lh, unsigned line)
{
	if (line == 0 || line > lh->len)
		return NULL;
	return xasprintf("%llx:%u", (unsigned long long)lh->hash[line - 1],
			 lh->occurrence[line - 1]);
}

void line_hashes_release(line_hashes *lh)
{
	free(lh->hash);
	free(lh->occurrence);
	memset(lh, 0, sizeof(*lh));
}

/* FNV-1a, 64 bits, over a field and a separator so that fields cannot run together. */
static uint64_t fingerprint__fnv(uint64_t h, const char *s, bool drop_space)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if (drop_space && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' ||
				   *p == '\v' || *p == '\f'))
			continue;
		h = (h ^ *p) * 0x100000001b3ull;
	}
	return (h ^ 0xFF) * 0x100000001b3ull; /* 0xFF never occurs in UTF-8 */
}

static uint64_t fingerprint__content(const finding *f)
{
	uint64_t h = 0xcbf29ce484222325ull;
	h = fingerprint__fnv(h, f->rule->id, false);
	h = fingerprint__fnv(h, f->uri, false);
	return fingerprint__fnv(h, f->snippet, true);
}

void fingerprint_assign(finding_list *fl)
{
	uint64_t *content = xcalloc(fl->len ? fl->len : 1, sizeof(*content));
	size_t file_start = 0;
	for (size_t i = 0; i < fl->len; i++) {
		finding *f = &fl->items[i];
		if (i > 0 && strcmp(fl->items[i - 1].uri, f->uri) != 0)
			file_start = i;
		content[i] = fingerprint__content(f);
		unsigned occurrence = 1;
		for (size_t k = file_start; k < i; k++)
			occurrence += content[k] == content[i];
		char occ[16];
		snprintf(occ, sizeof(occ), "%u", occurrence);
		uint64_t h = fingerprint__fnv(content[i], occ, false);
		free(f->fingerprint);
		f->fingerprint = xasprintf("%016llx", (unsigned long long)h);
	}
	free(content);
}

static bool line_hash__wants(const finding *f)
{
	return f->line_hash == NULL;
}

static void line_hash__run(const char *uri, const char *bytes, size_t len, finding_list *out)
{
	line_hashes lh;
	line_hashes_compute(&lh, bytes, len);
	for (size_t i = 0; i < out->len; i++) {
		finding *fi = &out->items[i];
		if (!fi->line_hash && strcmp(fi->uri, uri) == 0)
			fi->line_hash = line_hashes_format(&lh, fi->where.start_line);
	}
	line_hashes_release(&lh);
}

const finding_pass line_hash_pass = { .wants = line_hash__wants, .run = line_hash__run };
