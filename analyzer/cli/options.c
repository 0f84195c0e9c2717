/* options.c: the option table of `scan`, `audit` and `test`, parsing argv from it, and each
 * command's --help. */
#include "cli/options.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "config/config.h"
#include "util/alloc.h"
#include "util/strbuf.h"

bool cli_parse_uint(const char *s, unsigned min, unsigned max, unsigned *out)
{
	char *end = NULL;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || v < min || v > max)
		return false;
	*out = (unsigned)v;
	return true;
}

void str_list_push(str_list *l, char *s)
{
	*PUSH(l->items, l->len) = s;
}

bool str_list_has(const str_list *l, const char *s)
{
	for (size_t i = 0; i < l->len; i++)
		if (strcmp(l->items[i], s) == 0)
			return true;
	return false;
}

#define F(member) offsetof(cli_options, member)
#define ALL (CLI_SCAN | CLI_AUDIT | CLI_TEST | CLI_FIX)

static const char output_group[] = "Output", git_group[] = "Baselines and git",
		  select_group[] = "Selection", run_group[] = "Running", c_group[] = "C and C++";

/* In the order --help lists them. */
const cli_opt cli_opts[OPT_COUNT] = {
	[OPT_FORMAT] = { "format", NULL, 'f', "FMT", CLI_SCAN, output_group, CLI_FORMAT,
			 F(format), .def = "text", .help = "" /* the formats' names */ },
	[OPT_OUTPUT] = { "output", NULL, 'o', "FILE", CLI_SCAN, output_group, CLI_STRING, F(output),
			 .def = "-", .shown = "stdout",
			 .help = "write the report to FILE (atomically)" },
	[OPT_OUTPUT_DIR] = { "output-dir", NULL, 'o', "DIR", CLI_AUDIT, output_group, CLI_STRING,
			     F(output_dir),
			     .help = "where the results go (created if missing); required" },
	[OPT_SARIF] = { "sarif", NULL, 0, "FILE", CLI_SCAN, output_group, CLI_STRING, F(sarif_path),
			.help = "also write a SARIF log to FILE" },
	[OPT_COLOR] = { "color", "colour", 0, "WHEN", CLI_SCAN, output_group, CLI_CHOICE, F(color),
			.choices = "auto|always|never", .def = "auto",
			.help = "colour the text: auto (on a terminal, unless NO_COLOR is set), "
				"always or never" },
	[OPT_FAIL_ON] = { "fail-on", NULL, 0, "LEVEL", CLI_SCAN | CLI_AUDIT, output_group, CLI_LEVEL,
			  0, .def = "warning",
			  .error = "--fail-on must be error, warning, note or none",
			  .help = "exit 1 for findings at or above LEVEL: error, warning, note, or "
				  "none" },
	[OPT_CATEGORY] = { "category", NULL, 0, "NAME", CLI_SCAN, output_group, CLI_STRING,
			   F(category), .help = "SARIF automationDetails.id (one category per upload)" },
	[OPT_NO_SUPPRESSED] = { "no-suppressed", NULL, 0, NULL, CLI_SCAN, output_group, CLI_SWITCH,
				F(no_suppressed),
				.help = "leave findings silenced by tlslint-ignore comments out of "
					"the SARIF log (the form to upload to GitHub)" },
	[OPT_BASELINE] = { "baseline", NULL, 0, "FILE", CLI_SCAN, git_group, CLI_STRING,
			   F(baseline_path),
			   .help = "compare with an earlier SARIF log: every result gets "
				   "baselineState new, unchanged or absent" },
	[OPT_FAIL_ON_NEW] = { "fail-on-new", NULL, 0, NULL, CLI_SCAN, git_group, CLI_SWITCH,
			      F(fail_on_new), .help = "with --baseline: exit 1 only for new findings" },
	[OPT_STAGED] = { "staged", NULL, 0, NULL, CLI_SCAN | CLI_FIX, git_group, CLI_SWITCH, F(staged),
			 .help = "scan the content staged in the git index (not the work tree): "
				 "the files that differ from HEAD, or PATHs named" },
	[OPT_DIFF] = { "diff", NULL, 0, "REV", CLI_SCAN, git_group, CLI_STRING, F(diff_rev),
		       .help = "report only findings on lines changed since REV (in the work tree; "
			       "in the index with --staged)" },
	[OPT_REF] = { "ref", NULL, 0, "REV", CLI_AUDIT, git_group, CLI_STRING, F(ref),
		      .help = "scan REV instead of HEAD, from the object database" },
	[OPT_SHARD] = { "shard", NULL, 0, "K/N", CLI_AUDIT, git_group, CLI_SHARD, 0,
			.error = "--shard takes K/N with 1 <= K <= N",
			.help = "audit only shard K of N (1 <= K <= N), chosen by a stable hash of "
				"each repository's path; 'tlslint merge' joins them" },
	[OPT_DRY_RUN] = { "dry-run", NULL, 0, NULL, CLI_AUDIT | CLI_FIX, git_group, CLI_SWITCH, F(dry_run),
			  .help = "print the repositories this run would audit (after --shard), one "
				  "per line, and exit; -o is not needed" },
	[OPT_NO_RESUME] = { "no-resume", NULL, 0, NULL, CLI_AUDIT, git_group, CLI_SWITCH,
			    F(no_resume),
			    .help = "rescan repositories already audited in DIR at the same commit "
				    "with the same tlslint version and configuration" },
	[OPT_CONFIG] = { "config", NULL, 0, "FILE", CLI_SCAN | CLI_FIX, select_group, CLI_STRING,
			 F(config_path), .shown = ".tlslint.toml at the top of the scanned tree, "
						  "if there is one",
			 .help = "read settings from FILE" },
	[OPT_NO_CONFIG] = { "no-config", NULL, 0, NULL, CLI_SCAN | CLI_FIX, select_group, CLI_SWITCH,
			    F(no_config), .help = "do not read a configuration file" },
	[OPT_EXCLUDE] = { "exclude", NULL, 0, "GLOB", ALL, select_group, CLI_LIST, F(excludes),
			  .help = "skip matching files and directories (repeatable); a glob without "
				  "'/' matches names, one with '/' matches paths" },
	[OPT_NO_IGNORE] = { "no-ignore", NULL, 0, NULL, CLI_SCAN | CLI_AUDIT | CLI_FIX, select_group,
			    CLI_SWITCH, F(no_ignore),
			    .help = "do not apply .gitignore and other git ignore rules" },
	[OPT_MAX_FILE_SIZE] = { "max-file-size", NULL, 0, "N", CLI_SCAN | CLI_AUDIT | CLI_FIX, select_group,
				CLI_SIZE, F(max_file_size), .def = "8M",
				.error = "--max-file-size takes a size such as 4M",
				.help = "skip files larger than N bytes (K and M suffixes)" },
	[OPT_RULES] = { "rules", NULL, 0, "DIR", ALL, select_group, CLI_LIST, F(rule_dirs),
			.help = "also load the rule files under DIR (repeatable)" },
	[OPT_DISABLE] = { "disable", NULL, 0, "ID", CLI_SCAN | CLI_AUDIT | CLI_FIX, select_group, CLI_LIST,
			  F(disabled), .help = "do not run rule ID (repeatable)" },
	[OPT_ENABLE] = { "enable", NULL, 0, "ID", CLI_SCAN | CLI_AUDIT | CLI_FIX, select_group, CLI_LIST,
			 F(enabled), .help = "run rule ID even if it is off by default (repeatable)" },
	[OPT_REQUIRE_ALL] = { "require-all", NULL, 0, NULL, CLI_TEST, select_group, CLI_SWITCH,
			      F(require_all),
			      .help = "fail when a rule has no positive and no negative case" },
	[OPT_JOBS] = { "jobs", NULL, 'j', "N", ALL, run_group, CLI_UINT, F(jobs), .min = 1,
		       .max = 1024, .shown = "number of cores",
		       .error = "--jobs takes a number from 1 to 1024", .help = "worker threads" },
	[OPT_TIMEOUT] = { "timeout", NULL, 0, "MS", CLI_SCAN | CLI_AUDIT | CLI_FIX, run_group, CLI_UINT,
			  F(timeout_ms), .min = 1, .max = 24u * 3600 * 1000, .def = "10000",
			  .error = "--timeout takes milliseconds",
			  .help = "give up on a file after MS milliseconds" },
	[OPT_COMPILE_COMMANDS] = { "compile-commands", NULL, 0, "FILE", CLI_SCAN | CLI_TEST | CLI_FIX,
				   c_group, CLI_STRING, F(compile_commands),
				   .shown = "compile_commands.json in the scan root or build/",
				   .help = "flags per file from this compilation database" },
	[OPT_SYSTEM_HEADERS] = { "system-headers", NULL, 0, NULL, CLI_SCAN | CLI_TEST | CLI_FIX, c_group,
				 CLI_SET, F(system_headers), .value = SYSTEM_HEADERS_ALWAYS,
				 .help = "C/C++: read the installed system headers even for files "
					 "with no compilation database entry (slower)" },
	[OPT_NO_SYSTEM_HEADERS] = { "no-system-headers", NULL, 0, NULL, CLI_SCAN | CLI_TEST | CLI_FIX,
				    c_group, CLI_SET, F(system_headers),
				    .value = SYSTEM_HEADERS_NEVER,
				    .help = "C/C++: never read them, even with a database (parse "
					    "as if no header were installed)" },
	[OPT_NO_SHIMS] = { "no-shims", NULL, 0, NULL, CLI_TEST, c_group, CLI_SWITCH, F(no_shims),
			   .help = "C/C++: without the TLS API declaration shims" },
	[OPT_NO_FALLBACK] = { "no-fallback", NULL, 0, NULL, CLI_TEST, c_group, CLI_SWITCH,
			      F(no_fallback),
			      .help = "C/C++: without the token fallback (this and --no-shims "
				      "measure what each adds to recall)" },
	[OPT_VERBOSE] = { "verbose", NULL, 'v', NULL, CLI_SCAN | CLI_TEST | CLI_FIX, NULL, CLI_SWITCH,
			  F(verbose), .help = "print what was scanned and how fast" },
	[OPT_QUIET] = { "quiet", NULL, 'q', NULL, CLI_SCAN | CLI_AUDIT | CLI_FIX, NULL, CLI_SWITCH, F(quiet),
			.help = "no progress line" },
	[OPT_FIX_RULE] = { "rule", NULL, 0, "ID", CLI_FIX, select_group, CLI_LIST, F(fix_rules),
			   .help = "apply only the fixes of rule ID (repeatable)" },
	[OPT_INCLUDE_OPT_IN] = { "include-opt-in", NULL, 0, NULL, CLI_FIX, select_group,
				 CLI_SWITCH, F(include_opt_in),
				 .help = "also apply opt-in fixes, which change the build "
					 "(retargeting a project)" },
	[OPT_HELP] = { "help", NULL, 'h', NULL, ALL, NULL, CLI_HELP, 0, .help = "show this help" },
};

