/* post_scan.h: analyses that run once over the whole scan, after every file was analysed.
 *
 * Some rules need more than one file: LT-NET-004 asks whether anything in the repository opts
 * a project into the OS default, LT-CS-006 whether the project that owns a file targets a
 * runtime with `SystemDefault`. Front ends record facts per file (facts.h); the scanner gathers
 * them in file order and then runs the post-scan analyzer of every enabled rule that has one,
 * in rule-id order, before sorting the findings. A new cross-file rule is one analyzer
 * function plus one row in post_scan.c's table. */
#ifndef TLSLINT_POST_SCAN_H
#define TLSLINT_POST_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/emit.h"
#include "project/facts.h"
#include "project/project_model.h"
#include "rules/finding.h"
#include "rules/rule.h"
#include "walk/walker.h"

/* What the analyzers of one scan share: the project model, built at the first analyzer that
 * asks for it (post_scan_model), as every one of them reads the same files and facts. */
typedef struct post_scan_shared {
	project_model model;
	bool built;
} post_scan_shared;

typedef struct post_scan_ctx {
	const walk_list *files;  /* every file of the scan, sorted by uri */
	const fact_list *facts;  /* every fact recorded, in file order */
	finding_list *out;       /* the findings so far: an analyzer may add and drop some */
	const rule *rule;        /* the analyzer's own rule */
	size_t max_file_size;
	post_scan_shared *shared; /* the scan's, for post_scan_model() */
} post_scan_ctx;

typedef struct post_scan_analyzer {
	const char *rule_id;
	/* true: the rule also runs per file (its query makes candidate findings, which the
	 * analyzer then keeps or drops); false: front ends never see the rule. */
	bool per_file;
	/* The languages whose files must be analysed for facts even when no other rule of the
	 * language runs (LANG_NONE-terminated), and the words such a file must contain
	 * (NULL-terminated; the language's prefilter). */
	const language *langs;
	const char *const *keywords;
	/* Rules whose per-file evaluation records facts the analyzer reads (NULL-terminated, or
	 * NULL): they run even when disabled, and the findings of a disabled one are dropped. */
	const char *const *evidence_rules;
	void (*run)(const post_scan_ctx *ctx);
} post_scan_analyzer;

/* The analyzer of rule `id`, or NULL. */
const post_scan_analyzer *post_scan_for(const char *id);

/* Adds a finding of ctx->rule covering the range of `at` (a fact), reading the file again for
 * the snippet and for inline suppressions. Returns NULL when the file cannot be read. */
finding *post_scan_emit(const post_scan_ctx *ctx, const fact *at, const message_args *args);

/* Which project owns which file: built once per scan, on the first call. */
const project_model *post_scan_model(const post_scan_ctx *ctx);
void post_scan_shared_release(post_scan_shared *shared);

/* The path to open for `uri` (for messages), or `uri` itself. */
const char *post_scan_path(const post_scan_ctx *ctx, const char *uri);

#endif
