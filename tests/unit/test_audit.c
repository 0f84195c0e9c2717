/* test_audit.c: unit tests of the audit's pieces: ignore rules without a work tree,
 * credential-free repository URIs, stable identities and shards, records that survive JSON. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "audit/record.h"
#include "audit/repo_list.h"
#include "audit/repo_scan.h"
#include "unit.h"
#include "util/alloc.h"
#include "walk/gitignore.h"

void test_gitignore_patterns(void);
void test_audit_clean_uri(void);
void test_audit_identity_and_shards(void);
void test_audit_repo_name(void);
void test_audit_record_json(void);

static int ignored(const char *dir, const char *rules, const char *path, bool is_dir)
{
	gitignore g;
	gitignore_parse(&g, dir, rules, strlen(rules));
	int r = gitignore_match(&g, path, is_dir);
	gitignore_release(&g);
	return r;
}

void test_gitignore_patterns(void)
{
	/* Unanchored patterns match the last component at any depth. */
	CHECK(ignored("", "*.log\n", "a/b/x.log", false) == 1);
	CHECK(ignored("", "*.log\n", "a/b/x.txt", false) == 0);
	/* A slash anywhere but at the end anchors to the file's directory. */
	CHECK(ignored("", "/gen\n", "gen", true) == 1);
	CHECK(ignored("", "/gen\n", "src/gen", true) == 0);
	CHECK(ignored("", "doc/x.cs\n", "doc/x.cs", false) == 1);
	CHECK(ignored("", "doc/x.cs\n", "a/doc/x.cs", false) == 0);
	/* Directory-only patterns. */
	CHECK(ignored("", "build/\n", "build", true) == 1);
	CHECK(ignored("", "build/\n", "build", false) == 0);
	/* "**" in front, in the middle and at the end. */
	CHECK(ignored("", "**/legacy\n", "legacy", true) == 1);
	CHECK(ignored("", "**/legacy\n", "a/b/legacy", true) == 1);
	CHECK(ignored("", "a/**/z.cs\n", "a/z.cs", false) == 1);
	CHECK(ignored("", "a/**/z.cs\n", "a/b/c/z.cs", false) == 1);
	CHECK(ignored("", "a/**/z.cs\n", "b/z.cs", false) == 0);
	CHECK(ignored("", "out/**\n", "out", true) == 0);
	CHECK(ignored("", "out/**\n", "out/x/y.cs", false) == 1);
	/* The last matching pattern wins; negation re-includes. */
	CHECK(ignored("", "*.cs\n!Keep.cs\n", "Keep.cs", false) == -1);
	CHECK(ignored("", "!Keep.cs\n*.cs\n", "Keep.cs", false) == 1);
	/* Comments, blank lines, escapes, trailing spaces, CRLF. */
	CHECK(ignored("", "# x.cs\n\n", "# x.cs", false) == 0);
	CHECK(ignored("", "\\#x.cs\n", "#x.cs", false) == 1);
	CHECK(ignored("", "\\!x.cs\n", "!x.cs", false) == 1);
	CHECK(ignored("", "x.cs   \r\n", "x.cs", false) == 1);
	CHECK(ignored("", "[ab].cs\n", "b.cs", false) == 1);
	CHECK(ignored("", "?.cs\n", "ab.cs", false) == 0);
	/* Bracket expressions, classes and escapes. */
	CHECK(ignored("", "[!a].cs\n", "b.cs", false) == 1);
	CHECK(ignored("", "[!a].cs\n", "a.cs", false) == 0);
	CHECK(ignored("", "v[0-9].cs\n", "v7.cs", false) == 1);
	CHECK(ignored("", "v[[:digit:]].cs\n", "vx.cs", false) == 0);
	CHECK(ignored("", "\\*.cs\n", "*.cs", false) == 1);
	CHECK(ignored("", "\\*.cs\n", "a.cs", false) == 0);
	CHECK(ignored("", "[unclosed\n", "[unclosed", false) == 1);
	/* Patterns that make a backtracking matcher exponential match in linear time (found by
	 * fuzz_gitignore: tests/fuzz/regressions/gitignore/). */
	{
		char pat[256], path[512], name[512];
		size_t n = (size_t)snprintf(pat, sizeof(pat), "a/");
		for (int i = 0; i < 25; i++)
			n += (size_t)snprintf(pat + n, sizeof(pat) - n, "**/");
		snprintf(pat + n, sizeof(pat) - n, "x\n");
		n = (size_t)snprintf(path, sizeof(path), "a/");
		for (int i = 0; i < 60; i++)
			n += (size_t)snprintf(path + n, sizeof(path) - n, "b/");
		snprintf(path + n, sizeof(path) - n, "y");
		CHECK(ignored("", pat, path, false) == 0);
		path[strlen(path) - 1] = 'x';
		CHECK(ignored("", pat, path, false) == 1);
		memset(name, 'a', 400);
		name[400] = '\0';
		CHECK(ignored("", "*a*a*a*a*a*a*a*a*a*a*a*a*b\n", name, false) == 0);
		CHECK(ignored("", "*a*a*a*a*a*a*a*a*a*a*a*a\n", name, false) == 1);
	}
	/* A nested file's patterns are relative to its directory and apply only below it. */
	CHECK(ignored("tools/", "/drop\n", "tools/drop", true) == 1);
	CHECK(ignored("tools/", "/drop\n", "drop", true) == 0);
	CHECK(ignored("tools/", "*.cs\n", "src/x.cs", false) == 0);
}

