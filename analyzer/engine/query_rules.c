/* query_rules.c: compiling rule queries and running them on parsed files. */
#include "query_rules.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "project/facts.h"
#include "util/matcher.h"
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

/* Checks a compiled query against its rule's header and completes `cr` (takes `q` when
 * `cr` owns its query, else it is the owner's). */
static int query_rules__finish(const ts_ruleset *set, compiled_rule *cr, TSQuery *q, char *err,
			       size_t errlen)
{
	bool owns = &set->rules[cr->owner] == cr;
	const rule *r = cr->rule;
	cr->value_capture = cr->report_capture = cr->cap_capture = NO_CAPTURE;
	char perr[400];
	uint32_t poffset = UINT32_MAX;
	if (predicates_compile(&cr->predicates, q, set->lang, r->pattern, &poffset, perr,
			       sizeof(perr)) < 0) {
		snprintf(err, errlen, "%s:%u: %s", r->source_path,
			 poffset == UINT32_MAX ? r->pattern_line : query_rules__line_of(r, poffset),
			 perr);
		if (owns)
			ts_query_delete(q);
		return -1;
	}
	const char *problem = NULL;
	if (cr->predicates.needs_strings && !(evaluator_for(set->lang) &&
					      evaluator_for(set->lang)->eval_string)) {
		snprintf(err, errlen, "%s:%u: #string- predicates need a string evaluator, and %s has "
			 "none", r->source_path, r->pattern_line, language_name(set->lang));
		goto fail;
	}
	if (r->value_capture) {
		cr->value_capture = query_rules__capture_id(q, r->value_capture);
		cr->value_type = value_type_find(r->value_type);
		problem = cr->value_capture == NO_CAPTURE ? "the value capture is not in the query"
			  : !cr->value_type ? "unknown value type"
			  : !evaluator_for(set->lang) ? "this language has no value evaluator"
						       : NULL;
		if (problem) {
			snprintf(err, errlen, "%s: %s (value: @%s %s)", r->source_path, problem,
				 r->value_capture, r->value_type);
			goto fail;
		}
	}
	if (r->report_if == REPORT_FLOOR_OR_CAP) {
		cr->cap_capture = query_rules__capture_id(q, "cap");
		if (cr->cap_capture == NO_CAPTURE) {
			snprintf(err, errlen, "%s: report-if floor-or-cap needs a @cap capture in the "
				 "query", r->source_path);
			goto fail;
		}
	}
	if (r->report_capture) {
		cr->report_capture = query_rules__capture_id(q, r->report_capture);
		if (cr->report_capture == NO_CAPTURE) {
			snprintf(err, errlen, "%s: the report capture @%s is not in the query",
				 r->source_path, r->report_capture);
			goto fail;
		}
	}
	cr->query = q;
	atomic_store(&cr->state, RULE_READY);
	return 0;
fail:
	predicates_release(&cr->predicates);
	if (owns)
		ts_query_delete(q);
	return -1;
}

static compiled_rule *query_rules__push(ts_ruleset *set, const rule *r)
{
	set->rules = xreallocarray(set->rules, set->len + 1, sizeof(*set->rules));
	compiled_rule *cr = &set->rules[set->len];
	memset(cr, 0, sizeof(*cr));
	cr->rule = r;
	cr->owner = set->len;
	for (size_t i = 0; i < set->len; i++)
		if (set->rules[i].owner == i && strcmp(set->rules[i].rule->pattern, r->pattern) == 0) {
			cr->owner = i;
			break;
		}
	set->len++;
	atomic_init(&cr->state, RULE_PENDING);
	return cr;
}

int ts_ruleset_add(ts_ruleset *set, const rule *r, char *err, size_t errlen)
{
	compiled_rule *cr = query_rules__push(set, r);
	const compiled_rule *owner = &set->rules[cr->owner];
	bool shared = owner != cr && atomic_load(&owner->state) == RULE_READY;
	if (owner != cr && !shared)
		cr->owner = set->len - 1; /* the owner waits for its first file: compile our own */
	TSQuery *q = shared ? owner->query : query_rules__compile(set->grammar, r, err, errlen);
	if (!q || query_rules__finish(set, cr, q, err, errlen) < 0) {
		set->len--;
		return -1;
	}
	return 0;
}

void ts_ruleset_add_lazy(ts_ruleset *set, const rule *r)
{
	if (!set->lazy) {
		pthread_mutex_init(&set->lock, NULL);
		set->lazy = true;
	}
	query_rules__push(set, r);
}

