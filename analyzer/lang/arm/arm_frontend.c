/* arm_frontend.c: Azure Resource Manager templates (JSON, parsed by the JSON grammar) and
 * Bicep files (the Bicep grammar): LT-ARM-001.
 *
 * A .json file reaches this front end only when the language table's sniff hook found a
 * deploymentTemplate "$schema" in it (arm_sniff); other JSON, such as a settings file with a
 * `minimumTlsVersion` key, is not a template and is never read here. The rule is a native
 * check (a `.rule` file without a pattern). The front end walks every resource (ARM's
 * `resources` array or symbolic-name object, child `resources`, nested deployments'
 * `template`; Bicep's `resource` declarations, nested ones, and their `if` / `for` forms),
 * and for each property that arm_settings.c names (by resource type, enclosing key and
 * property) reads its value: a string literal, ARM's `[parameters('x')]` /
 * `[variables('x')]` followed to the parameter's `defaultValue` or the variable, Bicep's
 * `param` default or `var` through an identifier, and both branches of a Bicep `c ? a : b`.
 * A finding is at the setting; a value that came from a parameter or variable is a related
 * location. Anything else (interpolations, other template functions) is unknown and silent.
 * A literal written at the setting is fixed in place (arm__fix). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/query_rules.h"
#include "engine/ts_field.h"
#include "engine/ts_grammars.h"
#include "frontends/frontend.h"
#include "lang/arm/arm_settings.h"
#include "util/alloc.h"
#include "util/strbuf.h"

#define ARM_MAX_DEFS 256  /* parameters and variables kept per file */
#define ARM_MAX_FOLLOW 8  /* variable -> parameter -> ... chains */
#define ARM_MAX_LEAVES 16 /* literal values judged per setting */
#define ARM_MAX_DEPTH 48  /* nesting of objects, resources and templates */

typedef struct arm_state {
	ts_ruleset set; /* no query rules: the grammar, for the parse */
	const rule *rule; /* LT-ARM-001 */
} arm_state;

typedef struct arm_def {
	bool variable; /* a variable (ARM `variables`, Bicep `var`), else a parameter */
	const char *name;
	size_t len;
	TSNode value;  /* the defaultValue / default / the variable's value */
} arm_def;

typedef struct arm_leaf {
	TSNode node;         /* the literal */
	const char *s;       /* its value, without quotes */
	size_t len;
	const arm_def *via;  /* the definition it came through (NULL: written in place) */
} arm_leaf;

struct arm_walk {
	const arm_state *st;
	const file_ctx *ctx;
	const char *text;
	bool bicep;
	arm_def defs[ARM_MAX_DEFS];
	size_t ndefs;
	arm_leaf leaves[ARM_MAX_LEAVES];
	size_t nleaves;
};

static bool arm__is(TSNode n, const char *type)
{
	return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0;
}

static const char *arm__text(const struct arm_walk *w, TSNode n, size_t *len)
{
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
	*len = e - b;
	return w->text + b;
}

static bool arm__eq(const char *s, size_t len, const char *lit)
{
	return strlen(lit) == len && memcmp(s, lit, len) == 0;
}

/* A string without escapes or interpolations: its value. JSON's "x" and Bicep's 'x' both
 * hold at most one string_content child. */
static bool arm__plain_string(const struct arm_walk *w, TSNode n, const char **s, size_t *len)
{
	if (!arm__is(n, "string"))
		return false;
	uint32_t count = ts_node_named_child_count(n);
	if (count == 0) {
		*s = w->text + ts_node_start_byte(n) + 1;
		*len = 0;
		return true;
	}
	TSNode c = ts_node_named_child(n, 0);
	if (count != 1 || !arm__is(c, "string_content"))
		return false;
	*s = arm__text(w, c, len);
	return true;
}

static const arm_def *arm__lookup(const struct arm_walk *w, int variable, const char *name,
				  size_t len)
{
	for (size_t i = w->ndefs; i-- > 0;) /* innermost template first */
		if ((variable < 0 || w->defs[i].variable == (variable > 0)) &&
		    w->defs[i].len == len && memcmp(w->defs[i].name, name, len) == 0)
			return &w->defs[i];
	return NULL;
}

static void arm__define(struct arm_walk *w, bool variable, const char *name, size_t len,
			TSNode value)
{
	if (w->ndefs >= ARM_MAX_DEFS || ts_node_is_null(value))
		return;
	w->defs[w->ndefs++] = (arm_def){ .variable = variable, .name = name, .len = len,
					 .value = value };
}

