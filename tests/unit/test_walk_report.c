/* test_walk_report.c: the walker (ignore rules, symlinks, excludes, the base of several paths),
 * finding order, the SARIF writer's shape, and atomic writes. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include "util/git2_api.h"
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/report.h"
#include "rules/catalogue.h"
#include "rules/finding.h"
#include "unit.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "walk/walker.h"

void test_walker_basic(void);
void test_walker_repo_marker(void);
void test_walker_gitignore(void);
void test_walker_symlinks(void);
void test_walker_excludes(void);
void test_finding_sort_dedup(void);
void test_sarif_shape(void);
void test_atomic_write(void);
void test_report_formats(void);
void test_growth(void);
void test_walk_common_base(void);
void test_walk_base_without_libgit2(void);

/* Walks `dir` and returns the uris joined with spaces; notes go to `notes`. */
static char *walk(const char *dir, char *const *excludes, size_t nexcludes, finding_list *notes)
{
	const char *paths[] = { dir };
	char *base = walk_choose_base(paths, 1);
	walk_options o = { .base = base, .excludes = excludes, .nexcludes = nexcludes };
	walk_list l = { 0 };
	walk_paths(&l, notes, paths, 1, &o);
	walk_list_sort(&l);
	size_t cap = 1;
	for (size_t i = 0; i < l.len; i++)
		cap += strlen(l.files[i].uri) + 1;
	char *out = xcalloc(1, cap);
	for (size_t i = 0; i < l.len; i++) {
		if (i)
			memcpy(out + strlen(out), " ", 2);
		memcpy(out + strlen(out), l.files[i].uri, strlen(l.files[i].uri) + 1);
	}
	walk_list_release(&l);
	free(base);
	return out;
}

void test_walker_basic(void)
{
	char *dir = unit_tempdir();
	unit_write(dir, "b/z.py", "x", 1);
	unit_write(dir, "a.cs", "x", 1);
	unit_write(dir, "notes.txt", "x", 1);
	unit_write(dir, ".git/config.cs", "x", 1); /* a plain folder named .git is skipped too */
	unit_write(dir, "deploy/tls.reg", "x", 1);
	finding_list notes = { 0 };
	char *got = walk(dir, NULL, 0, &notes);
	CHECK_STR(got, "a.cs b/z.py deploy/tls.reg");
	CHECK_UINT(notes.nnotes, 0);
	free(got);
	finding_list_release(&notes);
	unit_rmtree(dir);
	free(dir);
}

/* libgit2 is started only where a repository may be (its start loads the certificate store):
 * a `.git` entry in the directory or above it, or a git directory itself. */
void test_walker_repo_marker(void)
{
	char *dir = unit_tempdir();
	unit_write(dir, "sub/deeper/a.cs", "x", 1);
	char *deeper = xasprintf("%s/sub/deeper", dir), *file = xasprintf("%s/a.cs", deeper);
	CHECK(!walk_may_be_in_repo(dir, false));
	CHECK(!walk_may_be_in_repo(deeper, false));
	CHECK(walk_may_be_in_repo("/nonexistent/path", true)); /* libgit2 says why */
	unit_write(dir, ".git", "gitdir: elsewhere\n", 18);      /* a linked work tree */
	CHECK(walk_may_be_in_repo(dir, false));
	CHECK(!walk_may_be_in_repo(deeper, false));
	CHECK(walk_may_be_in_repo(deeper, true));
	CHECK(walk_may_be_in_repo(file, true)); /* a file: from its directory up */
	char *bare = xasprintf("%s/sub", dir);
	unit_write(bare, "HEAD", "ref: refs/heads/main\n", 21);
	CHECK(!walk_may_be_in_repo(bare, false)); /* HEAD alone is not a git directory */
	unit_write(bare, "objects/pack/.keep", "", 0);
	CHECK(walk_may_be_in_repo(bare, false));
	free(bare);
	free(file);
	free(deeper);
	unit_rmtree(dir);
	free(dir);
}

