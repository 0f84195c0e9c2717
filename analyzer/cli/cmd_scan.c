/* cmd_scan.c: `tlslint scan [options] [PATH...]`. */
#include <errno.h>
#include <getopt.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/scan_settings.h"
#include "report/baseline.h"
#include "report/fingerprint.h"
#include "report/report.h"
#include "scan/scanner.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "walk/gitwalk.h"
#include "walk/walker.h"

#define DEFAULT_MAX_FILE_SIZE (8u << 20)
#define DEFAULT_TIMEOUT_MS 10000u

static void scan__usage(FILE *out)
{
	fprintf(out,
		"usage: tlslint scan [options] [PATH...]\n\n"
		"Scans files and directories (default: .) for hardcoded legacy TLS.\n\n"
		"Output:\n"
		"  -f, --format FMT       text (default), sarif or json\n"
		"  -o, --output FILE      write the report to FILE (atomically); default: stdout\n"
		"      --sarif FILE       also write a SARIF log to FILE\n"
		"      --color WHEN       auto (default), always or never\n"
		"      --fail-on LEVEL    exit 1 for findings at or above LEVEL: error, warning\n"
		"                         (default), note, or none\n"
		"      --category NAME    SARIF automationDetails.id (one category per upload)\n"
		"      --no-suppressed    leave findings silenced by tlslint-ignore comments out of\n"
		"                         the SARIF log (the form to upload to GitHub)\n"
		"Baselines and git:\n"
		"      --baseline FILE    compare with an earlier SARIF log: every result gets\n"
		"                         baselineState new, unchanged or absent\n"
		"      --fail-on-new      with --baseline: exit 1 only for new findings\n"
		"      --staged           scan the content staged in the git index (not the work\n"
		"                         tree): the files that differ from HEAD, or PATHs named\n"
		"      --diff REV         report only findings on lines changed since REV (in the\n"
		"                         work tree; in the index with --staged)\n"
		"Selection:\n"
		"      --config FILE      read settings from FILE (default: .tlslint.toml at the top\n"
		"                         of the scanned tree, if there is one)\n"
		"      --no-config        do not read a configuration file\n"
		"      --exclude GLOB     skip matching files and directories (repeatable); a glob\n"
		"                         without '/' matches names, one with '/' matches paths\n"
		"      --no-ignore        do not apply .gitignore and other git ignore rules\n"
		"      --max-file-size N  skip files larger than N bytes (K and M suffixes; default 8M)\n"
		"      --rules DIR        also load the rule files under DIR (repeatable)\n"
		"      --disable ID       do not run rule ID (repeatable)\n"
		"      --enable ID        run rule ID even if it is off by default (repeatable)\n"
		"Running:\n"
		"  -j, --jobs N           worker threads (default: number of cores)\n"
		"      --timeout MS       give up on a file after MS milliseconds (default 10000)\n"
		"C and C++:\n"
		"      --compile-commands FILE  flags per file from this compilation database\n"
		"                         (default: compile_commands.json in the scan root or build/)\n"
		"      --system-headers   C/C++: read the installed system headers even for files\n"
		"                         with no compilation database entry (slower)\n"
		"      --no-system-headers  C/C++: never read them, even with a database\n"
		"  -v, --verbose          print what was scanned and how fast\n"
		"  -q, --quiet            no progress line\n"
		"  -h, --help             show this help\n\n"
		"Exit status: 0 no finding at or above the fail level, 1 findings, 2 usage or fatal\n"
		"error. Files that cannot be read or parsed are reported as notifications and do not\n"
		"stop the scan.\n");
}

static char *scan__command_line(int argc, char **argv)
{
	strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, "tlslint");
	for (int i = 0; i < argc; i++) {
		strbuf_addc(&sb, ' ');
		strbuf_adds(&sb, argv[i]);
	}
	return strbuf_detach(&sb);
}

