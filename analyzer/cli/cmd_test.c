/* cmd_test.c: `tlslint test DIR...`: runs every rule over fixture files and compares the
 * findings with the expectations annotated in them (see testing/expectations.h).
 *
 * Each case is Reported (expected finding found), Validated (expected silence kept), Noisy
 * (a finding nobody expected: a false positive) or Missing (an expected finding not found: a
 * false negative). Any Noisy or Missing case, or a rule without fixtures under --require-all,
 * fails the run. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
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

static void test__usage(FILE *out)
{
	fprintf(out, "usage: tlslint test [options] DIR...\n\n"
		     "Runs every rule over the fixture files under DIR and checks the findings\n"
		     "against their inline annotations (ruleid: ID col N / ok: ID / suppressed: ID col N).\n\n"
		     "  --rules DIR      also load the rule files under DIR\n"
		     "  --exclude GLOB   skip matching files and directories (repeatable)\n"
		     "  --require-all    fail when a rule has no positive and no negative case\n"
		     "  -j, --jobs N     worker threads\n"
		     "  --compile-commands FILE  C/C++ flags from this compilation database\n"
		     "  --no-system-headers      C/C++: parse as if no header were installed\n"
		     "  --system-headers         C/C++: read installed headers without a database too\n"
		     "  --no-shims               C/C++: without the TLS API declaration shims\n"
		     "  --no-fallback            C/C++: without the token fallback\n"
		     "                           (the last two measure what each adds to recall)\n"
		     "  -v, --verbose    list passing cases too\n");
}

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
	enum { O_RULES = 256, O_EXCLUDE, O_REQUIRE_ALL, O_COMPILE_COMMANDS, O_NO_SYSTEM_HEADERS, O_SYSTEM_HEADERS,
	       O_NO_SHIMS, O_NO_FALLBACK };
	static const struct option opts[] = {
		{ "rules", required_argument, NULL, O_RULES },
		{ "exclude", required_argument, NULL, O_EXCLUDE },
		{ "require-all", no_argument, NULL, O_REQUIRE_ALL },
		{ "compile-commands", required_argument, NULL, O_COMPILE_COMMANDS },
		{ "no-system-headers", no_argument, NULL, O_NO_SYSTEM_HEADERS },
		{ "system-headers", no_argument, NULL, O_SYSTEM_HEADERS },
		{ "no-shims", no_argument, NULL, O_NO_SHIMS },
		{ "no-fallback", no_argument, NULL, O_NO_FALLBACK },
		{ "jobs", required_argument, NULL, 'j' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char **dirs = NULL, **excludes = NULL;
	size_t ndirs = 0, nexcludes = 0;
	bool require_all = false, verbose = false;
	unsigned jobs = 0;
	frontend_config fe = { 0 };
	int c, rc = EXIT_USAGE;
	optind = 1;
	while ((c = getopt_long(argc, argv, "j:vh", opts, NULL)) != -1) {
		switch (c) {
		case O_RULES:
			dirs = xreallocarray(dirs, ndirs + 1, sizeof(char *));
			dirs[ndirs++] = optarg;
			break;
		case O_EXCLUDE:
			excludes = xreallocarray(excludes, nexcludes + 1, sizeof(char *));
			excludes[nexcludes++] = optarg;
			break;
		case O_REQUIRE_ALL:
			require_all = true;
			break;
		case O_COMPILE_COMMANDS:
			fe.compile_commands = optarg;
			break;
		case O_NO_SYSTEM_HEADERS:
			fe.system_headers = SYSTEM_HEADERS_NEVER;
			break;
		case O_SYSTEM_HEADERS:
			fe.system_headers = SYSTEM_HEADERS_ALWAYS;
			break;
		case O_NO_SHIMS:
			fe.no_shims = true;
			break;
		case O_NO_FALLBACK:
			fe.no_fallback = true;
			break;
		case 'j':
			if (!cli_parse_uint(optarg, 1, 1024, &jobs)) {
				fprintf(stderr, "tlslint: --jobs takes a number from 1 to 1024\n");
				goto out;
			}
			break;
		case 'v':
			verbose = true;
			break;
		case 'h':
			test__usage(stdout);
			rc = EXIT_CLEAN;
			goto out;
		default:
			test__usage(stderr);
			goto out;
		}
	}
	if (optind >= argc) {
		test__usage(stderr);
		goto out;
	}
	catalogue cat = { 0 };
	if (cli_load_catalogue(&cat, dirs, ndirs) < 0)
		goto out;
	/* Fixtures exercise every rule, including those off by default. */
	char **all = xcalloc(cat.len ? cat.len : 1, sizeof(char *));
	for (size_t i = 0; i < cat.len; i++)
		all[i] = cat.rules[i]->id;
	char *base = walk_choose_base(argv[optind]);
	fe.root = base;
	scan_options sopts = { .jobs = jobs, .max_file_size = 64u << 20, .timeout_ms = 30000,
			       .enabled = all, .nenabled = cat.len,
			       .prepare_all = true, .fe = fe };
	char err[1024];
	scanner *s = NULL;
	if (scanner_new(&s, &cat, &sopts, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		free(all);
		free(base);
		catalogue_release(&cat);
		goto out;
	}
	walk_options wopts = { .base = base, .excludes = excludes, .nexcludes = nexcludes,
			       .no_ignore = true };
	walk_list files = { 0 };
	finding_list results = { 0 };
	walk_paths(&files, &results, (const char *const *)argv + optind, (size_t)(argc - optind),
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
	if (require_all) {
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
	free(dirs);
	free(excludes);
	return rc;
}
