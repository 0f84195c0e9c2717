/* unit_main.c: runs every unit test case (or those named on the command line). */
#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "util/alloc.h"

int unit_failed_checks;

#define CASES(X)                                                                           \
	X(test_utf8_validation) X(test_decode_utf8) X(test_decode_utf8_bom)                 \
	X(test_decode_utf16le_bom) X(test_decode_utf16be_bom) X(test_decode_utf16_sniffed)  \
	X(test_decode_latin1) X(test_decode_binary) X(test_decode_every_offset) X(test_utf16_columns)                   \
	X(test_lone_surrogate) X(test_source_line) X(test_load_errors)                      \
	X(test_versions_describe) X(test_parse_integer) X(test_fold_binary)                 \
	X(test_rule_parse_ok) X(test_rule_parse_errors) X(test_query_errors)                \
	X(test_predicates) X(test_classify) X(test_language_table)                          \
	X(test_predicate_languages) X(test_matcher) X(test_matcher_simd) X(test_keyword_groups)                  \
	X(test_message_template) X(test_php_sniff)                                          \
	X(test_suppression_comments) X(test_expectations) X(test_expectations_openers)       \
	X(test_uri_encode)                                                                  \
	X(test_walker_basic) X(test_walker_repo_marker) X(test_walker_gitignore)           \
	X(test_walker_symlinks)                                                             \
	X(test_walker_excludes) X(test_finding_sort_dedup) X(test_sarif_shape)              \
	X(test_atomic_write) X(test_report_formats) X(test_growth) X(test_builtin_catalogue) X(test_pattern_files) X(test_rule_keys_digest) X(test_rule_files_globs) X(test_rule_keys_readme) X(test_native_walk_shared) X(test_ts_field_child) X(test_ts_arena) X(test_msbuild_reader) \
	X(test_gitignore_patterns) X(test_audit_clean_uri) X(test_audit_identity_and_shards) X(test_audit_repo_name) \
	X(test_audit_record_json) X(test_cli_options_documented) X(test_cli_options_parse) X(test_nginx_reader) X(test_nginx_looks_like) \
	X(test_fix_map_offset) X(test_fix_map_position) X(test_walk_common_base) X(test_walk_base_without_libgit2)

#define DECLARE(name) void name(void);
CASES(DECLARE)

static const struct {
	const char *name;
	void (*run)(void);
} cases[] = {
#define ROW(name) { #name, name },
	CASES(ROW)
};

char *unit_tempdir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/tlslint-unit-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		abort();
	}
	return dir;
}

void unit_rmtree(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	free(cmd);
}

void unit_write(const char *dir, const char *rel, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, rel);
	for (char *p = path + strlen(dir) + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	}
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len) {
		perror(path);
		abort();
	}
	fclose(f);
	free(path);
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool wanted = argc < 2;
		for (int a = 1; a < argc; a++)
			wanted |= strcmp(argv[a], cases[i].name) == 0;
		if (!wanted)
			continue;
		int before = unit_failed_checks;
		cases[i].run();
		bool ok = unit_failed_checks == before;
		printf("%-4s %s\n", ok ? "ok" : "FAIL", cases[i].name);
		ok ? passed++ : failed++;
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
