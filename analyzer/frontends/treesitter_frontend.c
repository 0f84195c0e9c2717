/* treesitter_frontend.c: languages parsed by tree-sitter and checked with query rules. */
#include <stdio.h>
#include <stdlib.h>

#include "engine/query_rules.h"
#include "engine/ts_grammars.h"
#include "frontends/frontend.h"
#include "util/alloc.h"

static int ts_fe__prepare(void **state, language lang, const rule *const *rules, size_t nrules,
			  char *err, size_t errlen)
{
	ts_ruleset *set = xcalloc(1, sizeof(*set));
	set->lang = lang;
	set->grammar = ts_grammar_for(lang);
	if (!set->grammar) {
		snprintf(err, errlen, "no tree-sitter grammar for %s", language_name(lang));
		free(set);
		return -1;
	}
	/* A user's rule files are checked now; built-in rules (which the test suite compiles)
	 * are compiled at the first file that holds their keywords: a staged file with TLS code
	 * compiles the one or two queries it needs, not the language's every rule. */
	for (size_t i = 0; i < nrules; i++) {
		if (!rules[i]->builtin && ts_ruleset_add(set, rules[i], err, errlen) < 0) {
			ts_ruleset_release(set);
			free(set);
			return -1;
		}
		if (rules[i]->builtin)
			ts_ruleset_add_lazy(set, rules[i]);
	}
	*state = set;
	return 0;
}

static int ts_fe__configure(void *state, const frontend_config *cfg, char *err, size_t errlen)
{
	return cfg->compile_all ? ts_ruleset_compile_all(state, err, errlen) : 0;
}

static void ts_fe__release(void *state)
{
	ts_ruleset_release(state);
	free(state);
}

static int ts_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			  size_t whylen)
{
	bool had_errors = false;
	ts_worker *w = worker;
	/* Facts for the post-scan analyzers, read from the same tree as the query rules. */
	ts_tree_visitor facts = ctx->facts ? language_get(ctx->lang)->facts : NULL;
	ts_run_status status = ts_ruleset_run_with(state, w, ctx, &had_errors, facts, NULL);
	return ts_run_status_explain(status, w, ctx->lang, why, whylen);
}

const frontend treesitter_frontend = {
	.name = "tree-sitter",
	.prepare = ts_fe__prepare,
	.release = ts_fe__release,
	.worker_new = ts_worker_new,
	.worker_free = ts_worker_free,
	.analyze = ts_fe__analyze,
	.configure = ts_fe__configure,
};
