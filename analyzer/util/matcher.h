/* matcher.h: one pass over a file's text for every keyword of a language.
 *
 * An Aho-Corasick automaton, built once per language from the keywords of its rules (and of
 * the post-scan analyzers that read its facts), turned into a dense table over byte classes:
 * scanning costs one table look-up per byte, however many keywords there are, and reports
 * which keywords occur and where. Case-insensitive matchers (PowerShell) fold ASCII case in
 * the byte classes, at no cost per byte.
 *
 * A keyword condition (`keyword_expr`) is what a rule's `keywords:` header says: groups of
 * words, every group needing one of its words in the file (`SetValue & SCHANNEL, SecureProtocols`).
 *
 * A built matcher is read-only and shared by the scanning threads; each thread has its own
 * match_result, reused from file to file. */
#ifndef TLSLINT_MATCHER_H
#define TLSLINT_MATCHER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct matcher matcher;

typedef struct match_hit {
	uint32_t word;   /* matcher_add()'s id */
	uint32_t offset; /* byte offset of the word's first byte */
} match_hit;

typedef struct match_result {
	uint64_t *found;  /* bit set over word ids */
	size_t nfound;    /* words of `found` (64 ids each) */
	match_hit *hits;  /* every occurrence, in order of the end offset */
	size_t nhits, cap;
	bool any;         /* some word occurs */
} match_result;

matcher *matcher_new(bool nocase);
void matcher_free(matcher *m);
/* Adds `word` (not empty) and returns its id; the same word again returns the same id. Only
 * before matcher_build(). */
uint32_t matcher_add(matcher *m, const char *word);
/* Builds the scanning table; afterwards the matcher is read-only. */
void matcher_build(matcher *m);
size_t matcher_count(const matcher *m);
const char *matcher_word(const matcher *m, uint32_t id);
size_t matcher_word_len(const matcher *m, uint32_t id);

/* Scans `text`; `out` is reset first. With `record_hits` false only `found` is filled. */
void matcher_scan(const matcher *m, const char *text, size_t len, bool record_hits,
		  match_result *out);
bool match_found(const match_result *r, uint32_t word);
void match_result_release(match_result *r);

/* Groups of word ids; holds when every group has a word that occurs. No group: always. */
typedef struct keyword_expr {
	uint32_t *words;
	size_t *group_end; /* group g is words[g ? group_end[g - 1] : 0 .. group_end[g]) */
	size_t ngroups;
} keyword_expr;

/* Adds one group of `n` words (n > 0) to `e`, registering them with `m`. */
void keyword_expr_add_group(keyword_expr *e, matcher *m, const char *const *words, size_t n);
/* Every group holds in `r` (all groups' words from one matcher). */
bool keyword_expr_holds(const keyword_expr *e, const match_result *r);
/* Group `g` has a word in `r`. */
bool keyword_expr_group_holds(const keyword_expr *e, size_t g, const match_result *r);
/* True when word `id` belongs to group `g` of `e`. */
bool keyword_expr_in_group(const keyword_expr *e, size_t g, uint32_t id);
void keyword_expr_release(keyword_expr *e);

#endif
