/* predicates.c: compiling and evaluating query predicates. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "predicates.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

typedef enum predicate_op { OP_EQ, OP_MATCH, OP_ANY_OF, OP_HAS_ARG, OP_REJECTION_TEST } predicate_op;

/* The longest evaluated string a predicate compares. */
#define MAX_EVALUATED 4096

typedef struct predicate_arg {
	bool is_capture;
	uint32_t capture_id;
	char *literal;
} predicate_arg;

struct predicate {
	predicate_op op;
	bool negated;
	bool evaluated;       /* compares the capture's evaluated string, not its text */
	uint32_t capture_id;  /* the first argument, always a capture */
	predicate_arg *args;  /* the other arguments */
	size_t nargs;
	pcre2_code *regex;
	long position;        /* OP_HAS_ARG: the parameter's position, -1 for keyword only */
	language_predicates syntax; /* the rule's language's answers (OP_HAS_ARG, OP_REJECTION_TEST) */
};

static const struct {
	const char *name;
	predicate_op op;
	bool negated;
	bool evaluated;
} known[] = {
	{ "eq?", OP_EQ, false, false },        { "not-eq?", OP_EQ, true, false },
	{ "match?", OP_MATCH, false, false },  { "not-match?", OP_MATCH, true, false },
	{ "any-of?", OP_ANY_OF, false, false }, { "not-any-of?", OP_ANY_OF, true, false },
	/* On the string the capture evaluates to (the language's eval_string). */
	{ "string-match?", OP_MATCH, false, true },
	{ "not-string-match?", OP_MATCH, true, true },
	{ "string-any-of?", OP_ANY_OF, false, true },
	{ "not-string-any-of?", OP_ANY_OF, true, true },
	/* May the call pass parameter NAME (by keyword, or at 0-based POSITION)? Languages with
	 * a `may_pass` (Python). */
	{ "has-arg?", OP_HAS_ARG, false, false }, { "not-has-arg?", OP_HAS_ARG, true, false },
	/* Is the node in a test that expects the code to fail? Languages with an
	 * `in_rejection_test` (C#, Python). */
	{ "not-in-rejection-test?", OP_REJECTION_TEST, true, false },
};

static void predicate__release(predicate *p)
{
	for (size_t i = 0; i < p->nargs; i++)
		free(p->args[i].literal);
	free(p->args);
	if (p->regex)
		pcre2_code_free(p->regex);
}

/* Does predicate `op` apply to `lang`? Generic predicates apply to every language; the
 * others need the language's answer (core/language.h). */
static bool predicate__applies(predicate_op op, const language_predicates *lp)
{
	if (op == OP_HAS_ARG)
		return lp->may_pass != NULL;
	if (op == OP_REJECTION_TEST)
		return lp->in_rejection_test != NULL;
	return true;
}

/* Writes "'#NAME' does not apply to LANG rules (only to A, B)" into `err`. */
static void predicate__not_for(predicate_op op, const char *name, language lang, char *err,
			       size_t errlen)
{
	strbuf sb = STRBUF_INIT;
	for (int l = 1; l < LANG_COUNT; l++) {
		if (!predicate__applies(op, &language_get((language)l)->predicates))
			continue;
		strbuf_adds(&sb, sb.len ? ", " : "");
		strbuf_adds(&sb, language_name((language)l));
	}
	snprintf(err, errlen, "'#%s' does not apply to %s rules (only to %s)", name,
		 language_name(lang), sb.len ? strbuf_str(&sb) : "no language");
	strbuf_release(&sb);
}

/* The byte of `source` where the predicate `#name` of pattern `pattern` is written, or
 * UINT32_MAX when it cannot be found. */
static uint32_t predicate__offset(const TSQuery *q, const char *source, uint32_t pattern,
				  const char *name)
{
	if (!source)
		return UINT32_MAX;
	uint32_t start = ts_query_start_byte_for_pattern(q, pattern);
	if (start > strlen(source))
		return UINT32_MAX;
	size_t nlen = strlen(name);
	for (const char *h = source + start; (h = strchr(h, '#')); h++)
		if (strncmp(h + 1, name, nlen) == 0)
			return (uint32_t)(h - source);
	return UINT32_MAX;
}

