/* walker.c: recursive directory walk with git ignore rules, excludes and a symlink policy. */
#include "walker.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include "util/git2_api.h"
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/fileio.h"

struct walk_ctx {
	walk_list *out;
	finding_list *notes;
	const walk_options *opts;
	char *root_real;      /* symlink-free path of the root being walked */
	git_repository *repo; /* work tree holding the root, or NULL */
	size_t workdir_len;   /* length of the repo's workdir prefix in root_real paths */
	bool overlap;         /* more than one root: a file may be met twice */
};

static char *walker__uri(const walk_options *opts, const char *real)
{
	size_t blen = strlen(opts->base);
	if (strcmp(real, opts->base) == 0)
		return xstrdup("");
	if (strncmp(real, opts->base, blen) == 0 && (real[blen] == '/' || blen == 1))
		return xstrdup(real + (blen == 1 ? 1 : blen + 1));
	return xstrdup(real);
}

bool walk_excluded(const walk_options *opts, const char *name, const char *uri)
{
	for (size_t i = 0; i < opts->nexcludes; i++) {
		const char *glob = opts->excludes[i];
		if (strchr(glob, '/')) {
			if (fnmatch(glob, uri, 0) == 0)
				return true;
		} else if (fnmatch(glob, name, 0) == 0) {
			return true;
		}
	}
	return false;
}

static bool walker__ignored(struct walk_ctx *ctx, const char *real, bool is_dir)
{
	if (!ctx->repo || ctx->opts->no_ignore || strlen(real) <= ctx->workdir_len)
		return false;
	const char *rel = real + ctx->workdir_len;
	char *path = is_dir ? xasprintf("%s/", rel) : xstrdup(rel);
	int ignored = 0;
	if (git_ignore_path_is_ignored(&ignored, ctx->repo, path) < 0)
		ignored = 0;
	free(path);
	return ignored != 0;
}

struct walk_stream {
	pthread_mutex_t lock;
	pthread_cond_t listed;
	bool over;
	unsigned waiting;
	/* The uris listed so far (an open-addressing set of indexes + 1 into the list): a file
	 * named twice (`scan src src/a.cs`) is listed once, before any reader sees it, as
	 * walk_list_sort would leave it. */
	size_t *seen;
	size_t nseen_slots, nseen;
};

static size_t walker__hash(const char *s)
{
	return (size_t)finding_text_hash(s, strlen(s));
}

/* Adds `uri`, about to be listed, to the set; false when it is listed already. */
static bool walker__first_listing(walk_list *list, walk_stream *st, const char *uri)
{
	if ((st->nseen + 1) * 2 > st->nseen_slots) {
		size_t n = st->nseen_slots ? st->nseen_slots * 2 : 4096;
		size_t *slots = xcalloc(n, sizeof(*slots));
		for (size_t i = 0; i < st->nseen_slots; i++) {
			if (!st->seen[i])
				continue;
			size_t h = walker__hash(list->files[st->seen[i] - 1].uri) & (n - 1);
			while (slots[h])
				h = (h + 1) & (n - 1);
			slots[h] = st->seen[i];
		}
		free(st->seen);
		st->seen = slots;
		st->nseen_slots = n;
	}
	size_t h = walker__hash(uri) & (st->nseen_slots - 1);
	for (; st->seen[h]; h = (h + 1) & (st->nseen_slots - 1))
		if (strcmp(list->files[st->seen[h] - 1].uri, uri) == 0)
			return false;
	st->seen[h] = list->len + 1; /* the index the file is about to get */
	st->nseen++;
	return true;
}

void walk_list_stream_begin(walk_list *list)
{
	walk_stream *st = xcalloc(1, sizeof(*st));
	pthread_mutex_init(&st->lock, NULL);
	pthread_cond_init(&st->listed, NULL);
	list->stream = st;
}

void walk_list_stream_end(walk_list *list)
{
	walk_stream *st = list->stream;
	pthread_mutex_lock(&st->lock);
	st->over = true;
	pthread_cond_broadcast(&st->listed);
	pthread_mutex_unlock(&st->lock);
}

bool walk_list_stream_get(walk_list *list, size_t i, walk_file *out)
{
	walk_stream *st = list->stream;
	pthread_mutex_lock(&st->lock);
	while (i >= list->len && !st->over) {
		st->waiting++;
		pthread_cond_wait(&st->listed, &st->lock);
		st->waiting--;
	}
	bool listed = i < list->len;
	if (listed)
		*out = list->files[i];
	pthread_mutex_unlock(&st->lock);
	return listed;
}

