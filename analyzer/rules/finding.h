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

#endif
