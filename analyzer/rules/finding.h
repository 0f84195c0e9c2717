/* finding.h: what a scan produces: findings (rule results) and notifications (files that
 * could not be analysed). Both are plain data owned by the list that holds them. */
#ifndef TLSLINT_FINDING_H
#define TLSLINT_FINDING_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/rule.h"

typedef struct region {
	unsigned start_line, start_col, end_line, end_col; /* 1-based; columns in UTF-16 units */
} region;

/* SARIF baselineState; results only in the baseline (absent) are carried by the report. */
typedef enum baseline_state { BASELINE_NONE = 0, BASELINE_NEW, BASELINE_UNCHANGED } baseline_state;

typedef struct related_location {
	char *uri;     /* scan-base-relative, '/' separated */
	region where;
	char *message;
} related_location;

/* One edit of a fix: bytes [start, end) of the file's decoded UTF-8 text (what the front end
 * saw) become `text`; `raw_start`/`raw_len` are the same range in the file's own bytes (after a
 * byte order mark, in its encoding: UTF-16 counts two bytes a unit), for SARIF byteOffset. */
typedef struct fix_replacement {
	size_t start, end;
	size_t raw_start, raw_len;
	region where; /* deletedRegion in lines and UTF-16 columns */
	char *old;    /* the text replaced, as scanned (checked before writing) */
	char *text;   /* insertedContent */
} fix_replacement;

/* A fix of one finding: replacements in the finding's own file, applied together. */
typedef struct fix {
	char *description;
	fix_replacement *reps;
	size_t nreps;
	bool opt_in; /* changes the build (retargeting a project): `tlslint fix --include-opt-in` */
} fix;

typedef struct finding {
	const rule *rule;
	level level;          /* usually rule->level; some rules grade per finding */
	char *uri;            /* scan-base-relative path, '/' separated */
	char *display_path;   /* the path as the user named it, for text output */
	region where;
	char *message;
	char *snippet;        /* the source line of start_line, valid UTF-8 */
	bool suppressed;      /* an inline tlslint-ignore comment */
	char *justification;  /* its reason */
	related_location *related;
	size_t nrelated;
	char *line_hash;      /* GitHub's primaryLocationLineHash ("hex:n"), or NULL */
	char *fingerprint;    /* tlslint/v1 (report/fingerprint.h), or NULL */
	baseline_state baseline; /* against --baseline; BASELINE_NONE without one */
	const char *vendored; /* why the file is vendored or generated (walk/vendored.h; static),
				 or NULL for the repository's own code */
	fix *fix;             /* the safe edit that removes the finding, or NULL */
	char *no_fix;         /* why there is none, when the front end knows ("the value is
				 computed at run time"); NULL when the front end gave none
				 (finding_no_fix_reason) */
	unsigned long long file_hash; /* of the decoded text the fix was made from */
	/* The fix that replaces `fix` (and `no_fix`) when the project owning the file targets
	 * .NET Framework 4.7 or later (LT-CS-001: remove the assignment); the post-scan analyzer
	 * that knows the project chooses (finding_choose_modern_fix), else NULL. */
	fix *modern_fix;
} finding;

typedef struct notification {
	level level;
	char *uri;
	char *display_path;
	char *message;
} notification;

typedef struct finding_list {
	finding *items;
	size_t len, cap;
	notification *notes;
	size_t nnotes, notes_cap;
} finding_list;

/* Appends a zeroed finding and returns it; the caller fills it with owned strings. */
finding *finding_list_add(finding_list *fl);
void finding_list_note(finding_list *fl, level lvl, const char *uri, const char *display_path,
		       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void finding_add_related(finding *f, const char *uri, region where, const char *message);
/* Adds a replacement to `f`'s fix (made with `description` on first use); `old` is bytes
 * [start, end) of `text`, `raw_*` as in fix_replacement. */
void finding_add_replacement(finding *f, const char *description, size_t start, size_t end,
			     size_t raw_start, size_t raw_len, region where, const char *old,
			     const char *text);
/* Makes `modern_fix` the finding's fix when `modern`, else drops it. */
void finding_choose_modern_fix(finding *f, bool modern);
/* Says why `f` has no fix (replacing an earlier reason; dropping a fix made before). */
void finding_set_no_fix(finding *f, const char *reason);
/* Why `f` has no fix, as reports say it: the front end's reason, or, for a finding of a rule
 * or case that offers none, that the edit is the reader's (the message says which); NULL when
 * `f` has a fix. */
const char *finding_no_fix_reason(const finding *f);
/* FNV-1a 64 of `len` bytes: what `file_hash` holds. */
unsigned long long finding_text_hash(const char *s, size_t len);
/* Moves everything from `src` into `dst`, leaving `src` empty. */
void finding_list_take(finding_list *dst, finding_list *src);
/* Sorts findings by (uri, line, column, rule id) and removes exact duplicates (same rule at
 * the same place); sorts notifications by uri then message. Output order never depends on
 * thread scheduling. */
void finding_list_sort(finding_list *fl);
/* Removes (and frees) every finding for which `drop` returns true, keeping the others' order. */
void finding_list_drop_if(finding_list *fl, bool (*drop)(const finding *f, const void *arg),
			  const void *arg);
void finding_list_release(finding_list *fl);

/* A pass over the findings of one file that needs the file's bytes as stored (GitHub's line
 * hashes, report/fingerprint.h). The scanner runs it while a file it analysed is in memory,
 * and reads a file again only for findings made later (cross-file analyses) that `wants`. */
typedef struct finding_pass {
	/* Does `f` still need the pass? */
	bool (*wants)(const finding *f);
	/* Runs over the findings of `out` whose uri is `uri`, given the file's `len` bytes; it
	 * changes findings, never adds or removes any (`out` may be a view of a longer list). */
	void (*run)(const char *uri, const char *bytes, size_t len, finding_list *out);
} finding_pass;

#endif
