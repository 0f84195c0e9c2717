/* cmd_audit.c: `tlslint audit [options] LIST`: many repositories, in parallel, to a directory. */
#include <errno.h>
#include <getopt.h>
#include <git2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "audit/repo_list.h"
#include "audit/repo_scan.h"
#include "audit/summary.h"
#include "cli/cli.h"
#include "config/config.h"
#include "report/fingerprint.h"
#include "util/alloc.h"
#include "util/fileio.h"

#define DEFAULT_MAX_FILE_SIZE (8u << 20)
#define DEFAULT_TIMEOUT_MS 10000u

static void audit__usage(FILE *out)
{
	fprintf(out,
		"usage: tlslint audit [options] -o DIR LIST\n\n"
		"Audits every repository named in LIST (one per line: a work tree, a bare\n"
		"repository, or a directory holding many; '-' reads standard input) and writes\n"
		"DIR/repos/<name>.sarif and .html per repository, DIR/summary.json, summary.csv\n"
		"and report.html. Bare repositories are read from their object database at HEAD\n"
		"(or --ref), without a checkout; work trees are scanned as they are on disk.\n\n"
		"  -o, --output-dir DIR   where the results go (created if missing); required\n"
		"      --ref REV          scan REV instead of HEAD, from the object database\n"
		"      --shard K/N        audit only shard K of N (1 <= K <= N), chosen by a stable\n"
		"                         hash of each repository's path; 'tlslint merge' joins them\n"
		"      --dry-run          print the repositories this run would audit (after --shard),\n"
		"                         one per line, and exit; -o is not needed\n"
		"      --no-resume        rescan repositories already audited in DIR at the same\n"
		"                         commit with the same tlslint version and configuration\n"
		"      --fail-on LEVEL    exit 1 for findings at or above LEVEL: error, warning\n"
		"                         (default), note, or none\n"
		"      --exclude GLOB     skip matching files and directories (repeatable)\n"
		"      --no-ignore        do not apply .gitignore and other git ignore rules\n"
		"      --max-file-size N  skip files larger than N bytes (K and M suffixes; default 8M)\n"
		"      --rules DIR        also load the rule files under DIR (repeatable)\n"
		"      --disable ID       do not run rule ID (repeatable)\n"
		"      --enable ID        run rule ID even if it is off by default (repeatable)\n"
		"  -j, --jobs N           threads (default: number of cores): one repository each, or\n"
		"                         several per repository when there are fewer repositories\n"
		"      --timeout MS       give up on a file after MS milliseconds (default 10000)\n"
		"  -q, --quiet            no progress line and no list of failed repositories\n"
		"  -h, --help             show this help\n\n"
		"Exit status: 0 every repository audited and no finding at or above the fail level,\n"
		"1 findings, 3 some repositories could not be audited (broken, missing HEAD,\n"
		"unreadable; the others are), 2 usage or fatal error.\n");
}

struct audit_run {
	const audit_job *job;
	const audit_repo_list *repos;
	audit_record *records;
	atomic_size_t next, done, failed, reused, findings;
};

static void *audit__worker(void *arg)
{
	struct audit_run *run = arg;
	for (;;) {
		size_t i = atomic_fetch_add(&run->next, 1);
		if (i >= run->repos->len)
			break;
		audit_record *rec = &run->records[i];
		if (audit_repo_scan(rec, run->job, &run->repos->items[i]))
			atomic_fetch_add(&run->reused, 1);
		if (rec->error)
			atomic_fetch_add(&run->failed, 1);
		atomic_fetch_add(&run->findings, rec->findings);
		atomic_fetch_add(&run->done, 1);
	}
	return NULL;
}

static double audit__now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void audit__progress(struct audit_run *run, double start, bool final)
{
	size_t done = atomic_load(&run->done), total = run->repos->len;
	double elapsed = audit__now() - start;
	double per_min = elapsed > 0 ? (double)done * 60.0 / elapsed : 0;
	fprintf(stderr, "\r\033[Ktlslint: %zu/%zu repositories, %zu failed, %zu findings, %.0f/min",
		done, total, atomic_load(&run->failed), atomic_load(&run->findings), per_min);
	if (!final && done > 0 && done < total) {
		unsigned long eta = (unsigned long)((double)(total - done) * elapsed / (double)done);
		fprintf(stderr, ", about %lum%02lus left", eta / 60, eta % 60);
	}
	if (final)
		fputc('\n', stderr);
	fflush(stderr);
}

static bool audit__parse_shard(const char *s, unsigned *k, unsigned *n)
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

