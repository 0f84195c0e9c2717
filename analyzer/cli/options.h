/* options.h: the command-line options of `scan`, `fix`, `audit` and `test` as one table (options.c).
 *
 * A row names an option once, with the commands that take it, how its value is parsed, its
 * default and its help; the commands parse their argv and print their --help from the rows.
 * An option the commands share (--exclude, --rules, --jobs, ...) is one row, so its parsing and
 * its default exist once.
 *
 * Adding an option:
 *  1. a field in cli_options below, and an id in enum cli_opt_id;
 *  2. its row in options.c (commands, kind, field, default, help);
 *  3. its entry in the command's section of docs/tlslint.1 (a unit test checks both --help and
 *     the man page name every option of the table);
 *  4. the command reads the field (or cli_given()) after cli_parse(). */
#ifndef TLSLINT_CLI_OPTIONS_H
#define TLSLINT_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "frontends/frontend.h"
#include "report/report.h"
#include "rules/rule.h"

/* A list of borrowed strings. */
typedef struct str_list {
	char **items;
	size_t len;
} str_list;

void str_list_push(str_list *l, char *s);
bool str_list_has(const str_list *l, const char *s);

/* The commands that take options from the table. */
enum cli_command { CLI_SCAN = 1u << 0, CLI_AUDIT = 1u << 1, CLI_TEST = 1u << 2, CLI_FIX = 1u << 3 };

typedef enum cli_opt_id {
	OPT_FORMAT, OPT_OUTPUT, OPT_OUTPUT_DIR, OPT_SARIF, OPT_COLOR, OPT_FAIL_ON, OPT_CATEGORY,
	OPT_NO_SUPPRESSED, OPT_BASELINE, OPT_FAIL_ON_NEW, OPT_STAGED, OPT_DIFF, OPT_REF, OPT_SHARD,
	OPT_DRY_RUN, OPT_NO_RESUME, OPT_CONFIG, OPT_NO_CONFIG, OPT_EXCLUDE, OPT_NO_IGNORE,
	OPT_MAX_FILE_SIZE, OPT_RULES, OPT_DISABLE, OPT_ENABLE, OPT_REQUIRE_ALL, OPT_JOBS,
	OPT_TIMEOUT, OPT_COMPILE_COMMANDS, OPT_SYSTEM_HEADERS, OPT_NO_SYSTEM_HEADERS, OPT_NO_SHIMS,
	OPT_NO_FALLBACK, OPT_VERBOSE, OPT_QUIET, OPT_FIX_RULE, OPT_INCLUDE_OPT_IN, OPT_HELP,
	OPT_COUNT
} cli_opt_id;

/* Every option's value; strings and list items borrow from argv (or the table's defaults). */
typedef struct cli_options {
	const char *format, *output, *output_dir, *sarif_path, *color, *category, *baseline_path;
	const char *diff_rev, *ref, *config_path, *compile_commands;
	const report_format *fmt; /* of `format` */
	bool no_suppressed, fail_on_new, staged, dry_run, no_resume, no_config, no_ignore;
	bool require_all, no_shims, no_fallback, verbose, quiet, include_opt_in;
	bool fail_none; /* --fail-on none */
	level fail_on;
	unsigned shard_k, shard_n; /* 0/0: no --shard */
	size_t max_file_size;
	unsigned jobs; /* 0: the number of cores */
	unsigned timeout_ms;
	int system_headers; /* system_headers_mode */
	str_list excludes, rule_dirs, disabled, enabled, fix_rules;
	bool given[OPT_COUNT]; /* named on the command line */
} cli_options;

/* How a row's value is parsed into its field. */
typedef enum cli_opt_kind {
	CLI_SWITCH, /* bool field = true */
	CLI_SET,    /* int field = the row's `value` */
	CLI_STRING, /* const char * field */
	CLI_CHOICE, /* a string field that must be one of `choices` (checked after parsing) */
	CLI_FORMAT, /* a string field naming a row of report_formats (checked after parsing) */
	CLI_LIST,   /* str_list field; repeatable */
	CLI_UINT,   /* unsigned field in [min, max] */
	CLI_SIZE,   /* size_t field: a size with K, M or G suffix */
	CLI_LEVEL,  /* fail_on / fail_none: error, warning, note or none */
	CLI_SHARD,  /* shard_k / shard_n: K/N with 1 <= K <= N */
	CLI_HELP,   /* prints the command's --help */
} cli_opt_kind;

typedef struct cli_opt {
	const char *name;     /* the long name, without "--" */
	const char *alias;    /* another long name (--colour), or NULL */
	char short_name;      /* or 0 */
	const char *arg;      /* the value's name in --help; NULL for an option without one */
	unsigned commands;    /* enum cli_command bits */
	const char *group;    /* the heading it is listed under in scan --help */
	cli_opt_kind kind;
	size_t field;         /* offsetof(cli_options, ...) */
	int value;            /* CLI_SET */
	unsigned min, max;    /* CLI_UINT */
	const char *choices;  /* CLI_CHOICE: "auto|always|never" */
	const char *def;      /* the default, parsed like a value given; NULL: none */
	const char *shown;    /* the default as --help says it, when not `def` ("stdout") */
	const char *error;    /* what a value that does not parse gets told */
	const char *help;
} cli_opt;

extern const cli_opt cli_opts[OPT_COUNT];

/* The text a command's --help gives an option: the row's help, or what it means for that
 * command in particular (audit's --jobs). */
const char *cli_opt_help(cli_opt_id id, unsigned command);

/* Fills `o` with the defaults of `command`'s options, then parses argv (getopt_long: argv[0]
 * is the command's name; the operands start at *first_operand). Returns 0 to go on, 1 when
 * --help was printed, -1 on a usage error (printed). */
int cli_parse(cli_options *o, unsigned command, int argc, char **argv, int *first_operand);
/* True when option `id` was named on the command line. */
bool cli_given(const cli_options *o, cli_opt_id id);
void cli_options_release(cli_options *o);

/* Prints `command`'s --help: usage and introduction, the options of the table, the ending. */
void cli_usage(FILE *out, unsigned command);

#endif
