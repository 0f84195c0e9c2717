/* repo_scan.c: one repository of an audit, from opening it to its files in the output. */
#include "repo_scan.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include "util/git2_api.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit/html.h"
#include "report/report.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "walk/git_tree.h"
#include "walk/gitwalk.h"

#define MAX_STATE_SIZE (16u << 20)

/* Length-prefixed, so that no two different configurations serialise the same way. */
static void repo__digest_field(strbuf *sb, const char *s)
{
	strbuf_addf(sb, "%zu:%s\n", s ? strlen(s) : (size_t)0, s ? s : "");
}

char *audit_job_digest(const audit_job *job)
{
	strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, "tlslint audit configuration 2\n");
	for (size_t i = 0; i < job->cat->len; i++) {
		const rule *r = job->cat->rules[i];
		if (scanner_rule_enabled(job->scanner, r))
			rule_digest(r, &sb); /* every header key: rule.c's key table */
	}
	strbuf_addf(&sb, "max-file-size %zu\nno-ignore %d\n", job->max_file_size,
		    (int)job->wopts->no_ignore);
	for (size_t i = 0; i < job->wopts->nexcludes; i++)
		repo__digest_field(&sb, job->wopts->excludes[i]);
	repo__digest_field(&sb, job->ref);
	git_oid oid;
	char hex[GIT_OID_HEXSZ + 1] = "";
	if (git_odb_hash(&oid, sb.buf, sb.len, GIT_OBJECT_BLOB) == 0)
		git_oid_tostr(hex, sizeof(hex), &oid);
	strbuf_release(&sb);
	return xstrdup(hex);
}

char *audit_clean_uri(const char *url)
{
	/* Remote addresses are cleaned as `scan` cleans them; a local path becomes a file:// URI,
	 * absolute and percent-encoded (SARIF wants a valid URI). */
	if (url[0] != '/' && access(url, F_OK) != 0) {
		char *remote = gitwalk_clean_remote(url);
		if (remote)
			return remote;
	}
	char *real = realpath(url, NULL);
	char *enc = report_uri_encode(real ? real : url);
	char *uri = xasprintf("file://%s%s", enc[0] == '/' ? "" : "/", enc);
	free(enc);
	free(real);
	return uri;
}

#define repo__fail(rec, ...) audit_record_set_status((rec), AUDIT_FAILED, __VA_ARGS__)

static bool repo__exists(const char *dir, const char *name, bool want_dir)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	bool yes = stat(path, &st) == 0 && (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
	free(path);
	return yes;
}

/* Opens the repository at `path`. A git directory without a `config` file (HEAD, objects/ and
 * refs/ only, as some mirroring tools write it) is bare by its layout: libgit2 would otherwise
 * take it for the git directory of a work tree in its parent directory and scan that. */
