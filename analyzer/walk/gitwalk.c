/* gitwalk.c: staged blobs, changed lines and provenance from libgit2. */
#include "gitwalk.h"

#include "util/git2_api.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/strbuf.h"

static void gitwalk__error(char *err, size_t errlen, const char *what)
{
	const git_error *e = git_error_last();
	snprintf(err, errlen, "%s: %s", what, e && e->message ? e->message : "unknown git error");
}

static int gitwalk__open(git_repository **repo, const char *base, char *err, size_t errlen)
{
	/* As in the walker: only objects, the index and configuration are read, nothing from the
	 * repository is run (libgit2 has no external filters), so another user's work tree is
	 * read like any other. */
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	if (git_repository_open_ext(repo, base, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0 ||
	    git_repository_is_bare(*repo)) {
		if (*repo)
			git_repository_free(*repo);
		*repo = NULL;
		snprintf(err, errlen, "%s is not the top of a git work tree", base);
		return -1;
	}
	return 0;
}

/* --- changed lines ------------------------------------------------------------------------ */

struct diff_ctx {
	gitwalk_changes *out;
	gitwalk_file_changes *cur;
};

static int gitwalk__file_cb(const git_diff_delta *d, float progress, void *payload)
{
	(void)progress;
	struct diff_ctx *ctx = payload;
	ctx->cur = NULL;
	if (d->status == GIT_DELTA_DELETED || !d->new_file.path)
		return 0;
	gitwalk_changes *c = ctx->out;
	GROW(c->files, c->cap, c->len + 1);
	gitwalk_file_changes *f = &c->files[c->len++];
	memset(f, 0, sizeof(*f));
	f->uri = xstrdup(d->new_file.path);
	f->whole = (d->flags & GIT_DIFF_FLAG_BINARY) != 0;
	ctx->cur = f;
	return 0;
}

static int gitwalk__binary_cb(const git_diff_delta *d, const git_diff_binary *b, void *payload)
{
	(void)d;
	(void)b;
	struct diff_ctx *ctx = payload;
	if (ctx->cur)
		ctx->cur->whole = true;
	return 0;
}

static int gitwalk__line_cb(const git_diff_delta *d, const git_diff_hunk *h,
			    const git_diff_line *l, void *payload)
{
	(void)d;
	(void)h;
	struct diff_ctx *ctx = payload;
	gitwalk_file_changes *f = ctx->cur;
	if (!f || l->origin != GIT_DIFF_LINE_ADDITION || l->new_lineno <= 0)
		return 0;
	GROW(f->lines, f->cap, f->nlines + 1);
	f->lines[f->nlines++] = (unsigned)l->new_lineno;
	return 0;
}

static int gitwalk__cmp_uint(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
	return x < y ? -1 : x > y;
}

static int gitwalk__cmp_changes(const void *a, const void *b)
{
	return strcmp(((const gitwalk_file_changes *)a)->uri,
		      ((const gitwalk_file_changes *)b)->uri);
}

int gitwalk_changes_since(gitwalk_changes *out, const char *base, const char *rev, bool staged,
			  char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	git_libgit2_init();
	git_repository *repo = NULL;
	git_object *obj = NULL;
	git_tree *tree = NULL;
	git_index *index = NULL;
	git_diff *diff = NULL;
	int rc = -1;
	if (gitwalk__open(&repo, base, err, errlen) < 0)
		goto cleanup;
	if (git_revparse_single(&obj, repo, rev) == 0) {
		if (git_object_peel((git_object **)&tree, obj, GIT_OBJECT_TREE) < 0) {
			gitwalk__error(err, errlen, rev);
			goto cleanup;
		}
	} else if (!(strcmp(rev, "HEAD") == 0 && git_repository_head_unborn(repo) == 1)) {
		gitwalk__error(err, errlen, rev);
		goto cleanup;
	} /* else: no commit yet; everything is new */
	git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
	opts.context_lines = 0;
	opts.interhunk_lines = 0;
	int drc = -1;
	if (staged) {
		if (git_repository_index(&index, repo) == 0)
			drc = git_diff_tree_to_index(&diff, repo, tree, index, &opts);
	} else {
		drc = git_diff_tree_to_workdir_with_index(&diff, repo, tree, &opts);
	}
	if (drc < 0) {
		gitwalk__error(err, errlen, "cannot compute the diff");
		goto cleanup;
	}
	git_diff_find_options fopts = GIT_DIFF_FIND_OPTIONS_INIT;
	fopts.flags = GIT_DIFF_FIND_RENAMES;
	if (git_diff_find_similar(diff, &fopts) < 0) {
		gitwalk__error(err, errlen, "cannot detect renames");
		goto cleanup;
	}
	struct diff_ctx ctx = { .out = out };
	if (git_diff_foreach(diff, gitwalk__file_cb, gitwalk__binary_cb, NULL, gitwalk__line_cb,
			     &ctx) < 0) {
		gitwalk__error(err, errlen, "cannot read the diff");
		goto cleanup;
	}
	for (size_t i = 0; i < out->len; i++)
		if (out->files[i].nlines)
			qsort(out->files[i].lines, out->files[i].nlines, sizeof(unsigned),
			      gitwalk__cmp_uint);
	if (out->len)
		qsort(out->files, out->len, sizeof(*out->files), gitwalk__cmp_changes);
	rc = 0;
cleanup:
	git_diff_free(diff);
	git_index_free(index);
	git_tree_free(tree);
	git_object_free(obj);
	git_repository_free(repo);
	git_libgit2_shutdown();
	if (rc < 0)
		gitwalk_changes_release(out);
	return rc;
}

static const gitwalk_file_changes *gitwalk__find(const gitwalk_changes *c, const char *uri)
{
	if (!c->len)
		return NULL;
	gitwalk_file_changes key = { .uri = (char *)uri };
	return bsearch(&key, c->files, c->len, sizeof(*c->files), gitwalk__cmp_changes);
}

bool gitwalk_changes_cover(const gitwalk_changes *c, const char *uri, unsigned first,
			   unsigned last)
{
	const gitwalk_file_changes *f = gitwalk__find(c, uri);
	if (!f)
		return false;
	if (f->whole)
		return true;
	size_t lo = 0, hi = f->nlines; /* first changed line >= first */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->lines[mid] < first)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->nlines && f->lines[lo] <= last;
}

