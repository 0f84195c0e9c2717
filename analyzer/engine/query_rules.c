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

#include "engine/native_matcher.h"
#include "engine/recover.h"
#include "util/matcher.h"
#include "util/alloc.h"
#include "util/clock.h"
#include "engine/ts_arena.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "values/evaluator.h"

#define NO_CAPTURE UINT32_MAX

static const char *const query_errors[] = {
	"no error", "syntax error", "unknown node type", "unknown field", "unknown capture",
	"impossible pattern structure", "language mismatch",
};

/* The id of capture `name`: of the query `q`, or of the matcher `m` when there is one. */
static uint32_t query_rules__capture_id(const TSQuery *q, const ts_native_matcher *m,
					const char *name)
{
	if (m) {
		for (uint32_t i = 0; m->captures[i]; i++)
			if (strcmp(m->captures[i], name) == 0)
				return i;
		return NO_CAPTURE;
	}
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
	ts_arena_suspend(); /* the query outlives the file whose analysis compiles it */
	TSQuery *q = ts_query_new(grammar, r->pattern, (uint32_t)strlen(r->pattern), &offset, &qerr);
	ts_arena_resume();
	if (!q)
		diag_at(err, errlen, r->source_path, query_rules__line_of(r, offset), "query %s",
			qerr < sizeof(query_errors) / sizeof(query_errors[0]) ? query_errors[qerr]
									     : "error");
	return q;
}

/* Checks a compiled query (or, with `cr->matcher` set and `q` NULL, the matcher's captures)
 * against its rule's header and completes `cr` (takes `q` when `cr` owns its query, else it is
 * the owner's). */
