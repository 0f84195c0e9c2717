/* report.h: writing a scan's results in the output formats (SARIF, text, JSON).
 *
 * Every writer renders into memory; the caller writes the bytes atomically, so an interrupted
 * run never leaves half a file behind. The formats are the rows of one table (writers.c):
 * `scan --format` validates, dispatches and lists them from it. */
#ifndef TLSLINT_REPORT_H
#define TLSLINT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/scan_stats.h"
#include "report/baseline.h"
#include "rules/catalogue.h"
#include "rules/finding.h"

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
	bool color;               /* text only: ANSI colours (a terminal) */
} report_input;

/* Returns a newly allocated SARIF 2.1.0 log. */
char *report_sarif(const report_input *in);
/* Returns a newly allocated JSON document of our own, simpler shape. */
char *report_json(const report_input *in);
/* Returns newly allocated compiler-style text: findings with source line and caret, then a
 * summary. */
char *report_text(const report_input *in);

/* An output format: one row of report_formats. Adding a format is a writer of the shape
 * above (report/<name>.c) and a row; `scan --help` and the man page list it. */
typedef struct report_format {
	const char *name;        /* --format NAME */
	const char *extension;   /* the usual ending of a file of this format, ".sarif" */
	char *(*write)(const report_input *in); /* renders the whole report, newly allocated */
	unsigned uses;           /* REPORT_USES_*: what of report_input it reads beyond findings */
	const char *description; /* for --help and the man page */
} report_format;
enum {
	REPORT_USES_COLOR = 1, /* report_input.color */
	REPORT_USES_VCS = 2,   /* report_input.vcs (worth asking git for) */
};

extern const report_format report_formats[];
extern const size_t report_nformats;
/* The format named `name`, or NULL. */
const report_format *report_format_find(const char *name);
/* The names of every format as a phrase, "text, sarif or json"; newly allocated. */
char *report_format_names(void);

/* Percent-encodes a relative path for use as a URI reference ('/' kept). Newly allocated. */
char *report_uri_encode(const char *path);

#endif