void walk_list_stream_free(walk_list *list)
{
	if (!list->stream)
		return;
	pthread_mutex_destroy(&list->stream->lock);
	pthread_cond_destroy(&list->stream->listed);
	free(list->stream->seen);
	free(list->stream);
	list->stream = NULL;
}

/* Appends `f` (whose strings the list takes); published at once to the readers of a stream.
 * The walk of one root meets each path once (links are not followed), so only the walk of
 * several (`overlap`) checks that `f` is not listed already. */
static void walker__push(walk_list *list, const walk_file *f, bool overlap)
{
	walk_stream *st = list->stream;
	if (st) {
		pthread_mutex_lock(&st->lock);
		if (overlap && !walker__first_listing(list, st, f->uri)) {
			pthread_mutex_unlock(&st->lock);
			free(f->path);
			free(f->uri);
			return;
		}
	}
	GROW(list->files, list->cap, list->len + 1);
	list->sorted = false;
	list->files[list->len++] = *f;
	if (st) {
		if (st->waiting)
			pthread_cond_broadcast(&st->listed);
		pthread_mutex_unlock(&st->lock);
	}
}

static void walker__add(struct walk_ctx *ctx, const char *path, const char *real, language lang)
{
	walk_file f;
	memset(&f, 0, sizeof(f));
	f.path = xstrdup(path);
	f.uri = walker__uri(ctx->opts, real);
	f.lang = lang;
	walker__push(ctx->out, &f, ctx->overlap);
}

static void walker__note(struct walk_ctx *ctx, const char *path, const char *real,
			 const char *message)
{
	char *uri = walker__uri(ctx->opts, real);
	finding_list_note(ctx->notes, LEVEL_WARNING, uri, path, "%s: %s", path, message);
	free(uri);
}

/* A symbolic link is not followed; it is reported when it dangles, loops or leaves the root. */
static void walker__symlink(struct walk_ctx *ctx, const char *path, const char *real)
{
	char *target = realpath(path, NULL);
	if (!target) {
		if (errno == ELOOP)
			walker__note(ctx, path, real, "symbolic link loop; not followed");
		else if (errno != ENOENT) /* a dangling link is ordinary and not worth a word */
			walker__note(ctx, path, real, "symbolic link cannot be resolved; not followed");
		return;
	}
	size_t rlen = strlen(ctx->root_real);
	bool inside = strncmp(target, ctx->root_real, rlen) == 0 &&
		      (target[rlen] == '/' || target[rlen] == '\0');
	if (!inside && classify_path(path) != LANG_NONE)
		walker__note(ctx, path, real,
			     "symbolic link points outside the scan root; not followed");
	free(target);
}

/* "dir/name", without printf's cost: it runs for every entry of every directory. */
static char *walker__join(const char *dir, const char *name)
{
	size_t d = strlen(dir), n = strlen(name);
	char *out = xmalloc(d + n + 2);
	memcpy(out, dir, d);
	out[d] = '/';
	memcpy(out + d + 1, name, n + 1);
	return out;
}