static void check_uri(const char *in, const char *want)
{
	char *got = audit_clean_uri(in);
	CHECK_STR(got, want);
	free(got);
}

void test_audit_clean_uri(void)
{
	check_uri("https://github.com/o/r.git", "https://github.com/o/r.git");
	check_uri("https://user:tok@github.com/o/r.git", "https://github.com/o/r.git");
	check_uri("https://x-access-token:ghs_abc@github.com:443/o/r", "https://github.com:443/o/r");
	check_uri("https://host/o/r.git?private_token=abc#frag", "https://host/o/r.git");
	check_uri("ssh://git@host:2222/o/r.git", "ssh://host:2222/o/r.git");
	check_uri("git@github.com:o/r.git", "ssh://github.com/o/r.git");
	check_uri("host:/srv/r.git", "ssh://host/srv/r.git");
	check_uri("/srv/git/r w.git", "file:///srv/git/r%20w.git");
}

static void check_name(const char *path, const char *uri, const char *want)
{
	char *got = audit_repo_name(path, uri);
	CHECK_STR(got, want);
	free(got);
}

void test_audit_repo_name(void)
{
	/* A remote with a host names the repository as people know it. */
	check_name("mirrors/x.git", "https://github.com/example/billing.git", "example/billing");
	check_name("m/x", "https://git.example.com:8443/a/b/c", "a/b/c");
	check_name("m/x", "ssh://github.com/team/svc.git", "team/svc");
	check_name("m/x", "https://host/o/r.git/", "o/r");
	check_name("m/x", "https://host/o/r?x=1", "o/r");
	/* No remote, a local one, or one without a path: the path without its git suffix. */
	check_name("mirrors/example/billing.git", NULL, "mirrors/example/billing");
	check_name("mirrors/example/billing.git", "file:///srv/billing.git", "mirrors/example/billing");
	check_name("/work/corpus/c/owner+name/repo", "file:///work/corpus/c/owner+name/repo",
		   "/work/corpus/c/owner+name");
	check_name("mirrors/app/.git", NULL, "mirrors/app");
	check_name("mirrors/app.git/", NULL, "mirrors/app");
	check_name("m/x", "https://host/", "m/x");
	check_name("work/gamma", NULL, "work/gamma");
	check_name("repo", NULL, "repo");
	check_name(".git", NULL, ".git");
	check_name("repository", NULL, "repository");
	check_name("a/myrepo", NULL, "a/myrepo");
}

