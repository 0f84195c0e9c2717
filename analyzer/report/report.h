/* report.h: writing a scan's results in the output formats (SARIF, text, JSON).
 *
 * Every writer renders into memory; the caller writes the bytes atomically, so an interrupted
 * run never leaves half a file behind. */
#ifndef TLSLINT_REPORT_H
#define TLSLINT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "rules/finding.h"
#include "report/baseline.h"
#include "rules/catalogue.h"
#include "scan/scanner.h"

/* Where the scanned files came from: SARIF versionControlProvenance, with %SRCROOT% mapped
 * to the repository's root at that revision. */
typedef struct report_vcs {
	const char *repository_uri; /* an absolute URI without credentials */
	const char *revision_id;    /* the commit id, or NULL */
	const char *branch;         /* or NULL */
} report_vcs;

/* A rule whose level the configuration changed (SARIF ruleConfigurationOverrides). */
typedef struct report_override {
	const rule *rule;
	level level;
} report_override;

typedef struct report_input {
	const catalogue *cat;
	const finding_list *findings;
	const scan_stats *stats;
	const char *base;         /* absolute directory uris are relative to (%SRCROOT%); NULL
				     when the files were not on disk (a bare repository) */
	const char *tool_version;
	bool execution_successful;
	const char *command_line; /* for invocations[0].commandLine; may be NULL */
	const report_vcs *vcs;    /* SARIF only; may be NULL */
	const char *category;     /* automationDetails.id; may be NULL */
	const baseline *baseline; /* results absent from this scan are carried; may be NULL */
	bool no_suppressed;       /* leave suppressed results out (the form to upload) */
	const report_override *overrides;
	size_t noverrides;
} report_input;

/* Returns a newly allocated SARIF 2.1.0 log. */
char *report_sarif(const report_input *in);
/* Returns a newly allocated JSON document of our own, simpler shape. */
char *report_json(const report_input *in);
/* Writes compiler-style text: findings with source line and caret, then a summary. */
void report_text(FILE *out, const report_input *in, bool color);

/* Percent-encodes a relative path for use as a URI reference ('/' kept). Newly allocated. */
char *report_uri_encode(const char *path);

#endif
