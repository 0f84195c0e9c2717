/* cmd_scan.c: `tlslint scan [options] [PATH...]`. */
#include <errno.h>
#include "util/git2_api.h"
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
static int scan__parse(scan_settings *st, int argc, char **argv, int *first_operand)
{
	int rc = cli_parse(&st->opt, CLI_SCAN, argc, argv, first_operand);
	if (rc != 0)
		return rc;
	const cli_options *o = &st->opt;
	st->sopts.max_file_size = o->max_file_size;
	st->sopts.jobs = o->jobs;
	st->sopts.timeout_ms = o->timeout_ms;
	st->sopts.fe.compile_commands = o->compile_commands;
	st->sopts.fe.system_headers = (system_headers_mode)o->system_headers;
	st->wopts.no_ignore = o->no_ignore;
	if (st->opt.fail_on_new && !st->opt.baseline_path) {
		fprintf(stderr, "tlslint: --fail-on-new needs --baseline FILE\n");
		return -1;
	}
	if (st->opt.config_path && st->opt.no_config) {
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
	if (st->opt.sarif_path) {
		char *sarif = report_sarif(in);
		rc |= scan__write(st->opt.sarif_path, sarif);
		free(sarif);
	}
	report_input with = *in;
	if (st->opt.fmt->uses & REPORT_USES_COLOR)
		with.color = strcmp(st->opt.color, "always") == 0 ||
			     (strcmp(st->opt.color, "auto") == 0 && strcmp(st->opt.output, "-") == 0 &&
			      isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
	char *doc = st->opt.fmt->write(&with);
	rc |= scan__write(st->opt.output, doc);
	free(doc);
	return rc;
}

struct scan__walk_arg {
	finding_list *notes;
	const char *const *paths;
	size_t npaths;
	const walk_options *wopts;
};

static void scan__walk(void *arg, walk_list *files)
{
	const struct scan__walk_arg *w = arg;
	walk_paths(files, w->notes, w->paths, w->npaths, w->wopts);
}

int cmd_scan(int argc, char **argv)
{
	scan_settings st = { 0 };
	int first = 1; /* the first PATH */
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
	bool git = false; /* libgit2 started, for as long as `files` may borrow from a repository */

	int prc = scan__parse(&st, argc, argv, &first);
	if (prc != 0) {
		rc = prc > 0 ? EXIT_CLEAN : EXIT_USAGE;
		goto cleanup;
	}
	/* Only staged and changed files borrow from a repository's object database; libgit2's
	 * start (it loads the certificate store) is not paid by a plain scan. */
	if (st.opt.staged || st.opt.diff_rev) {
		git_libgit2_init();
		git = true;
	}
	const char *const *paths;
	size_t npaths;
	if (cli_scan_paths(argc, argv, first, st.opt.staged, &paths, &npaths) < 0)
		goto cleanup;
	bool paths_given = first < argc;
	static const char *const here[] = { "." };
	base = st.opt.staged ? walk_choose_base(here, 1) : walk_choose_base(paths, npaths);
	if (scan_settings_merge(&st, base) < 0)
		goto cleanup;
	if (cli_load_catalogue(&cat, st.opt.rule_dirs.items, st.opt.rule_dirs.len) < 0)
		goto cleanup;
	if (scan_settings_resolve_rules(&st, &cat) < 0)
		goto cleanup;
	char err[1024];
	if (st.opt.baseline_path && baseline_load(&base_log, st.opt.baseline_path, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		goto cleanup;
	}
	st.sopts.progress = !st.opt.quiet && isatty(STDERR_FILENO);
	st.sopts.fe.root = base;
	if (scanner_new(&s, &cat, &st.sopts, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		goto cleanup;
	}

	st.wopts.base = base;
	scan_stats stats = { 0 };
	finding_list scanned = { 0 };
	if (!st.opt.staged && !st.opt.diff_rev) {
		/* The files of the work tree: analysed while the walk goes on. */
		struct scan__walk_arg w = { &results, paths, npaths, &st.wopts };
		scanner_run_walk(s, &files, scan__walk, &w, &scanned, &stats);
	} else {
		if (scan_select_files(&files, &odb, &results, &changes, &st, base, paths, npaths,
				      paths_given) < 0)
			goto cleanup;
		walk_list_sort(&files);
		scanner_run(s, &files, &scanned, &stats);
	}
	finding_list_take(&results, &scanned);
	finding_list_sort(&results);
	if (st.opt.diff_rev)
		finding_list_drop_if(&results, scan__off_changed_lines, &changes);
	scan__apply_levels(&results, &st);
	fingerprint_assign(&results);
	if (st.opt.baseline_path)
		baseline_apply(&base_log, &results);
	if (st.opt.sarif_path || (st.opt.fmt->uses & REPORT_USES_VCS))
		gitwalk_provenance(base, &remote, &revision, &branch);
	report_vcs vcs = { .repository_uri = remote, .revision_id = revision, .branch = branch };

	cmdline = scan__command_line(argc, argv);
	report_input in = { .cat = &cat, .findings = &results, .stats = &stats, .base = base,
			    .tool_version = TLSLINT_VERSION, .execution_successful = true,
			    .command_line = cmdline, .category = st.opt.category,
			    .vcs = remote ? &vcs : NULL,
			    .baseline = st.opt.baseline_path ? &base_log : NULL,
			    .no_suppressed = st.opt.no_suppressed, .overrides = st.overrides,
			    .noverrides = st.noverrides };
	rc = scan__report(&in, &st) < 0 ? EXIT_USAGE : EXIT_CLEAN;
	if (st.opt.verbose)
		fprintf(stderr,
			"tlslint: %zu files of known languages, %zu read, %zu parsed, %zu not "
			"analysed; %.1f MiB in %.3f s; %zu analysed again for names defined in "
			"other files\n",
			stats.files, stats.read, stats.parsed, stats.failed,
			(double)stats.bytes / (1024.0 * 1024.0), stats.seconds, stats.again);
	if (rc == EXIT_CLEAN && !st.opt.fail_none) {
		for (size_t i = 0; i < results.len; i++) {
			const finding *f = &results.items[i];
			if (!f->suppressed && f->level >= st.opt.fail_on &&
			    (!st.opt.fail_on_new || f->baseline == BASELINE_NEW)) {
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
	if (odb)
		git_odb_free(odb);
	if (git)
		git_libgit2_shutdown();
	scanner_free(s);
	catalogue_release(&cat);
	free(base);
	scan_settings_release(&st);
	return rc;
}
