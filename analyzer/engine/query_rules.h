/* query_rules.h: the rules of one tree-sitter language, compiled once and run on each file.
 *
 * A ruleset is built single-threaded at start-up and is read-only afterwards; each worker
 * thread passes its own parser and query cursor (ts_worker) to run it. */
#ifndef TLSLINT_QUERY_RULES_H
#define TLSLINT_QUERY_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

#include "engine/emit.h"
#include "engine/predicates.h"
#include "rules/rule.h"
#include "util/prefilter.h"
#include "values/value_types.h"

typedef struct compiled_rule {
	const rule *rule;
	TSQuery *query;
	predicate_table predicates;
	uint32_t value_capture;  /* UINT32_MAX when the rule evaluates no value */
	uint32_t report_capture; /* UINT32_MAX: report at the value, else the first capture */
	/* @sink: where the value is written, a related location. A rule with one reports a name
	 * followed to its initialiser at that value, once, with the name's uses related. */
	uint32_t sink_capture;
	const value_type *value_type;
	prefilter keywords;      /* the rule's own keywords: no query run without one of them */
} compiled_rule;

typedef struct ts_ruleset {
	language lang;
	const TSLanguage *grammar;
	compiled_rule *rules;
	size_t len;
} ts_ruleset;

/* Per-thread parsing state. */
typedef struct ts_worker {
	TSParser *parser;
	TSQueryCursor *cursor;
	unsigned timeout_ms; /* per file, for parsing and for each query */
} ts_worker;

/* Compiles `rule` for `set`; on error writes "file:line: message" into `err`. */
int ts_ruleset_add(ts_ruleset *set, const rule *r, char *err, size_t errlen);
/* The same for `n` rules, compiling their queries on as many threads as there are cores; the
 * rules keep their order, and an error names the first rule (in order) that failed. */
int ts_ruleset_add_all(ts_ruleset *set, const rule *const *rules, size_t n, char *err,
		       size_t errlen);
void ts_ruleset_release(ts_ruleset *set);

void ts_worker_init(ts_worker *w, unsigned timeout_ms);
void ts_worker_release(ts_worker *w);
/* Allocating forms, with the signatures of frontend.worker_new / worker_free. */
void *ts_worker_new(unsigned timeout_ms);
void ts_worker_free(void *worker);

typedef enum ts_run_status { TS_RUN_OK, TS_RUN_TIMEOUT, TS_RUN_PARSE_FAILED } ts_run_status;

/* Parses the file and runs every rule of `set`, adding findings to ctx->out. Syntax errors in
 * the file are tolerated (tree-sitter recovers); `*had_errors` tells whether there were any. */
/* Turns a run status into a front end's answer: 0, or -1 with the sentence for the file's
 * notification in `why`. */
int ts_run_status_explain(ts_run_status status, const ts_worker *w, language lang, char *why,
			  size_t whylen);

ts_run_status ts_ruleset_run(const ts_ruleset *set, ts_worker *w, const file_ctx *ctx,
			     bool *had_errors);

/* A front end's own checks over the parsed tree (its native rules and facts). */
typedef void (*ts_tree_visitor)(const void *arg, const file_ctx *ctx, TSNode root);
/* ts_ruleset_run(), then `visit` (when not NULL) on the same tree before it is freed. */
ts_run_status ts_ruleset_run_with(const ts_ruleset *set, ts_worker *w, const file_ctx *ctx,
				  bool *had_errors, ts_tree_visitor visit, const void *arg);

#endif
