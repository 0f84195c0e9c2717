/* matcher.c: an Aho-Corasick automaton over byte classes (see matcher.h). */
#include "matcher.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MATCH_SHUFTI 1
#include <immintrin.h>
#endif

#define NONE UINT32_MAX
#define OUT_FLAG 0x80000000u /* in a transition: the target state ends some word */

struct matcher {
	bool nocase;
	bool built;
	char **words;
	size_t *lens;
	size_t nwords, capwords;
	/* Built: */
	unsigned char cls[256]; /* byte -> class; 0 is every byte in no word */
	size_t nclasses;
	size_t nstates;
	uint32_t *delta;    /* nstates x nclasses: next state's row offset (state * nclasses),
			       with OUT_FLAG when that state ends a word */
	uint32_t *out_word; /* per state: the word ending exactly here, or NONE */
	uint32_t *dict;     /* per state: the nearest proper suffix state that ends a word */
	/* Skipping: a bit per byte pair that starts some word (all case variants when nocase),
	 * tested without the automaton's load-to-load dependency; the automaton runs from the
	 * root only where a pair hits, until it is back at the root. NULL when a word has one
	 * byte. */
	uint64_t *pairs;
	/* Teddy-style fingerprints of the words' first three bytes, which SSSE3's pshufb tests
	 * 16 positions at a time: each word has one of 8 bucket bits, set for its k-th byte in
	 * lo[k][low nibble] and hi[k][high nibble] (every nibble for the third byte of a
	 * two-byte word). A position whose three bytes share a bucket bit may start a word and
	 * is tested against `pairs`; any other cannot. The nibble tables are a superset of the
	 * words' bytes, never a subset. False: skip byte by byte. */
	bool shufti;
	unsigned char lo[3][16], hi[3][16];
};

matcher *matcher_new(bool nocase)
{
	matcher *m = xcalloc(1, sizeof(*m));
	m->nocase = nocase;
	return m;
}

void matcher_free(matcher *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nwords; i++)
		free(m->words[i]);
	free(m->words);
	free(m->lens);
	free(m->delta);
	free(m->out_word);
	free(m->dict);
	free(m->pairs);
	free(m);
}

static unsigned char matcher__fold(const matcher *m, unsigned char c)
{
	return m->nocase ? (unsigned char)tolower(c) : c;
}

static bool matcher__same(const matcher *m, const char *a, const char *b)
{
	if (!m->nocase)
		return strcmp(a, b) == 0;
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
	return *a == *b;
}

uint32_t matcher_add(matcher *m, const char *word)
{
	for (size_t i = 0; i < m->nwords; i++)
		if (matcher__same(m, m->words[i], word))
			return (uint32_t)i;
	if (m->nwords == m->capwords) {
		m->capwords = m->capwords ? m->capwords * 2 : 16;
		m->words = xreallocarray(m->words, m->capwords, sizeof(*m->words));
		m->lens = xreallocarray(m->lens, m->capwords, sizeof(*m->lens));
	}
	m->words[m->nwords] = xstrdup(word);
	m->lens[m->nwords] = strlen(word);
	return (uint32_t)m->nwords++;
}

size_t matcher_count(const matcher *m)
{
	return m->nwords;
}

const char *matcher_word(const matcher *m, uint32_t id)
{
	return m->words[id];
}

size_t matcher_word_len(const matcher *m, uint32_t id)
{
	return m->lens[id];
}

static void matcher__build_shufti(matcher *m);