/* Compiles one predicate from `steps[0..n)` (the name step first). */
static int predicate__compile(predicate *p, const TSQuery *q, const TSQueryPredicateStep *steps,
			      uint32_t n, uint32_t pattern, language lang, const char *source,
			      uint32_t *err_offset, char *err, size_t errlen)
{
	uint32_t len = 0;
	memset(p, 0, sizeof(*p));
	if (steps[0].type != TSQueryPredicateStepTypeString) {
		snprintf(err, errlen, "pattern %u: a predicate must start with its name", pattern);
		return -1;
	}
	const char *name = ts_query_string_value_for_id(q, steps[0].value_id, &len);
	size_t k;
	for (k = 0; k < sizeof(known) / sizeof(known[0]); k++)
		if (strcmp(known[k].name, name) == 0)
			break;
	if (k == sizeof(known) / sizeof(known[0])) {
		snprintf(err, errlen,
			 "pattern %u: unknown predicate '#%s' (supported: #eq? #not-eq? #match? "
			 "#not-match? #any-of? #not-any-of? #string-match? #string-any-of? and their "
			 "#not- forms, #has-arg? #not-has-arg? #not-in-rejection-test?)", pattern, name);
		return -1;
	}
	p->op = known[k].op;
	p->negated = known[k].negated;
	p->evaluated = known[k].evaluated;
	p->syntax = language_get(lang)->predicates;
	if (!predicate__applies(p->op, &p->syntax)) {
		predicate__not_for(p->op, name, lang, err, errlen);
		*err_offset = predicate__offset(q, source, pattern, name);
		return -1;
	}
	if (known[k].op == OP_REJECTION_TEST) {
		if (n != 2 || steps[1].type != TSQueryPredicateStepTypeCapture) {
			snprintf(err, errlen, "pattern %u: '#%s' takes one capture", pattern, name);
			return -1;
		}
		p->capture_id = steps[1].value_id;
		return 0;
	}
	if (n < 3 || steps[1].type != TSQueryPredicateStepTypeCapture) {
		snprintf(err, errlen, "pattern %u: '#%s' needs a capture and at least one argument",
			 pattern, name);
		return -1;
	}
	p->capture_id = steps[1].value_id;
	p->nargs = n - 2;
	p->args = xcalloc(p->nargs, sizeof(*p->args));
	for (uint32_t i = 2; i < n; i++) {
		predicate_arg *a = &p->args[i - 2];
		if (steps[i].type == TSQueryPredicateStepTypeCapture) {
			a->is_capture = true;
			a->capture_id = steps[i].value_id;
		} else {
			a->literal = xstrdup(ts_query_string_value_for_id(q, steps[i].value_id, &len));
		}
	}
	if ((p->op == OP_MATCH || (p->op == OP_EQ)) && p->nargs != 1) {
		snprintf(err, errlen, "pattern %u: '#%s' takes a capture and one argument", pattern,
			 name);
		return -1;
	}
	if (p->op == OP_MATCH) {
		if (p->args[0].is_capture) {
			snprintf(err, errlen, "pattern %u: '#%s' needs a regular expression string",
				 pattern, name);
			return -1;
		}
		int code = 0;
		PCRE2_SIZE offset = 0;
		p->regex = pcre2_compile((PCRE2_SPTR)p->args[0].literal, PCRE2_ZERO_TERMINATED,
					 PCRE2_UTF, &code, &offset, NULL);
		if (!p->regex) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(code, msg, sizeof(msg));
			snprintf(err, errlen, "pattern %u: bad regular expression '%s': %s", pattern,
				 p->args[0].literal, (const char *)msg);
			return -1;
		}
	}
	if (p->op == OP_HAS_ARG) {
		char *end = NULL;
		p->position = -1;
		bool ok = p->nargs <= 2 && !p->args[0].is_capture &&
			  (p->nargs == 1 || !p->args[1].is_capture);
		if (ok && p->nargs == 2) {
			p->position = strtol(p->args[1].literal, &end, 10);
			ok = end != p->args[1].literal && *end == '\0' && p->position >= 0;
		}
		if (!ok) {
			snprintf(err, errlen,
				 "pattern %u: '#%s' takes a capture, a parameter name and an optional "
				 "0-based position", pattern, name);
			return -1;
		}
	}
	if (p->op == OP_ANY_OF) {
		for (size_t i = 0; i < p->nargs; i++) {
			if (p->args[i].is_capture) {
				snprintf(err, errlen, "pattern %u: '#%s' takes strings", pattern,
					 name);
				return -1;
			}
		}
	}
	return 0;
}

int predicates_compile(predicate_table *out, const TSQuery *q, language lang, const char *source,
		       uint32_t *err_offset, char *err, size_t errlen)
{
	*err_offset = UINT32_MAX;
	memset(out, 0, sizeof(*out));
	out->npatterns = ts_query_pattern_count(q);
	out->by_pattern = xcalloc(out->npatterns ? out->npatterns : 1, sizeof(*out->by_pattern));
	out->counts = xcalloc(out->npatterns ? out->npatterns : 1, sizeof(*out->counts));
	for (uint32_t pat = 0; pat < out->npatterns; pat++) {
		uint32_t nsteps = 0;
		const TSQueryPredicateStep *steps = ts_query_predicates_for_pattern(q, pat, &nsteps);
		uint32_t start = 0;
		for (uint32_t i = 0; i < nsteps; i++) {
			if (steps[i].type != TSQueryPredicateStepTypeDone)
				continue;
			size_t c = out->counts[pat];
			PUSH(out->by_pattern[pat], out->counts[pat]);
			if (predicate__compile(&out->by_pattern[pat][c], q, steps + start, i - start,
					       pat, lang, source, err_offset, err, errlen) < 0) {
				predicates_release(out);
				return -1;
			}
			if (out->by_pattern[pat][c].evaluated)
				out->needs_strings = true;
			start = i + 1;
		}
	}
	return 0;
}