/* What an option means for one command in particular. */
static const struct {
	unsigned command;
	cli_opt_id id;
	const char *help;
} cli_notes[] = {
	{ CLI_AUDIT, OPT_JOBS, "threads: one repository each, or several per repository when "
			       "there are fewer repositories" },
	{ CLI_AUDIT, OPT_QUIET, "no progress line and no list of failed repositories" },
	{ CLI_TEST, OPT_VERBOSE, "list passing cases too" },
	{ CLI_FIX, OPT_DRY_RUN, "print the changes as a unified diff and write nothing" },
	{ CLI_FIX, OPT_STAGED, "scan the content staged in the git index; only files whose work "
			       "tree copy is the staged content are changed" },
};

/* Usage, introduction and ending of each command's --help. */
static const struct {
	unsigned command;
	const char *name;
	bool grouped; /* options under their group headings */
	const char *head, *tail;
} cli_commands[] = {
	{ CLI_SCAN, "scan", true,
	  "usage: tlslint scan [options] [PATH...]\n\n"
	  "Scans files and directories (default: .) for hardcoded legacy TLS.\n",
	  "\nExit status: 0 no finding at or above the fail level, 1 findings, 2 usage or fatal\n"
	  "error. Files that cannot be read or parsed are reported as notifications and do not\n"
	  "stop the scan.\n" },
	{ CLI_FIX, "fix", true,
	  "usage: tlslint fix [options] [PATH...]\n\n"
	  "Scans files and directories (default: .) and applies the fixes of the findings\n"
	  "that have one (not of suppressed findings). Each file is written atomically in its\n"
	  "own encoding and line endings; a file changed since the scan is left alone; every\n"
	  "changed file is scanned again, and a fix that leaves its finding or adds a parse\n"
	  "error is rolled back.\n",
	  "\nExit status: 0 every fix applied (or none needed), 1 some finding could not be\n"
	  "fixed (a fix refused or rolled back; with --dry-run: fixes are pending), 2 usage or\n"
	  "fatal error.\n" },
	{ CLI_AUDIT, "audit", false,
	  "usage: tlslint audit [options] -o DIR LIST\n\n"
	  "Audits every repository named in LIST (one per line: a work tree, a bare\n"
	  "repository, or a directory holding many; '-' reads standard input) and writes\n"
	  "DIR/repos/<name>.sarif and .html per repository, DIR/summary.json, summary.csv\n"
	  "and report.html. Bare repositories are read from their object database at HEAD\n"
	  "(or --ref), without a checkout; work trees are scanned as they are on disk.\n",
	  "\nExit status: 0 every repository audited and no finding at or above the fail level,\n"
	  "1 findings, 3 some repositories could not be audited (broken, missing HEAD,\n"
	  "unreadable; the others are), 2 usage or fatal error.\n" },
	{ CLI_TEST, "test", false,
	  "usage: tlslint test [options] DIR...\n\n"
	  "Runs every rule over the fixture files under DIR and checks the findings\n"
	  "against their inline annotations (ruleid: ID col N / ok: ID / suppressed: ID col N).\n",
	  "" },
};
#define N_COMMANDS (sizeof(cli_commands) / sizeof(cli_commands[0]))