void matcher_build(matcher *m)
{
	/* Byte classes: one per distinct (folded) byte of the words. */
	memset(m->cls, 0, sizeof(m->cls));
	m->nclasses = 1;
	for (size_t w = 0; w < m->nwords; w++)
		for (size_t i = 0; i < m->lens[w]; i++) {
			unsigned char c = matcher__fold(m, (unsigned char)m->words[w][i]);
			if (!m->cls[c])
				m->cls[c] = (unsigned char)m->nclasses++;
		}
	if (m->nocase)
		for (int c = 'A'; c <= 'Z'; c++)
			m->cls[c] = m->cls[tolower(c)];
	size_t nc = m->nclasses, states = 1;
	for (size_t w = 0; w < m->nwords; w++)
		states += m->lens[w];
	/* The trie: goto[s * nc + c], NONE where undefined. */
	uint32_t *go = xreallocarray(NULL, states * nc, sizeof(uint32_t));
	for (size_t i = 0; i < states * nc; i++)
		go[i] = NONE;
	m->out_word = xreallocarray(NULL, states, sizeof(uint32_t));
	m->dict = xreallocarray(NULL, states, sizeof(uint32_t));
	for (size_t i = 0; i < states; i++)
		m->out_word[i] = m->dict[i] = NONE;
	size_t n = 1;
	for (size_t w = 0; w < m->nwords; w++) {
		uint32_t s = 0;
		for (size_t i = 0; i < m->lens[w]; i++) {
			unsigned c = m->cls[(unsigned char)m->words[w][i]];
			if (go[s * nc + c] == NONE)
				go[s * nc + c] = (uint32_t)n++;
			s = go[s * nc + c];
		}
		m->out_word[s] = (uint32_t)w;
	}
	m->nstates = n;
	/* Breadth first: failure links, then the complete transition function. */
	uint32_t *fail = xcalloc(n, sizeof(uint32_t));
	uint32_t *queue = xcalloc(n, sizeof(uint32_t));
	size_t head = 0, tail = 0;
	for (size_t c = 0; c < nc; c++) {
		uint32_t t = go[c];
		if (t == NONE) {
			go[c] = 0;
		} else {
			fail[t] = 0;
			queue[tail++] = t;
		}
	}
	while (head < tail) {
		uint32_t s = queue[head++];
		uint32_t f = fail[s];
		m->dict[s] = m->out_word[f] != NONE ? f : m->dict[f];
		for (size_t c = 0; c < nc; c++) {
			uint32_t t = go[s * nc + c];
			if (t == NONE) {
				go[s * nc + c] = go[f * nc + c];
			} else {
				fail[t] = go[f * nc + c];
				queue[tail++] = t;
			}
		}
	}
	free(fail);
	free(queue);
	/* Row offsets with the output flag, so the scanning loop is one load per byte. */
	for (size_t i = 0; i < n * nc; i++) {
		uint32_t t = go[i];
		bool out = m->out_word[t] != NONE || m->dict[t] != NONE;
		go[i] = (uint32_t)(t * nc) | (out ? OUT_FLAG : 0);
	}
	m->delta = go;
	m->built = true;
	bool short_word = false;
	for (size_t w = 0; w < m->nwords; w++)
		short_word |= m->lens[w] < 2;
	if (!short_word) {
		m->pairs = xcalloc(65536 / 64, sizeof(uint64_t));
		for (size_t w = 0; w < m->nwords; w++) {
			unsigned c0 = m->cls[(unsigned char)m->words[w][0]];
			unsigned c1 = m->cls[(unsigned char)m->words[w][1]];
			for (unsigned a = 0; a < 256; a++) {
				if (m->cls[a] != c0)
					continue;
				for (unsigned b = 0; b < 256; b++) {
					if (m->cls[b] != c1)
						continue;
					unsigned k = a << 8 | b;
					m->pairs[k / 64] |= (uint64_t)1 << (k % 64);
				}
			}
		}
		matcher__build_shufti(m);
	}
}

#ifdef MATCH_SHUFTI
/* The bucket bits of 16 bytes for fingerprint byte k. */
__attribute__((target("ssse3"))) static inline __m128i match__bits(__m128i v, __m128i lo,
								  __m128i hi, __m128i nib)
{
	return _mm_and_si128(_mm_shuffle_epi8(lo, _mm_and_si128(v, nib)),
			     _mm_shuffle_epi8(hi, _mm_and_si128(_mm_srli_epi16(v, 4), nib)));
}

