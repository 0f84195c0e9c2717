/* cmd_merge.c: `tlslint merge -o OUT DIR...`: joins the output directories of audit shards. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/summary.h"
#include "cli/cli.h"
#include "util/alloc.h"
#include "util/fileio.h"

#define MAX_COPY_SIZE (2ull << 30)

static void merge__usage(FILE *out)
{
	fprintf(out,
		"usage: tlslint merge [options] -o OUT DIR...\n\n"
		"Joins the output directories of 'tlslint audit --shard K/N' runs into OUT: the\n"
		"repositories' files are copied to OUT/repos, and OUT gets one summary.json,\n"
		"summary.csv and report.html, the same bytes a single audit of the whole list\n"
		"would write. Every DIR must come from the same tlslint version and configuration.\n"
		"OUT may be one of the DIRs.\n\n"
		"  -o, --output-dir OUT   where the merged results go (created if missing)\n"
		"      --fail-on LEVEL    exit 1 for findings at or above LEVEL: error, warning\n"
		"                         (default), note, or none\n"
		"  -q, --quiet            no summary line\n"
		"  -h, --help             show this help\n\n"
		"Exit status: as for 'tlslint audit': 0 clean, 1 findings, 3 some repositories\n"
		"could not be audited, 2 usage or fatal error (a missing or mismatched summary).\n");
}

static bool merge__same_dir(const char *a, const char *b)
{
	char *ra = realpath(a, NULL), *rb = realpath(b, NULL);
	bool same = ra && rb && strcmp(ra, rb) == 0;
	free(ra);
	free(rb);
	return same;
}

/* Copies DIR/repos/<slug>.{sarif,html,json} to OUT/repos. */
static int merge__copy(const char *dir, const char *out, const char *slug)
{
	static const char *const exts[] = { "sarif", "html", "json" };
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		char *src = xasprintf("%s/repos/%s.%s", dir, slug, exts[i]);
		char *dst = xasprintf("%s/repos/%s.%s", out, slug, exts[i]);
		char *data = NULL;
		size_t len = 0;
		int rc = 0;
		if (file_read_all(src, MAX_COPY_SIZE, &data, &len) < 0) {
			fprintf(stderr, "tlslint: cannot read '%s': %s\n", src, strerror(errno));
			rc = -1;
		} else if (file_write_atomic(dst, data, len) < 0) {
			fprintf(stderr, "tlslint: cannot write '%s': %s\n", dst, strerror(errno));
			rc = -1;
		}
		free(data);
		free(src);
		free(dst);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static bool merge__records_equal(const audit_record *a, const audit_record *b)
{
	cJSON *ja = audit_record_to_json(a), *jb = audit_record_to_json(b);
	bool same = cJSON_Compare(ja, jb, true);
	cJSON_Delete(ja);
	cJSON_Delete(jb);
	return same;
}

int cmd_merge(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output-dir", required_argument, NULL, 'o' },
		{ "fail-on", required_argument, NULL, 'F' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL;
	bool quiet = false, fail_none = false;
	level fail_on = LEVEL_WARNING;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "none") == 0) {
				fail_none = true;
			} else if (!level_parse(optarg, &fail_on) || fail_on == LEVEL_NONE) {
				fprintf(stderr, "tlslint: --fail-on must be error, warning, note or none\n");
				return EXIT_USAGE;
			}
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			merge__usage(stdout);
			return EXIT_CLEAN;
		default:
			merge__usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (!out || optind >= argc) {
		fprintf(stderr, "tlslint: merge takes -o OUT and at least one DIR; see 'tlslint merge "
				"--help'\n");
		return EXIT_USAGE;
	}
	char *repos_dir = xasprintf("%s/repos", out);
	if (file_mkdirs(repos_dir) < 0) {
		fprintf(stderr, "tlslint: cannot create '%s': %s\n", repos_dir, strerror(errno));
		free(repos_dir);
		return EXIT_USAGE;
	}
	free(repos_dir);

	char err[1024];
	int rc = EXIT_USAGE;
	audit_summary merged = { 0 };
	for (int i = optind; i < argc; i++) {
		const char *dir = argv[i];
		audit_summary part;
		if (audit_summary_load(&part, dir, err, sizeof(err)) < 0) {
			fprintf(stderr, "tlslint: %s\n", err);
			goto cleanup;
		}
		if (!merged.tool_version) {
			merged.tool_version = xstrdup(part.tool_version);
			merged.config_digest = xstrdup(part.config_digest);
			for (size_t r = 0; r < part.nrules; r++)
				audit_summary_add_rule(&merged, part.rules[r].id, part.rules[r].name,
						       part.rules[r].description,
						       part.rules[r].level);
		} else if (strcmp(merged.tool_version, part.tool_version) != 0 ||
			   strcmp(merged.config_digest, part.config_digest) != 0) {
			fprintf(stderr,
				"tlslint: '%s' was audited with tlslint %s and configuration %s, "
				"'%s' with %s and %s; merge only shards of one audit\n",
				argv[optind], merged.tool_version, merged.config_digest, dir,
				part.tool_version, part.config_digest);
			audit_summary_release(&part);
			goto cleanup;
		}
		bool copy = !merge__same_dir(dir, out);
		for (size_t r = 0; r < part.len; r++) {
			if (copy && merge__copy(dir, out, part.records[r].slug) < 0) {
				audit_summary_release(&part);
				goto cleanup;
			}
			audit_summary_take(&merged, &part.records[r]);
		}
		part.len = 0;
		audit_summary_release(&part);
	}
	for (size_t dup; (dup = audit_summary_sort(&merged)) != (size_t)-1;) {
		if (!merge__records_equal(&merged.records[dup - 1], &merged.records[dup]))
			fprintf(stderr,
				"tlslint: '%s' is in more than one shard with different results; "
				"keeping one of them\n",
				merged.records[dup].repository);
		audit_summary_remove(&merged, dup);
	}
	if (audit_summary_write(&merged, out, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		goto cleanup;
	}
	rc = cli_audit_status(&merged, fail_none, fail_on);
	if (!quiet) {
		size_t failed = 0, findings = 0;
		for (size_t i = 0; i < merged.len; i++) {
			failed += merged.records[i].status == AUDIT_FAILED;
			findings += merged.records[i].findings;
		}
		fprintf(stderr, "tlslint: merged %d director%s: %zu %s, %zu failed, %zu "
				"findings; see %s/report.html\n",
			argc - optind, argc - optind == 1 ? "y" : "ies", merged.len,
			merged.len == 1 ? "repository" : "repositories", failed, findings, out);
	}
cleanup:
	audit_summary_release(&merged);
	return rc;
}
