/* cmd_audit.c: `tlslint audit [options] LIST`: many repositories, in parallel, to a directory. */
#include <errno.h>
#include "util/git2_api.h"
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
#include "cli/options.h"
#include "config/config.h"
#include "report/fingerprint.h"
#include "util/alloc.h"
#include "util/clock.h"
#include "util/fileio.h"

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
		if (rec->status == AUDIT_FAILED)
			atomic_fetch_add(&run->failed, 1);
		atomic_fetch_add(&run->findings, rec->findings);
		atomic_fetch_add(&run->done, 1);
	}
	return NULL;
}

static void audit__progress(struct audit_run *run, double start, bool final)
{
	size_t done = atomic_load(&run->done), total = run->repos->len;
	double elapsed = clock_seconds() - start;
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

/* Exit status of an audit or a merge from its records. */
int cli_audit_status(const audit_summary *s, bool fail_none, level fail_on)
{
	bool failed = false, findings = false;
	for (size_t i = 0; i < s->len; i++) {
		failed |= audit_record_incomplete(&s->records[i]);
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
	double start = clock_seconds();
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
	size_t partial = 0, empty = 0;
	for (size_t i = 0; i < repos.len; i++) {
		partial += run.records[i].status == AUDIT_PARTIAL;
		empty += run.records[i].status == AUDIT_EMPTY;
		if (run.records[i].error && !quiet)
			fprintf(stderr, "tlslint: %s: %s: %s\n", run.records[i].repository,
				audit_status_name(run.records[i].status), run.records[i].error);
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
			"failed, %zu partial, %zu empty, %zu findings; see %s/report.html\n",
			repos.len, repos.len == 1 ? "repository" : "repositories",
			atomic_load(&run.reused), atomic_load(&run.failed), partial, empty,
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

int cmd_audit(int argc, char **argv)
{
	cli_options o;
	int rc = EXIT_USAGE, first = 1;
	int prc = cli_parse(&o, CLI_AUDIT, argc, argv, &first);
	if (prc != 0) {
		rc = prc > 0 ? EXIT_CLEAN : EXIT_USAGE;
		goto cleanup;
	}
	scan_options sopts = { .max_file_size = o.max_file_size, .timeout_ms = o.timeout_ms,
			       .jobs = o.jobs, .file_pass = &line_hash_pass };
	walk_options wopts = { .no_ignore = o.no_ignore };
	if (o.dry_run && first + 1 == argc) {
		rc = audit__dry_run(argv[first], o.shard_k, o.shard_n);
		goto cleanup;
	}
	if (!o.output_dir || first + 1 != argc) {
		fprintf(stderr, "tlslint: audit takes -o DIR and one LIST file; see 'tlslint audit "
				"--help'\n");
		goto cleanup;
	}

	catalogue cat = { 0 };
	if (cli_load_catalogue(&cat, o.rule_dirs.items, o.rule_dirs.len) < 0)
		goto cleanup;
	for (size_t i = 0; i < o.disabled.len + o.enabled.len; i++) {
		const char *id = i < o.disabled.len ? o.disabled.items[i]
						    : o.enabled.items[i - o.disabled.len];
		if (!catalogue_find(&cat, id)) {
			fprintf(stderr, "tlslint: no rule '%s'; 'tlslint rules' lists them\n", id);
			catalogue_release(&cat);
			goto cleanup;
		}
	}
	sopts.disabled = o.disabled.items;
	sopts.ndisabled = o.disabled.len;
	sopts.enabled = o.enabled.items;
	sopts.nenabled = o.enabled.len;
	sopts.progress = false; /* the audit's own progress line counts repositories */
	wopts.excludes = o.excludes.items;
	wopts.nexcludes = o.excludes.len;
	audit_job job = { .cat = &cat, .wopts = &wopts, .max_file_size = sopts.max_file_size,
			  .ref = o.ref, .tool_version = TLSLINT_VERSION, .resume = !o.no_resume };

	git_libgit2_init();
	rc = audit__run(&job, &cat, &sopts, sopts.jobs, argv[first], o.output_dir, o.shard_k,
			o.shard_n, o.quiet, o.fail_none, o.fail_on);
	git_libgit2_shutdown();
	catalogue_release(&cat);
cleanup:
	cli_options_release(&o);
	return rc;
}
