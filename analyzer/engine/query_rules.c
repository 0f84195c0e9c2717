/* query_rules.c: compiling rule queries and running them on parsed files. */
#include "query_rules.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "project/facts.h"
#include "util/alloc.h"
#include "values/evaluator.h"

#define NO_CAPTURE UINT32_MAX

static const char *const query_errors[] = {
	"no error", "syntax error", "unknown node type", "unknown field", "unknown capture",
	"impossible pattern structure", "language mismatch",
};

static uint32_t query_rules__capture_id(const TSQuery *q, const char *name)
{
	uint32_t n = ts_query_capture_count(q);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t len = 0;
		const char *c = ts_query_capture_name_for_id(q, i, &len);
		if (strlen(name) == len && memcmp(c, name, len) == 0)
			return i;
	}
	return NO_CAPTURE;
}

/* Line (1-based, within the rule file) of byte `offset` of the pattern. */
static unsigned query_rules__line_of(const rule *r, uint32_t offset)
{
	unsigned line = r->pattern_line;
	for (uint32_t i = 0; i < offset && r->pattern[i]; i++)
		if (r->pattern[i] == '\n')
			line++;
	return line;
}

/* Compiles a rule's query: the expensive step, safe to run on several threads at once (the
 * grammar is only read). On error writes the message and returns NULL. */
static TSQuery *query_rules__compile(const TSLanguage *grammar, const rule *r, char *err,
				     size_t errlen)
{
	uint32_t offset = 0;
	TSQueryError qerr = TSQueryErrorNone;
	TSQuery *q = ts_query_new(grammar, r->pattern, (uint32_t)strlen(r->pattern), &offset, &qerr);
	if (!q)
		snprintf(err, errlen, "%s:%u: query %s", r->source_path,
			 query_rules__line_of(r, offset),
			 qerr < sizeof(query_errors) / sizeof(query_errors[0]) ? query_errors[qerr]
									      : "error");
	return q;
}

/* Checks a compiled query against its rule's header and appends it (takes `q`). */
static int query_rules__append(ts_ruleset *set, const rule *r, TSQuery *q, char *err,
			       size_t errlen)
{
	compiled_rule cr = { .rule = r, .query = q, .value_capture = NO_CAPTURE,
			     .report_capture = NO_CAPTURE };
	cr.sink_capture = query_rules__capture_id(q, "sink");
	char perr[400];
	uint32_t poffset = UINT32_MAX;
	if (predicates_compile(&cr.predicates, q, set->lang, r->pattern, &poffset, perr,
			       sizeof(perr)) < 0) {
		snprintf(err, errlen, "%s:%u: %s", r->source_path,
			 poffset == UINT32_MAX ? r->pattern_line : query_rules__line_of(r, poffset),
			 perr);
		ts_query_delete(q);
		return -1;
	}
	if (cr.predicates.needs_strings && !(evaluator_for(set->lang) &&
					     evaluator_for(set->lang)->eval_string)) {
		snprintf(err, errlen, "%s:%u: #string- predicates need a string evaluator, and %s has "
			 "none", r->source_path, r->pattern_line, language_name(set->lang));
		predicates_release(&cr.predicates);
		ts_query_delete(q);
		return -1;
	}
	if (r->value_capture) {
		cr.value_capture = query_rules__capture_id(q, r->value_capture);
		cr.value_type = value_type_find(r->value_type);
		const char *problem = cr.value_capture == NO_CAPTURE ? "the value capture is not in the query"
				      : !cr.value_type ? "unknown value type"
				      : !evaluator_for(set->lang) ? "this language has no value evaluator"
								   : NULL;
		if (problem) {
			snprintf(err, errlen, "%s: %s (value: @%s %s)", r->source_path, problem,
				 r->value_capture, r->value_type);
			predicates_release(&cr.predicates);
			ts_query_delete(q);
			return -1;
		}
	}
	if (r->report_if == REPORT_FLOOR_OR_CAP && query_rules__capture_id(q, "cap") == NO_CAPTURE) {
		snprintf(err, errlen, "%s: report-if floor-or-cap needs a @cap capture in the query",
			 r->source_path);
		predicates_release(&cr.predicates);
		ts_query_delete(q);
		return -1;
	}
	if (r->report_capture) {
		cr.report_capture = query_rules__capture_id(q, r->report_capture);
		if (cr.report_capture == NO_CAPTURE) {
			snprintf(err, errlen, "%s: the report capture @%s is not in the query",
				 r->source_path, r->report_capture);
			predicates_release(&cr.predicates);
			ts_query_delete(q);
			return -1;
		}
	}
	cr.keywords.nocase = language_ignores_case(set->lang);
	prefilter_add(&cr.keywords, (const char *const *)r->keywords, r->nkeywords);
	set->rules = xreallocarray(set->rules, set->len + 1, sizeof(*set->rules));
	set->rules[set->len++] = cr;
	return 0;
}

