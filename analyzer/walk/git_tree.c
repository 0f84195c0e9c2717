/* git_tree.c: recursive walk of a git tree with the ignore rules a checkout would have. */
#include "git_tree.h"

#include "util/git2_api.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/fileio.h"
#include "walk/gitignore.h"

#define MAX_IGNORE_FILE (4u << 20)
#define MAX_DEPTH 256

struct tree_ctx {
	walk_list *out;
	git_repository *repo;
	git_odb *odb;
	const walk_options *opts;
	gitignore *stack; /* one per directory on the current path that has a .gitignore */
	size_t depth, cap;
	gitignore exclude; /* $GIT_DIR/info/exclude; lower precedence than any .gitignore */
	char *err;
	size_t errlen;
};

static int tree__fail(struct tree_ctx *ctx, const char *what, const char *path)
{
	const git_error *e = git_error_last();
	snprintf(ctx->err, ctx->errlen, "cannot read %s '%s': %s", what, path,
		 e && e->message ? e->message : "unknown error");
	return -1;
}

/* Deeper ignore files take precedence over shallower ones, every .gitignore over info/exclude. */
static bool tree__ignored(const struct tree_ctx *ctx, const char *path, bool is_dir)
{
	if (ctx->opts->no_ignore)
		return false;
	for (size_t i = ctx->depth; i-- > 0;) {
		int r = gitignore_match(&ctx->stack[i], path, is_dir);
		if (r)
			return r > 0;
	}
	return gitignore_match(&ctx->exclude, path, is_dir) > 0;
}

/* Pushes the rules of the directory's .gitignore, if it has one. Returns 1 pushed, 0 none,
 * -1 unreadable. */
static int tree__push_ignore(struct tree_ctx *ctx, const git_tree *tree, const char *prefix)
{
	if (ctx->opts->no_ignore)
		return 0;
	const git_tree_entry *e = git_tree_entry_byname(tree, ".gitignore");
	if (!e || git_tree_entry_filemode(e) == GIT_FILEMODE_LINK ||
	    git_tree_entry_type(e) != GIT_OBJECT_BLOB)
		return 0;
	git_blob *blob = NULL;
	if (git_blob_lookup(&blob, ctx->repo, git_tree_entry_id(e)) < 0) {
		char *path = xasprintf("%s.gitignore", prefix);
		tree__fail(ctx, "ignore file", path);
		free(path);
		return -1;
	}
	git_object_size_t size = git_blob_rawsize(blob);
	GROW(ctx->stack, ctx->cap, ctx->depth + 1);
	gitignore_parse(&ctx->stack[ctx->depth++], prefix, git_blob_rawcontent(blob),
			size > MAX_IGNORE_FILE ? MAX_IGNORE_FILE : (size_t)size);
	git_blob_free(blob);
	return 1;
}

static int tree__dir(struct tree_ctx *ctx, const git_tree *tree, const char *prefix,
		     unsigned depth)
{
	if (depth > MAX_DEPTH)
		return 0; /* the directory walker stops at the same depth */
	int pushed = tree__push_ignore(ctx, tree, prefix);
	if (pushed < 0)
		return -1;
	int rc = 0;
	size_t n = git_tree_entrycount(tree);
	for (size_t i = 0; i < n && rc == 0; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(tree, i);
		const char *name = git_tree_entry_name(e);
		if (strcmp(name, ".git") == 0)
			continue;
		char *uri = xasprintf("%s%s", prefix, name);
		git_filemode_t mode = git_tree_entry_filemode(e);
		if (walk_excluded(ctx->opts, name, uri)) {
			/* excluded by the user */
		} else if (mode == GIT_FILEMODE_TREE) {
			if (!tree__ignored(ctx, uri, true)) {
				git_tree *sub = NULL;
				if (git_tree_lookup(&sub, ctx->repo, git_tree_entry_id(e)) < 0) {
					rc = tree__fail(ctx, "directory", uri);
				} else {
					char *child = xasprintf("%s/", uri);
					rc = tree__dir(ctx, sub, child, depth + 1);
					free(child);
					git_tree_free(sub);
				}
			}
		} else if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE) {
			language lang = classify_path(name);
			if (lang != LANG_NONE && !tree__ignored(ctx, uri, false))
				walk_list_add_blob(ctx->out, uri, lang, ctx->odb, git_tree_entry_id(e));
		}
		/* Symbolic links are not followed and submodules are other repositories. */
		free(uri);
	}
	if (pushed > 0)
		gitignore_release(&ctx->stack[--ctx->depth]);
	return rc;
}

static void tree__load_exclude(struct tree_ctx *ctx)
{
	char *path = xasprintf("%sinfo/exclude", git_repository_path(ctx->repo));
	char *text = NULL;
	size_t len = 0;
	if (!ctx->opts->no_ignore && file_read_all(path, MAX_IGNORE_FILE, &text, &len) == 0)
		gitignore_parse(&ctx->exclude, "", text, len);
	else
		gitignore_parse(&ctx->exclude, "", "", 0);
	free(text);
	free(path);
}

int walk_git_tree(walk_list *out, git_repository *repo, git_odb *odb, const git_tree *tree,
		  const walk_options *opts, char *err, size_t errlen)
{
	struct tree_ctx ctx = { .out = out, .repo = repo, .odb = odb, .opts = opts, .err = err,
				.errlen = errlen };
	tree__load_exclude(&ctx);
	int rc = tree__dir(&ctx, tree, "", 0);
	while (ctx.depth)
		gitignore_release(&ctx.stack[--ctx.depth]);
	free(ctx.stack);
	gitignore_release(&ctx.exclude);
	return rc;
}
