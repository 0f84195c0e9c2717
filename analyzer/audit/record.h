/* record.h: what an audit keeps of one repository: provenance, status and finding counts.
 *
 * A record is small (no findings, only counts per rule and level), so an audit of any number
 * of repositories keeps them all in memory while each repository's findings go to disk as
 * soon as it is scanned. Records are the rows of summary.json and, with the tool version and
 * configuration digest, the per-repository state file that lets a re-run skip a repository.
 * A record owns its strings. */
#ifndef TLSLINT_AUDIT_RECORD_H
#define TLSLINT_AUDIT_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/rule.h"

struct cJSON;

typedef struct audit_count {
	char *rule;
	level level;
	size_t count;
} audit_count;

/* How far a repository was audited. Only SCANNED and EMPTY are complete results; a repository
 * is never reported without one of these, so nothing unscanned passes for clean. */
typedef enum audit_status {
	AUDIT_SCANNED, /* every file of a known language was read and analysed */
	AUDIT_EMPTY,   /* opened, but nothing to scan (no commit, or no file tlslint reads) */
	AUDIT_PARTIAL, /* scanned, but some files could not be read: findings kept, result incomplete */
	AUDIT_FAILED,  /* could not be audited at all */
} audit_status;

/* "scanned", "empty", "partial", "failed". */
const char *audit_status_name(audit_status s);
/* Parses a name of audit_status_name(); false when it is none. */
bool audit_status_parse(const char *name, audit_status *out);

typedef struct audit_record {
	char *repository;     /* identity: the path as listed */
	char *name;           /* what people call it: the remote's path, else the path without a
			       * trailing "/repo" or ".git" (audit_repo_name()) */
	char *slug;           /* output files: repos/<slug>.sarif, .html, .json */
	char *kind;           /* "bare" or "worktree"; NULL when it could not be opened */
	char *uri;            /* repositoryUri, without credentials; NULL if not opened */
	char *commit;         /* scanned commit id, or NULL */
	char *branch;         /* short branch name, or NULL (detached, or --ref not a branch) */
	audit_status status;
	char *error;          /* why the status is not SCANNED (the first problem); else NULL */
	size_t files;         /* files of a known language */
	size_t notifications; /* files that could not be analysed */
	size_t findings;      /* findings not suppressed in source */
	size_t suppressed;    /* findings suppressed in source */
	audit_count *counts;  /* findings not suppressed, per rule and level, sorted */
	size_t ncounts, counts_cap;
} audit_record;

/* Counts one finding of `rule_id` at `lvl`. */
void audit_record_count(audit_record *r, const char *rule_id, level lvl);
/* Sorts the counts by rule id, then level (most severe first). */
void audit_record_sort(audit_record *r);
/* Sets the status and its reason (when none was set yet: the first problem is the one to tell);
 * a status only ever moves towards FAILED. */
void audit_record_set_status(audit_record *r, audit_status s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* True when the result is incomplete (PARTIAL or FAILED): exit status 3, retried on resume. */
bool audit_record_incomplete(const audit_record *r);
/* The display name of a repository: the path of its remote URL `uri` when that names a host
 * ("https://host/org/app.git" is "org/app"), else `path` without a trailing "/repo", ".git"
 * or "/.git". Owned. */
char *audit_repo_name(const char *path, const char *uri);
/* Total findings at `lvl` or above. */
size_t audit_record_at_least(const audit_record *r, level lvl);

struct cJSON *audit_record_to_json(const audit_record *r);
/* Reads a record written by audit_record_to_json(); -1 when `j` is not one. */
int audit_record_from_json(audit_record *out, const struct cJSON *j);
/* Deep copy. */
void audit_record_copy(audit_record *dst, const audit_record *src);
void audit_record_release(audit_record *r);

#endif