/* The text of the first node captured as `id` in the match (NULL when not captured). */
static const char *predicate__capture_text(const TSQueryMatch *m, uint32_t id, const char *text,
					   size_t *len)
{
	for (uint16_t i = 0; i < m->capture_count; i++) {
		if (m->captures[i].index == id) {
			uint32_t s = ts_node_start_byte(m->captures[i].node);
			uint32_t e = ts_node_end_byte(m->captures[i].node);
			*len = e - s;
			return text + s;
		}
	}
	return NULL;
}

/* The node first captured as `id` in the match. */
static bool predicate__capture_node(const TSQueryMatch *m, uint32_t id, TSNode *out)
{
	for (uint16_t i = 0; i < m->capture_count; i++) {
		if (m->captures[i].index == id) {
			*out = m->captures[i].node;
			return true;
		}
	}
	return false;
}

/* #string-...?: compares what the capture evaluates to; unknown strings never hold, and
 * never make a negated predicate hold either. */
static bool predicate__holds_evaluated(const predicate *p, const TSQueryMatch *m,
				       const predicate_env *env)
{
	TSNode node;
	if (!predicate__capture_node(m, p->capture_id, &node))
		return true;
	strbuf sb = STRBUF_INIT;
	sb.max = MAX_EVALUATED;
	bool have = env->eval_string && env->eval_string(env->payload, node, &sb) && !sb.truncated;
	bool result = false;
	if (have && p->op == OP_MATCH) {
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(p->regex, NULL);
		result = pcre2_match(p->regex, (PCRE2_SPTR)strbuf_str(&sb), sb.len, 0, 0, md,
				     NULL) >= 0;
		pcre2_match_data_free(md);
	} else if (have) {
		for (size_t i = 0; i < p->nargs && !result; i++)
			result = strlen(p->args[i].literal) == sb.len &&
				 memcmp(p->args[i].literal, strbuf_str(&sb), sb.len) == 0;
	}
	strbuf_release(&sb);
	return have && (p->negated ? !result : result);
}

static bool predicate__holds(const predicate *p, const TSQueryMatch *m, const predicate_env *env)
{
	if (p->evaluated)
		return predicate__holds_evaluated(p, m, env);
	const char *text = env->text;
	if (p->op == OP_HAS_ARG || p->op == OP_REJECTION_TEST) {
		TSNode node;
		if (!predicate__capture_node(m, p->capture_id, &node))
			return true;
		bool result = p->op == OP_HAS_ARG
				      ? p->syntax.may_pass(node, text, p->args[0].literal, p->position)
				      : p->syntax.in_rejection_test(node, text);
		return p->negated ? !result : result;
	}
	size_t len = 0;
	const char *s = predicate__capture_text(m, p->capture_id, text, &len);
	if (!s)
		return true; /* an optional capture that did not match constrains nothing */
	bool result = false;
	switch (p->op) {
	case OP_EQ: {
		const char *other;
		size_t olen;
		if (p->args[0].is_capture) {
			other = predicate__capture_text(m, p->args[0].capture_id, text, &olen);
			if (!other)
				return true;
		} else {
			other = p->args[0].literal;
			olen = strlen(other);
		}
		result = len == olen && memcmp(s, other, len) == 0;
		break;
	}
	case OP_MATCH: {
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(p->regex, NULL);
		int rc = pcre2_match(p->regex, (PCRE2_SPTR)s, len, 0, 0, md, NULL);
		pcre2_match_data_free(md);
		result = rc >= 0;
		break;
	}
	case OP_HAS_ARG:
	case OP_REJECTION_TEST:
		break; /* handled above */
	case OP_ANY_OF:
		for (size_t i = 0; i < p->nargs && !result; i++)
			result = strlen(p->args[i].literal) == len &&
				 memcmp(p->args[i].literal, s, len) == 0;
		break;
	}
	return p->negated ? !result : result;
}

bool predicates_hold(const predicate_table *t, const TSQueryMatch *m, const predicate_env *env)
{
	return predicates_hold_phase(t, m, env, PREDICATES_CHEAP) &&
	       predicates_hold_phase(t, m, env, PREDICATES_COSTLY);
}

bool predicates_hold_phase(const predicate_table *t, const TSQueryMatch *m,
			   const predicate_env *env, predicate_phase phase)
{
	if (m->pattern_index >= t->npatterns)
		return false;
	for (size_t i = 0; i < t->counts[m->pattern_index]; i++) {
		const predicate *p = &t->by_pattern[m->pattern_index][i];
		if ((p->op == OP_REJECTION_TEST) != (phase == PREDICATES_COSTLY))
			continue;
		if (!predicate__holds(p, m, env))
			return false;
	}
	return true;
}

void predicates_release(predicate_table *t)
{
	for (uint32_t p = 0; p < t->npatterns; p++) {
		for (size_t i = 0; i < t->counts[p]; i++)
			predicate__release(&t->by_pattern[p][i]);
		free(t->by_pattern[p]);
	}
	free(t->by_pattern);
	free(t->counts);
	memset(t, 0, sizeof(*t));
}