static int scan__write(const char *path, const char *data)
{
	if (file_write_atomic(path, data, strlen(data)) < 0) {
		fprintf(stderr, "tlslint: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Returns 0 to go on, 1 when --help was printed, -1 on a usage error (printed). */
static int scan__parse(scan_settings *st, int argc, char **argv)
{
	enum { O_SARIF = 256, O_COLOR, O_FAIL_ON, O_EXCLUDE, O_NO_IGNORE, O_MAX_SIZE, O_RULES,
	       O_DISABLE, O_ENABLE, O_TIMEOUT, O_CATEGORY, O_NO_SUPPRESSED, O_BASELINE,
	       O_FAIL_ON_NEW, O_STAGED, O_DIFF, O_CONFIG, O_NO_CONFIG, O_COMPILE_COMMANDS,
	       O_NO_SYSTEM_HEADERS, O_SYSTEM_HEADERS };
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "sarif", required_argument, NULL, O_SARIF },
		{ "color", required_argument, NULL, O_COLOR },
		{ "colour", required_argument, NULL, O_COLOR },
		{ "fail-on", required_argument, NULL, O_FAIL_ON },
		{ "category", required_argument, NULL, O_CATEGORY },
		{ "no-suppressed", no_argument, NULL, O_NO_SUPPRESSED },
		{ "baseline", required_argument, NULL, O_BASELINE },
		{ "fail-on-new", no_argument, NULL, O_FAIL_ON_NEW },
		{ "staged", no_argument, NULL, O_STAGED },
		{ "diff", required_argument, NULL, O_DIFF },
		{ "config", required_argument, NULL, O_CONFIG },
		{ "no-config", no_argument, NULL, O_NO_CONFIG },
		{ "exclude", required_argument, NULL, O_EXCLUDE },
		{ "no-ignore", no_argument, NULL, O_NO_IGNORE },
		{ "max-file-size", required_argument, NULL, O_MAX_SIZE },
		{ "rules", required_argument, NULL, O_RULES },
		{ "disable", required_argument, NULL, O_DISABLE },
		{ "enable", required_argument, NULL, O_ENABLE },
		{ "jobs", required_argument, NULL, 'j' },
		{ "timeout", required_argument, NULL, O_TIMEOUT },
		{ "compile-commands", required_argument, NULL, O_COMPILE_COMMANDS },
		{ "no-system-headers", no_argument, NULL, O_NO_SYSTEM_HEADERS },
		{ "system-headers", no_argument, NULL, O_SYSTEM_HEADERS },
		{ "verbose", no_argument, NULL, 'v' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:o:j:vqh", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			st->format = optarg;
			break;
		case 'o':
			st->output = optarg;
			break;
		case O_SARIF:
			st->sarif_path = optarg;
			break;
		case O_COLOR:
			st->color = optarg;
			break;
		case O_CATEGORY:
			st->category = optarg;
			break;
		case O_NO_SUPPRESSED:
			st->no_suppressed = true;
			break;
		case O_BASELINE:
			st->baseline_path = optarg;
			break;
		case O_FAIL_ON_NEW:
			st->fail_on_new = true;
			break;
		case O_STAGED:
			st->staged = true;
			break;
		case O_DIFF:
			st->diff_rev = optarg;
			break;
		case O_CONFIG:
			st->config_path = optarg;
			break;
		case O_NO_CONFIG:
			st->no_config = true;
			break;
		case O_FAIL_ON:
			st->has_fail_on = true;
			st->fail_none = strcmp(optarg, "none") == 0;
			if (!st->fail_none &&
			    (!level_parse(optarg, &st->fail_on) || st->fail_on == LEVEL_NONE)) {
				fprintf(stderr, "tlslint: --fail-on must be error, warning, note or none\n");
				return -1;
			}
			break;
		case O_EXCLUDE:
			str_list_push(&st->excludes, optarg);
			break;
		case O_NO_IGNORE:
			st->wopts.no_ignore = true;
			break;
		case O_MAX_SIZE:
			if (!config_parse_size(optarg, &st->sopts.max_file_size)) {
				fprintf(stderr, "tlslint: --max-file-size takes a size such as 4M\n");
				return -1;
			}
			st->has_max_file_size = true;
			break;
		case O_RULES:
			str_list_push(&st->rule_dirs, optarg);
			break;
		case O_DISABLE:
			str_list_push(&st->disabled, optarg);
			break;
		case O_ENABLE:
			str_list_push(&st->enabled, optarg);
			break;
		case 'j':
			if (!cli_parse_uint(optarg, 1, 1024, &st->sopts.jobs)) {
				fprintf(stderr, "tlslint: --jobs takes a number from 1 to 1024\n");
				return -1;
			}
			break;
		case O_TIMEOUT:
			if (!cli_parse_uint(optarg, 1, 24u * 3600 * 1000, &st->sopts.timeout_ms)) {
				fprintf(stderr, "tlslint: --timeout takes milliseconds\n");
				return -1;
			}
			break;
		case O_COMPILE_COMMANDS:
			st->sopts.fe.compile_commands = optarg;
			break;
		case O_NO_SYSTEM_HEADERS:
			st->sopts.fe.system_headers = SYSTEM_HEADERS_NEVER;
			break;
		case O_SYSTEM_HEADERS:
			st->sopts.fe.system_headers = SYSTEM_HEADERS_ALWAYS;
			break;
		case 'v':
			st->verbose = true;
			break;
		case 'q':
			st->quiet = true;
			break;
		case 'h':
			scan__usage(stdout);
			return 1;
		default:
			scan__usage(stderr);
			return -1;
		}
	}
	st->fmt = report_format_find(st->format);
	if (!st->fmt) {
		char *names = report_format_names();
		fprintf(stderr, "tlslint: --format must be %s\n", names);
		free(names);
		return -1;
	}
	if (strcmp(st->color, "auto") && strcmp(st->color, "always") && strcmp(st->color, "never")) {
		fprintf(stderr, "tlslint: --color must be auto, always or never\n");
		return -1;
	}
	if (st->fail_on_new && !st->baseline_path) {
		fprintf(stderr, "tlslint: --fail-on-new needs --baseline FILE\n");
		return -1;
	}
	if (st->config_path && st->no_config) {
		fprintf(stderr, "tlslint: --config and --no-config exclude each other\n");
		return -1;
	}
	return 0;
}

static bool scan__off_changed_lines(const finding *f, const void *changes)
{
	return !gitwalk_changes_cover(changes, f->uri, f->where.start_line, f->where.end_line);
}

static void scan__apply_levels(finding_list *results, const scan_settings *st)
{
	for (size_t i = 0; i < results->len; i++)
		for (size_t k = 0; k < st->noverrides; k++)
			if (results->items[i].rule == st->overrides[k].rule)
				results->items[i].level = st->overrides[k].level;
}

static int scan__report(const report_input *in, const scan_settings *st)
{
	int rc = 0;
	if (st->sarif_path) {
		char *sarif = report_sarif(in);
		rc |= scan__write(st->sarif_path, sarif);
		free(sarif);
	}
	report_input with = *in;
	if (st->fmt->uses & REPORT_USES_COLOR)
		with.color = strcmp(st->color, "always") == 0 ||
			     (strcmp(st->color, "auto") == 0 && strcmp(st->output, "-") == 0 &&
			      isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
	char *doc = st->fmt->write(&with);
	rc |= scan__write(st->output, doc);
	free(doc);
	return rc;
}

int cmd_scan(int argc, char **argv)
{
	scan_settings st = { .format = "text", .output = "-", .color = "auto",
			     .fail_on = LEVEL_WARNING,
			     .sopts = { .max_file_size = DEFAULT_MAX_FILE_SIZE,
					.timeout_ms = DEFAULT_TIMEOUT_MS } };
	int rc = EXIT_USAGE;
	char *base = NULL;
	catalogue cat = { 0 };
	scanner *s = NULL;
	walk_list files = { 0 };
	finding_list results = { 0 };
	gitwalk_changes changes = { 0 };
	baseline base_log = { 0 };
	char *remote = NULL, *revision = NULL, *branch = NULL;
	char *cmdline = NULL;
	git_odb *odb = NULL; /* staged blobs are read from it */
	git_libgit2_init();  /* for as long as `files` may borrow from a repository */

	int prc = scan__parse(&st, argc, argv);
	if (prc != 0) {
		rc = prc > 0 ? EXIT_CLEAN : EXIT_USAGE;
		goto cleanup;
	}
	const char *const default_paths[] = { "." };
	bool paths_given = optind < argc;
	const char *const *paths = paths_given ? (const char *const *)argv + optind : default_paths;
	size_t npaths = paths_given ? (size_t)(argc - optind) : 1;
	for (size_t i = 0; i < npaths && !st.staged; i++) {
		if (access(paths[i], F_OK) < 0) {
			fprintf(stderr, "tlslint: %s: %s\n", paths[i], strerror(errno));
			goto cleanup;
		}
	}
	base = walk_choose_base(st.staged ? "." : paths[0]);
	if (scan_settings_merge(&st, base) < 0)
		goto cleanup;
	if (cli_load_catalogue(&cat, st.rule_dirs.items, st.rule_dirs.len) < 0)
		goto cleanup;
	if (scan_settings_resolve_rules(&st, &cat) < 0)
		goto cleanup;
	char err[1024];
	if (st.baseline_path && baseline_load(&base_log, st.baseline_path, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		goto cleanup;
	}
	st.sopts.progress = !st.quiet && isatty(STDERR_FILENO);
	st.sopts.fe.root = base;
	if (scanner_new(&s, &cat, &st.sopts, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		goto cleanup;
	}

	st.wopts.base = base;
	if (scan_select_files(&files, &odb, &results, &changes, &st, base, paths, npaths,
			      paths_given) < 0)
		goto cleanup;
	walk_list_sort(&files);
	scan_stats stats = { 0 };
	finding_list scanned = { 0 };
	scanner_run(s, &files, &scanned, &stats);
	finding_list_take(&results, &scanned);
	finding_list_sort(&results);
	if (st.diff_rev)
		finding_list_drop_if(&results, scan__off_changed_lines, &changes);
	scan__apply_levels(&results, &st);
	fingerprint_assign(&results);
	if (st.baseline_path)
		baseline_apply(&base_log, &results);
	if (st.sarif_path || (st.fmt->uses & REPORT_USES_VCS))
		gitwalk_provenance(base, &remote, &revision, &branch);
	report_vcs vcs = { .repository_uri = remote, .revision_id = revision, .branch = branch };

	cmdline = scan__command_line(argc, argv);
	report_input in = { .cat = &cat, .findings = &results, .stats = &stats, .base = base,
			    .tool_version = TLSLINT_VERSION, .execution_successful = true,
			    .command_line = cmdline, .category = st.category,
			    .vcs = remote ? &vcs : NULL,
			    .baseline = st.baseline_path ? &base_log : NULL,
			    .no_suppressed = st.no_suppressed, .overrides = st.overrides,
			    .noverrides = st.noverrides };
	rc = scan__report(&in, &st) < 0 ? EXIT_USAGE : EXIT_CLEAN;
	if (st.verbose)
		fprintf(stderr,
			"tlslint: %zu files of known languages, %zu read, %zu parsed, %zu not "
			"analysed; %.1f MiB in %.3f s\n",
			stats.files, stats.read, stats.parsed, stats.failed,
			(double)stats.bytes / (1024.0 * 1024.0), stats.seconds);
	if (rc == EXIT_CLEAN && !st.fail_none) {
		for (size_t i = 0; i < results.len; i++) {
			const finding *f = &results.items[i];
			if (!f->suppressed && f->level >= st.fail_on &&
			    (!st.fail_on_new || f->baseline == BASELINE_NEW)) {
				rc = EXIT_FINDINGS;
				break;
			}
		}
	}
cleanup:
	free(cmdline);
	free(remote);
	free(revision);
	free(branch);
	baseline_release(&base_log);
	gitwalk_changes_release(&changes);
	finding_list_release(&results);
	walk_list_release(&files);
	git_odb_free(odb);
	git_libgit2_shutdown();
	scanner_free(s);
	catalogue_release(&cat);
	free(base);
	scan_settings_release(&st);
	return rc;
}