/* Entries are "<d_type byte><name>"; order by name. */
static int walker__cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static void walker__dir(struct walk_ctx *ctx, const char *path, const char *real, unsigned depth)
{
	if (depth > 256) {
		walker__note(ctx, path, real, "directory nesting deeper than 256 levels; skipped");
		return;
	}
	DIR *d = opendir(path);
	if (!d) {
		char msg[256];
		snprintf(msg, sizeof(msg), "cannot open directory: %s", strerror(errno));
		walker__note(ctx, path, real, msg);
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    strcmp(e->d_name, ".git") == 0)
			continue;
		GROW(names, cap, n + 1);
		/* Keep the type with the name: "<type byte><name>". */
		size_t len = strlen(e->d_name);
		names[n] = xmalloc(len + 2);
		names[n][0] = (char)e->d_type;
		memcpy(names[n] + 1, e->d_name, len + 1);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), walker__cmp_names);

	bool at_root = strcmp(path, "/") == 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char type = (unsigned char)names[i][0];
		const char *name = names[i] + 1;
		if ((type == DT_REG || type == DT_FIFO || type == DT_SOCK || type == DT_CHR ||
		     type == DT_BLK) && classify_path(name) == LANG_NONE) {
			free(names[i]); /* a file no language reads: nothing to list or name */
			continue;
		}
		char *child = walker__join(at_root ? "" : path, name);
		char *child_real = walker__join(real, name);
		if (type == DT_UNKNOWN) {
			struct stat st;
			if (lstat(child, &st) == 0)
				type = S_ISDIR(st.st_mode) ? DT_DIR
				       : S_ISLNK(st.st_mode) ? DT_LNK
				       : S_ISREG(st.st_mode) ? DT_REG
				       : S_ISFIFO(st.st_mode) ? DT_FIFO
				       : S_ISSOCK(st.st_mode) ? DT_SOCK
				       : S_ISCHR(st.st_mode) ? DT_CHR
				       : S_ISBLK(st.st_mode) ? DT_BLK
							     : DT_UNKNOWN;
		}
		char *uri = walker__uri(ctx->opts, child_real);
		if (walk_excluded(ctx->opts, name, uri)) {
			/* excluded by the user */
		} else if (type == DT_DIR) {
			if (!walker__ignored(ctx, child_real, true))
				walker__dir(ctx, child, child_real, depth + 1);
		} else if (type == DT_LNK) {
			walker__symlink(ctx, child, child_real);
		} else if (type == DT_REG) {
			language lang = classify_path(name);
			if (lang != LANG_NONE && !walker__ignored(ctx, child_real, false))
				walker__add(ctx, child, child_real, lang);
		} else if (type == DT_FIFO || type == DT_SOCK || type == DT_CHR || type == DT_BLK) {
			/* Never opened (a FIFO would block, a device never end); named when its name
			 * is one that would be scanned, so that nothing is left out silently. */
			if (classify_path(name) != LANG_NONE && !walker__ignored(ctx, child_real, false))
				walker__note(ctx, child, child_real,
					     type == DT_FIFO   ? "a FIFO (named pipe), not a file; not read"
					     : type == DT_SOCK ? "a socket, not a file; not read"
							       : "a device, not a file; not read");
		}
		free(uri);
		free(child);
		free(child_real);
		free(names[i]);
	}
	free(names);
}

static void walker__open_repo(struct walk_ctx *ctx)
{
	ctx->repo = NULL;
	ctx->workdir_len = 0;
	if (ctx->opts->no_ignore)
		return;
	if (git_repository_open_ext(&ctx->repo, ctx->root_real, 0, NULL) < 0) {
		ctx->repo = NULL;
		return;
	}
	const char *wd = git_repository_workdir(ctx->repo);
	char *wd_real = wd ? realpath(wd, NULL) : NULL;
	size_t len = wd_real ? strlen(wd_real) : 0;
	if (!wd_real || strncmp(ctx->root_real, wd_real, len) != 0) {
		git_repository_free(ctx->repo); /* bare, or the root is not inside its work tree */
		ctx->repo = NULL;
	} else {
		ctx->workdir_len = len + (wd_real[len - 1] == '/' ? 0 : 1);
	}
	free(wd_real);
}

/* Whether `dir` holds a repository: a `.git` entry (a directory, or the file of a linked work
 * tree or submodule), or `dir` is itself a git directory. */
static bool walker__repo_marker(const char *dir)
{
	struct stat st;
	char *p = xasprintf("%s/.git", dir);
	bool found = lstat(p, &st) == 0;
	free(p);
	if (!found) {
		p = xasprintf("%s/HEAD", dir);
		char *objects = xasprintf("%s/objects", dir);
		found = stat(p, &st) == 0 && S_ISREG(st.st_mode) && stat(objects, &st) == 0 &&
			S_ISDIR(st.st_mode);
		free(objects);
		free(p);
	}
	return found;
}

bool walk_may_be_in_repo(const char *path, bool search)
{
	char *dir = realpath(path, NULL);
	if (!dir)
		return true; /* let libgit2 say why */
	struct stat st;
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		char *slash = strrchr(dir, '/');
		if (slash)
			slash[slash == dir] = '\0';
	}
	bool found = false;
	for (;;) {
		found = walker__repo_marker(dir);
		char *slash = strrchr(dir, '/');
		if (found || !search || !slash || slash[1] == '\0')
			break;
		slash[slash == dir] = '\0';
	}
	free(dir);
	return found;
}

/* libgit2's initialisation loads the TLS certificate store (several milliseconds), so it is
 * done only for a tree that may be in a repository. */
static void walker__git_init(bool *done)
{
	if (*done)
		return;
	*done = true;
	git_libgit2_init();
	/* tlslint only reads ignore files and never runs anything from a repository, so a work
	 * tree owned by another user (an auditor's checkout) is read like any other. */
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
}

