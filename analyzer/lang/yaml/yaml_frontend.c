/* yaml_frontend.c: the front end of YAML files (CI `run:` steps: LT-SH-001; `-D` options in
 * values: LT-JVM-001), CloudFormation templates in YAML or JSON (LT-CFN-001) and Kubernetes
 * manifests (LT-K8S-001; `-D` options: LT-JVM-001). All four rules are native checks (`.rule`
 * files without a pattern).
 *
 * The language table's sniff hooks decide which of the three a .yaml/.yml file is
 * (lang/yaml/yaml_sniff.h). The file is parsed with tree-sitter-yaml (or tree-sitter-json for
 * a JSON template) and turned into a small document tree (lang/yaml/yaml_doc.h). The command
 * text of CI steps (`run`, GitLab's `script`, `before_script`, `after_script`, Azure
 * Pipelines' `bash`/`script`) is parsed as shell from a blanked copy of the file and checked
 * by engine/shell_commands.h, like a shell script's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/query_rules.h"
#include "engine/shell_commands.h"
#include "engine/ts_grammars.h"
#include "frontends/frontend.h"
#include "lang/yaml/yaml_doc.h"
#include "util/alloc.h"

#define YAML_MAX_DOCS 256
#define YAML_MAX_DEPTH 64

typedef struct yaml_state {
	language lang;
	yaml_rules rules;
} yaml_state;

struct yaml_walk {
	const file_ctx *ctx;
	const yaml_state *st;
	char *masked; /* the run steps' text, everything else blanked; NULL until one is seen */
	size_t len;
};

static bool yaml__run_key(const ydoc *k)
{
	static const char *const keys[] = { "run", "script", "before_script", "after_script",
					    "bash" };
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (ydoc_is(k, keys[i]))
			return true;
	return false;
}

static void yaml__keep(struct yaml_walk *w, const ydoc *d)
{
	if (d->kind == YDOC_SEQ) {
		for (size_t i = 0; i < d->nkids; i++)
			yaml__keep(w, d->kids[i]);
		return;
	}
	if (d->kind != YDOC_SCALAR || d->cend > w->len || d->cstart >= d->cend)
		return;
	const char *text = w->ctx->src->text;
	if (!w->masked) {
		w->masked = xmalloc(w->len + 1);
		for (size_t i = 0; i < w->len; i++)
			w->masked[i] = text[i] == '\n' ? '\n' : ' ';
		w->masked[w->len] = '\0';
	}
	memcpy(w->masked + d->cstart, text + d->cstart, d->cend - d->cstart);
	if (d->cend < w->len && w->masked[d->cend] == ' ')
		w->masked[d->cend] = '\n'; /* ends the step's last command */
}

static void yaml__walk(struct yaml_walk *w, const ydoc *d, int depth)
{
	if (!d || depth > YAML_MAX_DEPTH)
		return;
	switch (d->kind) {
	case YDOC_MAP:
		for (size_t i = 0; i + 1 < d->nkids; i += 2) {
			if (w->st->lang == LANG_YAML && yaml__run_key(d->kids[i]))
				yaml__keep(w, d->kids[i + 1]);
			else
				yaml__walk(w, d->kids[i + 1], depth + 1);
		}
		break;
	case YDOC_SEQ:
		for (size_t i = 0; i < d->nkids; i++)
			yaml__walk(w, d->kids[i], depth + 1);
		break;
	case YDOC_SCALAR:
		if (w->st->rules.jvm && d->s && strstr(d->s, "-D"))
			shell_jvm_options(w->ctx, w->ctx->src->text, d->cstart, d->cend - d->cstart,
					  w->st->rules.jvm);
		break;
	case YDOC_NONE:
		break;
	}
}

static bool yaml__json_text(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
			continue;
		return s[i] == '{';
	}
	return false;
}

static int yaml_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			    size_t whylen)
{
	const yaml_state *st = state;
	const source_file *src = ctx->src;
	bool json = st->lang == LANG_CLOUDFORMATION && yaml__json_text(src->text, src->len);
	const TSLanguage *g = json ? ts_grammar_for(LANG_JSON) : ts_grammar_for(st->lang);
	bool timed_out;
	TSTree *tree = ts_parse_text(worker, g, src->text, (uint32_t)src->len, &timed_out);
	if (!tree)
		return ts_run_status_explain(timed_out ? TS_RUN_TIMEOUT : TS_RUN_PARSE_FAILED,
					     worker, ctx->lang, why, whylen);
	ydoc **docs = xcalloc(YAML_MAX_DOCS, sizeof(*docs));
	size_t n = ydoc_build(docs, YAML_MAX_DOCS, ts_tree_root_node(tree), src->text, json);
	struct yaml_walk w = { .ctx = ctx, .st = st, .len = src->len };
	for (size_t i = 0; i < n; i++) {
		if (st->lang == LANG_CLOUDFORMATION)
			cfn_check(ctx, docs[i], st->rules.cfn);
		else if (st->lang == LANG_KUBERNETES)
			k8s_check(ctx, docs[i], st->rules.k8s);
		if (st->lang != LANG_CLOUDFORMATION)
			yaml__walk(&w, docs[i], 0);
		ydoc_free(docs[i]);
	}
	free(docs);
	ts_tree_delete(tree);
	int rc = 0;
	if (w.masked) {
		TSTree *sh = ts_parse_text(worker, shell_grammar(), w.masked, (uint32_t)w.len,
					   &timed_out);
		if (sh) {
			shell_commands_check(ctx, ts_tree_root_node(sh), w.masked, st->rules.sh,
					     st->rules.jvm);
			ts_tree_delete(sh);
		} else {
			rc = ts_run_status_explain(timed_out ? TS_RUN_TIMEOUT : TS_RUN_PARSE_FAILED,
						   worker, ctx->lang, why, whylen);
		}
		free(w.masked);
	}
	return rc;
}

static int yaml_fe__prepare(void **state, language lang, const rule *const *rules,
			    size_t nrules, char *err, size_t errlen)
{
	yaml_state *st = xcalloc(1, sizeof(*st));
	st->lang = lang;
	for (size_t i = 0; i < nrules; i++) {
		const char *id = rules[i]->id;
		if (strcmp(id, "LT-SH-001") == 0 && lang == LANG_YAML) {
			st->rules.sh = rules[i];
		} else if (strcmp(id, "LT-JVM-001") == 0 && lang != LANG_CLOUDFORMATION) {
			st->rules.jvm = rules[i];
		} else if (strcmp(id, "LT-CFN-001") == 0 && lang == LANG_CLOUDFORMATION) {
			st->rules.cfn = rules[i];
		} else if (strcmp(id, "LT-K8S-001") == 0 && lang == LANG_KUBERNETES) {
			st->rules.k8s = rules[i];
		} else {
			snprintf(err, errlen, "%s: %s is not a built-in check of %s files",
				 rules[i]->source_path, id, language_name(lang));
			free(st);
			return -1;
		}
	}
	*state = st;
	return 0;
}

static void yaml_fe__release(void *state)
{
	free(state);
}

const frontend yaml_frontend = {
	.name = "yaml",
	.prepare = yaml_fe__prepare,
	.release = yaml_fe__release,
	.worker_new = ts_worker_new,
	.worker_free = ts_worker_free,
	.analyze = yaml_fe__analyze,
};
