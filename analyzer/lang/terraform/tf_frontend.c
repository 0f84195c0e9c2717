/* tf_frontend.c: Terraform (.tf, parsed by the HCL grammar): LT-TF-001 and LT-TF-002.
 *
 * Both rules are native checks (`.rule` files without a pattern). The front end walks every
 * `resource` block, and for each attribute that tf_settings.c names (by resource type,
 * innermost nested block and attribute) reads its value: string and boolean literals, the
 * elements of a list, both branches of `c ? a : b`, and `var.NAME` / `local.NAME`, followed
 * to the variable's `default` or the local's value in the same file. A finding is reported at
 * the setting; a value that came from a variable or a local is a related location. An
 * interpolated string ("${...}") or anything else is unknown and silent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/query_rules.h"
#include "engine/ts_grammars.h"
#include "frontends/frontend.h"
#include "lang/terraform/tf_settings.h"
#include "util/alloc.h"
#include "util/strbuf.h"

#define TF_MAX_DEFS 256   /* variables and locals kept per file */
#define TF_MAX_FOLLOW 8   /* var -> local -> var ... chains */
#define TF_MAX_LEAVES 16  /* literal values judged per setting */

typedef struct tf_state {
	ts_ruleset set; /* no query rules: the grammar, for the parse */
	const rule *rules[TF_RULE_COUNT];
} tf_state;

typedef struct tf_def {
	bool local;         /* local.NAME, else var.NAME */
	const char *name;
	size_t len;
	TSNode value;       /* the default / the local's expression */
} tf_def;

typedef struct tf_leaf {
	TSNode node;        /* a string or bool literal */
	TSNode via;         /* the definition it came through (null node: written in place) */
	bool via_local;
	const char *via_name;
	size_t via_len;
} tf_leaf;

struct tf_walk {
	const tf_state *st;
	const file_ctx *ctx;
	const char *text;
	tf_def defs[TF_MAX_DEFS];
	size_t ndefs;
	tf_leaf leaves[TF_MAX_LEAVES];
	size_t nleaves;
};

static const char *tf__text(const struct tf_walk *w, TSNode n, size_t *len)
{
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
	*len = e - b;
	return w->text + b;
}

static bool tf__is(TSNode n, const char *type)
{
	return strcmp(ts_node_type(n), type) == 0;
}

static bool tf__text_is(const struct tf_walk *w, TSNode n, const char *s)
{
	size_t len = 0;
	const char *t = tf__text(w, n, &len);
	return strlen(s) == len && memcmp(t, s, len) == 0;
}

/* The text of a block label or a plain string literal: "x" without its quotes. */
static bool tf__string_lit(const struct tf_walk *w, TSNode n, const char **s, size_t *len)
{
	if (!tf__is(n, "string_lit"))
		return false;
	uint32_t count = ts_node_named_child_count(n);
	if (count == 2) { /* "" */
		*s = w->text + ts_node_end_byte(ts_node_named_child(n, 0));
		*len = 0;
		return true;
	}
	if (count != 3 || !tf__is(ts_node_named_child(n, 1), "template_literal"))
		return false;
	*s = tf__text(w, ts_node_named_child(n, 1), len);
	return true;
}

static const tf_def *tf__lookup(const struct tf_walk *w, bool local, const char *name,
				size_t len)
{
	for (size_t i = 0; i < w->ndefs; i++)
		if (w->defs[i].local == local && w->defs[i].len == len &&
		    memcmp(w->defs[i].name, name, len) == 0)
			return &w->defs[i];
	return NULL;
}