const char *cli_opt_help(cli_opt_id id, unsigned command)
{
	for (size_t i = 0; i < sizeof(cli_notes) / sizeof(cli_notes[0]); i++)
		if (cli_notes[i].command == command && cli_notes[i].id == id)
			return cli_notes[i].help;
	return cli_opts[id].help;
}

static bool cli__parse_shard(const char *s, unsigned *k, unsigned *n)
{
	char *end = NULL;
	unsigned long a = strtoul(s, &end, 10);
	if (end == s || *end != '/')
		return false;
	const char *rest = end + 1;
	unsigned long b = strtoul(rest, &end, 10);
	if (end == rest || *end || b < 1 || b > 100000 || a < 1 || a > b)
		return false;
	*k = (unsigned)a;
	*n = (unsigned)b;
	return true;
}

/* Stores `value` into row `o`'s field. Returns false when it does not parse. */
static bool cli__set(cli_options *opts, const cli_opt *o, char *value)
{
	void *field = (char *)opts + o->field;
	switch (o->kind) {
	case CLI_SWITCH:
		*(bool *)field = true;
		return true;
	case CLI_SET:
		*(int *)field = o->value;
		return true;
	case CLI_STRING:
	case CLI_CHOICE:
	case CLI_FORMAT:
		*(const char **)field = value;
		return true;
	case CLI_LIST:
		str_list_push(field, value);
		return true;
	case CLI_UINT:
		return cli_parse_uint(value, o->min, o->max, field);
	case CLI_SIZE:
		return config_parse_size(value, field);
	case CLI_LEVEL:
		opts->fail_none = strcmp(value, "none") == 0;
		return opts->fail_none ||
		       (level_parse(value, &opts->fail_on) && opts->fail_on != LEVEL_NONE);
	case CLI_SHARD:
		return cli__parse_shard(value, &opts->shard_k, &opts->shard_n);
	case CLI_HELP:
		return true;
	}
	return false;
}

