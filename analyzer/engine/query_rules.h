/* query_rules.h: the rules of one tree-sitter language, compiled once and run on each file.
 *
 * A ruleset is built single-threaded at start-up and is read-only afterwards; each worker
 * thread passes its own parser and query cursor (ts_worker) to run it. */
#ifndef TLSLINT_QUERY_RULES_H
#define TLSLINT_QUERY_RULES_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

#include "engine/emit.h"
#include "engine/predicates.h"
#include "rules/rule.h"
#include "values/value_types.h"

typedef struct compiled_rule {
	const rule *rule;
	TSQuery *query;          /* NULL until compiled (at the first file that needs it), and
				    for a rule answered by `matcher` */
	const struct ts_native_matcher *matcher; /* the rule's C matcher in use, else NULL */
	predicate_table predicates;
	uint32_t value_capture;  /* UINT32_MAX when the rule evaluates no value */
	uint32_t report_capture; /* UINT32_MAX: report at the value, else the first capture */
	/* @sink: where the value is written, a related location. A rule with one reports a name
	 * followed to its initialiser at that value, once, with the name's uses related. */
	uint32_t sink_capture;
	uint32_t cap_capture;    /* @cap of a floor-or-cap rule, else UINT32_MAX */
	uint32_t pin_capture;    /* @pin of a floor-or-cap rule (optional), else UINT32_MAX */
	const value_type *value_type;
	atomic_int state;        /* RULE_PENDING, RULE_READY or RULE_FAILED */
	size_t owner;            /* index of the first rule of the set with the same pattern: it
				    compiles the query, the others share it, and one walk of the
				    tree serves them all (LT-CS-001/002/003) */
	char *error;             /* RULE_FAILED: why */
} compiled_rule;

enum { RULE_PENDING = 0, RULE_READY, RULE_FAILED };

typedef struct ts_ruleset {
	language lang;
	const TSLanguage *grammar;
	compiled_rule *rules;
	size_t len;
	bool lazy;               /* some rule waits for its first file: `lock` is initialised */
	pthread_mutex_t lock;    /* compiling a pending rule */
} ts_ruleset;

/* Per-thread parsing state. */
typedef struct ts_worker {
	TSParser *parser;
	TSQueryCursor *cursor;
	unsigned timeout_ms; /* per file, for parsing and for each query */
	char error[512];     /* TS_RUN_RULE_FAILED: the rule's compile error */
} ts_worker;

/* Compiles `rule` for `set`; on error writes "file:line: message" into `err`. */
int ts_ruleset_add(ts_ruleset *set, const rule *r, char *err, size_t errlen);
/* Adds `rule` uncompiled: its query is compiled at the first file that holds its keywords,
 * once, by whichever thread needs it first (a query error then fails that file's analysis). */
void ts_ruleset_add_lazy(ts_ruleset *set, const rule *r);
/* Compiles every pending rule now; on error names the first rule (in order) that failed. */
int ts_ruleset_compile_all(ts_ruleset *set, char *err, size_t errlen);
void ts_ruleset_release(ts_ruleset *set);

/* Runs each query only over the statements and declarations around its keywords
 * (ts_query_cursor_set_byte_range) rather than the whole tree. On by default;
 * TLSLINT_NO_NARROWING=1 in the environment turns it off (to compare results). */
bool ts_narrowing_enabled(void);

void ts_worker_init(ts_worker *w, unsigned timeout_ms);
void ts_worker_release(ts_worker *w);
/* Allocating forms, with the signatures of frontend.worker_new / worker_free. */
void *ts_worker_new(unsigned timeout_ms);
void ts_worker_free(void *worker);

typedef enum ts_run_status {
	TS_RUN_OK, TS_RUN_TIMEOUT, TS_RUN_PARSE_FAILED,
	TS_RUN_RULE_FAILED, /* a rule compiled at first need did not compile */
} ts_run_status;

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