/* Makes `cr` ready, compiling it if no thread has yet. Returns false (with the error in
 * `err`) when it does not compile. */
static bool query_rules__ready(const ts_ruleset *set, compiled_rule *cr, char *err, size_t errlen)
{
	int state = atomic_load(&cr->state);
	compiled_rule *owner = (compiled_rule *)&set->rules[cr->owner];
	if (state == RULE_PENDING && owner != cr && !query_rules__ready(set, owner, err, errlen)) {
		pthread_mutex_t *lock = (pthread_mutex_t *)&set->lock;
		pthread_mutex_lock(lock);
		if (atomic_load(&cr->state) == RULE_PENDING) {
			cr->error = xstrdup(owner->error);
			atomic_store(&cr->state, RULE_FAILED);
		}
		pthread_mutex_unlock(lock);
		return false;
	}
	if (state == RULE_PENDING) {
		pthread_mutex_t *lock = (pthread_mutex_t *)&set->lock;
		pthread_mutex_lock(lock);
		if (atomic_load(&cr->state) == RULE_PENDING) {
			char why[512];
			TSQuery *q = owner != cr ? owner->query
						 : query_rules__compile(set->grammar, cr->rule, why,
									sizeof(why));
			if (!q || query_rules__finish(set, cr, q, why, sizeof(why)) < 0) {
				cr->error = xstrdup(why);
				atomic_store(&cr->state, RULE_FAILED);
			}
		}
		pthread_mutex_unlock(lock);
		state = atomic_load(&cr->state);
	}
	if (state == RULE_FAILED)
		snprintf(err, errlen, "%s", cr->error);
	return state == RULE_READY;
}

int ts_ruleset_compile_all(ts_ruleset *set, char *err, size_t errlen)
{
	for (size_t i = 0; i < set->len; i++)
		if (!query_rules__ready(set, &set->rules[i], err, errlen))
			return -1;
	return 0;
}