void test_audit_identity_and_shards(void)
{
	/* The hash is a fixed function: shards computed on any machine agree. */
	CHECK(audit_hash("mirrors/a.git") == audit_hash("mirrors/a.git"));
	CHECK(audit_hash("mirrors/a.git") != audit_hash("mirrors/b.git"));
	audit_repo r;
	audit_repo_init(&r, "mirrors/org/My Repo.git");
	CHECK(strncmp(r.slug, "mirrors_org_My_Repo.git-", 24) == 0);
	CHECK_UINT(strlen(r.slug), 24 + 8);
	audit_repo_release(&r);
	audit_repo_init(&r, "../..");
	CHECK(strncmp(r.slug, "repo-", 5) == 0 || r.slug[0] != '.');
	audit_repo_release(&r);

	/* Every repository lands in exactly one of N shards, about evenly. */
	enum { REPOS = 3000, N = 7 };
	size_t per[N] = { 0 };
	for (int i = 0; i < REPOS; i++) {
		char name[64];
		snprintf(name, sizeof(name), "mirrors/org%d/repo%d.git", i % 13, i);
		per[audit_hash(name) % N]++;
	}
	for (int k = 0; k < N; k++)
		CHECK(per[k] > REPOS / N * 8 / 10 && per[k] < REPOS / N * 12 / 10);
}

void test_audit_record_json(void)
{
	audit_record r = { 0 }, back;
	r.repository = xstrdup("mirrors/a.git");
	r.name = audit_repo_name(r.repository, NULL);
	r.slug = xstrdup("mirrors_a.git-00000000");
	r.kind = xstrdup("bare");
	r.commit = xstrdup("0123456789abcdef0123456789abcdef01234567");
	r.files = 12;
	r.findings = 3;
	audit_record_count(&r, "LT-CS-002", LEVEL_WARNING);
	audit_record_count(&r, "LT-CS-001", LEVEL_ERROR);
	audit_record_count(&r, "LT-CS-001", LEVEL_ERROR);
	audit_record_sort(&r);
	CHECK_STR(r.counts[0].rule, "LT-CS-001");
	CHECK_UINT(r.counts[0].count, 2);
	CHECK_UINT(audit_record_at_least(&r, LEVEL_ERROR), 2);
	CHECK_UINT(audit_record_at_least(&r, LEVEL_NOTE), 3);
	cJSON *j = audit_record_to_json(&r);
	CHECK(audit_record_from_json(&back, j) == 0);
	cJSON *j2 = audit_record_to_json(&back);
	CHECK(cJSON_Compare(j, j2, true));
	CHECK(back.uri == NULL && back.error == NULL);
	CHECK_STR(back.name, "mirrors/a");
	CHECK(back.status == AUDIT_SCANNED);
	CHECK_STR(cJSON_GetObjectItem(j, "status")->valuestring, "scanned");
	cJSON_Delete(j);
	cJSON_Delete(j2);
	audit_record_release(&back);
	/* The status moves only towards failed, and the first reason stays. */
	audit_record_set_status(&r, AUDIT_PARTIAL, "%d of %d unreadable", 1, 2);
	audit_record_set_status(&r, AUDIT_EMPTY, "later");
	CHECK(r.status == AUDIT_PARTIAL && audit_record_incomplete(&r));
	CHECK_STR(r.error, "1 of 2 unreadable");
	j = audit_record_to_json(&r);
	CHECK_STR(cJSON_GetObjectItem(j, "status")->valuestring, "partial");
	CHECK(audit_record_from_json(&back, j) == 0);
	CHECK(back.status == AUDIT_PARTIAL);
	CHECK_STR(back.error, "1 of 2 unreadable");
	audit_record_release(&back);
	cJSON_ReplaceItemInObject(j, "status", cJSON_CreateString("clean"));
	CHECK(audit_record_from_json(&back, j) < 0);
	cJSON_Delete(j);
	audit_status st;
	CHECK(audit_status_parse("empty", &st) && st == AUDIT_EMPTY);
	CHECK(!audit_status_parse("scanned ", &st));
	audit_record_release(&r);
	cJSON *bad = cJSON_Parse("{\"repository\":\"x\"}");
	CHECK(audit_record_from_json(&back, bad) < 0);
	cJSON_Delete(bad);
}