int ts_ruleset_add(ts_ruleset *set, const rule *r, char *err, size_t errlen)
{
	TSQuery *q = query_rules__compile(set->grammar, r, err, errlen);
	return q ? query_rules__append(set, r, q, err, errlen) : -1;
}

struct compile_job {
	const TSLanguage *grammar;
	const rule *const *rules;
	TSQuery **queries;
	char (*errors)[512];
	size_t n;
	atomic_size_t next;
};

static void *query_rules__compile_worker(void *arg)
{
	struct compile_job *job = arg;
	for (size_t i; (i = atomic_fetch_add(&job->next, 1)) < job->n;)
		job->queries[i] = query_rules__compile(job->grammar, job->rules[i], job->errors[i],
						       sizeof(job->errors[i]));
	return NULL;
}

int ts_ruleset_add_all(ts_ruleset *set, const rule *const *rules, size_t n, char *err,
		       size_t errlen)
{
	struct compile_job job = { .grammar = set->grammar, .rules = rules, .n = n };
	job.queries = xcalloc(n ? n : 1, sizeof(*job.queries));
	job.errors = xcalloc(n ? n : 1, sizeof(*job.errors));
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nthreads = cores > 1 ? (size_t)cores : 1;
	if (nthreads > n)
		nthreads = n;
	pthread_t *threads = xcalloc(nthreads ? nthreads : 1, sizeof(*threads));
	size_t started = 0;
	for (size_t t = 1; t < nthreads; t++) /* this thread is the first worker */
		if (pthread_create(&threads[started], NULL, query_rules__compile_worker, &job) == 0)
			started++;
	query_rules__compile_worker(&job);
	for (size_t t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	free(threads);
	/* Validate and append in rule order, so the first error reported never depends on
	 * thread timing. */
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (rc == 0 && !job.queries[i]) {
			snprintf(err, errlen, "%s", job.errors[i]);
			rc = -1;
		} else if (rc == 0) {
			rc = query_rules__append(set, rules[i], job.queries[i], err, errlen);
		} else if (job.queries[i]) {
			ts_query_delete(job.queries[i]);
		}
	}
	free(job.queries);
	free(job.errors);
	return rc;
}

void ts_ruleset_release(ts_ruleset *set)
{
	for (size_t i = 0; i < set->len; i++) {
		predicates_release(&set->rules[i].predicates);
		prefilter_release(&set->rules[i].keywords);
		ts_query_delete(set->rules[i].query);
	}
	free(set->rules);
	memset(set, 0, sizeof(*set));
}

void ts_worker_init(ts_worker *w, unsigned timeout_ms)
{
	w->parser = ts_parser_new();
	w->cursor = ts_query_cursor_new();
	ts_query_cursor_set_match_limit(w->cursor, 4096);
	w->timeout_ms = timeout_ms;
}

void *ts_worker_new(unsigned timeout_ms)
{
	ts_worker *w = xcalloc(1, sizeof(*w));
	ts_worker_init(w, timeout_ms);
	return w;
}

void ts_worker_free(void *worker)
{
	ts_worker_release(worker);
	free(worker);
}