/* Next position >= i (below len - 1) whose byte pair starts a word, or len. */
__attribute__((target("ssse3"))) static size_t match__next_pair_ssse3(const matcher *m,
								       const unsigned char *p,
								       size_t i, size_t len)
{
	const __m128i lo0 = _mm_loadu_si128((const __m128i *)m->lo[0]);
	const __m128i hi0 = _mm_loadu_si128((const __m128i *)m->hi[0]);
	const __m128i lo1 = _mm_loadu_si128((const __m128i *)m->lo[1]);
	const __m128i hi1 = _mm_loadu_si128((const __m128i *)m->hi[1]);
	const __m128i lo2 = _mm_loadu_si128((const __m128i *)m->lo[2]);
	const __m128i hi2 = _mm_loadu_si128((const __m128i *)m->hi[2]);
	const __m128i nib = _mm_set1_epi8(0x0f), zero = _mm_setzero_si128();
	for (; i + 18 <= len; i += 16) {
		__m128i a = _mm_loadu_si128((const __m128i *)(p + i));
		__m128i b = _mm_loadu_si128((const __m128i *)(p + i + 1));
		__m128i c = _mm_loadu_si128((const __m128i *)(p + i + 2));
		__m128i bits = _mm_and_si128(_mm_and_si128(match__bits(a, lo0, hi0, nib),
							   match__bits(b, lo1, hi1, nib)),
					     match__bits(c, lo2, hi2, nib));
		unsigned none = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(bits, zero));
		for (unsigned cand = ~none & 0xffffu; cand; cand &= cand - 1) {
			size_t j = i + (size_t)__builtin_ctz(cand);
			unsigned k = (unsigned)p[j] << 8 | p[j + 1];
			if (m->pairs[k / 64] >> (k % 64) & 1)
				return j;
		}
	}
	for (; i + 1 < len; i++) {
		unsigned k = (unsigned)p[i] << 8 | p[i + 1];
		if (m->pairs[k / 64] >> (k % 64) & 1)
			return i;
	}
	return len;
}

#endif

/* The fingerprint tables of the SSSE3 skip (struct matcher). A word's bucket comes from its
 * first two byte classes, so that words that share them (and their case variants, which
 * share classes) share a bucket and leave the others' bits alone. */
static void matcher__build_shufti(matcher *m)
{
	m->shufti = false;
#ifdef MATCH_SHUFTI
	memset(m->lo, 0, sizeof(m->lo));
	memset(m->hi, 0, sizeof(m->hi));
	for (size_t w = 0; w < m->nwords; w++) {
		const unsigned char *word = (const unsigned char *)m->words[w];
		unsigned bucket = (m->cls[word[0]] * 31u + m->cls[word[1]]) % 8u;
		unsigned char bit = (unsigned char)(1u << bucket);
		for (size_t k = 0; k < 3; k++) {
			if (k >= m->lens[w]) { /* a two-byte word: any third byte */
				for (int n = 0; n < 16; n++) {
					m->lo[k][n] |= bit;
					m->hi[k][n] |= bit;
				}
				continue;
			}
			unsigned c = m->cls[word[k]];
			for (unsigned x = 0; x < 256; x++) {
				if (m->cls[x] != c)
					continue;
				m->lo[k][x & 15] |= bit;
				m->hi[k][x >> 4] |= bit;
			}
		}
	}
	/* TLSLINT_NO_SIMD=1: byte by byte (the unit tests compare both). */
	const char *off = getenv("TLSLINT_NO_SIMD");
	m->shufti = __builtin_cpu_supports("ssse3") && !(off && *off && strcmp(off, "0") != 0);
#endif
}

