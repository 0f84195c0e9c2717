/* one_rule.c: the state of a front end whose one check is a single built-in rule
 * (frontends/frontend.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontends/frontend.h"
#include "util/alloc.h"

struct one_rule {
	const rule *rule;
};

int frontend_one_rule_prepare(void **state, const rule *const *rules, size_t nrules,
			      const char *id, const char *what, char *err, size_t errlen)
{
	struct one_rule *st = xcalloc(1, sizeof(*st));
	for (size_t i = 0; i < nrules; i++) {
		if (strcmp(rules[i]->id, id) != 0) {
			snprintf(err, errlen, "%s: %s is not a built-in check of %s",
				 rules[i]->source_path, rules[i]->id, what);
			free(st);
			return -1;
		}
		st->rule = rules[i];
	}
	*state = st;
	return 0;
}

void frontend_one_rule_release(void *state)
{
	free(state);
}

const rule *frontend_one_rule(const void *state)
{
	return ((const struct one_rule *)state)->rule;
}