size_t walk_paths(walk_list *out, finding_list *notes, const char *const *paths, size_t npaths,
		  const walk_options *opts)
{
	size_t missing = 0;
	bool git = false;
	for (size_t i = 0; i < npaths; i++) {
		struct walk_ctx ctx = { .out = out, .notes = notes, .opts = opts,
					.overlap = npaths > 1 };
		struct stat st;
		const char *path = paths[i];
		if (stat(path, &st) < 0) {
			finding_list_note(notes, LEVEL_ERROR, NULL, path, "%s: %s", path,
					  strerror(errno));
			missing++;
			continue;
		}
		ctx.root_real = realpath(path, NULL);
		if (!ctx.root_real) {
			finding_list_note(notes, LEVEL_ERROR, NULL, path, "%s: %s", path,
					  strerror(errno));
			missing++;
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (!opts->no_ignore && walk_may_be_in_repo(ctx.root_real, true)) {
				walker__git_init(&git);
				walker__open_repo(&ctx);
			}
			size_t plen = strlen(path);
			char *trimmed = xstrdup(path);
			while (plen > 1 && trimmed[plen - 1] == '/')
				trimmed[--plen] = '\0';
			walker__dir(&ctx, trimmed, ctx.root_real, 0);
			free(trimmed);
			if (ctx.repo)
				git_repository_free(ctx.repo);
		} else {
			/* A file named on the command line is scanned whatever its ignore status. */
			language lang = classify_path(path);
			if (lang != LANG_NONE)
				walker__add(&ctx, path, ctx.root_real, lang);
		}
		free(ctx.root_real);
	}
	if (git)
		git_libgit2_shutdown();
	return missing;
}

static int walker__cmp_files(const void *a, const void *b)
{
	return strcmp(((const walk_file *)a)->uri, ((const walk_file *)b)->uri);
}

void walk_list_sort(walk_list *list)
{
	if (list->len)
		qsort(list->files, list->len, sizeof(*list->files), walker__cmp_files);
	size_t out = 0;
	for (size_t i = 0; i < list->len; i++) {
		if (out && strcmp(list->files[out - 1].uri, list->files[i].uri) == 0) {
			free(list->files[i].path);
			free(list->files[i].uri);
			continue;
		}
		list->files[out++] = list->files[i];
	}
	list->len = out;
	list->sorted = true;
}

/* The first index whose uri is not below `key` (as strncmp over `n` bytes when n > 0). */
static size_t walker__lower_bound(const walk_list *list, const char *key, size_t n)
{
	size_t lo = 0, hi = list->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = n ? strncmp(list->files[mid].uri, key, n) : strcmp(list->files[mid].uri, key);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const walk_file *walk_list_find(const walk_list *list, const char *uri)
{
	if (list->sorted) {
		size_t i = walker__lower_bound(list, uri, 0);
		return i < list->len && strcmp(list->files[i].uri, uri) == 0 ? &list->files[i] : NULL;
	}
	for (size_t i = 0; i < list->len; i++)
		if (strcmp(list->files[i].uri, uri) == 0)
			return &list->files[i];
	return NULL;
}

void walk_list_prefix_range(const walk_list *list, const char *prefix, size_t *first,
			    size_t *end)
{
	size_t n = strlen(prefix);
	if (!list->sorted || n == 0) {
		*first = 0;
		*end = list->len;
		return;
	}
	*first = walker__lower_bound(list, prefix, n);
	size_t e = *first;
	while (e < list->len && strncmp(list->files[e].uri, prefix, n) == 0)
		e++;
	*end = e;
}

void walk_list_release(walk_list *list)
{
	for (size_t i = 0; i < list->len; i++) {
		free(list->files[i].path);
		free(list->files[i].uri);
	}
	free(list->files);
	memset(list, 0, sizeof(*list));
}

/* `path` resolved, and cut to its directory when it is not one. NULL when it cannot be
 * resolved. */
static char *walker__real_dir(const char *path)
{
	char *real = realpath(path, NULL);
	if (!real)
		return NULL;
	struct stat st;
	if (stat(real, &st) == 0 && !S_ISDIR(st.st_mode)) {
		char *slash = strrchr(real, '/');
		if (slash)
			slash[slash == real] = '\0';
	}
	return real;
}

void walk_common_dir(char *dir, const char *other)
{
	size_t n = 0;
	while (dir[n] && dir[n] == other[n])
		n++;
	bool boundary = (dir[n] == '\0' || dir[n] == '/') && (other[n] == '\0' || other[n] == '/');
	if (!boundary) {
		/* The last whole component both share ends at the last '/' before n. */
		do
			n--;
		while (n > 0 && dir[n] != '/');
	}
	if (n == 0)
		n = 1; /* only the root is shared */
	dir[n] = '\0';
}

/* After a configuration key: `= false` (or no, off, 0), the value git init writes for
 * core.bare. */
static bool walker__false_value(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= len || s[i] != '=')
		return false;
	i++;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	static const char *const no[] = { "false", "no", "off", "0" };
	for (size_t k = 0; k < sizeof(no) / sizeof(no[0]); k++) {
		size_t n = strlen(no[k]);
		if (len - i >= n && strncasecmp(s + i, no[k], n) == 0)
			return true;
	}
	return false;
}

