/* shell_frontend.c: shell scripts, Dockerfiles and Makefiles: LT-SH-001 (curl, wget and node
 * TLS flags on real command lines) and LT-JVM-001 (`-D` Java TLS properties, JAVA_OPTS-style
 * assignments). Both are native checks (`.rule` files without a pattern) over a
 * tree-sitter-bash tree (engine/shell_commands.h).
 *
 * A shell script is parsed whole. A Dockerfile's RUN, CMD, ENTRYPOINT and ENV instructions
 * and a Makefile's recipe lines are parsed as shell from a copy of the file in which
 * everything else is blanked (lang/shell/shell_readers.c), so that offsets stay the file's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/query_rules.h"
#include "engine/shell_commands.h"
#include "frontends/frontend.h"
#include "lang/shell/shell_readers.h"
#include "util/alloc.h"

typedef struct shell_state {
	language lang;
	const rule *sh;  /* LT-SH-001 */
	const rule *jvm; /* LT-JVM-001 */
} shell_state;

static int shell_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			     size_t whylen)
{
	const shell_state *st = state;
	const source_file *src = ctx->src;
	char *masked = NULL;
	const char *text = src->text;
	if (st->lang == LANG_DOCKERFILE)
		text = masked = shell_dockerfile_commands(src->text, src->len);
	else if (st->lang == LANG_MAKEFILE)
		text = masked = shell_makefile_recipes(src->text, src->len);
	bool timed_out;
	TSTree *tree = ts_parse_text(worker, shell_grammar(), text, (uint32_t)src->len,
				     &timed_out);
	int rc = 0;
	if (tree) {
		shell_commands_check(ctx, ts_tree_root_node(tree), text, st->sh, st->jvm);
		ts_tree_delete(tree);
	} else {
		rc = ts_run_status_explain(timed_out ? TS_RUN_TIMEOUT : TS_RUN_PARSE_FAILED, worker,
					   ctx->lang, why, whylen);
	}
	free(masked);
	return rc;
}

static int shell_fe__prepare(void **state, language lang, const rule *const *rules,
			     size_t nrules, char *err, size_t errlen)
{
	shell_state *st = xcalloc(1, sizeof(*st));
	st->lang = lang;
	for (size_t i = 0; i < nrules; i++) {
		if (strcmp(rules[i]->id, "LT-SH-001") == 0) {
			st->sh = rules[i];
		} else if (strcmp(rules[i]->id, "LT-JVM-001") == 0) {
			st->jvm = rules[i];
		} else {
			snprintf(err, errlen, "%s: %s is not a built-in check of %s files",
				 rules[i]->source_path, rules[i]->id, language_name(lang));
			free(st);
			return -1;
		}
	}
	*state = st;
	return 0;
}

static void shell_fe__release(void *state)
{
	free(state);
}

const frontend shell_frontend = {
	.name = "shell",
	.prepare = shell_fe__prepare,
	.release = shell_fe__release,
	.worker_new = ts_worker_new,
	.worker_free = ts_worker_free,
	.analyze = shell_fe__analyze,
};