int ts_run_status_explain(ts_run_status status, const ts_worker *w, language lang, char *why,
			  size_t whylen)
{
	switch (status) {
	case TS_RUN_OK:
		return 0;
	case TS_RUN_TIMEOUT:
		snprintf(why, whylen, "analysis stopped after %u ms; findings after that point may "
				      "be missing", w->timeout_ms);
		return -1;
	case TS_RUN_PARSE_FAILED:
		snprintf(why, whylen, "the %s parser could not parse the file", language_name(lang));
		return -1;
	}
	return 0;
}

void ts_worker_release(ts_worker *w)
{
	ts_parser_delete(w->parser);
	ts_query_cursor_delete(w->cursor);
}

static uint64_t query_rules__now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

struct deadline {
	uint64_t at_ms;
	bool expired;
};

static bool query_rules__parse_progress(TSParseState *state)
{
	struct deadline *d = state->payload;
	if (query_rules__now_ms() > d->at_ms)
		d->expired = true;
	return d->expired; /* true cancels */
}

static bool query_rules__query_progress(TSQueryCursorState *state)
{
	struct deadline *d = state->payload;
	if (query_rules__now_ms() > d->at_ms)
		d->expired = true;
	return d->expired;
}

static const char *query_rules__read(void *payload, uint32_t offset, TSPoint pos, uint32_t *read)
{
	const source_file *src = payload;
	(void)pos;
	if (offset >= src->len) {
		*read = 0;
		return "";
	}
	*read = (uint32_t)(src->len - offset);
	return src->text + offset;
}

static bool query_rules__find_capture(const TSQueryMatch *m, uint32_t id, TSNode *out)
{
	for (uint16_t i = 0; i < m->capture_count; i++) {
		if (m->captures[i].index == id) {
			*out = m->captures[i].node;
			return true;
		}
	}
	return false;
}

/* Does the value's spelling suit the rule? The versions spelled by name are those of the
 * value's named bits. */
static bool query_rules__spelled(const rule *r, const value_type *type, const eval_result *v,
				 version_set named)
{
	if (r->spelling == SPELLING_ANY)
		return true;
	bool by_name = (value_type_versions(type, v->named) & named) != 0;
	return r->spelling == SPELLING_NAMES ? by_name : !by_name;
}

/* Decides whether an evaluated value makes a finding, and which versions to name. `is_cap`
 * tells a floor-or-cap rule's match that captured @cap. */
static bool query_rules__reportable(report_condition cond, bool is_cap, const eval_result *v,
				    version_set *named)
{
	if (cond == REPORT_FLOOR_OR_CAP)
		cond = is_cap ? REPORT_CAP_LEGACY : REPORT_FLOOR_LEGACY;
	switch (cond) {
	case REPORT_ALWAYS:
		*named = v->versions;
		return true;
	case REPORT_ENABLES_LEGACY:
		*named = v->versions & VERSIONS_LEGACY;
		return *named != 0;
	case REPORT_PINS_MODERN:
		*named = v->versions;
		return v->versions && !(v->versions & VERSIONS_LEGACY);
	case REPORT_FLOOR_LEGACY:
		/* A floor at a legacy version enables it and every legacy version above it. */
		if (!(v->versions & VERSIONS_LEGACY))
			return false;
		*named = VERSIONS_LEGACY_TLS & ~(versions_at_most(v->versions) & ~v->versions);
		return true;
	case REPORT_CAP_LEGACY:
		*named = versions_at_most(v->versions) & VERSIONS_LEGACY_TLS;
		return (v->versions & VERSIONS_LEGACY) != 0;
	case REPORT_TRUE:
		*named = 0;
		return v->value != 0;
	case REPORT_FLOOR_OR_CAP:
		break; /* resolved above */
	}
	return false;
}

/* predicate_env.eval_string for this file. */
static bool query_rules__eval_string(void *payload, TSNode node, strbuf *out)
{
	eval_ctx *ectx = payload;
	const value_evaluator *ev = evaluator_for(ectx->lang);
	return ev && ev->eval_string && ev->eval_string(ectx, node, out);
}

