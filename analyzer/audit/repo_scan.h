/* repo_scan.h: auditing one repository: open, resolve, list, scan, write its files.
 *
 * A bare repository (or any repository with --ref) is read from its object database at the
 * resolved commit: the tree walk lists blobs and the scanner reads them into memory, nothing
 * is checked out. A work tree without --ref is scanned as it is on disk, like `tlslint scan`.
 * Each repository's results go straight to the output directory (repos/<slug>.sarif, .html,
 * and the .json state written last), so memory holds one repository's findings at a time per
 * worker. A broken repository never stops the audit: its record says what went wrong. */
#ifndef TLSLINT_AUDIT_REPO_SCAN_H
#define TLSLINT_AUDIT_REPO_SCAN_H

#include <stdbool.h>

#include "audit/record.h"
#include "audit/repo_list.h"
#include "rules/catalogue.h"
#include "scan/scanner.h"
#include "walk/walker.h"

/* What every repository of an audit is scanned with; shared read-only by the workers. */
typedef struct audit_job {
	const catalogue *cat;
	scanner *scanner;          /* shared by the workers; no progress line of its own */
	const walk_options *wopts; /* excludes, no_ignore; the base is set per repository */
	size_t max_file_size;      /* as given to the scanner, for the digest */
	const char *ref;           /* revision to scan; NULL for HEAD */
	const char *repos_dir;     /* <output dir>/repos */
	const char *tool_version;
	const char *digest;        /* audit_job_digest() */
	bool resume;               /* reuse a previous result for the same commit and digest */
} audit_job;

/* The hex digest of what decides the findings for a commit besides the tool version: the
 * rules that run (every header key and the pattern, rule_digest()) and the options that
 * select files. Owned. */
char *audit_job_digest(const audit_job *job);

/* Audits `repo` into `rec`. Returns true when a previous run's result was reused. */
bool audit_repo_scan(audit_record *rec, const audit_job *job, const audit_repo *repo);

/* `url` with any user name, password, query and fragment removed; scp-like "host:path" becomes
 * "ssh://host/path"; a local path becomes a file:// URI. Owned. */
char *audit_clean_uri(const char *url);

#endif