/* Collects the literal values `n` may have into w->leaves. */
static void tf__leaves(struct tf_walk *w, TSNode n, const tf_leaf *via, int depth)
{
	if (ts_node_is_null(n) || depth > TF_MAX_FOLLOW * 4 || w->nleaves >= TF_MAX_LEAVES)
		return;
	const char *type = ts_node_type(n);
	uint32_t count = ts_node_named_child_count(n);
	if (strcmp(type, "expression") == 0) {
		TSNode first = count ? ts_node_named_child(n, 0) : n;
		if (count == 2 && tf__is(first, "variable_expr") &&
		    tf__is(ts_node_named_child(n, 1), "get_attr")) {
			TSNode root = ts_node_named_child(first, 0);
			TSNode attr = ts_node_named_child(ts_node_named_child(n, 1), 0);
			bool local = tf__text_is(w, root, "local");
			if (!local && !tf__text_is(w, root, "var"))
				return;
			size_t len = 0;
			const char *name = tf__text(w, attr, &len);
			const tf_def *d = tf__lookup(w, local, name, len);
			if (!d || depth > TF_MAX_FOLLOW * 3)
				return;
			tf_leaf next = { .via = d->value, .via_local = local, .via_name = name,
					 .via_len = len };
			tf__leaves(w, d->value, via ? via : &next, depth + 3);
			return;
		}
		if (count == 1)
			tf__leaves(w, first, via, depth + 1);
		return;
	}
	if (strcmp(type, "literal_value") == 0 && count == 1) {
		TSNode lit = ts_node_named_child(n, 0);
		const char *s;
		size_t len;
		if (tf__is(lit, "bool_lit") || tf__string_lit(w, lit, &s, &len)) {
			tf_leaf l = via ? *via : (tf_leaf){ 0 };
			if (!via)
				l.via = (TSNode){ 0 };
			l.node = lit;
			w->leaves[w->nleaves++] = l;
		}
		return;
	}
	if (strcmp(type, "collection_value") == 0 && count == 1) {
		TSNode tuple = ts_node_named_child(n, 0);
		if (!tf__is(tuple, "tuple"))
			return;
		for (uint32_t i = 0; i < ts_node_named_child_count(tuple); i++)
			tf__leaves(w, ts_node_named_child(tuple, i), via, depth + 1);
		return;
	}
	if (strcmp(type, "conditional") == 0 && count == 3) {
		tf__leaves(w, ts_node_named_child(n, 1), via, depth + 1);
		tf__leaves(w, ts_node_named_child(n, 2), via, depth + 1);
	}
}

static region tf__region(const struct tf_walk *w, TSNode n)
{
	region r;
	source_position(w->ctx->src, ts_node_start_byte(n), &r.start_line, &r.start_col);
	source_position(w->ctx->src, ts_node_end_byte(n), &r.end_line, &r.end_col);
	return r;
}

static void tf__fix(const struct tf_walk *w, finding *f, const bool *legacy);

static void tf__setting(struct tf_walk *w, const tf_setting *s, TSNode value)
{
	const rule *r = w->st->rules[s->rule];
	if (!r)
		return;
	w->nleaves = 0;
	tf__leaves(w, value, NULL, 0);
	version_set enabled = 0;
	bool legacy[TF_MAX_LEAVES] = { false };
	for (size_t i = 0; i < w->nleaves; i++) {
		size_t len = 0;
		const char *t = tf__text(w, w->leaves[i].node, &len);
		if (tf__is(w->leaves[i].node, "string_lit") && !tf__string_lit(w, w->leaves[i].node,
									   &t, &len))
			continue;
		version_set v = tf_settings_versions(s, t, len);
		legacy[i] = v != 0;
		enabled |= v;
	}
	if (!enabled)
		return;
	size_t len = 0;
	const char *t = tf__text(w, ts_node_parent(value), &len); /* name = value */
	message_args args = { .versions = enabled, .value_text = t, .value_len = len };
	finding *f = emit_finding(w->ctx, r, ts_node_start_byte(value), ts_node_end_byte(value),
				  &args);
	tf__fix(w, f, legacy);
	for (size_t i = 0; i < w->nleaves; i++) {
		const tf_leaf *l = &w->leaves[i];
		if (!legacy[i] || ts_node_is_null(l->via))
			continue;
		size_t vlen = 0;
		const char *v = tf__text(w, l->node, &vlen);
		char *msg = xasprintf("The value %.*s comes from %s '%.*s'.", (int)vlen, v,
				      l->via_local ? "the local value" : "the default of variable",
				      (int)l->via_len, l->via_name);
		finding_add_related(f, w->ctx->uri, tf__region(w, l->node), msg);
		free(msg);
	}
}