void test_walker_gitignore(void)
{
	char *dir = unit_tempdir();
	git_libgit2_init();
	git_repository *repo = NULL;
	CHECK(git_repository_init(&repo, dir, 0) == 0);
	git_repository_free(repo);
	git_libgit2_shutdown();
	unit_write(dir, ".gitignore", "bin/\n*.generated.cs\n", 20);
	unit_write(dir, ".git/info/exclude", "secret.py\n", 10);
	unit_write(dir, "src/A.cs", "x", 1);
	unit_write(dir, "src/A.generated.cs", "x", 1);
	unit_write(dir, "bin/Release/B.cs", "x", 1);
	unit_write(dir, "secret.py", "x", 1);
	unit_write(dir, "sub/.gitignore", "local.py\n", 9);
	unit_write(dir, "sub/local.py", "x", 1);
	unit_write(dir, "sub/kept.py", "x", 1);
	finding_list notes = { 0 };
	char *got = walk(dir, NULL, 0, &notes);
	CHECK_STR(got, "src/A.cs sub/kept.py");
	free(got);
	/* Scanning a subdirectory: uris stay relative to the repository root. */
	char *sub = xasprintf("%s/sub", dir);
	got = walk(sub, NULL, 0, &notes);
	CHECK_STR(got, "sub/kept.py");
	free(got);
	free(sub);
	finding_list_release(&notes);
	unit_rmtree(dir);
	free(dir);
}

void test_walker_symlinks(void)
{
	char *dir = unit_tempdir();
	char *outside = unit_tempdir();
	unit_write(dir, "real.cs", "x", 1);
	unit_write(outside, "elsewhere.cs", "x", 1);
	char *p;
	p = xasprintf("%s/loop.cs", dir);
	CHECK(symlink("loop.cs", p) == 0);
	free(p);
	p = xasprintf("%s/alias.cs", dir);
	CHECK(symlink("real.cs", p) == 0);
	free(p);
	p = xasprintf("%s/escape.cs", dir);
	char *target = xasprintf("%s/elsewhere.cs", outside);
	CHECK(symlink(target, p) == 0);
	free(target);
	free(p);
	p = xasprintf("%s/dirlink", dir);
	CHECK(symlink(dir, p) == 0); /* a directory link to its own parent: never followed */
	free(p);
	finding_list notes = { 0 };
	char *got = walk(dir, NULL, 0, &notes);
	CHECK_STR(got, "real.cs");
	CHECK_UINT(notes.nnotes, 2);
	finding_list_sort(&notes);
	if (notes.nnotes == 2) {
		CHECK(strstr(notes.notes[0].message, "escape.cs: symbolic link points outside"));
		CHECK(strstr(notes.notes[1].message, "loop.cs: symbolic link loop"));
		CHECK(notes.notes[1].level == LEVEL_WARNING);
	}
	free(got);
	finding_list_release(&notes);
	unit_rmtree(dir);
	unit_rmtree(outside);
	free(dir);
	free(outside);
}

void test_walker_excludes(void)
{
	char *dir = unit_tempdir();
	unit_write(dir, "src/A.cs", "x", 1);
	unit_write(dir, "src/vendor/B.cs", "x", 1);
	unit_write(dir, "tests/C.cs", "x", 1);
	unit_write(dir, "tests/D.py", "x", 1);
	char *ex1[] = { "vendor" };
	char *ex2[] = { "tests/*.cs", "*.py" };
	finding_list notes = { 0 };
	char *got = walk(dir, ex1, 1, &notes);
	CHECK_STR(got, "src/A.cs tests/C.cs tests/D.py");
	free(got);
	got = walk(dir, ex2, 2, &notes);
	CHECK_STR(got, "src/A.cs src/vendor/B.cs");
	free(got);
	finding_list_release(&notes);
	unit_rmtree(dir);
	free(dir);
}

static rule rule_a = { .id = "LT-A-001" }, rule_b = { .id = "LT-B-001" };

static void add(finding_list *fl, const rule *r, const char *uri, unsigned line, unsigned col)
{
	finding *f = finding_list_add(fl);
	f->rule = r;
	f->uri = xstrdup(uri);
	f->where.start_line = f->where.end_line = line;
	f->where.start_col = col;
	f->where.end_col = col + 1;
	f->message = xstrdup("m");
}

void test_finding_sort_dedup(void)
{
	finding_list fl = { 0 };
	add(&fl, &rule_b, "b.cs", 1, 1);
	add(&fl, &rule_a, "a.cs", 9, 1);
	add(&fl, &rule_b, "a.cs", 2, 5);
	add(&fl, &rule_a, "a.cs", 2, 5);
	add(&fl, &rule_a, "a.cs", 2, 5); /* the same rule at the same place: dropped */
	add(&fl, &rule_a, "a.cs", 2, 3);
	finding_list_sort(&fl);
	CHECK_UINT(fl.len, 5);
	if (fl.len == 5) {
		CHECK(fl.items[0].where.start_col == 3);
		CHECK(fl.items[1].rule == &rule_a && fl.items[1].where.start_col == 5);
		CHECK(fl.items[2].rule == &rule_b);
		CHECK(fl.items[3].where.start_line == 9);
		CHECK_STR(fl.items[4].uri, "b.cs");
	}
	finding_list_release(&fl);
}