/* The choices of a CLI_CHOICE row as a phrase: "auto, always or never". */
static char *cli__choices(const char *choices)
{
	strbuf sb = STRBUF_INIT;
	size_t n = 1;
	for (const char *p = choices; *p; p++)
		n += *p == '|';
	size_t i = 0;
	for (const char *p = choices; *p; i++) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (i)
			strbuf_adds(&sb, i + 1 == n ? " or " : ", ");
		strbuf_add(&sb, p, len);
		p += len + (bar ? 1 : 0);
	}
	return strbuf_detach(&sb);
}

static bool cli__is_choice(const char *choices, const char *s)
{
	size_t len = strlen(s);
	for (const char *p = choices; *p;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		if (n == len && strncmp(p, s, n) == 0)
			return true;
		p += n + (bar ? 1 : 0);
	}
	return false;
}

/* Checks the values whose check waits until every option is read (as --help wins over them). */
static int cli__check(cli_options *opts, unsigned command)
{
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const cli_opt *o = &cli_opts[i];
		if (!(o->commands & command))
			continue;
		if (o->kind != CLI_FORMAT && o->kind != CLI_CHOICE)
			continue;
		const char *v = *(const char **)((char *)opts + o->field);
		if (o->kind == CLI_FORMAT) {
			opts->fmt = report_format_find(v);
			if (!opts->fmt) {
				char *names = report_format_names();
				fprintf(stderr, "tlslint: --%s must be %s\n", o->name, names);
				free(names);
				return -1;
			}
		} else if (o->kind == CLI_CHOICE && !cli__is_choice(o->choices, v)) {
			char *names = cli__choices(o->choices);
			fprintf(stderr, "tlslint: --%s must be %s\n", o->name, names);
			free(names);
			return -1;
		}
	}
	return 0;
}

