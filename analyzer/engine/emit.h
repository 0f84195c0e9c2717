/* emit.h: turning a rule match into a finding, the same way for every front end.
 *
 * emit_finding() computes the SARIF region from byte offsets, copies the source line, expands
 * the rule's message template and applies inline suppressions: a comment
 * `tlslint-ignore: <id> <reason>` on the finding's line or the line above marks the finding
 * suppressed (it is kept, never dropped). */
#ifndef TLSLINT_EMIT_H
#define TLSLINT_EMIT_H

#include <stddef.h>

#include "core/language.h"
#include "core/versions.h"
#include "rules/finding.h"
#include "source/source_file.h"

struct fact_list;

/* What a front end knows about the file it is analysing. */
typedef struct file_ctx {
	const source_file *src;
	const char *uri;
	const char *display_path;
	language lang;
	finding_list *out;
	struct fact_list *facts; /* facts for the post-scan analyzers (project/facts.h) */
	/* Told of each value a query rule evaluated in this file, bytes [start, end), so that the
	 * cross-file analyses can keep what they need as facts (project/facts.h:
	 * facts_observe_value); NULL: nobody listens. The engine knows no fact of its own. */
	void (*observe_value)(const struct file_ctx *ctx, const char *value_type,
			      version_set versions, size_t start, size_t end);
	const void *scan_index; /* the language evaluator's scan-wide index, or NULL */
	/* While the scan fills that index: where the front end records the file's tree
	 * (value_evaluator.scan_index_record), and the lookups the file made in it; NULL once
	 * the index is sealed. */
	void *scan_index_sink;
	struct index_lookups *lookups;
	/* From the keyword pass (scan/matcher.h), aligned with the rules the front end was
	 * prepared with; NULL when every rule applies (unit tests, `tlslint test` helpers). */
	const struct rule *const *rules; /* the rules below are about */
	size_t nrules;
	const bool *live;        /* the file holds every keyword group of rule i */
	const struct match_result *hits; /* where the keywords are */
	const struct keyword_expr *exprs; /* rule i's keyword groups, as word ids of `hits` */
} file_ctx;

/* Values for a message template: {versions} names `versions`, {value} is `value_text`. */
typedef struct message_args {
	version_set versions;
	const char *value_text; /* may be NULL */
	size_t value_len;
	const char *detail; /* {detail}; may be NULL */
} message_args;

/* Expands `tmpl` into a newly allocated message. */
char *emit_format_message(const char *tmpl, const message_args *args);

/* Adds a finding of `r` covering bytes [start, end) of the file. Returns it (owned by
 * ctx->out) so callers can add related locations. */
finding *emit_finding(const file_ctx *ctx, const rule *r, size_t start, size_t end,
		      const message_args *args);

/* The same, unless the file already has a finding of `r` at exactly that range: then that
 * one (a value reached from two places is reported once, with both as related locations). */
finding *emit_finding_once(const file_ctx *ctx, const rule *r, size_t start, size_t end,
			   const message_args *args);

/* Adds to `f`'s fix the replacement of bytes [start, end) of the file by `text` (the fix is
 * made with `description` on first use). */
void emit_replace(const file_ctx *ctx, finding *f, const char *description, size_t start,
		  size_t end, const char *text);

/* The same for `f`'s modern_fix (rules/finding.h), which leaves `fix` and `no_fix` as they are. */
void emit_replace_modern(const file_ctx *ctx, finding *f, const char *description, size_t start,
			 size_t end, const char *text);

/* Looks for a `tlslint-ignore: <rule_id>` comment on 1-based `line` or the line above.
 * Returns the reason (newly allocated; "" when none was given), or NULL. */
char *emit_find_suppression(const source_file *src, language lang, unsigned line,
			    const char *rule_id);

#endif
