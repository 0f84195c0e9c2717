/* c_hits.h: the findings of one C or C++ file before they are emitted (lang/c/c_match.h
 * emits them), with their related locations and fixes. Plain data with no tie to the scan:
 * the parser process builds them and lang/c/c_wire.h carries them to the scanner. */
#ifndef TLSLINT_C_HITS_H
#define TLSLINT_C_HITS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/versions.h"
#include "rules/rule.h"

/* Merged per rule and location, then emitted in order (c_hits_emit). */
#define C_HIT_MAX_SINKS 4
#define C_FIX_MAX_REPS 4

/* One edit of a hit's fix: bytes [start, end) of the file become `text`. */
typedef struct c_fix_rep {
	size_t start, end;
	char *text;
} c_fix_rep;

/* A hit owns its strings (fix_desc, reps[].text, no_fix): c_hits_release() frees them. */
typedef struct c_hit {
	const rule *rule;
	size_t start, end;
	version_set versions;
	/* Where the value goes (related locations): byte ranges, and whether each is the sink
	 * itself or a name the value was followed through. */
	struct { size_t start, end; bool through; } sinks[C_HIT_MAX_SINKS];
	unsigned nsinks;
	/* The fix (lang/c/c_fix.h): a description and replacements in ascending, disjoint
	 * order, or why there is none; both NULL for rules that offer no fixes. */
	char *fix_desc;
	c_fix_rep reps[C_FIX_MAX_REPS];
	unsigned nreps;
	char *no_fix;
} c_hit;

typedef struct c_hits {
	c_hit *items;
	size_t len, cap;
} c_hits;

/* Adds (or merges into the hit of the same rule and start) a hit; returns it, or NULL when
 * `versions` is empty. */
c_hit *c_hits_add(c_hits *h, const rule *r, size_t start, size_t end, version_set versions);
/* Records bytes [start, end) as a sink of the hit (`through`: a name the value went through). */
void c_hit_sink(c_hit *hit, size_t start, size_t end, bool through);
/* Adds to the hit's fix the replacement of bytes [start, end) by `text` (the fix is made with
 * `description` on first use; a reason given before is dropped). False when the fix is full. */
bool c_hit_replace(c_hit *hit, const char *description, size_t start, size_t end,
		   const char *text);
/* Says why the hit has no fix, dropping any replacement made before. */
void c_hit_no_fix(c_hit *hit, const char *reason);
/* Frees what the hit owns (its fix) and zeroes those fields. */
void c_hit_clear_fix(c_hit *hit);
/* Moves every hit of `src` to the end of `dst` (ownership included), leaving `src` empty. */
void c_hits_take(c_hits *dst, c_hits *src);
void c_hits_release(c_hits *h);

#endif