int cli_parse(cli_options *opts, unsigned command, int argc, char **argv, int *first_operand)
{
	memset(opts, 0, sizeof(*opts));
	for (size_t i = 0; i < OPT_COUNT; i++)
		if ((cli_opts[i].commands & command) && cli_opts[i].def &&
		    !cli__set(opts, &cli_opts[i], (char *)cli_opts[i].def))
			abort(); /* a default of the table that does not parse */

	struct option longopts[2 * OPT_COUNT + 1];
	char shortopts[2 * OPT_COUNT + 1];
	size_t nl = 0, ns = 0;
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const cli_opt *o = &cli_opts[i];
		if (!(o->commands & command))
			continue;
		int has_arg = o->arg ? required_argument : no_argument;
		longopts[nl++] = (struct option){ o->name, has_arg, NULL, 256 + (int)i };
		if (o->alias)
			longopts[nl++] = (struct option){ o->alias, has_arg, NULL, 256 + (int)i };
		if (o->short_name) {
			shortopts[ns++] = o->short_name;
			if (o->arg)
				shortopts[ns++] = ':';
		}
	}
	longopts[nl] = (struct option){ NULL, 0, NULL, 0 };
	shortopts[ns] = '\0';

	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		size_t id = OPT_COUNT;
		if (c >= 256) {
			id = (size_t)(c - 256);
		} else {
			for (size_t i = 0; i < OPT_COUNT && id == OPT_COUNT; i++)
				if ((cli_opts[i].commands & command) && cli_opts[i].short_name == c)
					id = i;
		}
		if (id == OPT_COUNT) { /* getopt said what was wrong */
			cli_usage(stderr, command);
			return -1;
		}
		const cli_opt *o = &cli_opts[id];
		if (o->kind == CLI_HELP) {
			cli_usage(stdout, command);
			return 1;
		}
		if (!cli__set(opts, o, optarg)) {
			fprintf(stderr, "tlslint: %s\n", o->error);
			return -1;
		}
		opts->given[id] = true;
	}
	*first_operand = optind;
	return cli__check(opts, command);
}