/* The modern spelling of a legacy minimum, or NULL (policy names differ by service). */
static const char *tf__modern(const char *v, size_t len)
{
	static const struct {
		const char *legacy, *modern;
	} map[] = {
		{ "TLS1_0", "TLS1_2" },	  { "TLS1_1", "TLS1_2" },   { "1.0", "1.2" },
		{ "1.1", "1.2" },	  { "Tls", "Tls12" },	    { "Tls11", "Tls12" },
		{ "TLSv1_0", "TLSv1_2" }, { "TLSv1_1", "TLSv1_2" }, { "TLS_1_0", "TLS_1_2" },
		{ "TLS_1_1", "TLS_1_2" }, { "true", "false" },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strlen(map[i].legacy) == len && strncasecmp(map[i].legacy, v, len) == 0)
			return map[i].modern;
	return NULL;
}

/* The fix of a finding: each legacy literal written at the setting gets its TLS 1.2 spelling
 * (`true` of an enable-SSL-3.0 switch, `false`); a value from a variable or local, or a
 * policy name, has none. */
static void tf__fix(const struct tf_walk *w, finding *f, const bool *legacy)
{
	for (size_t i = 0; i < w->nleaves; i++) {
		const tf_leaf *l = &w->leaves[i];
		if (legacy[i] && !ts_node_is_null(l->via)) {
			finding_set_no_fix(f, "The value comes from a variable's default or a local "
					      "that other settings may use too: change it there.");
			return;
		}
	}
	for (size_t i = 0; i < w->nleaves; i++) {
		if (!legacy[i])
			continue;
		const char *t = NULL;
		size_t len = 0;
		bool str = tf__string_lit(w, w->leaves[i].node, &t, &len);
		if (!str)
			t = tf__text(w, w->leaves[i].node, &len);
		const char *modern = tf__modern(t, len);
		if (!modern) {
			finding_set_no_fix(f, "Policy names differ by service: choose its TLS 1.2 "
					      "policy.");
			return;
		}
		size_t start = (size_t)(t - w->text);
		emit_replace(w->ctx, f, "Require TLS 1.2 as the minimum.", start, start + len,
			     modern);
	}
}

/* The name a nested block stands for: `dynamic "site_config" { content { ... } }` is a
 * site_config block. */
static void tf__body(struct tf_walk *w, TSNode body, const char *type, size_t type_len,
		     const char *block, size_t block_len, int depth)
{
	if (depth > 32)
		return;
	for (uint32_t i = 0; i < ts_node_named_child_count(body); i++) {
		TSNode c = ts_node_named_child(body, i);
		if (tf__is(c, "attribute")) {
			size_t alen = 0;
			const char *a = tf__text(w, ts_node_named_child(c, 0), &alen);
			const tf_setting *s = tf_settings_find(type, type_len, block, block_len, a, alen);
			if (s && ts_node_named_child_count(c) >= 2)
				tf__setting(w, s, ts_node_named_child(c, 1));
		} else if (tf__is(c, "block")) {
			TSNode id = ts_node_named_child(c, 0);
			size_t nlen = 0;
			const char *name = tf__text(w, id, &nlen);
			TSNode label = ts_node_named_child(c, 1);
			const char *ls;
			size_t llen;
			if (tf__text_is(w, id, "dynamic") && tf__string_lit(w, label, &ls, &llen))
				name = ls, nlen = llen;
			else if (tf__text_is(w, id, "content"))
				name = block, nlen = block_len;
			for (uint32_t k = 0; k < ts_node_named_child_count(c); k++) {
				TSNode b = ts_node_named_child(c, k);
				if (tf__is(b, "body"))
					tf__body(w, b, type, type_len, name, nlen, depth + 1);
			}
		}
	}
}

