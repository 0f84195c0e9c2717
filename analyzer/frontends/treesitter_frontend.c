/* treesitter_frontend.c: languages parsed by tree-sitter and checked with query rules. */
#include <stdio.h>
#include <stdlib.h>

#include "engine/query_rules.h"
#include "engine/ts_grammars.h"
#include "frontends/frontend.h"
#include "frontends/ps_facts.h"
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
	if (ts_ruleset_add_all(set, rules, nrules, err, errlen) < 0) {
		ts_ruleset_release(set);
		free(set);
		return -1;
	}
	*state = set;
	return 0;
}

static void ts_fe__release(void *state)
{
	ts_ruleset_release(state);
	free(state);
}

static void *ts_fe__worker_new(unsigned timeout_ms)
{
	ts_worker *w = xcalloc(1, sizeof(*w));
	ts_worker_init(w, timeout_ms);
	return w;
}

static void ts_fe__worker_free(void *worker)
{
	ts_worker_release(worker);
	free(worker);
}

/* Facts for the post-scan analyzers, read from the same tree as the query rules. */
static ts_tree_visitor ts_fe__facts_for(language lang)
{
	static const struct {
		language lang;
		ts_tree_visitor visit;
	} table[] = {
		{ LANG_POWERSHELL, ps_facts_run },
	};
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (table[i].lang == lang)
			return table[i].visit;
	return NULL;
}

static int ts_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			  size_t whylen)
{
	bool had_errors = false;
	ts_worker *w = worker;
	ts_tree_visitor facts = ctx->facts ? ts_fe__facts_for(ctx->lang) : NULL;
	switch (ts_ruleset_run_with(state, w, ctx, &had_errors, facts, NULL)) {
	case TS_RUN_OK:
		return 0;
	case TS_RUN_TIMEOUT:
		snprintf(why, whylen, "analysis stopped after %u ms; findings after that point may "
				      "be missing", w->timeout_ms);
		return -1;
	case TS_RUN_PARSE_FAILED:
		snprintf(why, whylen, "the %s parser could not parse the file",
			 language_name(ctx->lang));
		return -1;
	}
	return 0;
}

const frontend treesitter_frontend = {
	.name = "tree-sitter",
	.prepare = ts_fe__prepare,
	.release = ts_fe__release,
	.worker_new = ts_fe__worker_new,
	.worker_free = ts_fe__worker_free,
	.analyze = ts_fe__analyze,
};