/* Exit status of an audit or a merge from its records. */
int cli_audit_status(const audit_summary *s, bool fail_none, level fail_on)
{
	bool failed = false, findings = false;
	for (size_t i = 0; i < s->len; i++) {
		failed |= s->records[i].error != NULL;
		findings |= !fail_none && audit_record_at_least(&s->records[i], fail_on) > 0;
	}
	return failed ? EXIT_PARTIAL : findings ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* Runs the audit proper once the options are known. */
static int audit__run(audit_job *job, const catalogue *cat, const scan_options *sopts,
		      unsigned jobs, const char *list, const char *out_dir, unsigned shard_k,
		      unsigned shard_n, bool quiet, bool fail_none, level fail_on)
{
	char err[1024];
	int rc = EXIT_USAGE;
	scanner *s = NULL;
	audit_repo_list repos = { 0 };
	audit_summary summary = { 0 };
	char *repos_dir = xasprintf("%s/repos", out_dir);
	struct audit_run run = { .job = job };

	if (audit_list_read(&repos, list, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		goto cleanup;
	}
	if (shard_n)
		audit_list_shard(&repos, shard_k, shard_n);
	if (!jobs) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = n > 0 ? (unsigned)n : 1;
	}
	/* One worker per repository; with fewer repositories than jobs, each repository's files
	 * are scanned by the jobs left over (one huge repository still uses every core). */
	unsigned workers = jobs > repos.len ? (repos.len ? (unsigned)repos.len : 1) : jobs;
	scan_options per_repo = *sopts;
	per_repo.jobs = jobs / workers;
	if (scanner_new(&s, cat, &per_repo, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		goto cleanup;
	}
	if (file_mkdirs(repos_dir) < 0) {
		fprintf(stderr, "tlslint: cannot create '%s': %s\n", repos_dir, strerror(errno));
		goto cleanup;
	}
	job->scanner = s;
	job->repos_dir = repos_dir;
	job->digest = audit_job_digest(job);

	run.repos = &repos;
	run.records = xcalloc(repos.len ? repos.len : 1, sizeof(*run.records));
	pthread_t *threads = xcalloc(workers, sizeof(*threads));
	unsigned started = 0;
	for (unsigned t = 0; t < workers; t++)
		if (pthread_create(&threads[started], NULL, audit__worker, &run) == 0)
			started++;
	if (!started)
		audit__worker(&run);
	double start = audit__now();
	bool progress = !quiet && isatty(STDERR_FILENO);
	while (progress && started && atomic_load(&run.done) < repos.len) {
		audit__progress(&run, start, false);
		struct timespec ts = { 0, 250 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	for (unsigned t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	free(threads);
	if (progress)
		audit__progress(&run, start, true);

	summary.tool_version = xstrdup(job->tool_version);
	summary.config_digest = xstrdup(job->digest);
	for (size_t i = 0; i < cat->len; i++) {
		const rule *r = cat->rules[i];
		if (scanner_rule_enabled(s, r))
			audit_summary_add_rule(&summary, r->id, r->name, r->short_description,
					       r->level);
	}
	for (size_t i = 0; i < repos.len; i++) {
		if (run.records[i].error && !quiet)
			fprintf(stderr, "tlslint: %s: %s\n", run.records[i].repository,
				run.records[i].error);
		audit_summary_take(&summary, &run.records[i]);
	}
	audit_summary_sort(&summary);
	if (audit_summary_write(&summary, out_dir, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		goto cleanup;
	}
	if (!quiet)
		fprintf(stderr,
			"tlslint: %zu %s audited (%zu unchanged since the last run), %zu "
			"failed, %zu findings; see %s/report.html\n",
			repos.len, repos.len == 1 ? "repository" : "repositories",
			atomic_load(&run.reused), atomic_load(&run.failed),
			atomic_load(&run.findings), out_dir);
	rc = cli_audit_status(&summary, fail_none, fail_on);
cleanup:
	free(run.records);
	audit_summary_release(&summary);
	audit_list_release(&repos);
	free((char *)job->digest);
	free(repos_dir);
	scanner_free(s);
	return rc;
}

/* --dry-run: the share of the list this run would audit, so that a batch job can fetch only
 * the repositories of its shard before auditing them. */
static int audit__dry_run(const char *list, unsigned shard_k, unsigned shard_n)
{
	char err[1024];
	audit_repo_list repos = { 0 };
	if (audit_list_read(&repos, list, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		return EXIT_USAGE;
	}
	if (shard_n)
		audit_list_shard(&repos, shard_k, shard_n);
	for (size_t i = 0; i < repos.len; i++)
		printf("%s\n", repos.items[i].path);
	audit_list_release(&repos);
	return EXIT_CLEAN;
}

struct string_list {
	char **items;
	size_t len;
};

static void audit__push(struct string_list *l, char *s)
{
	l->items = xreallocarray(l->items, l->len + 1, sizeof(char *));
	l->items[l->len++] = s;
}

int cmd_audit(int argc, char **argv)
{
	enum { O_REF = 256, O_SHARD, O_DRY_RUN, O_NO_RESUME, O_FAIL_ON, O_EXCLUDE, O_NO_IGNORE, O_MAX_SIZE,
	       O_RULES, O_DISABLE, O_ENABLE, O_TIMEOUT };
	static const struct option opts[] = {
		{ "output-dir", required_argument, NULL, 'o' },
		{ "ref", required_argument, NULL, O_REF },
		{ "shard", required_argument, NULL, O_SHARD },
		{ "dry-run", no_argument, NULL, O_DRY_RUN },
		{ "no-resume", no_argument, NULL, O_NO_RESUME },
		{ "fail-on", required_argument, NULL, O_FAIL_ON },
		{ "exclude", required_argument, NULL, O_EXCLUDE },
		{ "no-ignore", no_argument, NULL, O_NO_IGNORE },
		{ "max-file-size", required_argument, NULL, O_MAX_SIZE },
		{ "rules", required_argument, NULL, O_RULES },
		{ "disable", required_argument, NULL, O_DISABLE },
		{ "enable", required_argument, NULL, O_ENABLE },
		{ "jobs", required_argument, NULL, 'j' },
		{ "timeout", required_argument, NULL, O_TIMEOUT },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out_dir = NULL, *ref = NULL;
	unsigned shard_k = 0, shard_n = 0;
	bool resume = true, quiet = false, fail_none = false, dry_run = false;
	level fail_on = LEVEL_WARNING;
	struct string_list excludes = { 0 }, rule_dirs = { 0 }, disabled = { 0 }, enabled = { 0 };
	scan_options sopts = { .max_file_size = DEFAULT_MAX_FILE_SIZE,
			       .timeout_ms = DEFAULT_TIMEOUT_MS, .file_pass = &line_hash_pass };
	walk_options wopts = { 0 };
	int rc = EXIT_USAGE, c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:j:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out_dir = optarg;
			break;
		case O_REF:
			ref = optarg;
			break;
		case O_SHARD:
			if (!audit__parse_shard(optarg, &shard_k, &shard_n)) {
				fprintf(stderr, "tlslint: --shard takes K/N with 1 <= K <= N\n");
				goto cleanup;
			}
			break;
		case O_DRY_RUN:
			dry_run = true;
			break;
		case O_NO_RESUME:
			resume = false;
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
			audit__push(&excludes, optarg);
			break;
		case O_NO_IGNORE:
			wopts.no_ignore = true;
			break;
		case O_MAX_SIZE:
			if (!config_parse_size(optarg, &sopts.max_file_size)) {
				fprintf(stderr, "tlslint: --max-file-size takes a size such as 4M\n");
				goto cleanup;
			}
			break;
		case O_RULES:
			audit__push(&rule_dirs, optarg);
			break;
		case O_DISABLE:
			audit__push(&disabled, optarg);
			break;
		case O_ENABLE:
			audit__push(&enabled, optarg);
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
		case 'q':
			quiet = true;
			break;
		case 'h':
			audit__usage(stdout);
			rc = EXIT_CLEAN;
			goto cleanup;
		default:
			audit__usage(stderr);
			goto cleanup;
		}
	}
	if (dry_run && optind + 1 == argc) {
		rc = audit__dry_run(argv[optind], shard_k, shard_n);
		goto cleanup;
	}
	if (!out_dir || optind + 1 != argc) {
		fprintf(stderr, "tlslint: audit takes -o DIR and one LIST file; see 'tlslint audit "
				"--help'\n");
		goto cleanup;
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
	sopts.progress = false; /* the audit's own progress line counts repositories */
	wopts.excludes = excludes.items;
	wopts.nexcludes = excludes.len;
	audit_job job = { .cat = &cat, .wopts = &wopts, .max_file_size = sopts.max_file_size,
			  .ref = ref, .tool_version = TLSLINT_VERSION, .resume = resume };

	git_libgit2_init();
	rc = audit__run(&job, &cat, &sopts, sopts.jobs, argv[optind], out_dir, shard_k, shard_n,
			quiet, fail_none, fail_on);
	git_libgit2_shutdown();
	catalogue_release(&cat);
cleanup:
	free(excludes.items);
	free(rule_dirs.items);
	free(disabled.items);
	free(enabled.items);
	return rc;
}
