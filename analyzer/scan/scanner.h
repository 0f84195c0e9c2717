/* scanner.h: runs the enabled rules over a list of files with worker threads.
 *
 * scanner_init() prepares every front end once from the catalogue (the expensive part: query
 * compilation); scanner_run() reads, prefilters and analyses the files in parallel, gathers the
 * facts front ends recorded in file order, runs the post-scan analyzers of the enabled rules
 * over them (project/post_scan.h), and returns findings and notifications sorted, so the output
 * never depends on thread timing. Several threads may call scanner_run() on one scanner at
 * once (`audit` scans one repository per thread): a language's rules are compiled on first
 * use under a lock, and nothing else in the scanner changes after scanner_new(). */
#ifndef TLSLINT_SCANNER_H
#define TLSLINT_SCANNER_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/finding.h"
#include "frontends/frontend.h"
#include "rules/catalogue.h"
#include "walk/walker.h"

typedef struct scan_options {
	unsigned jobs;           /* worker threads; 0 = number of cores */
	size_t max_file_size;    /* bytes; larger files are skipped with a notification */
	unsigned timeout_ms;     /* per file */
	char *const *disabled;   /* rule ids not to run */
	size_t ndisabled;
	char *const *enabled;    /* rules off by default to run anyway */
	size_t nenabled;
	bool progress;           /* a progress line on standard error */
	frontend_config fe;      /* compilation database and other front-end settings */
	bool prepare_all;        /* compile every language's rules up front, even when no file
				    of the language is scanned (rule tests); otherwise built-in
				    rules are compiled on first need and user rules up front */
} scan_options;

typedef struct scan_stats {
	size_t files;            /* files of a known language */
	size_t read;             /* files read (some rule could apply) */
	size_t parsed;           /* files that passed the prefilter and were analysed */
	size_t failed;           /* files that became notifications */
	size_t unreadable;       /* of which could not be read at all (I/O error, bad object) */
	size_t bytes;            /* bytes read */
	double seconds;
} scan_stats;

typedef struct scanner scanner;

int scanner_new(scanner **out, const catalogue *cat, const scan_options *opts, char *err,
		size_t errlen);
/* True when the rule runs in this scan (not disabled, and on by default or enabled). */
bool scanner_rule_enabled(const scanner *s, const rule *r);
void scanner_run(scanner *s, const walk_list *files, finding_list *out, scan_stats *stats);
void scanner_free(scanner *s);

#endif