static int query_rules__finish(const ts_ruleset *set, compiled_rule *cr, TSQuery *q, char *err,
			       size_t errlen)
{
	bool owns = &set->rules[cr->owner] == cr;
	const rule *r = cr->rule;
	cr->value_capture = cr->report_capture = cr->cap_capture = cr->pin_capture = NO_CAPTURE;
	cr->sink_capture = query_rules__capture_id(q, cr->matcher, "sink");
	char perr[400];
	uint32_t poffset = UINT32_MAX;
	memset(&cr->predicates, 0, sizeof(cr->predicates)); /* a matcher applies its own */
	if (q && predicates_compile(&cr->predicates, q, set->lang, r->pattern, &poffset, perr,
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
		cr->value_capture = query_rules__capture_id(q, cr->matcher, r->value_capture);
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
		cr->pin_capture = query_rules__capture_id(q, cr->matcher, "pin");
		cr->cap_capture = query_rules__capture_id(q, cr->matcher, "cap");
		if (cr->cap_capture == NO_CAPTURE) {
			snprintf(err, errlen, "%s: report-if floor-or-cap needs a @cap capture in the "
				 "query", r->source_path);
			goto fail;
		}
	}
	if (r->report_capture) {
		cr->report_capture = query_rules__capture_id(q, cr->matcher, r->report_capture);
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
	if (owns && q)
		ts_query_delete(q);
	return -1;
}

unsigned long long ts_pattern_digest(const char *pattern)
{
	unsigned long long h = 1469598103934665603ULL;
	bool quoted = false;
	for (const char *p = pattern; *p; p++) {
		if (!quoted && *p == ';') {
			while (*p && *p != '\n')
				p++;
			if (!*p)
				break;
			continue;
		}
		if (*p == '"' && (p == pattern || p[-1] != '\\'))
			quoted = !quoted;
		if (!quoted && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
			continue;
		h ^= (unsigned char)*p;
		h *= 1099511628211ULL;
	}
	return h;
}

void ts_native_walk(TSNode root, bool (*visit)(void *arg, TSNode n), void *arg,
		    const ts_native_sink *out)
{
	ts_native_nodes *kept = out->nodes;
	if (kept && kept->complete && ts_node_eq(kept->root, root)) {
		for (size_t i = 0; i < kept->len; i++) {
			if (!visit(arg, kept->nodes[i]))
				return;
			if ((i + 1) % 4096 == 0 && out->progress && !out->progress(out->arg))
				return;
		}
		return;
	}
	if (kept && (kept->complete || kept->len)) /* of another tree, or of a stopped walk */
		kept = NULL;
	if (kept)
		kept->root = root;
	TSTreeCursor cur = ts_tree_cursor_new(root);
	unsigned long count = 0;
	bool finished = false;
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		if (ts_node_is_named(n)) {
			if (kept) {
				GROW(kept->nodes, kept->cap, kept->len + 1);
				kept->nodes[kept->len++] = n;
			}
			if (!visit(arg, n))
				break;
		}
		if (++count % 4096 == 0 && out->progress && !out->progress(out->arg))
			break;
		if (ts_tree_cursor_goto_first_child(&cur))
			continue;
		bool more = false;
		while (!(more = ts_tree_cursor_goto_next_sibling(&cur)))
			if (!ts_tree_cursor_goto_parent(&cur))
				break;
		if (!more) {
			finished = true;
			break;
		}
	}
	ts_tree_cursor_delete(&cur);
	if (kept)
		kept->complete = finished;
}

TSSymbol ts_native_symbol(const TSLanguage *lang, const char *name)
{
	return ts_language_symbol_for_name(lang, name, (uint32_t)strlen(name), true);
}

bool ts_native_text_is(const char *text, TSNode n, const char *s)
{
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
	size_t len = strlen(s);
	return e - b == len && memcmp(text + b, s, len) == 0;
}

void ts_native_nodes_release(ts_native_nodes *n)
{
	free(n->nodes);
	memset(n, 0, sizeof(*n));
}

bool ts_native_capture(const TSQueryMatch *m, uint32_t index, TSNode *out)
{
	for (uint16_t i = 0; i < m->capture_count; i++)
		if (m->captures[i].index == index) {
			*out = m->captures[i].node;
			return true;
		}
	return false;
}

bool ts_native_matchers_enabled(void)
{
	const char *v = getenv("TLSLINT_NO_NATIVE_MATCHERS");
	return !v || !*v || strcmp(v, "0") == 0;
}

/* The matcher named in `r`'s header among its language's; false with the error in `err` when
 * the language has none of that name. `*out` is NULL when the rule names none, or when native
 * matchers are off (then the pattern is compiled). */
static bool query_rules__matcher(const ts_ruleset *set, const rule *r,
				 const ts_native_matcher **out, char *err, size_t errlen)
{
	*out = NULL;
	if (!r->matcher)
		return true;
	const ts_native_matcher *const *m = language_get(set->lang)->matchers;
	for (; m && *m; m++)
		if (strcmp((*m)->name, r->matcher) == 0)
			break;
	if (!m || !*m) {
		snprintf(err, errlen, "%s: %s has no matcher '%s'", r->source_path,
			 language_name(set->lang), r->matcher);
		return false;
	}
	/* The code answers the patterns it was written for: an edited pattern is compiled. */
	if (ts_native_matchers_enabled() && (*m)->digest == ts_pattern_digest(r->pattern))
		*out = *m;
	return true;
}

/* Makes `cr`, the owner of its pattern, ready: its matcher, or its compiled query. */
static int query_rules__build(const ts_ruleset *set, compiled_rule *cr, char *err, size_t errlen)
{
	if (!query_rules__matcher(set, cr->rule, &cr->matcher, err, errlen))
		return -1;
	TSQuery *q = NULL;
	if (!cr->matcher && !(q = query_rules__compile(set->grammar, cr->rule, err, errlen)))
		return -1;
	return query_rules__finish(set, cr, q, err, errlen);
}

/* Makes `cr` ready with the query or matcher of its owner, which is ready. */
static int query_rules__share(const ts_ruleset *set, compiled_rule *cr, char *err, size_t errlen)
{
	const compiled_rule *owner = &set->rules[cr->owner];
	cr->matcher = owner->matcher;
	return query_rules__finish(set, cr, owner->query, err, errlen);
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
	if ((shared ? query_rules__share(set, cr, err, errlen)
		    : query_rules__build(set, cr, err, errlen)) < 0) {
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
			if ((owner != cr ? query_rules__share(set, cr, why, sizeof(why))
					 : query_rules__build(set, cr, why, sizeof(why))) < 0) {
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
			if (cr->owner == i && cr->query)
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

struct deadline {
	uint64_t at_ms;
	bool expired;
};

static bool query_rules__parse_progress(TSParseState *state)
{
	struct deadline *d = state->payload;
	if (clock_ms() > d->at_ms)
		d->expired = true;
	return d->expired; /* true cancels */
}

static bool query_rules__query_progress(TSQueryCursorState *state)
{
	struct deadline *d = state->payload;
	if (clock_ms() > d->at_ms)
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
 * tells a floor-or-cap rule's match that captured @cap, `is_pin` one that captured @pin (a
 * value that enables exactly the versions it names, such as Node.js `secureProtocol`). */
static bool query_rules__reportable(report_condition cond, bool is_cap, bool is_pin,
				    const eval_result *v, version_set *named)
{
	if (cond == REPORT_FLOOR_OR_CAP)
		cond = is_pin ? REPORT_ENABLES_LEGACY : is_cap ? REPORT_CAP_LEGACY
							       : REPORT_FLOOR_LEGACY;
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

static bool query_rules__costly_hold(const compiled_rule *cr, const TSQueryMatch *m,
				     const predicate_env *env)
{
	if (cr->matcher)
		return !cr->matcher->holds || cr->matcher->holds(m, env->text);
	return predicates_hold_phase(&cr->predicates, m, env, PREDICATES_COSTLY);
}

static void query_rules__match(const compiled_rule *cr, const TSQueryMatch *m, eval_ctx *ectx,
			       const file_ctx *ctx, const predicate_env *env)
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
		/* The costly predicates, only for values that are known. */
		if (!query_rules__costly_hold(cr, m, env))
			return;
		if (ctx->observe_value)
			ctx->observe_value(ctx, cr->value_type->name, v.versions,
					   ts_node_start_byte(value_node), ts_node_end_byte(value_node));
		TSNode cap;
		bool is_cap = cr->cap_capture != NO_CAPTURE &&
			      query_rules__find_capture(m, cr->cap_capture, &cap);
		bool is_pin = cr->pin_capture != NO_CAPTURE &&
			      query_rules__find_capture(m, cr->pin_capture, &cap);
		if (!query_rules__reportable(r->report_if, is_cap, is_pin, &v, &args.versions) ||
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
	if (!have_value && !query_rules__costly_hold(cr, m, env))
		return;
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
	const language_def *def = language_get(ctx->lang);
	if (def->fix && have_value && !f->fix && !f->no_fix)
		def->fix(ctx, f, value_node, followed);
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

static bool query_rules__ranges(const file_ctx *ctx, size_t ri, TSNode root, TSRange **ranges,
				size_t *nranges, size_t *cap);
struct seen_match;
static bool query_rules__seen(struct seen_match **seen, size_t *nseen, const TSQueryMatch *m);
static size_t query_rules__index(const file_ctx *ctx, const rule *r);

/* A matcher's walk over one tree for the rules of one group. */
struct native_run {
	const compiled_rule **group;
	size_t n;
	eval_ctx *ectx;
	const file_ctx *ctx;
	const predicate_env *env;
	struct deadline *d;
	unsigned since_clock; /* matches since the deadline was last looked at */
};

static bool query_rules__native_progress(void *arg)
{
	struct native_run *nr = arg;
	if (clock_ms() > nr->d->at_ms)
		nr->d->expired = true;
	return !nr->d->expired;
}

static bool query_rules__native_match(void *arg, const TSQueryMatch *m)
{
	struct native_run *nr = arg;
	for (size_t g = 0; g < nr->n; g++)
		query_rules__match(nr->group[g], m, nr->ectx, nr->ctx, nr->env);
	if (++nr->since_clock >= 64) {
		nr->since_clock = 0;
		return query_rules__native_progress(nr);
	}
	return true;
}

/* Whether rule `i` owns its query or matcher and a rule sharing it is marked in `runnable`:
 * then one walk of the tree is made for them. */
static bool query_rules__group_runs(const ts_ruleset *set, size_t i, const bool *runnable)
{
	if (set->rules[i].owner != i)
		return false;
	for (size_t j = i; j < set->len; j++)
		if (set->rules[j].owner == i && runnable[j])
			return true;
	return false;
}

/* Runs the rules marked in `runnable` on the tree under `root`, with one evaluation context
 * for that tree (the evaluator keeps its tables for it in eval_state). Rules that share a
 * query share one walk; a rule that walks alone and asks for it (`narrow: statement`) walks
 * only the statements around its keywords, when `narrow_ok` (the whole file's tree). */
static void query_rules__run_tree(const ts_ruleset *set, ts_worker *w, const file_ctx *ctx,
				  TSNode root, const bool *runnable, struct deadline *d,
				  bool narrow_ok)
{
	TSQueryCursorOptions qopts = { d, query_rules__query_progress };
	void *eval_state = NULL;
	eval_ctx ectx = { .src = ctx->src, .root = root, .lang = ctx->lang, .state = &eval_state,
			  .scan_index = ctx->scan_index, .lookups = ctx->lookups };
	predicate_env env = { ctx->src->text, query_rules__eval_string, &ectx };
	TSRange *ranges = NULL;
	size_t nranges = 0, cap = 0;
	struct seen_match *seen = NULL;
	/* The walks of this tree's matchers share its nodes, when there is more than one. */
	ts_native_nodes native_nodes = { 0 };
	size_t native_walks = 0;
	for (size_t i = 0; i < set->len; i++)
		if (set->rules[i].matcher && query_rules__group_runs(set, i, runnable))
			native_walks++;
	const compiled_rule **group = xcalloc(set->len ? set->len : 1, sizeof(*group));
	size_t *group_ri = xcalloc(set->len ? set->len : 1, sizeof(*group_ri));
	for (size_t i = 0; i < set->len && !d->expired; i++) {
		if (set->rules[i].owner != i)
			continue; /* walked with the rule that owns its query */
		size_t n = 0;
		for (size_t j = i; j < set->len; j++) {
			if (set->rules[j].owner != i || !runnable[j])
				continue;
			group_ri[n] = query_rules__index(ctx, set->rules[j].rule);
			group[n++] = &set->rules[j];
		}
		if (!n)
			continue;
		if (group[0]->matcher) {
			/* C code walks the whole tree (as the pattern does without narrowing). */
			struct native_run nr = { group, n, &ectx, ctx, &env, d, 0 };
			ts_native_sink sink = { query_rules__native_match, query_rules__native_progress,
						&nr, native_walks > 1 ? &native_nodes : NULL };
			group[0]->matcher->run(root, ctx->src->text, &sink);
			continue;
		}
		/* Narrowed only when one rule walks the tree (shared walks are whole). */
		bool narrow = narrow_ok && n == 1 && group_ri[0] != SIZE_MAX &&
			      query_rules__ranges(ctx, group_ri[0], root, &ranges, &nranges, &cap);
		size_t nseen = 0;
		for (size_t k = 0; k < (narrow ? nranges : 1) && !d->expired; k++) {
			if (narrow)
				ts_query_cursor_set_byte_range(w->cursor, ranges[k].start_byte,
							       ranges[k].end_byte);
			else
				ts_query_cursor_set_byte_range(w->cursor, 0, UINT32_MAX);
			ts_query_cursor_exec_with_options(w->cursor, group[0]->query, root, &qopts);
			TSQueryMatch m;
			while (ts_query_cursor_next_match(w->cursor, &m)) {
				for (size_t g = 0; g < n; g++) {
					const compiled_rule *cr = group[g];
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
	ts_native_nodes_release(&native_nodes);
	ts_query_cursor_set_byte_range(w->cursor, 0, UINT32_MAX);
	const value_evaluator *ev = evaluator_for(ctx->lang);
	if (eval_state && ev && ev->release_state)
		ev->release_state(eval_state);
}

/* The tree-sitter point (0-based row, byte column) of byte `off`. */
static TSPoint query_rules__point(const source_file *src, uint32_t off)
{
	size_t lo = 0, hi = src->nlines;
	while (lo + 1 < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	size_t start = src->nlines ? src->line_starts[lo] : 0;
	return (TSPoint){ (uint32_t)lo, (uint32_t)(off - start) };
}

/* Local re-analysis of a damaged file: how many pieces one file may take. */
#define RECOVER_MAX_PIECES 20000
#define RECOVER_MAX_DEPTH 3
#define RECOVER_MAX_DECLARATIONS 64

struct recovery {
	const ts_ruleset *set;
	ts_worker *w;
	const file_ctx *ctx;
	const bool *runnable;
	struct deadline *d;
	recover_ranges context; /* imports and using directives of the whole file */
	TSRange *ranges;
	size_t ranges_cap;
	size_t budget;
	recover_ranges broken; /* statements that do not parse even alone: left out on reparse */
	/* Where a finding can be: every piece (keywords unknown, or a runnable rule without
	 * any), or only pieces with a first-group keyword of the runnable rules, whose indexes
	 * among the keyword pass's rules these are (query_rules__keyword_rules). */
	bool everywhere;
	size_t *keyword_rules;
	size_t nkeyword_rules;
};

static void query_rules__recover_range(struct recovery *rc, uint32_t start, uint32_t end,
				       bool flat, int depth);

/* Has the tree under `root` an error inside [start, end), not only in the context? */
static bool query_rules__errors_within(TSNode root, uint32_t start, uint32_t end)
{
	recover_ranges errs = { 0 };
	recover_regions(&errs, root);
	bool within = false;
	for (size_t i = 0; i < errs.len && !within; i++)
		within = errs.items[i].start < end && errs.items[i].end > start;
	recover_ranges_release(&errs);
	return within;
}

/* Is piece [start, end) a whole statement (which can be left out), not the header of a block
 * (`class X`, `if (x)`, `def f():`), whose removal would change the structure? */
static bool query_rules__statement(language lang, const source_file *src, uint32_t start,
				   uint32_t end)
{
	char last = src->text[end - 1];
	const recover_syntax *sx = language_get(lang)->recovery;
	if (sx->indentation) {
		/* `except ImportError:  # comment`: the code before a trailing comment. */
		size_t line = end;
		while (line > start && src->text[line - 1] != '\n')
			line--;
		const char *hash = memchr(src->text + line, '#', end - line);
		if (hash && !memchr(hash, '"', (size_t)(src->text + end - hash)) &&
		    !memchr(hash, '\'', (size_t)(src->text + end - hash))) {
			size_t e = (size_t)(hash - src->text);
			while (e > line && (src->text[e - 1] == ' ' || src->text[e - 1] == '\t'))
				e--;
			if (e > line)
				last = src->text[e - 1];
		}
	}
	size_t next = end;
	while (next < src->len && (src->text[next] == ' ' || src->text[next] == '\t' ||
				   src->text[next] == '\r' || src->text[next] == '\n'))
		next++;
	bool opens = next < src->len && src->text[next] == '{';
	if (!sx->newline_ends)
		return last == ';'; /* C#: a statement ends in ';' */
	if (sx->indentation)
		return last != ':'; /* Python: a block header ends in ':' */
	return !opens;              /* PowerShell: a header is followed by '{' */
}

/* Does [start, end) of the file hold a keyword (of its first group) of one of the rules marked
 * in `runnable`? True when the keyword pass is not known (unit tests). */
/* Which rules' keywords say where a finding can be (struct recovery), once per file. */
static void query_rules__keyword_rules(struct recovery *rc)
{
	const file_ctx *ctx = rc->ctx;
	rc->everywhere = !ctx->hits || !ctx->exprs;
	for (size_t i = 0; i < rc->set->len && !rc->everywhere; i++) {
		if (!rc->runnable[i])
			continue;
		size_t ri = query_rules__index(ctx, rc->set->rules[i].rule);
		rc->everywhere = ri == SIZE_MAX || !ctx->exprs[ri].ngroups;
		*PUSH(rc->keyword_rules, rc->nkeyword_rules) = ri;
	}
}

/* Does [start, end) of the file hold a keyword (of its first group) of one of the rules that
 * run here? */
static bool query_rules__region_has_keyword(const struct recovery *rc, uint32_t start,
					    uint32_t end)
{
	if (rc->everywhere)
		return true;
	const match_result *h = rc->ctx->hits;
	for (size_t k = 0; k < h->nhits; k++) {
		if (h->hits[k].offset < start || h->hits[k].offset >= end)
			continue;
		for (size_t i = 0; i < rc->nkeyword_rules; i++)
			if (keyword_expr_in_group(&rc->ctx->exprs[rc->keyword_rules[i]], 0,
						  h->hits[k].word))
				return true;
	}
	return false;
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

/* Parses the file with only the first `n` of rc->ranges included (offsets stay the file's);
 * NULL when tree-sitter refuses the ranges or stops (the parser is reset then). */
static TSTree *query_rules__parse_ranges(struct recovery *rc, size_t n)
{
	if (!n || !ts_parser_set_included_ranges(rc->w->parser, rc->ranges, (uint32_t)n))
		return NULL;
	TSInput input = { (void *)rc->ctx->src, query_rules__read, TSInputEncodingUTF8, NULL };
	TSParseOptions popts = { rc->d, query_rules__parse_progress };
	TSTree *tree = ts_parser_parse_with_options(rc->w->parser, NULL, input, popts);
	ts_parser_set_included_ranges(rc->w->parser, NULL, 0);
	if (!tree)
		ts_parser_reset(rc->w->parser);
	return tree;
}

/* Parses the file without the ranges of `left_out` (sorted here); NULL as parse_ranges. */
static TSTree *query_rules__parse_without(struct recovery *rc, recover_ranges *left_out)
{
	const source_file *src = rc->ctx->src;
	recover_ranges_sort(left_out);
	size_t n = 0;
	uint32_t at = 0;
	for (size_t i = 0; i <= left_out->len; i++) {
		uint32_t s = i < left_out->len ? left_out->items[i].start : (uint32_t)src->len;
		if (s > at) {
			GROW(rc->ranges, rc->ranges_cap, n + 1);
			rc->ranges[n++] = (TSRange){ query_rules__point(src, at),
						    query_rules__point(src, s), at, s };
		}
		if (i < left_out->len && left_out->items[i].end > at)
			at = left_out->items[i].end;
	}
	return query_rules__parse_ranges(rc, n);
}

/* The file again, with the statements that parse nowhere (and C#'s #else branches) left out,
 * so that the code around them keeps its structure: its classes, functions and
 * declarations. */
static void query_rules__reparse_without(struct recovery *rc)
{
	const source_file *src = rc->ctx->src;
	recover_else_branches(&rc->broken, rc->ctx->lang, src->text, src->len);
	if (!rc->broken.len || rc->d->expired)
		return;
	TSTree *tree = query_rules__parse_without(rc, &rc->broken);
	if (!tree)
		return;
	query_rules__run_tree(rc->set, rc->w, rc->ctx, ts_tree_root_node(tree), rc->runnable,
			      rc->d, false);
	ts_tree_delete(tree);
}

/* Parses piece [start, end) alone, with the file's context before it, and runs the rules on
 * it; a piece that still has errors is cut finer. Returns where to cut pieces anew when the
 * piece's first line swallowed the rest (else 0). */
static uint32_t query_rules__recover_piece(struct recovery *rc, uint32_t start, uint32_t end,
					   bool flat, int depth)
{
	const source_file *src = rc->ctx->src;
	size_t n = 0, ndecl = 0;
	/* A piece without a keyword of the rules that run cannot hold a finding: it is parsed
	 * only to learn whether it parses, alone, without the file's context (which costs a
	 * parse of the context for every piece). */
	bool keyword = query_rules__region_has_keyword(rc, start, end);
	for (size_t i = 0; keyword && i < rc->context.len && rc->context.items[i].end <= start; i++)
		ndecl += rc->context.items[i].kind == RECOVER_DECLARATION;
	for (size_t i = 0; keyword && i < rc->context.len; i++) {
		const recover_range *c = &rc->context.items[i];
		if (c->end > start)
			break;
		/* Every import, and the nearest declarations before the piece. */
		if (c->kind == RECOVER_DECLARATION && ndecl-- > RECOVER_MAX_DECLARATIONS)
			continue;
		/* With the line break after it: included ranges are read as if adjacent. */
		uint32_t ce = c->end;
		while (ce < start && (src->text[ce] == ' ' || src->text[ce] == '\t' ||
				      src->text[ce] == '\r'))
			ce++;
		if (ce < start && src->text[ce] == '\n')
			ce++;
		GROW(rc->ranges, rc->ranges_cap, n + 1);
		rc->ranges[n++] = (TSRange){ query_rules__point(src, c->start),
					    query_rules__point(src, ce), c->start, ce };
	}
	GROW(rc->ranges, rc->ranges_cap, n + 1);
	rc->ranges[n++] = (TSRange){ query_rules__point(src, start), query_rules__point(src, end),
				    start, end };
	TSTree *tree = query_rules__parse_ranges(rc, n);
	if (!tree)
		return 0;
	TSNode root = ts_tree_root_node(tree);
	/* A piece that does not parse even alone is misread (a `def` header alone reads as a
	 * call with keyword arguments): only its parts are analysed. */
	bool broken = ts_node_has_error(root) && query_rules__errors_within(root, start, end);
	if (!broken && keyword)
		query_rules__run_tree(rc->set, rc->w, rc->ctx, root, rc->runnable, rc->d, false);
	size_t nbroken = rc->broken.len;
	const char *nl = memchr(src->text + start, '\n', end - start);
	uint32_t line_end = nl ? (uint32_t)(nl - src->text) : end;
	if (broken && depth < RECOVER_MAX_DEPTH && !flat && line_end < end &&
	    recover_opens(rc->ctx->lang, src->text, start, line_end)) {
		/* A first line that leaves a bracket open (`$x = f(( [`) swallowed the lines after
		 * it: it goes, and the rest is cut again. */
		recover_ranges_add(&rc->broken, start, line_end);
		ts_tree_delete(tree);
		return line_end;
	} else if (broken && depth < RECOVER_MAX_DEPTH && !flat) {
		/* Cut finer, brackets or not: the statements inside a lambda or an initializer. */
		query_rules__recover_range(rc, start, end, true, depth + 1);
	} else if (broken && depth < RECOVER_MAX_DEPTH) {
		recover_ranges inner = { 0 };
		recover_regions(&inner, root);
		for (size_t i = 0; i < inner.len && !rc->d->expired; i++) {
			uint32_t s = inner.items[i].start < start ? start : inner.items[i].start;
			uint32_t e = inner.items[i].end > end ? end : inner.items[i].end;
			if (e > s && (s != start || e != end))
				query_rules__recover_range(rc, s, e, true, depth + 1);
		}
		recover_ranges_release(&inner);
	}
	/* The smallest whole statements that parse nowhere are left out on the reparse. */
	if (broken && rc->broken.len == nbroken && language_get(rc->ctx->lang)->recovery->newline_ends && !flat &&
	    !nl && query_rules__statement(rc->ctx->lang, src, start, end))
		recover_ranges_add(&rc->broken, start, end); /* one line: a statement */
	else if (broken && rc->broken.len == nbroken &&
	    query_rules__statement(rc->ctx->lang, src, start, end) &&
	    recover_balanced(rc->ctx->lang, src->text, start, end))
		recover_ranges_add(&rc->broken, start, end);
	ts_tree_delete(tree);	return 0;
}

static void query_rules__recover_range(struct recovery *rc, uint32_t start, uint32_t end,
				       bool flat, int depth)
{
	for (uint32_t from = start; from < end && rc->budget && !rc->d->expired;) {
		recover_ranges pieces = { 0 };
		recover_chunks(&pieces, rc->ctx->lang, rc->ctx->src->text, from, end, flat);
		from = end;
		for (size_t i = 0; i < pieces.len && rc->budget && !rc->d->expired; i++) {
			rc->budget--;
			uint32_t resume = query_rules__recover_piece(rc, pieces.items[i].start,
								     pieces.items[i].end, flat, depth);
			if (resume) {
				from = resume;
				break;
			}
		}
		recover_ranges_release(&pieces);
	}
}

struct region_filter {
	const source_file *src;
	const recover_ranges *regions;
};

/* finding_list_drop_if: is the finding inside one of the damaged regions? */
static bool query_rules__in_region(const finding *f, const void *arg)
{
	const struct region_filter *rf = arg;
	for (size_t i = 0; i < rf->regions->len; i++) {
		unsigned l1, c1, l2, c2;
		source_position(rf->src, rf->regions->items[i].start, &l1, &c1);
		source_position(rf->src, rf->regions->items[i].end, &l2, &c2);
		unsigned l = f->where.start_line, c = f->where.start_col;
		if ((l > l1 || (l == l1 && c >= c1)) && (l < l2 || (l == l2 && c < c2)))
			return true;
	}
	return false;
}

static bool query_rules__enclosing(TSNode root, uint32_t start, uint32_t end, TSRange *out)
{
	TSNode n = ts_node_descendant_for_byte_range(root, start, end);
	/* Each step up costs a walk from the root (tree-sitter nodes keep no parent), so the
	 * climb is bounded: a statement deeper than that above its keyword (20,000 nested
	 * parentheses) is not narrowed around, and the whole tree is queried instead. */
	for (unsigned steps = 0; !ts_node_is_null(n) && !ts_node_eq(n, root); steps++) {
		if (steps == 64)
			return false;
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

/* C#: code that reads as one program only with one branch of each #if (a class header with
 * two base lists, a brace opened in both branches) is read as the compiler reads it with the
 * first branches: the file is parsed again without its #elif and #else branches, and the
 * rules run on that tree instead of the first (their findings go to `first`, still empty:
 * the first tree's rules run only when this returns NULL). When it has no error, nothing
 * needs analysing on its own; otherwise the recovery goes on from its smaller damage. Only
 * when no keyword of the rules that run is in a left-out branch: a setting there is found by
 * the piece-wise recovery of the first tree. NULL: not done. */
static TSTree *query_rules__first_branches(struct recovery *rc, finding_list *first)
{
	const source_file *src = rc->ctx->src;
	recover_ranges left_out = { 0 };
	recover_else_branches(&left_out, rc->ctx->lang, src->text, src->len);
	bool keyword = false;
	for (size_t i = 0; i < left_out.len && !keyword; i++)
		keyword = query_rules__region_has_keyword(rc, left_out.items[i].start,
							   left_out.items[i].end);
	if (!left_out.len || keyword || rc->d->expired) {
		recover_ranges_release(&left_out);
		return NULL;
	}
	TSTree *tree = query_rules__parse_without(rc, &left_out);
	recover_ranges_release(&left_out);
	if (!tree)
		return NULL;
	file_ctx fctx = *rc->ctx;
	fctx.out = first;
	query_rules__run_tree(rc->set, rc->w, &fctx, ts_tree_root_node(tree), rc->runnable, rc->d,
			      true);
	return tree;
}

/* The damaged regions of `root`, and for the note the lines of the damage itself (before it
 * is widened to statements). */
static void query_rules__damage(const source_file *src, TSNode root, recover_ranges *regions,
				strbuf *lines, bool *plural)
{
	recover_regions(regions, root);
	unsigned last = 0;
	size_t listed = 0;
	for (size_t i = 0; i < regions->len; i++) {
		unsigned l1, l2, c;
		source_position(src, regions->items[i].start, &l1, &c);
		source_position(src, regions->items[i].end, &l2, &c);
		if (l2 <= last)
			continue;
		if (l1 <= last)
			l1 = last + 1;
		if (listed == 5) {
			strbuf_adds(lines, " and more");
			break;
		}
		*plural |= listed > 0 || l2 > l1;
		if (l1 == l2)
			strbuf_addf(lines, "%s%u", listed ? ", " : "", l1);
		else
			strbuf_addf(lines, "%s%u-%u", listed ? ", " : "", l1, l2);
		listed++;
		last = l2;
	}
}

/* The rules on the damaged tree `root` (into `first`, empty), again on the statements around
 * each damaged region, and a note saying which lines did not parse. What the rules find on
 * the whole tree inside a damaged region is a misreading as often as not (a `def` swallowed
 * by an ERROR reads as a call with keyword arguments) and is dropped: the region's findings
 * come from the re-analysis. */
static void query_rules__recover(const ts_ruleset *set, ts_worker *w, const file_ctx *ctx,
				 TSNode root, const bool *runnable, struct deadline *d,
				 finding_list *first)
{
	struct recovery rc = { .set = set, .w = w, .ctx = ctx, .runnable = runnable, .d = d,
			       .budget = RECOVER_MAX_PIECES };
	query_rules__keyword_rules(&rc);
	recover_ranges regions = { 0 };
	strbuf lines = STRBUF_INIT;
	bool plural = false;
	query_rules__damage(ctx->src, root, &regions, &lines, &plural);
	TSTree *branches = query_rules__first_branches(&rc, first);
	if (!branches) {
		/* The first tree's findings, outside its damage, stand. */
		file_ctx fctx = *ctx;
		fctx.out = first;
		query_rules__run_tree(set, w, &fctx, root, runnable, d, true);
	}
	if (branches && !ts_node_has_error(ts_tree_root_node(branches))) {
		finding_list_note(ctx->out, LEVEL_NOTE, ctx->uri, ctx->display_path,
				  "'%s' has syntax the %s parser could not read with every branch "
				  "of its #if directives (line%s %s); it was analysed with the first "
				  "branch of each, which holds all its keywords",
				  ctx->display_path, language_name(ctx->lang), plural ? "s" : "",
				  lines.buf);
		strbuf_release(&lines);
		free(rc.ranges);
		free(rc.keyword_rules);
		recover_ranges_release(&regions);
		ts_tree_delete(branches);
		return;
	}
	if (branches) {
		/* What is still damaged with the first branches: its statements alone. */
		root = ts_tree_root_node(branches);
		recover_ranges_release(&regions);
		memset(&regions, 0, sizeof(regions));
		strbuf_release(&lines);
		lines = (strbuf)STRBUF_INIT;
		plural = false;
		query_rules__damage(ctx->src, root, &regions, &lines, &plural);
	}
	recover_extend(&regions, ctx->lang, ctx->src->text, ctx->src->len);
	struct region_filter rf = { ctx->src, &regions };
	finding_list_drop_if(first, query_rules__in_region, &rf);
	recover_context(&rc.context, ctx->lang, root);
	/* A declaration inside a damaged region may be a misreading of other code. */
	size_t kept = 0;
	for (size_t i = 0, r = 0; i < rc.context.len; i++) {
		const recover_range *c = &rc.context.items[i];
		while (r < regions.len && regions.items[r].end <= c->start)
			r++;
		bool inside = r < regions.len && regions.items[r].start < c->end;
		if (c->kind == RECOVER_DECLARATION && inside)
			continue;
		rc.context.items[kept++] = *c;
	}
	rc.context.len = kept;
	/* Only damaged regions that hold a keyword of a rule that runs here can hold what the
	 * first pass missed; the others are not parsed again (most damage in real code is far
	 * from any TLS setting: preprocessor branches, newer syntax than the grammar knows). */
	bool any = false;
	for (size_t i = 0; i < regions.len && !d->expired; i++) {
		if (!query_rules__region_has_keyword(&rc, regions.items[i].start,
						     regions.items[i].end))
			continue;
		any = true;
		query_rules__recover_range(&rc, regions.items[i].start, regions.items[i].end, false,
					   0);
	}
	if (any)
		query_rules__reparse_without(&rc);
	if (lines.len)
		finding_list_note(ctx->out, LEVEL_NOTE, ctx->uri, ctx->display_path,
				  "'%s' has syntax the %s parser could not read (line%s %s); "
				  "the statements around it were analysed on their own, so findings "
				  "there may lack context", ctx->display_path,
				  language_name(ctx->lang), plural ? "s" : "", lines.buf);
	strbuf_release(&lines);
	free(rc.ranges);
	free(rc.keyword_rules);
	recover_ranges_release(&rc.broken);
	recover_ranges_release(&rc.context);
	recover_ranges_release(&regions);
	if (branches)
		ts_tree_delete(branches);
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

static ts_run_status query_rules__run_file(const ts_ruleset *set, ts_worker *w,
					   const file_ctx *ctx, bool *had_errors,
					   ts_tree_visitor visit, const void *arg, bool arena)
{
	struct deadline d = { clock_ms() + w->timeout_ms, false };
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
	/* Which rules run here: the file passed the language's keyword pass for some rule, but
	 * this one may still lack one of its keyword groups, and then cannot match. A rule's
	 * query is compiled the first time a file needs it. */
	bool *runnable = xcalloc(set->len ? set->len : 1, sizeof(*runnable));
	bool rule_failed = false;
	for (size_t i = 0; i < set->len; i++) {
		compiled_rule *cr = (compiled_rule *)&set->rules[i];
		if (cr->rule->files && !rule_applies_to(cr->rule, ctx->uri))
			continue;
		size_t ri = query_rules__index(ctx, cr->rule);
		if (ri != SIZE_MAX && !ctx->live[ri])
			continue;
		if (!query_rules__ready(set, cr, w->error, sizeof(w->error))) {
			rule_failed = true;
			continue;
		}
		runnable[i] = true;
	}
	finding_list first = { 0 };
	file_ctx first_ctx = *ctx;
	first_ctx.out = &first;
	/* A damaged tree's rules run in the recovery, which may read the file again first with
	 * only the first branch of each #if and use that tree instead. */
	if (*had_errors && !d.expired && language_get(ctx->lang)->recovery)
		query_rules__recover(set, w, ctx, root, runnable, &d, &first);
	else
		query_rules__run_tree(set, w, &first_ctx, root, runnable, &d, true);
	finding_list_take(ctx->out, &first);
	free(runnable);
	if (visit && !d.expired)
		visit(arg, ctx, root);
	const value_evaluator *ev = evaluator_for(ctx->lang);
	if (ctx->scan_index_sink && ev && ev->scan_index_record)
		ev->scan_index_record(ctx->scan_index_sink, ctx->uri, ctx->src, root);
	if (!arena)
		ts_tree_delete(tree); /* else ts_arena_end() takes it back at once */
	return d.expired ? TS_RUN_TIMEOUT : rule_failed ? TS_RUN_RULE_FAILED : TS_RUN_OK;
}

ts_run_status ts_ruleset_run_with(const ts_ruleset *set, ts_worker *w, const file_ctx *ctx,
				  bool *had_errors, ts_tree_visitor visit, const void *arg)
{
	if (!ts_arena_begin())
		return query_rules__run_file(set, w, ctx, had_errors, visit, arg, false);
	/* The file's own parser and query cursor, in its region: the worker's would grow
	 * their arrays there and keep them past ts_arena_end(). */
	TSParser *parser = w->parser;
	TSQueryCursor *cursor = w->cursor;
	w->parser = ts_parser_new();
	w->cursor = ts_query_cursor_new();
	ts_query_cursor_set_match_limit(w->cursor, 4096);
	ts_run_status st = query_rules__run_file(set, w, ctx, had_errors, visit, arg, true);
	ts_parser_delete(w->parser); /* its external scanner's state is malloc's */
	ts_query_cursor_delete(w->cursor);
	w->parser = parser;
	w->cursor = cursor;
	ts_arena_end();
	return st;
}
