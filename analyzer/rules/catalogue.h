/* catalogue.h: every rule tlslint knows, built in or loaded from --rules directories.
 *
 * The catalogue owns its rules. Rule pointers stay valid until catalogue_release(); after
 * catalogue_finish() the rules are sorted by id and the catalogue is read-only, so worker
 * threads can share it. */
#ifndef TLSLINT_CATALOGUE_H
#define TLSLINT_CATALOGUE_H

#include <stddef.h>

#include "rules/rule.h"

typedef struct catalogue {
	rule **rules;
	size_t len;
	size_t cap;
	/* Pattern files loaded and not yet attached to their rules (catalogue_finish). */
	rule **pending;
	size_t npending;
} catalogue;

/* Loads the rule files compiled into the binary. */
int catalogue_load_builtin(catalogue *c, char *err, size_t errlen);
/* Loads every *.scm and *.rule file below `dir` (a user's own rules). */
int catalogue_load_dir(catalogue *c, const char *dir, char *err, size_t errlen);
/* Sorts by id, rejects duplicate ids, and makes each pattern file a variant of the rule
 * with its id (rule.h); a pattern file without such a rule, or for a language the rule
 * already covers, is an error. */
int catalogue_finish(catalogue *c, char *err, size_t errlen);
const rule *catalogue_find(const catalogue *c, const char *id);
/* The index of `r` in the sorted catalogue (its SARIF ruleIndex). */
size_t catalogue_index(const catalogue *c, const rule *r);
void catalogue_release(catalogue *c);

#endif
