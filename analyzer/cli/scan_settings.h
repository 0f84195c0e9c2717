/* scan_settings.h: what `tlslint scan` was asked to do, from the command line and the
 * configuration file together (cmd_scan.c parses; scan_settings.c merges and selects files). */
#ifndef TLSLINT_SCAN_SETTINGS_H
#define TLSLINT_SCAN_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/options.h"
#include "config/config.h"
#include "report/report.h"
#include "scan/scanner.h"
#include "walk/gitwalk.h"
#include "walk/walker.h"

typedef struct scan_settings {
	cli_options opt; /* the command line */
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
