/* scan_settings.h: what `tlslint scan` was asked to do, from the command line and the
 * configuration file together (cmd_scan.c parses; scan_settings.c merges and selects files). */
#ifndef TLSLINT_SCAN_SETTINGS_H
#define TLSLINT_SCAN_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"
#include "report/report.h"
#include "scan/scanner.h"
#include "walk/gitwalk.h"
#include "walk/walker.h"

/* A list of borrowed strings. */
typedef struct str_list {
	char **items;
	size_t len;
} str_list;

void str_list_push(str_list *l, char *s);
bool str_list_has(const str_list *l, const char *s);

typedef struct scan_settings {
	/* command line */
	const char *format, *output, *sarif_path, *color, *category, *baseline_path;
	const char *config_path, *diff_rev;
	const report_format *fmt; /* of `format` */
	bool no_config, staged, no_suppressed, fail_on_new, verbose, quiet;
	bool has_fail_on, fail_none, has_max_file_size;
	level fail_on;
	str_list excludes, rule_dirs, disabled, enabled;
	scan_options sopts;
	walk_options wopts;
	/* merged with the configuration file */
	config cfg;
	bool has_cfg;
	str_list all_excludes, all_disabled, all_enabled;
	report_override *overrides;
	size_t noverrides;
} scan_settings;

/* Reads the configuration file (--config, else .tlslint.toml at `base` if there is one) and
 * merges it under the command line. Returns 0, or -1 after printing the error. */
int scan_settings_merge(scan_settings *st, const char *base);
/* Checks rule ids of the command line and of the configuration against the catalogue, and
 * resolves level overrides. Returns 0, or -1 after printing the error. */
int scan_settings_resolve_rules(scan_settings *st, const catalogue *cat);
void scan_settings_release(scan_settings *st);

/* Lists the files to scan: a walk of `paths`, the staged blobs (--staged), or the files
 * changed since --diff REV. `changes` receives the changed lines for --diff (else stays
 * empty); staged blobs borrow `*odb`, which the caller frees after the scan. Returns 0, or -1
 * after printing the error. */
int scan_select_files(walk_list *files, git_odb **odb, finding_list *notes,
		      gitwalk_changes *changes, const scan_settings *st, const char *base,
		      const char *const *paths, size_t npaths, bool paths_given);

#endif