void gitwalk_changes_release(gitwalk_changes *c)
{
	for (size_t i = 0; i < c->len; i++) {
		free(c->files[i].uri);
		free(c->files[i].lines);
	}
	free(c->files);
	memset(c, 0, sizeof(*c));
}

/* --- staged files --------------------------------------------------------------------------- */

/* The --exclude globs against each directory on the way to `uri`, then the file itself, as
 * a directory walk would apply them: "a", "a/b", "a/b/c.cs". */
static bool gitwalk__excluded(const walk_options *opts, const char *uri)
{
	bool excluded = false;
	char *prefix = xstrdup(uri);
	for (char *slash = prefix; !excluded; slash++) {
		slash = strchr(slash, '/');
		if (slash)
			*slash = '\0';
		const char *name = strrchr(prefix, '/');
		excluded = walk_excluded(opts, name ? name + 1 : prefix, prefix);
		if (!slash)
			break;
		*slash = '/';
	}
	free(prefix);
	return excluded;
}

/* `path` as given on the command line, made relative to `base` lexically ("." and ".."
 * resolved; it need not exist in the work tree). NULL when outside `base`. */
static char *gitwalk__relative(const char *base, const char *path)
{
	strbuf abs = STRBUF_INIT;
	if (path[0] != '/') {
		char *cwd = getcwd(NULL, 0);
		strbuf_adds(&abs, cwd ? cwd : ".");
		strbuf_addc(&abs, '/');
		free(cwd);
	}
	strbuf_adds(&abs, path);
	/* Normalise component by component. */
	strbuf norm = STRBUF_INIT;
	const char *p = strbuf_str(&abs);
	while (*p) {
		while (*p == '/')
			p++;
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			char *slash = norm.len ? strrchr(norm.buf, '/') : NULL;
			if (slash) {
				norm.len = (size_t)(slash - norm.buf);
				norm.buf[norm.len] = '\0';
			}
		} else {
			strbuf_addc(&norm, '/');
			strbuf_add(&norm, p, n);
		}
		p += n;
	}
	strbuf_release(&abs);
	const char *full = strbuf_str(&norm);
	size_t blen = strlen(base);
	char *rel = NULL;
	if (strcmp(full, base) == 0 || (blen == 1 && full[0] == '\0'))
		rel = xstrdup("");
	else if (strncmp(full, base, blen) == 0 && full[blen] == '/')
		rel = xstrdup(full + blen + 1);
	else if (blen == 1)
		rel = xstrdup(full + 1);
	strbuf_release(&norm);
	return rel;
}

