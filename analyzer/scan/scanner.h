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

#include "core/scan_stats.h"
#include "frontends/frontend.h"
#include "rules/catalogue.h"
#include "rules/finding.h"
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
	const finding_pass *file_pass; /* run over each file's findings (the report's line
					  hashes, report/fingerprint.h); NULL: none */
	bool skip_vendored;      /* leave vendored and generated files out (walk/vendored.h);
				    otherwise they are scanned and their findings labelled */
	bool prepare_all;        /* compile every language's rules up front, even when no file
				    of the language is scanned (rule tests); otherwise built-in
				    rules are compiled on first need and user rules up front */
} scan_options;

typedef struct scanner scanner;

int scanner_new(scanner **out, const catalogue *cat, const scan_options *opts, char *err,
		size_t errlen);
/* True when the rule runs in this scan (not disabled, and on by default or enabled). */
bool scanner_rule_enabled(const scanner *s, const rule *r);
void scanner_run(scanner *s, const walk_list *files, finding_list *out, scan_stats *stats);
/* Lists the files of a scan into `files` (walk_paths), called on the calling thread. */
typedef void (*scanner_walk_fn)(void *arg, walk_list *files);
/* scanner_run() on the files that `walk` lists, the workers analysing them while the walk
 * goes on. `files` (empty) ends as walk_list_sort() leaves it; the findings are those of
 * walk, walk_list_sort and scanner_run in turn. */
void scanner_run_walk(scanner *s, walk_list *files, scanner_walk_fn walk, void *arg,
		      finding_list *out, scan_stats *stats);
void scanner_free(scanner *s);

#endif