static void arm__leaf(struct arm_walk *w, TSNode n, const char *s, size_t len,
		      const arm_def *via)
{
	if (w->nleaves < ARM_MAX_LEAVES)
		w->leaves[w->nleaves++] = (arm_leaf){ .node = n, .s = s, .len = len, .via = via };
}

/* ARM expression `[parameters('x')]` or `[variables('x')]` (spaces allowed): the
 * definition it names, or NULL. */
static const arm_def *arm__expression_ref(const struct arm_walk *w, const char *s, size_t len)
{
	size_t i = 1, e = len;
	if (len < 2 || s[0] != '[' || s[1] == '[' || s[len - 1] != ']')
		return NULL;
	e--;
	while (i < e && isspace((unsigned char)s[i]))
		i++;
	while (e > i && isspace((unsigned char)s[e - 1]))
		e--;
	int variable;
	if (e - i > 11 && memcmp(s + i, "parameters(", 11) == 0)
		variable = 0, i += 11;
	else if (e - i > 10 && memcmp(s + i, "variables(", 10) == 0)
		variable = 1, i += 10;
	else
		return NULL;
	if (s[e - 1] != ')')
		return NULL;
	e--;
	while (i < e && isspace((unsigned char)s[i]))
		i++;
	while (e > i && isspace((unsigned char)s[e - 1]))
		e--;
	if (e - i < 2 || s[i] != '\'' || s[e - 1] != '\'')
		return NULL;
	return arm__lookup(w, variable, s + i + 1, e - i - 2);
}

/* Collects the literal values `n` may have into w->leaves. */
static void arm__leaves(struct arm_walk *w, TSNode n, const arm_def *via, int depth)
{
	if (ts_node_is_null(n) || depth > ARM_MAX_FOLLOW * 4 || w->nleaves >= ARM_MAX_LEAVES)
		return;
	const char *s;
	size_t len;
	if (arm__plain_string(w, n, &s, &len)) {
		const arm_def *d = w->bicep ? NULL : arm__expression_ref(w, s, len);
		if (d)
			arm__leaves(w, d->value, via ? via : d, depth + 4);
		else if (w->bicep || len == 0 || s[0] != '[' || (len > 1 && s[1] == '['))
			arm__leaf(w, n, s, len, via);
		return; /* any other ARM expression: unknown */
	}
	if (!w->bicep)
		return;
	if (arm__is(n, "identifier")) {
		const char *name = arm__text(w, n, &len);
		const arm_def *d = arm__lookup(w, -1, name, len);
		if (d)
			arm__leaves(w, d->value, via ? via : d, depth + 4);
	} else if (arm__is(n, "ternary_expression")) {
		arm__leaves(w, ts_field_child(n, "consequence", 11), via, depth + 1);
		arm__leaves(w, ts_field_child(n, "alternative", 11), via, depth + 1);
	} else if (arm__is(n, "parenthesized_expression") && ts_node_named_child_count(n) == 1) {
		arm__leaves(w, ts_node_named_child(n, 0), via, depth + 1);
	}
}

static region arm__region(const struct arm_walk *w, TSNode n)
{
	region r;
	source_position(w->ctx->src, ts_node_start_byte(n), &r.start_line, &r.start_col);
	source_position(w->ctx->src, ts_node_end_byte(n), &r.end_line, &r.end_col);
	return r;
}

/* The fix of a finding: each legacy literal written at the setting (a string, or a branch of
 * a Bicep `c ? a : b`) gets the setting's TLS 1.2 spelling in place, quotes kept. A value
 * from a parameter's default or a variable, a policy name, or MySQL's
 * `TLSEnforcementDisabled` has none. */
static void arm__fix(const struct arm_walk *w, const arm_setting *s, finding *f,
		     const bool *legacy)
{
	for (size_t i = 0; i < w->nleaves; i++) {
		if (legacy[i] && w->leaves[i].via) {
			finding_set_no_fix(f, w->bicep
				? "The value comes from a parameter's default or a variable that "
				  "other settings may use too: change it there."
				: "The value comes from a parameter's defaultValue or a variable "
				  "that other settings may use too: change it there.");
			return;
		}
	}
	for (size_t i = 0; i < w->nleaves; i++) {
		const arm_leaf *l = &w->leaves[i];
		if (!legacy[i])
			continue;
		const char *modern = arm_settings_modern(s, l->s, l->len);
		if (!modern) {
			finding_set_no_fix(f, l->len >= 14 && strncasecmp(l->s, "TLSEnforcement", 14) == 0
				? "'TLSEnforcementDisabled' also turns TLS enforcement off: set "
				  "'sslEnforcement' to 'Enabled' and 'minimalTlsVersion' to 'TLS1_2'."
				: "Policy names differ by service: choose its TLS 1.2 policy.");
			return;
		}
		size_t start = (size_t)(l->s - w->text);
		emit_replace(w->ctx, f, "Require TLS 1.2 as the minimum.", start, start + l->len,
			     modern);
	}
}