/* The text of `node`, for related-location messages: at most 80 bytes of it, on one line. */
static void query_rules__quote(const file_ctx *ctx, TSNode node, char *buf, size_t size)
{
	uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
	size_t n = 0;
	for (uint32_t i = s; i < e && n + 4 < size && n < 80; i++) {
		char c = ctx->src->text[i];
		if (c == '\n' || c == '\r')
			break;
		buf[n++] = c;
	}
	if (n < e - s)
		buf[n++] = '.', buf[n++] = '.', buf[n++] = '.';
	buf[n] = '\0';
}

/* Adds a related location covering `node` to `f`, unless it has one there already: the
 * message is `before`, the node's text in quotes, then `after`. */
static void query_rules__related(const file_ctx *ctx, finding *f, TSNode node, const char *before,
				 const char *after)
{
	region where;
	source_position(ctx->src, ts_node_start_byte(node), &where.start_line, &where.start_col);
	source_position(ctx->src, ts_node_end_byte(node), &where.end_line, &where.end_col);
	for (size_t i = 0; i < f->nrelated; i++)
		if (memcmp(&f->related[i].where, &where, sizeof(where)) == 0 &&
		    strcmp(f->related[i].uri, ctx->uri) == 0)
			return;
	char quoted[96], msg[160];
	query_rules__quote(ctx, node, quoted, sizeof(quoted));
	snprintf(msg, sizeof(msg), "%s'%s'%s", before, quoted, after);
	finding_add_related(f, ctx->uri, where, msg);
}

static void query_rules__match(const compiled_rule *cr, const TSQueryMatch *m, eval_ctx *ectx,
			       const file_ctx *ctx)
{
	const rule *r = cr->rule;
	message_args args = { 0 };
	TSNode value_node = { 0 }, at = { 0 };
	bool have_value = false, followed = false;
	uint32_t origin_start = 0, origin_end = 0;
	const char *defined_uri = NULL;
	region defined_at = { 0 };
	if (cr->value_capture != NO_CAPTURE) {
		if (!query_rules__find_capture(m, cr->value_capture, &value_node))
			return;
		have_value = true;
		eval_result v = { 0 };
		if (!evaluator_for(ctx->lang)->eval(ectx, value_node, cr->value_type, &v))
			return; /* an unknown value is never a finding */
		/* Only SecurityProtocolType sets the process-wide default that LT-NET-004 is about;
		 * an SslProtocols value configures one stream or handler, not the runtime. */
		if (ctx->facts && (v.versions & VERSION_TLS12) &&
		    strcmp(cr->value_type->name, "SecurityProtocolType") == 0)
			fact_list_add(ctx->facts, FACT_TLS12_CODE, ctx->lang, ctx->uri, ctx->src,
				      ts_node_start_byte(value_node), ts_node_end_byte(value_node));
		TSNode cap;
		uint32_t cap_id = r->report_if == REPORT_FLOOR_OR_CAP
					  ? query_rules__capture_id(cr->query, "cap") : NO_CAPTURE;
		bool is_cap = cap_id != NO_CAPTURE && query_rules__find_capture(m, cap_id, &cap);
		if (!query_rules__reportable(r->report_if, is_cap, &v, &args.versions) ||
		    !query_rules__spelled(r, cr->value_type, &v, args.versions))
			return;
		uint32_t s = ts_node_start_byte(value_node);
		args.value_text = ctx->src->text + s;
		args.value_len = ts_node_end_byte(value_node) - s;
		args.detail = v.detail;
		/* A rule that names its sinks (@sink) reports a followed name at its value. */
		followed = v.followed && cr->sink_capture != NO_CAPTURE;
		defined_uri = v.defined_uri;
		defined_at = v.defined_at;
		origin_start = v.origin_start;
		origin_end = v.origin_end;
	}
	size_t start = 0, end = 0;
	if (cr->report_capture != NO_CAPTURE) {
		if (!query_rules__find_capture(m, cr->report_capture, &at))
			return;
		followed = false;
	} else if (have_value) {
		at = value_node;
	} else if (m->capture_count) {
		at = m->captures[0].node;
	} else {
		return;
	}
	start = ts_node_start_byte(at);
	end = ts_node_end_byte(at);
	if (followed) {
		/* Reported at the value, once: the name's use is where it goes. */
		start = origin_start;
		end = origin_end;
		args.value_text = ctx->src->text + start;
		args.value_len = end - start;
	}
	finding *f = emit_finding_once(ctx, r, start, end, &args);
	TSNode sink;
	if (cr->sink_capture != NO_CAPTURE && query_rules__find_capture(m, cr->sink_capture, &sink))
		query_rules__related(ctx, f, sink, "", " receives the value here.");
	if (followed)
		query_rules__related(ctx, f, value_node, "The value is written here through ", ".");
	if (defined_uri) {
		bool seen = false;
		for (size_t i = 0; i < f->nrelated && !seen; i++)
			seen = strcmp(f->related[i].uri, defined_uri) == 0 &&
			       memcmp(&f->related[i].where, &defined_at, sizeof(defined_at)) == 0;
		if (!seen)
			finding_add_related(f, defined_uri, defined_at,
					    "The constant's value, in another file.");
	}
}

