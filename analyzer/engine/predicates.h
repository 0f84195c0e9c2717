/* predicates.h: the query predicates tlslint evaluates itself.
 *
 * tree-sitter's C library parses `(#name? ...)` predicates but does not evaluate them; the host
 * must. Supported: #eq? #not-eq? #match? #not-match? #any-of? #not-any-of? (PCRE2 for match)
 * on a capture's text; #string-any-of? #string-match? (and #not- forms) on the string a
 * capture evaluates to (`S` where `const string S = "Switch." + "Name"`), through the
 * language's evaluator; and predicates that only some languages answer, through the
 * `predicates` of their row in the language table (core/language.h): #has-arg? #not-has-arg?
 * (Python: lang/python/py_syntax.h) and #not-in-rejection-test? (C#: lang/csharp/cs_syntax.h,
 * Python: lang/python/py_syntax.h).
 * An unknown predicate, and one that does not apply to the rule's language, is a load error:
 * a rule must never pass silently because its predicate was ignored or answered for another
 * language's trees. */
#ifndef TLSLINT_PREDICATES_H
#define TLSLINT_PREDICATES_H

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

#include "core/language.h"
#include "util/strbuf.h"

typedef struct predicate predicate;

/* The predicates of every pattern of a query. */
typedef struct predicate_table {
	predicate **by_pattern; /* by_pattern[i] is an array of counts[i] predicates */
	size_t *counts;
	uint32_t npatterns;
	bool needs_strings; /* some predicate evaluates a capture as a string */
} predicate_table;

/* What predicates see of the file a match is in. */
typedef struct predicate_env {
	const char *text; /* the parsed source */
	/* Appends the string `node` evaluates to; false when unknown (the predicate fails). */
	bool (*eval_string)(void *payload, TSNode node, strbuf *out);
	void *payload;
} predicate_env;

/* Compiles the predicates of `query`, a query of a rule for `lang` written as `source` (may be
 * NULL). On error writes a message into `err`, sets `*err_offset` to the byte of `source` the
 * error is about (UINT32_MAX when it is about the pattern as a whole) and returns -1. */
int predicates_compile(predicate_table *out, const TSQuery *query, language lang,
		       const char *source, uint32_t *err_offset, char *err, size_t errlen);
/* True when every predicate of the match's pattern holds. */
bool predicates_hold(const predicate_table *t, const TSQueryMatch *match,
		     const predicate_env *env);
/* The same in two steps, so that a caller can run the costly ones (#not-in-rejection-test?,
 * which walks the enclosing function) only for matches whose value is worth reporting. Both
 * must hold; predicates have no side effects, so the order changes nothing else. */
typedef enum predicate_phase { PREDICATES_CHEAP, PREDICATES_COSTLY } predicate_phase;
bool predicates_hold_phase(const predicate_table *t, const TSQueryMatch *match,
			   const predicate_env *env, predicate_phase phase);
void predicates_release(predicate_table *t);

#endif