void ts_ruleset_release(ts_ruleset *set)
{
	for (size_t i = 0; i < set->len; i++) {
		compiled_rule *cr = &set->rules[i];
		if (atomic_load(&cr->state) == RULE_READY) {
			predicates_release(&cr->predicates);
			if (cr->owner == i)
				ts_query_delete(cr->query);
		}
		free(cr->error);
	}
	free(set->rules);
	if (set->lazy)
		pthread_mutex_destroy(&set->lock);
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
	case TS_RUN_RULE_FAILED:
		snprintf(why, whylen, "not analysed: %s", w->error);
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

static void query_rules__match(const compiled_rule *cr, const TSQueryMatch *m, eval_ctx *ectx,
			       const file_ctx *ctx, const predicate_env *env)
{
	const rule *r = cr->rule;
	message_args args = { 0 };
	TSNode value_node = { 0 }, at = { 0 };
	bool have_value = false;
	if (cr->value_capture != NO_CAPTURE) {
		if (!query_rules__find_capture(m, cr->value_capture, &value_node))
			return;
		have_value = true;
		eval_result v = { 0 };
		if (!evaluator_for(ctx->lang)->eval(ectx, value_node, cr->value_type, &v))
			return; /* an unknown value is never a finding */
		/* The costly predicates, only for values that are known. */
		if (!predicates_hold_phase(&cr->predicates, m, env, PREDICATES_COSTLY))
			return;
		/* Only SecurityProtocolType sets the process-wide default that LT-NET-004 is about;
		 * an SslProtocols value configures one stream or handler, not the runtime. */
		if (ctx->facts && (v.versions & VERSION_TLS12) &&
		    strcmp(cr->value_type->name, "SecurityProtocolType") == 0)
			fact_list_add(ctx->facts, FACT_TLS12_CODE, ctx->lang, ctx->uri, ctx->src,
				      ts_node_start_byte(value_node), ts_node_end_byte(value_node));
		TSNode cap;
		bool is_cap = cr->cap_capture != NO_CAPTURE &&
			      query_rules__find_capture(m, cr->cap_capture, &cap);
		if (!query_rules__reportable(r->report_if, is_cap, &v, &args.versions) ||
		    !query_rules__spelled(r, cr->value_type, &v, args.versions))
			return;
		uint32_t s = ts_node_start_byte(value_node);
		args.value_text = ctx->src->text + s;
		args.value_len = ts_node_end_byte(value_node) - s;
	}
	if (!have_value && !predicates_hold_phase(&cr->predicates, m, env, PREDICATES_COSTLY))
		return;
	if (cr->report_capture != NO_CAPTURE) {
		if (!query_rules__find_capture(m, cr->report_capture, &at))
			return;
	} else if (have_value) {
		at = value_node;
	} else if (m->capture_count) {
		at = m->captures[0].node;
	} else {
		return;
	}
	emit_finding(ctx, r, ts_node_start_byte(at), ts_node_end_byte(at), &args);
}

ts_run_status ts_ruleset_run(const ts_ruleset *set, ts_worker *w, const file_ctx *ctx,
			     bool *had_errors)
{
	return ts_ruleset_run_with(set, w, ctx, had_errors, NULL, NULL);
}

bool ts_narrowing_enabled(void)
{
	static atomic_int cached = -1;
	int v = atomic_load(&cached);
	if (v < 0) {
		const char *e = getenv("TLSLINT_NO_NARROWING");
		v = !(e && *e && strcmp(e, "0") != 0);
		atomic_store(&cached, v);
	}
	return v != 0;
}

static bool query_rules__ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* The statement or declaration around a keyword: the nearest ancestor that is one, or a
 * child of a block or of the file. NULL node: none (the whole file). */
static bool query_rules__is_container(const char *type)
{
	static const char *const containers[] = { "program", "module", "compilation_unit",
						  "block", "statement_list", "declaration_list",
						  "script_block_body", "document" };
	for (size_t i = 0; i < sizeof(containers) / sizeof(containers[0]); i++)
		if (strcmp(type, containers[i]) == 0)
			return true;
	return false;
}

static bool query_rules__enclosing(TSNode root, uint32_t start, uint32_t end, TSRange *out)
{
	TSNode n = ts_node_descendant_for_byte_range(root, start, end);
	while (!ts_node_is_null(n) && !ts_node_eq(n, root)) {
		const char *type = ts_node_type(n);
		TSNode parent = ts_node_parent(n);
		if (query_rules__ends_with(type, "statement") ||
		    query_rules__ends_with(type, "declaration") ||
		    query_rules__ends_with(type, "definition") || strcmp(type, "pipeline") == 0 ||
		    ts_node_is_null(parent) || query_rules__is_container(ts_node_type(parent))) {
			out->start_byte = ts_node_start_byte(n);
			out->end_byte = ts_node_end_byte(n);
			return true;
		}
		n = parent;
	}
	return false;
}

static int query_rules__cmp_range(const void *a, const void *b)
{
	const TSRange *x = a, *y = b;
	return x->start_byte < y->start_byte ? -1 : x->start_byte > y->start_byte;
}

/* The byte ranges to run rule `ri` of `ctx` over: the statements around the hits of its
 * first keyword group, merged. Returns false when the whole tree must be walked. */
static bool query_rules__ranges(const file_ctx *ctx, size_t ri, TSNode root, TSRange **ranges,
				size_t *nranges, size_t *cap)
{
	*nranges = 0;
	if (!ctx->rules[ri]->narrow || !ctx->hits || !ctx->exprs || !ctx->exprs[ri].ngroups ||
	    !ts_narrowing_enabled())
		return false;
	const match_result *h = ctx->hits;
	for (size_t k = 0; k < h->nhits; k++) {
		if (!keyword_expr_in_group(&ctx->exprs[ri], 0, h->hits[k].word))
			continue;
		uint32_t start = h->hits[k].offset;
		TSRange r;
		if (!query_rules__enclosing(root, start, start + 1, &r))
			return false;
		if (*nranges == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*ranges = xreallocarray(*ranges, *cap, sizeof(**ranges));
		}
		(*ranges)[(*nranges)++] = r;
	}
	if (!*nranges)
		return false;
	qsort(*ranges, *nranges, sizeof(**ranges), query_rules__cmp_range);
	size_t out = 0;
	for (size_t k = 1; k < *nranges; k++) {
		if ((*ranges)[k].start_byte <= (*ranges)[out].end_byte) {
			if ((*ranges)[k].end_byte > (*ranges)[out].end_byte)
				(*ranges)[out].end_byte = (*ranges)[k].end_byte;
		} else {
			(*ranges)[++out] = (*ranges)[k];
		}
	}
	*nranges = out + 1;
	return true;
}

/* A match already seen in an earlier range of the same rule (a node that spans two). */
struct seen_match {
	uint32_t pattern, start, end;
};

static bool query_rules__seen(struct seen_match **seen, size_t *nseen, const TSQueryMatch *m)
{
	uint32_t start = UINT32_MAX, end = 0;
	for (uint16_t c = 0; c < m->capture_count; c++) {
		uint32_t s = ts_node_start_byte(m->captures[c].node);
		uint32_t e = ts_node_end_byte(m->captures[c].node);
		start = s < start ? s : start;
		end = e > end ? e : end;
	}
	for (size_t i = 0; i < *nseen; i++)
		if ((*seen)[i].pattern == m->pattern_index && (*seen)[i].start == start &&
		    (*seen)[i].end == end)
			return true;
	*seen = xreallocarray(*seen, *nseen + 1, sizeof(**seen));
	(*seen)[(*nseen)++] = (struct seen_match){ m->pattern_index, start, end };
	return false;
}

/* Index of `r` among the rules of the keyword pass, or SIZE_MAX. */
static size_t query_rules__index(const file_ctx *ctx, const rule *r)
{
	for (size_t i = 0; ctx->rules && i < ctx->nrules; i++)
		if (ctx->rules[i] == r)
			return i;
	return SIZE_MAX;
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
	eval_ctx ectx = { .src = ctx->src, .root = root, .lang = ctx->lang, .state = &eval_state };
	predicate_env env = { ctx->src->text, query_rules__eval_string, &ectx };
	bool rule_failed = false;
	TSRange *ranges = NULL;
	size_t nranges = 0, cap = 0;
	struct seen_match *seen = NULL;
	compiled_rule **group = xcalloc(set->len ? set->len : 1, sizeof(*group));
	size_t *group_ri = xcalloc(set->len ? set->len : 1, sizeof(*group_ri));
	for (size_t i = 0; i < set->len && !d.expired; i++) {
		if (set->rules[i].owner != i)
			continue; /* walked with the rule that owns its query */
		/* The rules that share this query and can match here: the file passed the
		 * language's keyword pass for some rule, but this one may still lack one of its
		 * keyword groups, and then cannot match. */
		size_t n = 0;
		for (size_t j = i; j < set->len; j++) {
			compiled_rule *cr = (compiled_rule *)&set->rules[j];
			if (cr->owner != i || (cr->rule->files && !rule_applies_to(cr->rule, ctx->uri)))
				continue;
			size_t ri = query_rules__index(ctx, cr->rule);
			if (ri != SIZE_MAX && !ctx->live[ri])
				continue;
			if (!query_rules__ready(set, cr, w->error, sizeof(w->error))) {
				rule_failed = true;
				continue;
			}
			group_ri[n] = ri;
			group[n++] = cr;
		}
		if (!n)
			continue;
		/* Narrowed only when one rule walks the tree (shared walks are whole). */
		bool narrow = n == 1 && group_ri[0] != SIZE_MAX &&
			      query_rules__ranges(ctx, group_ri[0], root, &ranges, &nranges, &cap);
		size_t nseen = 0;
		for (size_t k = 0; k < (narrow ? nranges : 1) && !d.expired; k++) {
			if (narrow)
				ts_query_cursor_set_byte_range(w->cursor, ranges[k].start_byte,
							       ranges[k].end_byte);
			else
				ts_query_cursor_set_byte_range(w->cursor, 0, UINT32_MAX);
			ts_query_cursor_exec_with_options(w->cursor, group[0]->query, root, &qopts);
			TSQueryMatch m;
			while (ts_query_cursor_next_match(w->cursor, &m)) {
				for (size_t g = 0; g < n; g++) {
					compiled_rule *cr = group[g];
					if (!predicates_hold_phase(&cr->predicates, &m, &env,
								   PREDICATES_CHEAP))
						continue;
					if (narrow && nranges > 1 && query_rules__seen(&seen, &nseen, &m))
						continue;
					query_rules__match(cr, &m, &ectx, ctx, &env);
				}
			}
		}
	}
	free(group);
	free(group_ri);
	free(ranges);
	free(seen);
	ts_query_cursor_set_byte_range(w->cursor, 0, UINT32_MAX);
	if (visit && !d.expired)
		visit(arg, ctx, root);
	const value_evaluator *ev = evaluator_for(ctx->lang);
	if (eval_state && ev && ev->release_state)
		ev->release_state(eval_state);
	ts_tree_delete(tree);
	return d.expired ? TS_RUN_TIMEOUT : rule_failed ? TS_RUN_RULE_FAILED : TS_RUN_OK;
}