static int repo__open(git_repository **out, const char *path)
{
	struct stat st;
	char *dotgit = xasprintf("%s/.git", path);
	bool has_dotgit = lstat(dotgit, &st) == 0;
	free(dotgit);
	if (!has_dotgit && repo__exists(path, "HEAD", false) && repo__exists(path, "objects", true) &&
	    repo__exists(path, "refs", true) && !repo__exists(path, "config", false))
		return git_repository_open_bare(out, path);
	return git_repository_open_ext(out, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
}

/* True when the repository has no reference at all (a mirror of an empty repository). */
static bool repo__no_refs(git_repository *gr)
{
	git_reference_iterator *it = NULL;
	git_reference *r = NULL;
	if (git_reference_iterator_new(&it, gr) < 0)
		return false;
	bool none = git_reference_next(&r, it) == GIT_ITEROVER;
	git_reference_free(r);
	git_reference_iterator_free(it);
	return none;
}

static const char *repo__git_error(void)
{
	const git_error *e = git_error_last();
	return e && e->message ? e->message : "unknown error";
}

/* The origin remote's URL, else the repository's own location. The URL is read from the
 * configuration directly: git_remote_lookup() of libgit2 1.5 leaks PCRE2 match data on every
 * call (libgit2 pull request 6382), which adds up over thousands of repositories. */
static char *repo__uri(git_repository *gr)
{
	git_config *cfg = NULL;
	const char *url = NULL;
	char *uri = NULL;
	if (git_repository_config_snapshot(&cfg, gr) == 0 &&
	    git_config_get_string(&url, cfg, "remote.origin.url") == 0 && url[0])
		uri = audit_clean_uri(url);
	git_config_free(cfg);
	if (!uri) {
		const char *wd = git_repository_workdir(gr);
		uri = audit_clean_uri(wd ? wd : git_repository_path(gr));
	}
	return uri;
}

/* The short name of the branch scanned: HEAD's, or --ref's when it names one. */
static char *repo__branch(git_repository *gr, const char *ref)
{
	git_reference *r = NULL;
	char *branch = NULL;
	int rc = ref ? git_reference_dwim(&r, gr, ref) : git_repository_head(&r, gr);
	if (rc == 0 && git_reference_is_branch(r))
		branch = xstrdup(git_reference_shorthand(r));
	git_reference_free(r);
	return branch;
}

/* True when the work tree has no change against HEAD and no untracked file to scan. */
static bool repo__worktree_clean(git_repository *gr)
{
	git_status_options opts = GIT_STATUS_OPTIONS_INIT;
	opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	git_status_list *list = NULL;
	if (git_status_list_new(&list, gr, &opts) < 0)
		return false;
	bool clean = git_status_list_entrycount(list) == 0;
	git_status_list_free(list);
	return clean;
}

static char *repo__file(const audit_job *job, const audit_repo *repo, const char *ext)
{
	return xasprintf("%s/%s.%s", job->repos_dir, repo->slug, ext);
}

static bool repo__same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Replaces `rec` with the previous run's record when that scanned the same commit with the
 * same tool and configuration, completely, and its SARIF log is still there. */
static bool repo__previous(audit_record *rec, const audit_job *job, const audit_repo *repo)
{
	char *path = repo__file(job, repo, "json"), *sarif = repo__file(job, repo, "sarif");
	char *text = NULL;
	size_t len = 0;
	cJSON *root = NULL;
	bool reused = false;
	if (access(sarif, R_OK) < 0 || file_read_all(path, MAX_STATE_SIZE, &text, &len) < 0)
		goto cleanup;
	root = cJSON_ParseWithLength(text, len);
	const cJSON *tool = cJSON_GetObjectItemCaseSensitive(root, "toolVersion");
	const cJSON *digest = cJSON_GetObjectItemCaseSensitive(root, "configDigest");
	audit_record old;
	if (!cJSON_IsString(tool) || strcmp(tool->valuestring, job->tool_version) != 0 ||
	    !cJSON_IsString(digest) || strcmp(digest->valuestring, job->digest) != 0 ||
	    audit_record_from_json(&old, cJSON_GetObjectItemCaseSensitive(root, "record")) < 0)
		goto cleanup;
	if (!audit_record_incomplete(&old) && repo__same(old.repository, rec->repository) &&
	    repo__same(old.name, rec->name) &&
	    repo__same(old.commit, rec->commit) && repo__same(old.branch, rec->branch) &&
	    repo__same(old.uri, rec->uri) && repo__same(old.kind, rec->kind)) {
		audit_record_release(rec);
		*rec = old;
		reused = true;
	} else {
		audit_record_release(&old);
	}
cleanup:
	cJSON_Delete(root);
	free(text);
	free(path);
	free(sarif);
	return reused;
}

static void repo__write(audit_record *rec, const audit_job *job, const audit_repo *repo,
			const char *ext, const char *data)
{
	char *path = repo__file(job, repo, ext);
	if (file_write_atomic(path, data, strlen(data)) < 0)
		repo__fail(rec, "cannot write '%s': %s", path, strerror(errno));
	free(path);
}

/* Writes the SARIF log, the findings page and, last, the state file. */
static void repo__write_all(audit_record *rec, const audit_job *job, const audit_repo *repo,
			    const finding_list *results, const scan_stats *stats, const char *base)
{
	report_vcs vcs = { .repository_uri = rec->uri, .revision_id = rec->commit,
			   .branch = rec->branch };
	report_input in = { .cat = job->cat, .findings = results, .stats = stats, .base = base,
			    .tool_version = job->tool_version,
			    .execution_successful = !audit_record_incomplete(rec),
			    .vcs = rec->uri ? &vcs : NULL };
	char *sarif = report_sarif(&in);
	repo__write(rec, job, repo, "sarif", sarif);
	free(sarif);
	char *page = audit_html_repo_page(rec, results);
	repo__write(rec, job, repo, "html", page);
	free(page);

	cJSON *state = cJSON_CreateObject();
	cJSON_AddStringToObject(state, "toolVersion", job->tool_version);
	cJSON_AddStringToObject(state, "configDigest", job->digest);
	cJSON_AddItemToObject(state, "record", audit_record_to_json(rec));
	char *text = cJSON_Print(state);
	cJSON_Delete(state);
	if (!text)
		abort(); /* cJSON fails only when out of memory */
	repo__write(rec, job, repo, "json", text);
	cJSON_free(text);
}

bool audit_repo_scan(audit_record *rec, const audit_job *job, const audit_repo *repo)
{
	memset(rec, 0, sizeof(*rec));
	rec->repository = xstrdup(repo->path);
	rec->slug = xstrdup(repo->slug);
	git_repository *gr = NULL;
	git_object *target = NULL;
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	git_odb *odb = NULL;
	walk_list files = { 0 };
	finding_list results = { 0 };
	scan_stats stats = { 0 };
	char *base = NULL;
	bool reused = false;

	if (repo__open(&gr, repo->path) < 0) {
		repo__fail(rec, "cannot open the repository: %s", repo__git_error());
		rec->name = audit_repo_name(repo->path, NULL);
		goto report;
	}
	bool bare = git_repository_is_bare(gr);
	rec->kind = xstrdup(bare ? "bare" : "worktree");
	rec->uri = repo__uri(gr);
	rec->name = audit_repo_name(repo->path, rec->uri);
	const char *spec = job->ref ? job->ref : "HEAD";
	if (!job->ref && git_repository_head_unborn(gr) == 1) {
		git_reference *head = NULL;
		const char *name = git_reference_lookup(&head, gr, "HEAD") == 0
					   ? git_reference_symbolic_target(head)
					   : NULL;
		if (repo__no_refs(gr))
			audit_record_set_status(rec, AUDIT_EMPTY,
						"nothing to scan: the repository has no commit "
						"(HEAD names '%s' and there is no branch or tag)",
						name ? name : "a branch");
		else
			repo__fail(rec, "HEAD names '%s', which does not exist",
				   name ? name : "a branch");
		git_reference_free(head);
		goto report;
	}
	if (git_revparse_single(&target, gr, spec) < 0 ||
	    git_object_peel((git_object **)&commit, target, GIT_OBJECT_COMMIT) < 0) {
		repo__fail(rec, "cannot resolve '%s' to a commit: %s", spec, repo__git_error());
		goto report;
	}
	char hex[GIT_OID_HEXSZ + 1];
	git_oid_tostr(hex, sizeof(hex), git_commit_id(commit));
	rec->commit = xstrdup(hex);
	rec->branch = repo__branch(gr, job->ref);

	bool from_tree = bare || job->ref;
	if (job->resume && (from_tree || repo__worktree_clean(gr)) &&
	    repo__previous(rec, job, repo)) {
		reused = true;
		goto cleanup;
	}
	walk_options wopts = *job->wopts;
	if (from_tree) {
		char err[1024];
		if (git_commit_tree(&tree, commit) < 0) {
			repo__fail(rec, "cannot read the tree of commit %s: %s", hex,
				   repo__git_error());
			goto report;
		}
		if (git_repository_odb(&odb, gr) < 0) {
			repo__fail(rec, "cannot open the object database: %s", repo__git_error());
			goto report;
		}
		if (walk_git_tree(&files, gr, odb, tree, &wopts, err, sizeof(err)) < 0) {
			repo__fail(rec, "%s", err);
			goto report;
		}
	} else {
		base = realpath(git_repository_workdir(gr), NULL);
		if (!base) {
			repo__fail(rec, "cannot resolve the work tree: %s", strerror(errno));
			goto report;
		}
		wopts.base = base;
		const char *paths[] = { base };
		walk_paths(&files, &results, paths, 1, &wopts);
	}
	walk_list_sort(&files);
	finding_list scanned = { 0 };
	scanner_run(job->scanner, &files, &scanned, &stats);
	finding_list_take(&results, &scanned);
	finding_list_sort(&results);
	rec->files = files.len;
	if (files.len == 0 && tree && git_tree_entrycount(tree) == 0)
		audit_record_set_status(rec, AUDIT_EMPTY, "nothing to scan: the tree of commit %s "
							  "is empty", hex);
	else if (files.len == 0)
		audit_record_set_status(rec, AUDIT_EMPTY, "nothing to scan: no file %s is in a "
							  "language tlslint reads",
					from_tree ? "of the commit" : "of the work tree");
	else if (stats.unreadable >= files.len)
		repo__fail(rec, "none of the %zu files could be read (missing or corrupt objects)",
			   files.len);
	else if (stats.unreadable)
		audit_record_set_status(rec, AUDIT_PARTIAL,
					"%zu of %zu files could not be read (missing or corrupt "
					"objects); the others were scanned",
					stats.unreadable, files.len);

report:
	rec->notifications = results.nnotes;
	for (size_t i = 0; i < results.len; i++) {
		const finding *f = &results.items[i];
		if (f->suppressed) {
			rec->suppressed++;
		} else {
			rec->findings++;
			audit_record_count(rec, f->rule->id, f->level);
		}
	}
	audit_record_sort(rec);
	if (rec->error)
		finding_list_note(&results, audit_record_incomplete(rec) ? LEVEL_ERROR : LEVEL_NOTE,
				  NULL, repo->path, "%s: %s", repo->path, rec->error);
	repo__write_all(rec, job, repo, &results, &stats, base);
cleanup:
	finding_list_release(&results);
	walk_list_release(&files);
	free(base);
	git_odb_free(odb);
	git_tree_free(tree);
	git_commit_free(commit);
	git_object_free(target);
	git_repository_free(gr);
	return reused;
}
