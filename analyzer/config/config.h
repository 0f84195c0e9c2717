/* config.h: the project configuration file, `.tlslint.toml` at the top of the scanned tree.
 *
 * The format is a strict subset of TOML 1.0 (documented in docs/configuration.md): comments,
 * [tables], `key = value` with basic or literal strings, integers, booleans and arrays of
 * strings (which may span lines). Anything else, an unknown table or key, a value of the wrong
 * type and a duplicate key are errors that name the file and line. Command-line flags override
 * what the file says (lists add to it). */
#ifndef TLSLINT_CONFIG_H
#define TLSLINT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/catalogue.h"

#define CONFIG_FILE_NAME ".tlslint.toml"

/* Strings with the line each came from, for errors found later (unknown rule ids). */
typedef struct config_list {
	char **items;
	unsigned *lines;
	size_t len;
} config_list;

typedef struct config_level {
	char *rule_id;
	level level;
	unsigned line;
} config_level;

typedef struct config {
	char *path;               /* the file read, for messages */
	config_list exclude;      /* [scan] exclude */
	bool has_no_ignore, no_ignore;
	bool has_max_file_size;
	size_t max_file_size;
	bool has_fail_on, fail_none;
	bool skip_vendored;       /* [scan] vendored = "skip" (default "label") */
	level fail_on;
	config_list disable;      /* [rules] disable */
	config_list enable;       /* [rules] enable */
	config_level *levels;     /* [levels] RULE-ID = "error" | "warning" | "note" */
	size_t nlevels;
} config;

/* Parses `text` (the contents of `path`). Returns 0, or -1 with "path:line: message" in
 * `err`. */
int config_parse(config *out, const char *path, const char *text, size_t len, char *err,
		 size_t errlen);
/* Reads and parses `path`; a missing file is an error too. */
int config_load(config *out, const char *path, char *err, size_t errlen);
/* Checks that every rule id the file names exists. Returns 0, or -1 with "path:line: ..." */
int config_check_rules(const config *c, const catalogue *cat, char *err, size_t errlen);
void config_release(config *c);

/* "4M", "512K", "1G" or a number of bytes. */
bool config_parse_size(const char *s, size_t *out);

#endif