/* `property` is the whole `key: value` (for the message), `value` its value. */
static void arm__setting(struct arm_walk *w, const arm_setting *s, TSNode property,
			 TSNode value)
{
	w->nleaves = 0;
	arm__leaves(w, value, NULL, 0);
	version_set enabled = 0;
	bool legacy[ARM_MAX_LEAVES] = { false };
	for (size_t i = 0; i < w->nleaves; i++) {
		version_set v = arm_settings_versions(s, w->leaves[i].s, w->leaves[i].len);
		legacy[i] = v != 0;
		enabled |= v;
	}
	if (!enabled)
		return;
	size_t len = 0;
	const char *t = arm__text(w, property, &len);
	message_args args = { .versions = enabled, .value_text = t, .value_len = len };
	finding *f = emit_finding(w->ctx, w->st->rule, ts_node_start_byte(value),
				  ts_node_end_byte(value), &args);
	arm__fix(w, s, f, legacy);
	for (size_t i = 0; i < w->nleaves; i++) {
		const arm_leaf *l = &w->leaves[i];
		if (!legacy[i] || !l->via)
			continue;
		const char *from = l->via->variable ? "variable"
				   : w->bicep	    ? "the default of parameter"
						    : "the defaultValue of parameter";
		char *msg = xasprintf("The value '%.*s' comes from %s '%.*s'.", (int)l->len, l->s,
				      from, (int)l->via->len, l->via->name);
		finding_add_related(f, w->ctx->uri, arm__region(w, l->node), msg);
		free(msg);
	}
}

/* The full type of a resource declared with `type` inside one of `parent` (a child's
 * "config" is "<parent>/config"), without a Bicep "@api-version", into buf. */