static TSNode tf__block_body(TSNode block)
{
	for (uint32_t k = 0; k < ts_node_named_child_count(block); k++)
		if (tf__is(ts_node_named_child(block, k), "body"))
			return ts_node_named_child(block, k);
	return (TSNode){ 0 };
}

/* Variables' defaults and locals of the file. */
static void tf__definitions(struct tf_walk *w, TSNode body)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(body); i++) {
		TSNode c = ts_node_named_child(body, i);
		if (!tf__is(c, "block"))
			continue;
		TSNode id = ts_node_named_child(c, 0), inner = tf__block_body(c);
		if (ts_node_is_null(inner))
			continue;
		bool local = tf__text_is(w, id, "locals");
		const char *vname = NULL;
		size_t vlen = 0;
		if (!local && !(tf__text_is(w, id, "variable") &&
				tf__string_lit(w, ts_node_named_child(c, 1), &vname, &vlen)))
			continue;
		for (uint32_t k = 0; k < ts_node_named_child_count(inner); k++) {
			TSNode a = ts_node_named_child(inner, k);
			if (!tf__is(a, "attribute") || ts_node_named_child_count(a) < 2 ||
			    w->ndefs >= TF_MAX_DEFS)
				continue;
			tf_def *d = &w->defs[w->ndefs];
			if (local) {
				d->name = tf__text(w, ts_node_named_child(a, 0), &d->len);
			} else if (tf__text_is(w, ts_node_named_child(a, 0), "default")) {
				d->name = vname;
				d->len = vlen;
			} else {
				continue;
			}
			d->local = local;
			d->value = ts_node_named_child(a, 1);
			w->ndefs++;
		}
	}
}

static void tf__visit(const void *arg, const file_ctx *ctx, TSNode root)
{
	struct tf_walk *w = xcalloc(1, sizeof(*w));
	w->st = arg;
	w->ctx = ctx;
	w->text = ctx->src->text;
	TSNode body = tf__block_body(root);
	if (ts_node_is_null(body))
		body = root;
	tf__definitions(w, body);
	for (uint32_t i = 0; i < ts_node_named_child_count(body); i++) {
		TSNode c = ts_node_named_child(body, i);
		const char *type;
		size_t tlen;
		if (!tf__is(c, "block") || !tf__text_is(w, ts_node_named_child(c, 0), "resource") ||
		    !tf__string_lit(w, ts_node_named_child(c, 1), &type, &tlen))
			continue;
		TSNode inner = tf__block_body(c);
		if (!ts_node_is_null(inner))
			tf__body(w, inner, type, tlen, "", 0, 0);
	}
	free(w);
}

static int tf_fe__prepare(void **state, language lang, const rule *const *rules, size_t nrules,
			  char *err, size_t errlen)
{
	tf_state *st = xcalloc(1, sizeof(*st));
	st->set.lang = lang;
	st->set.grammar = ts_grammar_for(lang);
	for (size_t i = 0; i < nrules; i++) {
		if (strcmp(rules[i]->id, "LT-TF-001") == 0) {
			st->rules[TF_RULE_AZURE] = rules[i];
		} else if (strcmp(rules[i]->id, "LT-TF-002") == 0) {
			st->rules[TF_RULE_AWS_GOOGLE] = rules[i];
		} else {
			snprintf(err, errlen, "%s: %s is not a built-in check of Terraform files",
				 rules[i]->source_path, rules[i]->id);
			free(st);
			return -1;
		}
	}
	*state = st;
	return 0;
}

static void tf_fe__release(void *state)
{
	free(state);
}

static int tf_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			  size_t whylen)
{
	const tf_state *st = state;
	bool had_errors = false;
	ts_run_status status = ts_ruleset_run_with(&st->set, worker, ctx, &had_errors, tf__visit,
						   st);
	return ts_run_status_explain(status, worker, ctx->lang, why, whylen);
}

const frontend terraform_frontend = {
	.name = "terraform",
	.prepare = tf_fe__prepare,
	.release = tf_fe__release,
	.worker_new = ts_worker_new,
	.worker_free = ts_worker_free,
	.analyze = tf_fe__analyze,
};
