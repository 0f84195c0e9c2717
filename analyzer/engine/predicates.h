/* predicates.h: the query predicates tlslint evaluates itself.
 *
 * tree-sitter's C library parses `(#name? ...)` predicates but does not evaluate them; the host
 * must. Supported: #eq? #not-eq? #match? #not-match? #any-of? #not-any-of? (PCRE2 for match),
 * and the Python structural predicates #has-arg? #not-has-arg? #not-in-rejection-test?
 * (engine/py_syntax.h).
 * An unknown predicate is a load error: a rule must never pass silently because its
 * predicate was ignored. */
#ifndef TLSLINT_PREDICATES_H
#define TLSLINT_PREDICATES_H

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

typedef struct predicate predicate;

/* The predicates of every pattern of a query. */
typedef struct predicate_table {
	predicate **by_pattern; /* by_pattern[i] is an array of counts[i] predicates */
	size_t *counts;
	uint32_t npatterns;
} predicate_table;

/* Compiles the predicates of `query`. On error writes a message into `err` and returns -1. */
int predicates_compile(predicate_table *out, const TSQuery *query, char *err, size_t errlen);
/* True when every predicate of the match's pattern holds; `text` is the parsed source. */
bool predicates_hold(const predicate_table *t, const TSQueryMatch *match, const char *text);
void predicates_release(predicate_table *t);

#endif