static bool gitwalk__under(const char *uri, char *const *rels, size_t nrels)
{
	if (!nrels)
		return true;
	for (size_t i = 0; i < nrels; i++) {
		size_t n = strlen(rels[i]);
		if (n == 0 || (strncmp(uri, rels[i], n) == 0 && (uri[n] == '\0' || uri[n] == '/')))
			return true;
	}
	return false;
}

/* The path to show for a file of the work tree: relative when the current directory is the
 * top of the work tree, else absolute. */
static char *gitwalk__display(const char *base, const char *uri)
{
	char *cwd = getcwd(NULL, 0);
	char *real = cwd ? realpath(cwd, NULL) : NULL;
	char *path = real && strcmp(real, base) == 0 ? xstrdup(uri)
		     : xasprintf("%s%s%s", base, strcmp(base, "/") ? "/" : "", uri);
	free(real);
	free(cwd);
	return path;
}

int gitwalk_staged(walk_list *out, git_odb **odb, const char *base, const char *const *paths,
		   size_t npaths, const gitwalk_changes *only, const walk_options *opts, char *err,
		   size_t errlen)
{
	git_libgit2_init();
	*odb = NULL;
	git_repository *repo = NULL;
	git_index *index = NULL;
	char **rels = xcalloc(npaths ? npaths : 1, sizeof(char *));
	size_t nrels = 0;
	int rc = -1;
	for (size_t i = 0; i < npaths; i++) {
		rels[nrels] = gitwalk__relative(base, paths[i]);
		if (!rels[nrels]) {
			snprintf(err, errlen, "%s is outside the work tree %s", paths[i], base);
			goto cleanup;
		}
		nrels++;
	}
	if (gitwalk__open(&repo, base, err, errlen) < 0)
		goto cleanup;
	if (git_repository_index(&index, repo) < 0 || git_repository_odb(odb, repo) < 0) {
		gitwalk__error(err, errlen, "cannot read the index");
		goto cleanup;
	}
	size_t n = git_index_entrycount(index);
	for (size_t i = 0; i < n; i++) {
		const git_index_entry *e = git_index_get_byindex(index, i);
		if (!e || git_index_entry_stage(e) != 0 ||
		    (e->mode != GIT_FILEMODE_BLOB && e->mode != GIT_FILEMODE_BLOB_EXECUTABLE))
			continue; /* conflicts, symbolic links, submodules */
		if (!gitwalk__under(e->path, rels, nrels) || (only && !gitwalk__find(only, e->path)))
			continue;
		if (gitwalk__excluded(opts, e->path))
			continue;
		const char *name = strrchr(e->path, '/');
		language lang = classify_path(name ? name + 1 : e->path);
		if (lang != LANG_NONE)
			walk_list_add_blob(out, e->path, lang, *odb, &e->id);
	}
	rc = 0;
cleanup:
	for (size_t i = 0; i < nrels; i++)
		free(rels[i]);
	free(rels);
	git_index_free(index);
	git_repository_free(repo);
	git_libgit2_shutdown();
	if (rc < 0) {
		git_odb_free(*odb);
		*odb = NULL;
	}
	return rc;
}