static void match__reset(const matcher *m, match_result *r)
{
	size_t need = (m->nwords + 63) / 64;
	if (r->nfound < need) {
		r->found = xreallocarray(r->found, need ? need : 1, sizeof(uint64_t));
		r->nfound = need;
	}
	memset(r->found, 0, r->nfound * sizeof(uint64_t));
	r->nhits = 0;
	r->any = false;
}

static void match__hit(match_result *r, uint32_t word, uint32_t offset, bool record)
{
	r->found[word / 64] |= (uint64_t)1 << (word % 64);
	r->any = true;
	if (!record)
		return;
	if (r->nhits == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->hits = xreallocarray(r->hits, r->cap, sizeof(*r->hits));
	}
	r->hits[r->nhits++] = (match_hit){ word, offset };
}

void matcher_scan(const matcher *m, const char *text, size_t len, bool record_hits,
		  match_result *out)
{
	match__reset(m, out);
	if (!m->built || !m->nwords)
		return;
	const uint32_t *delta = m->delta;
	const unsigned char *cls = m->cls;
	const unsigned char *p = (const unsigned char *)text;
	size_t nc = m->nclasses;
	const uint64_t *pairs = m->pairs;
	uint32_t row = 0;
	for (size_t i = 0; i < len; i++) {
		if (row == 0 && pairs) {
			/* At the root: skip to the next byte pair that starts a word. */
#ifdef MATCH_SHUFTI
			if (m->shufti)
				i = match__next_pair_ssse3(m, p, i, len);
#endif
			while (i + 1 < len) {
				unsigned k = (unsigned)p[i] << 8 | p[i + 1];
				if (pairs[k / 64] >> (k % 64) & 1)
					break;
				i++;
			}
			if (i + 1 >= len)
				break; /* a last single byte starts no word of two or more */
		}
		uint32_t next = delta[row + cls[p[i]]];
		row = next & ~OUT_FLAG;
		if (!(next & OUT_FLAG))
			continue;
		for (uint32_t s = row / (uint32_t)nc; s != NONE; s = m->dict[s]) {
			uint32_t w = m->out_word[s];
			if (w != NONE)
				match__hit(out, w, (uint32_t)(i + 1 - m->lens[w]), record_hits);
		}
	}
}

bool match_found(const match_result *r, uint32_t word)
{
	return word / 64 < r->nfound && (r->found[word / 64] >> (word % 64) & 1);
}

void match_result_release(match_result *r)
{
	free(r->found);
	free(r->hits);
	memset(r, 0, sizeof(*r));
}

void keyword_expr_add_group(keyword_expr *e, matcher *m, const char *const *words, size_t n)
{
	size_t start = e->ngroups ? e->group_end[e->ngroups - 1] : 0;
	e->words = xreallocarray(e->words, start + n, sizeof(*e->words));
	for (size_t i = 0; i < n; i++)
		e->words[start + i] = matcher_add(m, words[i]);
	e->group_end = xreallocarray(e->group_end, e->ngroups + 1, sizeof(*e->group_end));
	e->group_end[e->ngroups++] = start + n;
}

bool keyword_expr_group_holds(const keyword_expr *e, size_t g, const match_result *r)
{
	for (size_t i = g ? e->group_end[g - 1] : 0; i < e->group_end[g]; i++)
		if (match_found(r, e->words[i]))
			return true;
	return false;
}

bool keyword_expr_holds(const keyword_expr *e, const match_result *r)
{
	for (size_t g = 0; g < e->ngroups; g++)
		if (!keyword_expr_group_holds(e, g, r))
			return false;
	return true;
}

bool keyword_expr_in_group(const keyword_expr *e, size_t g, uint32_t id)
{
	if (g >= e->ngroups)
		return false;
	for (size_t i = g ? e->group_end[g - 1] : 0; i < e->group_end[g]; i++)
		if (e->words[i] == id)
			return true;
	return false;
}

void keyword_expr_release(keyword_expr *e)
{
	free(e->words);
	free(e->group_end);
	memset(e, 0, sizeof(*e));
}