/* The top of the work tree holding the directory `real`, found without libgit2 (whose start
 * costs milliseconds) where that is certain: 1 with it in *top, 0 when no repository holds
 * `real` (as git_repository_discover() sees it: not across file systems), -1 when libgit2
 * must say (a `.git` file of a linked work tree or submodule, a configuration that names
 * core.worktree or core.bare, `real` inside a git directory). */
static int walker__plain_top(const char *real, char **top)
{
	struct stat st;
	if (stat(real, &st) < 0)
		return -1;
	dev_t dev = st.st_dev;
	char *dir = xstrdup(real);
	int rc = 0;
	for (;;) {
		/* Not xasprintf("%s/.git", dir): at -O3 under the sanitizers GCC sees a null `dir`
		 * here that cannot be (-Werror=format-overflow in a Release build). */
		size_t dlen = strlen(dir);
		char *git = xmalloc(dlen + sizeof("/.git"));
		memcpy(git, dir, dlen);
		memcpy(git + dlen, "/.git", sizeof("/.git"));
		bool have = lstat(git, &st) == 0;
		if (have && S_ISDIR(st.st_mode)) {
			char *cfg = xasprintf("%s/config", git);
			char *text = NULL;
			size_t len = 0;
			rc = 1;
			if (file_read_all(cfg, 1u << 20, &text, &len) == 0) {
				for (size_t i = 0; i + 4 <= len && rc == 1; i++)
					if ((i + 8 <= len && strncasecmp(text + i, "worktree", 8) == 0) ||
					    (strncasecmp(text + i, "bare", 4) == 0 &&
					     !walker__false_value(text + i + 4, len - i - 4)))
						rc = -1;
			}
			free(text);
			free(cfg);
		} else if (have || walker__repo_marker(dir)) {
			rc = -1; /* a .git file, or a git directory itself */
		}
		free(git);
		if (rc != 0)
			break;
		char *slash = strrchr(dir, '/');
		if (!slash || slash[1] == '\0')
			break; /* the root: no repository */
		slash[slash == dir] = '\0';
		if (stat(dir, &st) < 0 || st.st_dev != dev)
			break; /* another file system: libgit2 stops there too */
	}
	if (rc == 1)
		*top = dir;
	else
		free(dir);
	return rc;
}

char *walk_choose_base(const char *const *paths, size_t npaths)
{
	char *real = NULL;
	for (size_t i = 0; i < npaths; i++) {
		char *dir = walker__real_dir(paths[i]);
		if (!dir)
			continue; /* reported by the walk */
		if (!real) {
			real = dir;
			continue;
		}
		walk_common_dir(real, dir);
		free(dir);
	}
	if (!real) {
		char *cwd = getcwd(NULL, 0);
		return cwd ? cwd : xstrdup("/");
	}
	/* One walk up: no marker at all, or one whose top is certain, needs no libgit2. */
	char *top = NULL;
	int plain = walker__plain_top(real, &top);
	if (plain >= 0) {
		if (plain == 0)
			return real;
		free(real);
		return top;
	}
	bool git = false;
	walker__git_init(&git);
	git_buf root = { 0 };
	char *base = NULL;
	if (git_repository_discover(&root, real, 0, NULL) == 0) {
		git_repository *repo = NULL;
		if (git_repository_open(&repo, root.ptr) == 0) {
			const char *wd = git_repository_workdir(repo);
			if (wd)
				base = realpath(wd, NULL);
			git_repository_free(repo);
		}
		git_buf_dispose(&root);
	}
	git_libgit2_shutdown();
	if (base) {
		free(real);
		return base;
	}
	return real;
}