void test_sarif_shape(void)
{
	catalogue cat = { 0 };
	char err[256];
	CHECK(catalogue_load_builtin(&cat, err, sizeof(err)) == 0);
	CHECK(catalogue_finish(&cat, err, sizeof(err)) == 0);
	const rule *r = catalogue_find(&cat, "LT-CS-001");
	finding_list fl = { 0 };
	add(&fl, r, "src/My App.cs", 3, 7);
	fl.items[0].level = LEVEL_ERROR;
	finding_list_note(&fl, LEVEL_WARNING, "bin/x.cs", "bin/x.cs", "bin/x.cs: skipped: binary");
	scan_stats stats = { .files = 2 };
	report_input in = { .cat = &cat, .findings = &fl, .stats = &stats, .base = "/repo",
			    .tool_version = "9.9.9", .execution_successful = true };
	char *text = report_sarif(&in);
	cJSON *log = cJSON_Parse(text);
	CHECK(log != NULL);
	cJSON *run = cJSON_GetArrayItem(cJSON_GetObjectItem(log, "runs"), 0);
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(log, "version")), "2.1.0");
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(run, "columnKind")), "utf16CodeUnits");
	cJSON *res = cJSON_GetArrayItem(cJSON_GetObjectItem(run, "results"), 0);
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(res, "ruleId")), "LT-CS-001");
	CHECK_UINT(cJSON_GetObjectItem(res, "ruleIndex")->valueint, catalogue_index(&cat, r));
	cJSON *loc = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(res, "locations"), 0),
					 "physicalLocation");
	cJSON *art = cJSON_GetObjectItem(loc, "artifactLocation");
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(art, "uri")), "src/My%20App.cs");
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(art, "uriBaseId")), "%SRCROOT%");
	CHECK_UINT(cJSON_GetObjectItem(cJSON_GetObjectItem(loc, "region"), "startColumn")->valueint, 7);
	cJSON *base = cJSON_GetObjectItem(cJSON_GetObjectItem(run, "originalUriBaseIds"), "%SRCROOT%");
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(base, "uri")), "file:///repo/");
	cJSON *inv = cJSON_GetArrayItem(cJSON_GetObjectItem(run, "invocations"), 0);
	CHECK(cJSON_IsTrue(cJSON_GetObjectItem(inv, "executionSuccessful")));
	cJSON *note = cJSON_GetArrayItem(cJSON_GetObjectItem(inv, "toolExecutionNotifications"), 0);
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(note, "level")), "warning");
	cJSON *rule0 = cJSON_GetArrayItem(
		cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver"),
				    "rules"),
		(int)catalogue_index(&cat, r));
	cJSON *props = cJSON_GetObjectItem(rule0, "properties");
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(props, "security-severity")), "7.5");
	CHECK(cJSON_GetObjectItem(res, "suppressions") == NULL); /* none suppressed: none listed */
	cJSON_Delete(log);
	free(text);
	finding_list_release(&fl);
	catalogue_release(&cat);
}

void test_report_formats(void)
{
	CHECK(report_nformats == 3);
	CHECK(report_formats[0].write == report_text); /* the first row is the default */
	CHECK(report_format_find("sarif")->write == report_sarif);
	CHECK(report_format_find("json")->write == report_json);
	CHECK(report_format_find("xml") == NULL);
	CHECK(report_format_find("SARIF") == NULL);
	char *names = report_format_names();
	CHECK_STR(names, "text, sarif or json");
	free(names);
	for (size_t i = 0; i < report_nformats; i++) {
		CHECK(report_formats[i].extension[0] == '.');
		CHECK(report_formats[i].description && report_formats[i].description[0]);
	}
	CHECK(report_format_find("text")->uses == REPORT_USES_COLOR);
	CHECK(report_format_find("sarif")->uses == REPORT_USES_VCS);

	/* Text renders into a buffer like the others, with and without colour. */
	finding_list fl = { 0 };
	add(&fl, &rule_a, "a.cs", 2, 3);
	fl.items[0].level = LEVEL_WARNING;
	fl.items[0].display_path = xstrdup("src/a.cs");
	fl.items[0].snippet = xstrdup("  x = y;");
	scan_stats stats = { .files = 1 };
	report_input in = { .findings = &fl, .stats = &stats };
	char *text = report_format_find("text")->write(&in);
	CHECK_STR(text, "src/a.cs:2:3: warning: m [LT-A-001]\n"
			"  x = y;\n"
			"  ^\n"
			"1 finding (0 errors, 1 warning, 0 notes) in 1 file scanned.\n");
	free(text);
	in.color = true;
	text = report_text(&in);
	CHECK(strstr(text, "\033[1;35mwarning:") != NULL);
	free(text);
	finding_list_release(&fl);
}

