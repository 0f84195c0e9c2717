/* dotnet_frontend.c: MSBuild project files and .NET configuration files (XML).
 *
 * A rule of these languages with a query pattern runs as a tree-sitter query rule; a rule
 * without one (a `.rule` file: metadata only) names one of this front end's native checks
 * (dotnet_checks.c), which run in one walk over the same parsed tree. The walk also records the
 * facts of the project model, whatever rules are enabled. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/query_rules.h"
#include "engine/ts_grammars.h"
#include "lang/dotnet/dotnet_checks.h"
#include "frontends/frontend.h"
#include "util/alloc.h"

typedef struct dotnet_state {
	ts_ruleset queries;
	dotnet_rules native;
} dotnet_state;

/* Which native check a rule id names. */
static const rule **dotnet__native_slot(dotnet_rules *n, const char *id)
{
	static const struct {
		const char *id;
		size_t offset;
	} checks[] = {
		{ "LT-NET-001", offsetof(dotnet_rules, target) },
		{ "LT-NET-002", offsetof(dotnet_rules, switches) },
		{ "LT-NET-003", offsetof(dotnet_rules, wcf) },
	};
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++)
		if (strcmp(checks[i].id, id) == 0)
			return (const rule **)((char *)n + checks[i].offset);
	return NULL;
}

static bool dotnet__blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static int dotnet__prepare(void **state, language lang, const rule *const *rules, size_t nrules,
			   char *err, size_t errlen)
{
	dotnet_state *st = xcalloc(1, sizeof(*st));
	st->queries.lang = lang;
	st->queries.grammar = ts_grammar_for(lang);
	for (size_t i = 0; i < nrules; i++) {
		const rule *r = rules[i];
		if (!dotnet__blank(r->pattern)) {
			if (ts_ruleset_add(&st->queries, r, err, errlen) < 0)
				goto fail;
			continue;
		}
		const rule **slot = dotnet__native_slot(&st->native, r->id);
		if (!slot) {
			snprintf(err, errlen, "%s: no query pattern, and %s is not a built-in check "
					      "of %s files", r->source_path, r->id, language_name(lang));
			goto fail;
		}
		*slot = r;
	}
	*state = st;
	return 0;
fail:
	ts_ruleset_release(&st->queries);
	free(st);
	return -1;
}

static void dotnet__release(void *state)
{
	dotnet_state *st = state;
	ts_ruleset_release(&st->queries);
	free(st);
}

static int dotnet__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			   size_t whylen)
{
	const dotnet_state *st = state;
	bool had_errors = false;
	ts_worker *w = worker;
	/* A project of the plain form needs no parse when no query rule runs on it. */
	if (!st->queries.len && ts_narrowing_enabled() &&
	    dotnet_checks_plain_project(&st->native, ctx))
		return 0;
	ts_run_status status = ts_ruleset_run_with(&st->queries, w, ctx, &had_errors,
						   dotnet_checks_run, &st->native);
	return ts_run_status_explain(status, w, ctx->lang, why, whylen);
}

const frontend dotnet_frontend = {
	.name = "dotnet-xml",
	.prepare = dotnet__prepare,
	.release = dotnet__release,
	.worker_new = ts_worker_new,
	.worker_free = ts_worker_free,
	.analyze = dotnet__analyze,
};
