/* cmd_scan.c: `tlslint scan [options] [PATH...]`. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "report/report.h"
#include "scan/scanner.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/strbuf.h"
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
		"Selection:\n"
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
		"      --no-system-headers  parse as if no header were installed (shims only)\n"
		"  -v, --verbose          print what was scanned and how fast\n"
		"  -q, --quiet            no progress line\n"
		"  -h, --help             show this help\n\n"
		"Exit status: 0 no finding at or above the fail level, 1 findings, 2 usage or fatal\n"
		"error. Files that cannot be read or parsed are reported as notifications and do not\n"
		"stop the scan.\n");
}

static bool scan__parse_size(const char *s, size_t *out)
{
	char *end = NULL;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s)
		return false;
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		v <<= 20, end++;
	else if (*end == 'G' || *end == 'g')
		v <<= 30, end++;
	if (*end || v == 0)
		return false;
	*out = (size_t)v;
	return true;
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

struct string_list {
	char **items;
	size_t len;
};

static void scan__push(struct string_list *l, char *s)
{
	l->items = xreallocarray(l->items, l->len + 1, sizeof(char *));
	l->items[l->len++] = s;
}

int cmd_scan(int argc, char **argv)
{
	enum { O_SARIF = 256, O_COLOR, O_FAIL_ON, O_EXCLUDE, O_NO_IGNORE, O_MAX_SIZE, O_RULES,
	       O_DISABLE, O_ENABLE, O_TIMEOUT, O_COMPILE_COMMANDS, O_NO_SYSTEM_HEADERS };
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "sarif", required_argument, NULL, O_SARIF },
		{ "color", required_argument, NULL, O_COLOR },
		{ "colour", required_argument, NULL, O_COLOR },
		{ "fail-on", required_argument, NULL, O_FAIL_ON },
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
		{ "verbose", no_argument, NULL, 'v' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text", *output = "-", *sarif_path = NULL, *color = "auto";
	level fail_on = LEVEL_WARNING;
	bool fail_none = false, verbose = false, quiet = false;
	struct string_list excludes = { 0 }, rule_dirs = { 0 }, disabled = { 0 }, enabled = { 0 };
	scan_options sopts = { .max_file_size = DEFAULT_MAX_FILE_SIZE,
			       .timeout_ms = DEFAULT_TIMEOUT_MS };
	walk_options wopts = { 0 };
	int rc = EXIT_USAGE, c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:o:j:vqh", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case O_SARIF:
			sarif_path = optarg;
			break;
		case O_COLOR:
			color = optarg;
			break;
		case O_FAIL_ON:
			if (strcmp(optarg, "none") == 0) {
				fail_none = true;
			} else if (!level_parse(optarg, &fail_on) || fail_on == LEVEL_NONE) {
				fprintf(stderr, "tlslint: --fail-on must be error, warning, note or none\n");
				goto cleanup;
			}
			break;
		case O_EXCLUDE:
			scan__push(&excludes, optarg);
			break;
		case O_NO_IGNORE:
			wopts.no_ignore = true;
			break;
		case O_MAX_SIZE:
			if (!scan__parse_size(optarg, &sopts.max_file_size)) {
				fprintf(stderr, "tlslint: --max-file-size takes a size such as 4M\n");
				goto cleanup;
			}
			break;
		case O_RULES:
			scan__push(&rule_dirs, optarg);
			break;
		case O_DISABLE:
			scan__push(&disabled, optarg);
			break;
		case O_ENABLE:
			scan__push(&enabled, optarg);
			break;
		case 'j':
			if (!cli_parse_uint(optarg, 1, 1024, &sopts.jobs)) {
				fprintf(stderr, "tlslint: --jobs takes a number from 1 to 1024\n");
				goto cleanup;
			}
			break;
		case O_TIMEOUT:
			if (!cli_parse_uint(optarg, 1, 24u * 3600 * 1000, &sopts.timeout_ms)) {
				fprintf(stderr, "tlslint: --timeout takes milliseconds\n");
				goto cleanup;
			}
			break;
		case O_COMPILE_COMMANDS:
			sopts.fe.compile_commands = optarg;
			break;
		case O_NO_SYSTEM_HEADERS:
			sopts.fe.no_system_headers = true;
			break;
		case 'v':
			verbose = true;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			scan__usage(stdout);
			rc = EXIT_CLEAN;
			goto cleanup;
		default:
			scan__usage(stderr);
			goto cleanup;
		}
	}
	if (strcmp(format, "text") && strcmp(format, "sarif") && strcmp(format, "json")) {
		fprintf(stderr, "tlslint: --format must be text, sarif or json\n");
		goto cleanup;
	}
	if (strcmp(color, "auto") && strcmp(color, "always") && strcmp(color, "never")) {
		fprintf(stderr, "tlslint: --color must be auto, always or never\n");
		goto cleanup;
	}

	const char *const default_paths[] = { "." };
	const char *const *paths = optind < argc ? (const char *const *)argv + optind : default_paths;
	size_t npaths = optind < argc ? (size_t)(argc - optind) : 1;
	for (size_t i = 0; i < npaths; i++) {
		if (access(paths[i], F_OK) < 0) {
			fprintf(stderr, "tlslint: %s: %s\n", paths[i], strerror(errno));
			goto cleanup;
		}
	}

	catalogue cat = { 0 };
	if (cli_load_catalogue(&cat, rule_dirs.items, rule_dirs.len) < 0)
		goto cleanup;
	for (size_t i = 0; i < disabled.len + enabled.len; i++) {
		const char *id = i < disabled.len ? disabled.items[i] : enabled.items[i - disabled.len];
		if (!catalogue_find(&cat, id)) {
			fprintf(stderr, "tlslint: no rule '%s'; 'tlslint rules' lists them\n", id);
			catalogue_release(&cat);
			goto cleanup;
		}
	}
	sopts.disabled = disabled.items;
	sopts.ndisabled = disabled.len;
	sopts.enabled = enabled.items;
	sopts.nenabled = enabled.len;
	sopts.progress = !quiet && isatty(STDERR_FILENO);

	char *base = walk_choose_base(paths[0]);
	sopts.fe.root = base;
	char err[1024];
	scanner *s = NULL;
	if (scanner_new(&s, &cat, &sopts, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		catalogue_release(&cat);
		free(base);
		goto cleanup;
	}

	wopts.base = base;
	wopts.excludes = excludes.items;
	wopts.nexcludes = excludes.len;
	walk_list files = { 0 };
	finding_list results = { 0 };
	walk_paths(&files, &results, paths, npaths, &wopts);
	walk_list_sort(&files);
	scan_stats stats = { 0 };
	finding_list scanned = { 0 };
	scanner_run(s, &files, &scanned, &stats);
	finding_list_take(&results, &scanned);
	finding_list_sort(&results);

	char *cmdline = scan__command_line(argc, argv);
	report_input in = { .cat = &cat, .findings = &results, .stats = &stats, .base = base,
			    .tool_version = TLSLINT_VERSION, .execution_successful = true,
			    .command_line = cmdline };
	rc = EXIT_CLEAN;
	if (sarif_path) {
		char *sarif = report_sarif(&in);
		if (scan__write(sarif_path, sarif) < 0)
			rc = EXIT_USAGE;
		free(sarif);
	}
	if (strcmp(format, "text") == 0) {
		bool use_color = strcmp(color, "always") == 0 ||
				 (strcmp(color, "auto") == 0 && strcmp(output, "-") == 0 &&
				  isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
		if (strcmp(output, "-") == 0) {
			report_text(stdout, &in, use_color);
		} else {
			char *buf = NULL;
			size_t len = 0;
			FILE *mem = open_memstream(&buf, &len);
			if (!mem)
				abort();
			report_text(mem, &in, use_color);
			fclose(mem);
			if (scan__write(output, buf) < 0)
				rc = EXIT_USAGE;
			free(buf);
		}
	} else {
		char *doc = strcmp(format, "sarif") == 0 ? report_sarif(&in) : report_json(&in);
		if (scan__write(output, doc) < 0)
			rc = EXIT_USAGE;
		free(doc);
	}
	if (verbose)
		fprintf(stderr,
			"tlslint: %zu files of known languages, %zu read, %zu parsed, %zu not "
			"analysed; %.1f MiB in %.2f s\n",
			stats.files, stats.read, stats.parsed, stats.failed,
			(double)stats.bytes / (1024.0 * 1024.0), stats.seconds);
	if (rc == EXIT_CLEAN && !fail_none) {
		for (size_t i = 0; i < results.len; i++) {
			if (!results.items[i].suppressed && results.items[i].level >= fail_on) {
				rc = EXIT_FINDINGS;
				break;
			}
		}
	}
	free(cmdline);
	finding_list_release(&results);
	walk_list_release(&files);
	free(base);
	scanner_free(s);
	catalogue_release(&cat);
cleanup:
	free(excludes.items);
	free(rule_dirs.items);
	free(disabled.items);
	free(enabled.items);
	return rc;
}
