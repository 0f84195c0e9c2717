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

#include "lang/c/c_hits.h"
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

/* Emits every hit once (same rule and start: versions merged) and empties the list. */
void c_hits_emit(c_hits *h, const file_ctx *ctx);

#endif