void gitwalk_changed_files(walk_list *out, const char *base, const gitwalk_changes *changes,
			   const walk_options *opts)
{
	for (size_t i = 0; i < changes->len; i++) {
		const char *uri = changes->files[i].uri;
		const char *name = strrchr(uri, '/');
		language lang = classify_path(name ? name + 1 : uri);
		if (lang == LANG_NONE || gitwalk__excluded(opts, uri))
			continue;
		GROW(out->files, out->cap, out->len + 1);
		out->sorted = false;
		walk_file *f = &out->files[out->len++];
		memset(f, 0, sizeof(*f));
		f->path = gitwalk__display(base, uri);
		f->uri = xstrdup(uri);
		f->lang = lang;
	}
}

/* --- provenance ----------------------------------------------------------------------------- */

char *gitwalk_clean_remote(const char *url)
{
	if (!url || !*url)
		return NULL;
	const char *scheme_end = strstr(url, "://");
	const char *colon = strchr(url, ':');
	const char *slash = strchr(url, '/');
	strbuf sb = STRBUF_INIT;
	const char *rest;
	if (scheme_end && (!slash || scheme_end < slash)) {
		strbuf_add(&sb, url, (size_t)(scheme_end - url) + 3);
		rest = scheme_end + 3;
	} else if (colon && (!slash || colon < slash) && colon != url) {
		/* scp-like: [user@]host:path */
		strbuf_adds(&sb, "ssh://");
		const char *at = memchr(url, '@', (size_t)(colon - url));
		const char *host = at ? at + 1 : url;
		strbuf_add(&sb, host, (size_t)(colon - host));
		strbuf_addc(&sb, '/');
		const char *path = colon + 1;
		while (*path == '/')
			path++;
		strbuf_adds(&sb, path);
		return strbuf_detach(&sb);
	} else if (url[0] == '/') {
		strbuf_adds(&sb, "file://");
		rest = url;
		strbuf_adds(&sb, rest);
		return strbuf_detach(&sb);
	} else {
		return NULL; /* a relative path: nothing useful to a reader elsewhere */
	}
	/* authority: drop userinfo (user:token@) */
	const char *auth_end = rest + strcspn(rest, "/?#");
	const char *at = NULL;
	for (const char *p = rest; p < auth_end; p++)
		if (*p == '@')
			at = p;
	const char *host = at ? at + 1 : rest;
	strbuf_add(&sb, host, (size_t)(auth_end - host));
	strbuf_add(&sb, auth_end, strcspn(auth_end, "?#"));
	return strbuf_detach(&sb);
}

int gitwalk_provenance(const char *base, char **remote_uri, char **revision, char **branch)
{
	*remote_uri = *revision = *branch = NULL;
	char err[256];
	if (!walk_may_be_in_repo(base, false))
		return -1; /* not the top of a work tree, without starting libgit2 */
	git_libgit2_init();
	git_repository *repo = NULL;
	if (gitwalk__open(&repo, base, err, sizeof(err)) < 0) {
		git_libgit2_shutdown();
		return -1;
	}
	git_oid head;
	if (git_reference_name_to_id(&head, repo, "HEAD") == 0) {
		char hex[GIT_OID_HEXSZ + 1];
		git_oid_tostr(hex, sizeof(hex), &head);
		*revision = xstrdup(hex);
	}
	git_reference *ref = NULL;
	git_buf remote_name = { 0 };
	bool upstream = false;
	if (git_repository_head(&ref, repo) == 0 && git_reference_is_branch(ref)) {
		*branch = xstrdup(git_reference_shorthand(ref));
		upstream = git_branch_upstream_remote(&remote_name, repo, git_reference_name(ref)) == 0 &&
			   remote_name.ptr && remote_name.ptr[0];
	}
	git_reference_free(ref);
	/* The URL is read from the configuration: git_remote_lookup() of libgit2 1.5 leaks PCRE2
	 * match data (libgit2 pull request 6382). */
	git_config *cfg = NULL;
	if (git_repository_config_snapshot(&cfg, repo) == 0) {
		char *key = xasprintf("remote.%s.url", upstream ? remote_name.ptr : "origin");
		const char *url = NULL;
		if (git_config_get_string(&url, cfg, key) == 0)
			*remote_uri = gitwalk_clean_remote(url);
		free(key);
		git_config_free(cfg);
	}
	git_buf_dispose(&remote_name);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return 0;
}
