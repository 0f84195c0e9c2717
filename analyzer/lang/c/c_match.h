/* c_match.h: what an argument evaluates to, and whether a C rule's pattern calls it legacy.
 *
 * Both the AST path and the token fallback describe an argument the same way, as a c_eval:
 * the integers it can take (clang's constant evaluation; each branch of a conditional), the
 * names it is spelled with (macros and enum constants as written, except those under '~',
 * which mask versions out), and its string literals. A pattern's values are compared by
 * number when both sides have one, else by name; strings by substring or equality. */
#ifndef TLSLINT_C_MATCH_H
#define TLSLINT_C_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "lang/c/c_rules.h"
#include "lang/c/c_tokens.h"
#include "engine/emit.h"

#define C_EVAL_MAX 16

typedef struct c_eval {
	unsigned long long ints[C_EVAL_MAX];
	size_t nints;
	struct { size_t off, len; } names[C_EVAL_MAX * 2];
	size_t nnames;
	char *strings[C_EVAL_MAX];
	size_t nstrings;
	const char *text;
} c_eval;

void c_eval_add_int(c_eval *ev, unsigned long long v);
/* Adds the names and strings of tokens [from, to); with `numbers`, integer literals too
 * (joined by '|', as the token fallback reads them). */
void c_eval_add_tokens(c_eval *ev, const c_tokens *t, size_t from, size_t to, bool numbers);
void c_eval_release(c_eval *ev);

/* The versions the value enables under pattern `p`; 0 when it is not legacy. */
version_set c_match_value(const c_pattern *p, const c_eval *ev);
/* True when `ev` is one of the values of a `when` condition. */
bool c_match_cond(const c_cond *c, const c_eval *ev);
/* Versions named by `context` strings found in top-level block `block`. */
version_set c_match_context(const c_pattern *p, const c_tokens *t, int block);
/* True when callee `name` (qualified "a::b::f", or as spelled) is one of the pattern's. */
bool c_match_callee(const c_pattern *p, const char *name);

/* Findings collected for one file: merged per rule and location, then emitted in order. */
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
/* Emits every hit once (same rule and start: versions merged) and empties the list. */
void c_hits_emit(c_hits *h, const file_ctx *ctx);
void c_hits_release(c_hits *h);

#endif