static size_t arm__full_type(char *buf, size_t cap, const char *parent, const char *type,
			     size_t len)
{
	const char *at = memchr(type, '@', len);
	if (at)
		len = (size_t)(at - type);
	int n;
	if (parent && parent[0] && !memchr(type, '/', len))
		n = snprintf(buf, cap, "%s/%.*s", parent, (int)len, type);
	else
		n = snprintf(buf, cap, "%.*s", (int)len, type);
	return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

/* ---- ARM templates (JSON) ---- */

static TSNode json__member(const struct arm_walk *w, TSNode obj, const char *key)
{
	if (!arm__is(obj, "object"))
		return (TSNode){ 0 };
	for (uint32_t i = 0; i < ts_node_named_child_count(obj); i++) {
		TSNode p = ts_node_named_child(obj, i);
		const char *k;
		size_t klen;
		if (arm__is(p, "pair") &&
		    arm__plain_string(w, ts_field_child(p, "key", 3), &k, &klen) &&
		    arm__eq(k, klen, key))
			return ts_field_child(p, "value", 5);
	}
	return (TSNode){ 0 };
}

static void json__template(struct arm_walk *w, TSNode obj, int depth);
static void json__resources(struct arm_walk *w, TSNode list, const char *parent, int depth);

/* The properties of `obj` in a resource of `type`, under key `parent`; `top`: obj is the
 * resource itself (whose `resources` are its children). */
static void json__props(struct arm_walk *w, TSNode obj, const char *type, size_t tlen,
			const char *parent, size_t plen, bool top, int depth)
{
	if (depth > ARM_MAX_DEPTH)
		return;
	if (arm__is(obj, "array")) {
		for (uint32_t i = 0; i < ts_node_named_child_count(obj); i++)
			json__props(w, ts_node_named_child(obj, i), type, tlen, parent, plen,
				    false, depth + 1);
		return;
	}
	if (!arm__is(obj, "object"))
		return;
	for (uint32_t i = 0; i < ts_node_named_child_count(obj); i++) {
		TSNode p = ts_node_named_child(obj, i);
		const char *k;
		size_t klen;
		if (!arm__is(p, "pair") ||
		    !arm__plain_string(w, ts_field_child(p, "key", 3), &k, &klen))
			continue;
		TSNode v = ts_field_child(p, "value", 5);
		if (top && arm__eq(k, klen, "resources")) {
			json__resources(w, v, type, depth + 1);
		} else if (arm__eq(k, klen, "template") && arm__is(v, "object")) {
			json__template(w, v, depth + 1); /* a nested deployment */
		} else {
			const arm_setting *s = arm_settings_find(type, tlen, parent, plen, k, klen);
			if (s)
				arm__setting(w, s, p, v);
			else
				json__props(w, v, type, tlen, k, klen, false, depth + 1);
		}
	}
}

static void json__resource(struct arm_walk *w, TSNode obj, const char *parent, int depth)
{
	const char *t;
	size_t tlen;
	if (!arm__plain_string(w, json__member(w, obj, "type"), &t, &tlen))
		return;
	char type[256];
	size_t n = arm__full_type(type, sizeof(type), parent, t, tlen);
	json__props(w, obj, type, n, "", 0, true, depth + 1);
}

static void json__resources(struct arm_walk *w, TSNode list, const char *parent, int depth)
{
	if (depth > ARM_MAX_DEPTH)
		return;
	/* An array of resources, or (languageVersion 2.0) an object of symbolic names. */
	for (uint32_t i = 0; i < ts_node_named_child_count(list); i++) {
		TSNode c = ts_node_named_child(list, i);
		if (arm__is(list, "object"))
			c = arm__is(c, "pair") ? ts_field_child(c, "value", 5)
					       : (TSNode){ 0 };
		if (arm__is(c, "object"))
			json__resource(w, c, parent, depth + 1);
	}
}

static void json__template(struct arm_walk *w, TSNode obj, int depth)
{
	if (depth > ARM_MAX_DEPTH)
		return;
	size_t saved = w->ndefs;
	TSNode params = json__member(w, obj, "parameters");
	for (uint32_t i = 0; arm__is(params, "object") && i < ts_node_named_child_count(params);
	     i++) {
		TSNode p = ts_node_named_child(params, i);
		const char *k;
		size_t klen;
		if (arm__is(p, "pair") &&
		    arm__plain_string(w, ts_field_child(p, "key", 3), &k, &klen))
			arm__define(w, false, k, klen,
				    json__member(w, ts_field_child(p, "value", 5),
						 "defaultValue"));
	}
	TSNode vars = json__member(w, obj, "variables");
	for (uint32_t i = 0; arm__is(vars, "object") && i < ts_node_named_child_count(vars); i++) {
		TSNode p = ts_node_named_child(vars, i);
		const char *k;
		size_t klen;
		if (arm__is(p, "pair") &&
		    arm__plain_string(w, ts_field_child(p, "key", 3), &k, &klen))
			arm__define(w, true, k, klen, ts_field_child(p, "value", 5));
	}
	json__resources(w, json__member(w, obj, "resources"), NULL, depth + 1);
	w->ndefs = saved;
}

/* ---- Bicep ---- */

static void bicep__resource(struct arm_walk *w, TSNode decl, const char *parent, int depth);

static void bicep__object(struct arm_walk *w, TSNode obj, const char *type, size_t tlen,
			  const char *parent, size_t plen, int depth)
{
	if (depth > ARM_MAX_DEPTH)
		return;
	if (arm__is(obj, "array")) {
		for (uint32_t i = 0; i < ts_node_named_child_count(obj); i++)
			bicep__object(w, ts_node_named_child(obj, i), type, tlen, parent, plen,
				      depth + 1);
		return;
	}
	if (!arm__is(obj, "object"))
		return;
	for (uint32_t i = 0; i < ts_node_named_child_count(obj); i++) {
		TSNode p = ts_node_named_child(obj, i);
		if (!arm__is(p, "object_property") || ts_node_named_child_count(p) == 0)
			continue;
		TSNode key = ts_node_named_child(p, 0);
		if (arm__is(key, "resource_declaration")) {
			char buf[256];
			snprintf(buf, sizeof(buf), "%.*s", (int)tlen, type);
			bicep__resource(w, key, buf, depth + 1);
			continue;
		}
		if (ts_node_named_child_count(p) < 2)
			continue;
		const char *k;
		size_t klen;
		if (!arm__plain_string(w, key, &k, &klen))
			k = arm__text(w, key, &klen);
		TSNode v = ts_node_named_child(p, 1);
		const arm_setting *s = arm_settings_find(type, tlen, parent, plen, k, klen);
		if (s)
			arm__setting(w, s, p, v);
		else
			bicep__object(w, v, type, tlen, k, klen, depth + 1);
	}
}

/* `resource name 'Type@version' = { ... }` (or `= if (c) { ... }`, `= [for ...: { ... }]`). */
static void bicep__resource(struct arm_walk *w, TSNode decl, const char *parent, int depth)
{
	if (depth > ARM_MAX_DEPTH || ts_node_named_child_count(decl) < 3)
		return;
	const char *t;
	size_t tlen;
	if (!arm__plain_string(w, ts_node_named_child(decl, 1), &t, &tlen))
		return;
	char type[256];
	size_t n = arm__full_type(type, sizeof(type), parent, t, tlen);
	TSNode body = ts_node_named_child(decl, ts_node_named_child_count(decl) - 1);
	for (int hops = 0; hops < 4 && !arm__is(body, "object"); hops++) {
		if (arm__is(body, "for_statement"))
			body = ts_field_child(body, "body", 4);
		else if (arm__is(body, "if_statement") && ts_node_named_child_count(body))
			body = ts_node_named_child(body, ts_node_named_child_count(body) - 1);
		else
			break;
	}
	bicep__object(w, body, type, n, "", 0, depth + 1);
}

static void bicep__program(struct arm_walk *w, TSNode root)
{
	uint32_t count = ts_node_named_child_count(root);
	for (uint32_t i = 0; i < count; i++) {
		TSNode c = ts_node_named_child(root, i);
		size_t len;
		if (arm__is(c, "parameter_declaration") && ts_node_named_child_count(c) >= 3) {
			const char *name = arm__text(w, ts_node_named_child(c, 0), &len);
			arm__define(w, false, name, len, ts_node_named_child(c, 2));
		} else if (arm__is(c, "variable_declaration") && ts_node_named_child_count(c) >= 2) {
			const char *name = arm__text(w, ts_node_named_child(c, 0), &len);
			arm__define(w, true, name, len, ts_node_named_child(c, 1));
		}
	}
	for (uint32_t i = 0; i < count; i++) {
		TSNode c = ts_node_named_child(root, i);
		if (arm__is(c, "resource_declaration"))
			bicep__resource(w, c, NULL, 0);
	}
}

static void arm__visit(const void *arg, const file_ctx *ctx, TSNode root)
{
	struct arm_walk *w = xcalloc(1, sizeof(*w));
	w->st = arg;
	w->ctx = ctx;
	w->text = ctx->src->text;
	w->bicep = w->st->set.lang == LANG_BICEP;
	if (w->bicep) {
		bicep__program(w, root);
	} else {
		for (uint32_t i = 0; i < ts_node_named_child_count(root); i++)
			if (arm__is(ts_node_named_child(root, i), "object"))
				json__template(w, ts_node_named_child(root, i), 0);
	}
	free(w);
}

static int arm_fe__prepare(void **state, language lang, const rule *const *rules,
			   size_t nrules, char *err, size_t errlen)
{
	arm_state *st = xcalloc(1, sizeof(*st));
	st->set.lang = lang;
	st->set.grammar = ts_grammar_for(lang);
	for (size_t i = 0; i < nrules; i++) {
		if (strcmp(rules[i]->id, "LT-ARM-001") == 0) {
			st->rule = rules[i];
		} else {
			snprintf(err, errlen, "%s: %s is not a built-in check of ARM or Bicep files",
				 rules[i]->source_path, rules[i]->id);
			free(st);
			return -1;
		}
	}
	*state = st;
	return 0;
}

static void arm_fe__release(void *state)
{
	free(state);
}

static int arm_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			   size_t whylen)
{
	const arm_state *st = state;
	if (!st->rule)
		return 0;
	bool had_errors = false;
	ts_run_status status = ts_ruleset_run_with(&st->set, worker, ctx, &had_errors, arm__visit,
						   st);
	return ts_run_status_explain(status, worker, ctx->lang, why, whylen);
}

const frontend arm_frontend = {
	.name = "arm",
	.prepare = arm_fe__prepare,
	.release = arm_fe__release,
	.worker_new = ts_worker_new,
	.worker_free = ts_worker_free,
	.analyze = arm_fe__analyze,
};