bool cli_given(const cli_options *o, cli_opt_id id)
{
	return o->given[id];
}

void cli_options_release(cli_options *o)
{
	free(o->excludes.items);
	free(o->rule_dirs.items);
	free(o->disabled.items);
	free(o->enabled.items);
	free(o->fix_rules.items);
	memset(o, 0, sizeof(*o));
}

enum { HELP_COLUMN = 25, HELP_WIDTH = 80 };

/* A help line being written: its column, and whether the next word needs a space first. */
struct help_line {
	strbuf *sb;
	size_t col;
	bool spaced;
};

/* Appends `text` word by word, wrapping at HELP_WIDTH onto lines indented to HELP_COLUMN. */
static void cli__words(struct help_line *h, const char *text)
{
	for (const char *p = text; *p;) {
		while (*p == ' ')
			p++;
		const char *end = p;
		while (*end && *end != ' ')
			end++;
		if (end == p)
			break;
		size_t len = (size_t)(end - p);
		if (h->spaced && h->col + 1 + len > HELP_WIDTH) {
			strbuf_addf(h->sb, "\n%*s", HELP_COLUMN, "");
			h->col = HELP_COLUMN;
		} else if (h->spaced) {
			strbuf_addc(h->sb, ' ');
			h->col++;
		}
		strbuf_add(h->sb, p, len);
		h->col += len;
		h->spaced = true;
		p = end;
	}
}

static void cli__option_help(strbuf *sb, cli_opt_id id, unsigned command)
{
	const cli_opt *o = &cli_opts[id];
	size_t start = sb->len;
	if (o->short_name)
		strbuf_addf(sb, "  -%c, --%s", o->short_name, o->name);
	else
		strbuf_addf(sb, "      --%s", o->name);
	if (o->arg)
		strbuf_addf(sb, " %s", o->arg);
	size_t left = sb->len - start;
	size_t pad = left + 2 > HELP_COLUMN ? 2 : HELP_COLUMN - left;
	strbuf_addf(sb, "%*s", (int)pad, "");
	struct help_line h = { sb, left + pad, false };
	if (o->kind == CLI_FORMAT) {
		char *names = report_format_names();
		cli__words(&h, names);
		free(names);
	} else {
		cli__words(&h, cli_opt_help(id, command));
	}
	const char *shown = o->shown ? o->shown : o->def;
	if (shown) {
		char *d = xasprintf("(default: %s)", shown);
		cli__words(&h, d);
		free(d);
	}
	strbuf_addc(sb, '\n');
}

void cli_usage(FILE *out, unsigned command)
{
	size_t c = 0;
	while (c < N_COMMANDS && cli_commands[c].command != command)
		c++;
	if (c == N_COMMANDS)
		abort();
	strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, cli_commands[c].head);
	const char *group = NULL;
	strbuf_addc(&sb, '\n');
	for (size_t i = 0; i < OPT_COUNT; i++) {
		const cli_opt *o = &cli_opts[i];
		if (!(o->commands & command))
			continue;
		if (cli_commands[c].grouped && o->group && o->group != group) {
			strbuf_addf(&sb, "%s:\n", o->group);
			group = o->group;
		}
		cli__option_help(&sb, (cli_opt_id)i, command);
	}
	strbuf_adds(&sb, cli_commands[c].tail);
	fputs(strbuf_str(&sb), out);
	strbuf_release(&sb);
}
