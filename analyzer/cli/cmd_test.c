/* cmd_test.c: `tlslint test DIR...`: runs every rule over fixture files and compares the
 * findings with the expectations annotated in them (see testing/expectations.h).
 *
 * Each case is Reported (expected finding found), Validated (expected silence kept), Noisy
 * (a finding nobody expected: a false positive) or Missing (an expected finding not found: a
 * false negative). Any Noisy or Missing case, or a rule without fixtures under --require-all,
 * fails the run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "report/fingerprint.h"
#include "scan/scanner.h"
#include "source/source_file.h"
#include "testing/expectations.h"
#include "util/alloc.h"
#include "walk/walker.h"

struct test_counts {
	size_t reported, validated, noisy, missing, errors;
};

struct rule_coverage {
	size_t positives, negatives;
};

static bool test__good_file(const char *uri, const char *id)
{
	const char *base = strrchr(uri, '/');
	base = base ? base + 1 : uri;
	size_t n = strlen(id);
	return strncmp(base, id, n) == 0 && strncmp(base + n, ".good.", 6) == 0;
}

/* Compares one file's findings [first, last) with its expectations. */
static void test__file(const walk_file *wf, finding *first, finding *last, const catalogue *cat,
		       struct rule_coverage *cov, struct test_counts *counts, bool verbose)
{
	source_file src;
	int err = 0;
	expectation_list ex = { 0 };
	if (source_load(&src, wf->path, 64u << 20, &err) == SOURCE_OK) {
		char *errors = NULL;
		expectations_read(&ex, &src, &errors);
		if (errors) {
			for (char *line = errors, *nl; *line; line = nl + 1) {
				nl = strchr(line, '\n');
				if (!nl)
					break;
				printf("Error      %s: %.*s\n", wf->path, (int)(nl - line), line);
				counts->errors++;
			}
			free(errors);
		}
		source_release(&src);
	}
	for (size_t i = 0; i < ex.len; i++) {
		expectation *x = &ex.items[i];
		const rule *r = catalogue_find(cat, x->rule_id);
		if (!r) {
			printf("Error      %s:%u: no rule '%s'\n", wf->path, x->written_at, x->rule_id);
			counts->errors++;
			x->matched = true;
			continue;
		}
		size_t ri = catalogue_index(cat, r);
		if (x->kind == EXPECT_NONE)
			cov[ri].negatives++;
		else
			cov[ri].positives++;
	}
	for (finding *f = first; f < last; f++) {
		bool expected = false;
		for (size_t i = 0; i < ex.len && !expected; i++) {
			expectation *x = &ex.items[i];
			if (x->kind == EXPECT_NONE || x->matched || x->line != f->where.start_line ||
			    x->col != f->where.start_col || strcmp(x->rule_id, f->rule->id) != 0)
				continue;
			if ((x->kind == EXPECT_SUPPRESSED) != f->suppressed)
				continue;
			x->matched = expected = true;
		}
		if (expected) {
			counts->reported++;
			if (verbose)
				printf("Reported   %s:%u:%u: %s\n", wf->path, f->where.start_line,
				       f->where.start_col, f->rule->id);
		} else {
			counts->noisy++;
			printf("Noisy      %s:%u:%u: %s%s: %s\n", wf->path, f->where.start_line,
			       f->where.start_col, f->rule->id, f->suppressed ? " (suppressed)" : "",
			       f->message);
		}
	}
	for (size_t i = 0; i < ex.len; i++) {
		expectation *x = &ex.items[i];
		if (x->matched)
			continue;
		if (x->kind == EXPECT_NONE) {
			counts->validated++; /* any finding there was already counted Noisy */
			if (verbose)
				printf("Validated  %s:%u: %s\n", wf->path, x->line, x->rule_id);
			continue;
		}
		counts->missing++;
		printf("Missing    %s:%u:%u: %s%s\n", wf->path, x->line, x->col, x->rule_id,
		       x->kind == EXPECT_SUPPRESSED ? " (suppressed)" : "");
	}
	if (verbose && ex.len == 0 && first == last)
		printf("Validated  %s: no finding\n", wf->path);
	if (ex.len == 0 && first == last)
		counts->validated++;
	for (size_t k = 0; k < cat->len; k++)
		if (test__good_file(wf->uri, cat->rules[k]->id))
			cov[k].negatives++;
	expectation_list_release(&ex);
}