void test_atomic_write(void)
{
	char *dir = unit_tempdir();
	char *path = xasprintf("%s/out.sarif", dir);
	CHECK(file_write_atomic(path, "first", 5) == 0);
	CHECK(file_write_atomic(path, "second", 6) == 0);
	char *text = NULL;
	size_t len = 0;
	CHECK(file_read_all(path, 100, &text, &len) == 0);
	CHECK_STR(text, "second");
	free(text);
	/* With a mode: the file has it, whatever the umask, and a 0600 file is never made
	 * readable by others. */
	mode_t old_mask = umask(022);
	CHECK(file_write_atomic_mode(path, "third", 5, 0600) == 0);
	struct stat sb;
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 07777) == 0600);
	CHECK(file_write_atomic_mode(path, "fourth", 6, 0640) == 0);
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 07777) == 0640);
	umask(old_mask);
	char *bad = xasprintf("%s/no/such/dir/out.sarif", dir);
	CHECK(file_write_atomic(bad, "x", 1) < 0);
	free(bad);
	/* No temporary file is left behind. */
	char *cmd = xasprintf("test $(ls -A '%s' | wc -l) -eq 1", dir);
	CHECK(system(cmd) == 0);
	free(cmd);
	free(path);
	unit_rmtree(dir);
	free(dir);
}

/* PUSH and GROW grow alike: an array PUSHed to n items has the room GROW gives it. */
void test_growth(void)
{
	unsigned *items = NULL;
	size_t len = 0;
	for (unsigned i = 0; i < 1000; i++) {
		unsigned *slot = PUSH(items, len);
		CHECK(slot == &items[i]);
		*slot = i * 3;
	}
	CHECK_UINT(len, 1000);
	bool ok = true;
	for (unsigned i = 0; i < 1000; i++)
		ok &= items[i] == i * 3;
	CHECK(ok);
	/* 1000 items sit in 1024 slots: GROW from that capacity to 1024 does not move them. */
	size_t cap = 1024;
	unsigned *before = items;
	GROW(items, cap, 1024);
	CHECK(items == before && cap == 1024);
	items[1023] = 7; /* in bounds (ASan would say otherwise) */
	free(items);
	char **words = NULL;
	size_t n = 0;
	*PUSH(words, n) = "a";
	*PUSH(words, n) = "b";
	CHECK_UINT(n, 2);
	CHECK_STR(words[1], "b");
	free(words);
}