ts_run_status ts_ruleset_run(const ts_ruleset *set, ts_worker *w, const file_ctx *ctx,
			     bool *had_errors)
{
	return ts_ruleset_run_with(set, w, ctx, had_errors, NULL, NULL);
}

ts_run_status ts_ruleset_run_with(const ts_ruleset *set, ts_worker *w, const file_ctx *ctx,
				  bool *had_errors, ts_tree_visitor visit, const void *arg)
{
	struct deadline d = { query_rules__now_ms() + w->timeout_ms, false };
	if (!ts_parser_set_language(w->parser, set->grammar))
		return TS_RUN_PARSE_FAILED;
	TSInput input = { (void *)ctx->src, query_rules__read, TSInputEncodingUTF8, NULL };
	TSParseOptions popts = { &d, query_rules__parse_progress };
	TSTree *tree = ts_parser_parse_with_options(w->parser, NULL, input, popts);
	if (!tree) {
		ts_parser_reset(w->parser);
		return d.expired ? TS_RUN_TIMEOUT : TS_RUN_PARSE_FAILED;
	}
	TSNode root = ts_tree_root_node(tree);
	*had_errors = ts_node_has_error(root);
	TSQueryCursorOptions qopts = { &d, query_rules__query_progress };
	/* One evaluation context per file; the evaluator keeps its tables for the file in
	 * eval_state. */
	void *eval_state = NULL;
	eval_ctx ectx = { .src = ctx->src, .root = root, .lang = ctx->lang, .state = &eval_state,
			  .scan_index = ctx->scan_index };
	predicate_env env = { ctx->src->text, query_rules__eval_string, &ectx };
	for (size_t i = 0; i < set->len && !d.expired; i++) {
		const compiled_rule *cr = &set->rules[i];
		if (cr->rule->files && !rule_applies_to(cr->rule, ctx->uri))
			continue;
		/* The file passed the language's prefilter for some rule; this one may still have
		 * none of its keywords here, and then cannot match: skip its walk of the tree. */
		if (!prefilter_pass(&cr->keywords, ctx->src->text, ctx->src->len))
			continue;
		ts_query_cursor_exec_with_options(w->cursor, cr->query, root, &qopts);
		TSQueryMatch m;
		while (ts_query_cursor_next_match(w->cursor, &m)) {
			if (predicates_hold(&cr->predicates, &m, &env))
				query_rules__match(cr, &m, &ectx, ctx);
		}
	}
	if (visit && !d.expired)
		visit(arg, ctx, root);
	const value_evaluator *ev = evaluator_for(ctx->lang);
	if (eval_state && ev && ev->release_state)
		ev->release_state(eval_state);
	ts_tree_delete(tree);
	return d.expired ? TS_RUN_TIMEOUT : TS_RUN_OK;
}