int cmd_test(int argc, char **argv)
{
	cli_options o;
	int rc = EXIT_USAGE, dir1 = 1;
	int prc = cli_parse(&o, CLI_TEST, argc, argv, &dir1);
	if (prc != 0) {
		rc = prc > 0 ? EXIT_CLEAN : EXIT_USAGE;
		goto out;
	}
	if (dir1 >= argc) {
		cli_usage(stderr, CLI_TEST);
		goto out;
	}
	frontend_config fe = { .compile_commands = o.compile_commands,
			       .system_headers = (system_headers_mode)o.system_headers,
			       .no_shims = o.no_shims, .no_fallback = o.no_fallback };
	bool verbose = o.verbose;
	catalogue cat = { 0 };
	if (cli_load_catalogue(&cat, o.rule_dirs.items, o.rule_dirs.len) < 0)
		goto out;
	/* Fixtures exercise every rule, including those off by default. */
	char **all = xcalloc(cat.len ? cat.len : 1, sizeof(char *));
	for (size_t i = 0; i < cat.len; i++)
		all[i] = cat.rules[i]->id;
	char *base = walk_choose_base((const char *const *)argv + dir1, (size_t)(argc - dir1));
	fe.root = base;
	scan_options sopts = { .jobs = o.jobs, .max_file_size = 64u << 20, .timeout_ms = 30000,
			       .enabled = all, .nenabled = cat.len,
			       .prepare_all = true, .fe = fe, .file_pass = &line_hash_pass };
	char err[1024];
	scanner *s = NULL;
	if (scanner_new(&s, &cat, &sopts, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		free(all);
		free(base);
		catalogue_release(&cat);
		goto out;
	}
	walk_options wopts = { .base = base, .excludes = o.excludes.items, .nexcludes = o.excludes.len,
			       .no_ignore = true };
	walk_list files = { 0 };
	finding_list results = { 0 };
	walk_paths(&files, &results, (const char *const *)argv + dir1, (size_t)(argc - dir1),
		   &wopts);
	walk_list_sort(&files);
	scanner_run(s, &files, &results, NULL);

	struct test_counts counts = { 0 };
	struct rule_coverage *cov = xcalloc(cat.len ? cat.len : 1, sizeof(*cov));
	size_t fi = 0;
	for (size_t i = 0; i < files.len; i++) {
		const walk_file *wf = &files.files[i];
		size_t first = fi;
		while (fi < results.len && strcmp(results.items[fi].uri, wf->uri) == 0)
			fi++;
		test__file(wf, results.items + first, results.items + fi, &cat, cov, &counts,
			   verbose);
	}
	for (size_t i = 0; i < results.nnotes; i++) {
		/* A note (a file that parsed with errors and was analysed piece by piece) is
		 * information; the fixture's expectations decide. */
		if (results.notes[i].level == LEVEL_NOTE) {
			printf("Note       %s\n", results.notes[i].message);
			continue;
		}
		printf("Error      %s\n", results.notes[i].message);
		counts.errors++;
	}
	if (o.require_all) {
		for (size_t i = 0; i < cat.len; i++) {
			if (!cov[i].positives || !cov[i].negatives) {
				printf("Error      %s has no %s fixture\n", cat.rules[i]->id,
				       !cov[i].positives ? "positive (ruleid:)"
							 : "negative (ok: or .good.)");
				counts.errors++;
			}
		}
	}
	size_t passed = counts.reported + counts.validated;
	size_t failed = counts.noisy + counts.missing + counts.errors;
	printf("%zu reported, %zu validated, %zu noisy, %zu missing, %zu errors\n", counts.reported,
	       counts.validated, counts.noisy, counts.missing, counts.errors);
	printf("fixtures: %zu passed, %zu failed\n", passed, failed);
	rc = failed ? EXIT_FINDINGS : EXIT_CLEAN;

	free(cov);
	finding_list_release(&results);
	walk_list_release(&files);
	free(base);
	scanner_free(s);
	free(all);
	catalogue_release(&cat);
out:
	cli_options_release(&o);
	return rc;
}