void test_walk_common_base(void)
{
	char buf[64];
	struct {
		const char *a, *b, *want;
	} cases[] = {
		{ "/a/b", "/a/b", "/a/b" },   { "/a/b", "/a/b/c", "/a/b" }, { "/a/b/c", "/a/b", "/a/b" },
		{ "/a/b", "/a/bc", "/a" },    { "/a/bc", "/a/bd", "/a" },   { "/a/b", "/a_", "/" },
		{ "/a", "/x", "/" },          { "/", "/a", "/" },           { "/a", "/", "/" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(buf, sizeof(buf), "%s", cases[i].a);
		walk_common_dir(buf, cases[i].b);
		CHECK_STR(buf, cases[i].want);
	}
	/* Sibling directories outside a repository: their parent; a file counts as its
	 * directory; a path that cannot be resolved is left out. */
	char *dir = unit_tempdir();
	unit_write(dir, "m/a/x.py", "x", 1);
	unit_write(dir, "m/b/deep/y.py", "y", 1);
	char *real = realpath(dir, NULL);
	char *m = xasprintf("%s/m", real), *a = xasprintf("%s/m/a", dir),
	     *b = xasprintf("%s/m/b", dir), *y = xasprintf("%s/m/b/deep/y.py", dir),
	     *deep = xasprintf("%s/m/b/deep", real), *gone = xasprintf("%s/m/none", dir);
	const char *two[] = { a, b }, *file[] = { y }, *with_gone[] = { gone, y },
		   *file_and_dir[] = { y, a };
	char *base = walk_choose_base(two, 2);
	CHECK_STR(base, m);
	free(base);
	base = walk_choose_base(file, 1);
	CHECK_STR(base, deep);
	free(base);
	base = walk_choose_base(with_gone, 2);
	CHECK_STR(base, deep);
	free(base);
	base = walk_choose_base(file_and_dir, 2);
	CHECK_STR(base, m);
	free(base);
	/* Inside a work tree: its top, even when the common directory is deeper. */
	unit_write(dir, "m/.git/HEAD", "ref: refs/heads/main\n", 21);
	char *cmd = xasprintf("git init -q '%s/m' >/dev/null 2>&1", dir);
	if (system(cmd) == 0) {
		base = walk_choose_base(file, 1);
		CHECK_STR(base, m);
		free(base);
		const char *deeper[] = { y, y };
		base = walk_choose_base(deeper, 2);
		CHECK_STR(base, m);
		free(base);
	}
	free(cmd);
	free(m);
	free(a);
	free(b);
	free(y);
	free(deep);
	free(gone);
	free(real);
	unit_rmtree(dir);
	free(dir);
}

/* What libgit2 gives as the top of the work tree holding `dir` (realpath), or NULL. */
static char *libgit2_top(const char *dir)
{
	git_libgit2_init();
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	git_buf root = { 0 };
	char *top = NULL;
	if (git_repository_discover(&root, dir, 0, NULL) == 0) {
		git_repository *repo = NULL;
		if (git_repository_open(&repo, root.ptr) == 0) {
			if (git_repository_workdir(repo))
				top = realpath(git_repository_workdir(repo), NULL);
			git_repository_free(repo);
		}
		git_buf_dispose(&root);
	}
	git_libgit2_shutdown();
	return top;
}

/* walk_choose_base() finds a work tree's top itself where that is certain, and gives what
 * libgit2 gives in each shape: a plain repository (from a nested file), one whose
 * configuration names core.worktree (libgit2 decides), a linked work tree's `.git` file. */
void test_walk_base_without_libgit2(void)
{
	char *dir = unit_tempdir();
	char *repo_dir = xasprintf("%s/plain", dir);
	unit_write(dir, "plain/src/deep/a.cs", "x", 1);
	git_libgit2_init();
	git_repository *repo = NULL;
	CHECK(git_repository_init(&repo, repo_dir, 0) == 0);
	git_repository_free(repo);
	char *file = xasprintf("%s/src/deep/a.cs", repo_dir), *deep = xasprintf("%s/src/deep", repo_dir);
	const char *one[] = { file };
	char *got = walk_choose_base(one, 1), *want = libgit2_top(deep);
	CHECK(want != NULL);
	CHECK_STR(got, want);
	free(got);
	free(want);
	/* core.worktree elsewhere: libgit2's answer (the configured work tree). */
	char *other = xasprintf("%s/elsewhere", dir);
	unit_write(dir, "elsewhere/keep", "", 0);
	git_libgit2_init();
	git_config *cfg = NULL;
	CHECK(git_repository_open(&repo, repo_dir) == 0);
	CHECK(git_repository_config(&cfg, repo) == 0);
	CHECK(git_config_set_string(cfg, "core.worktree", other) == 0);
	git_config_free(cfg);
	git_repository_free(repo);
	git_libgit2_shutdown();
	const char *inside[] = { deep };
	got = walk_choose_base(inside, 1);
	want = libgit2_top(deep);
	if (want)
		CHECK_STR(got, want);
	else
		CHECK_STR(got, deep); /* no work tree: the directory itself */
	free(got);
	free(want);
	/* A `.git` file (a linked work tree): libgit2 decides too. */
	char *linked = xasprintf("%s/linked", dir);
	char *gitfile = xasprintf("gitdir: %s/.git\n", repo_dir);
	unit_write(dir, "linked/.git", gitfile, strlen(gitfile));
	unit_write(dir, "linked/b.py", "x", 1);
	const char *lk[] = { linked };
	got = walk_choose_base(lk, 1);
	want = libgit2_top(linked);
	char *linked_real = realpath(linked, NULL);
	CHECK_STR(got, want ? want : linked_real);
	free(linked_real);
	free(got);
	free(want);
	git_libgit2_shutdown();
	free(gitfile);
	free(linked);
	free(other);
	free(deep);
	free(file);
	free(repo_dir);
	unit_rmtree(dir);
	free(dir);
}
