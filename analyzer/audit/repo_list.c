/* repo_list.c: reading the repository list, expanding directories, identities and shards. */
#include "repo_list.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/alloc.h"
#include "util/fileio.h"
#include "util/strbuf.h"

#define MAX_LIST_SIZE (64u << 20)
#define MAX_EXPAND_DEPTH 3
#define SLUG_STEM_MAX 60

uint64_t audit_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3ull;
	}
	/* A final mix spreads FNV's weak low bits, which the shard modulo would otherwise use. */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return h;
}

void audit_repo_init(audit_repo *r, const char *path)
{
	r->path = xstrdup(path);
	r->hash = audit_hash(path);
	/* The stem keeps the end of the path (the repository's own name is there). */
	size_t len = strlen(path);
	const char *tail = len > SLUG_STEM_MAX ? path + len - SLUG_STEM_MAX : path;
	strbuf sb = STRBUF_INIT;
	for (const char *p = tail; *p; p++) {
		char c = *p;
		bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c == '.' || c == '-';
		if (!safe)
			c = '_';
		if (c == '_' && sb.len && sb.buf[sb.len - 1] == '_')
			continue;
		if ((c == '_' || c == '.') && sb.len == 0)
			continue; /* no hidden files, no leading separators */
		strbuf_addc(&sb, c);
	}
	strbuf_addf(&sb, "%s%08x", sb.len ? "-" : "repo-", (unsigned)(r->hash & 0xffffffffu));
	r->slug = strbuf_detach(&sb);
}

void audit_repo_release(audit_repo *r)
{
	free(r->path);
	free(r->slug);
	memset(r, 0, sizeof(*r));
}

/* Drops empty and "." components and trailing slashes: "./a//b/" is "a/b". */
static char *list__normalise(const char *path)
{
	strbuf sb = STRBUF_INIT;
	if (path[0] == '/')
		strbuf_addc(&sb, '/');
	const char *p = path;
	while (*p) {
		while (*p == '/')
			p++;
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n && !(n == 1 && p[0] == '.')) {
			if (sb.len && sb.buf[sb.len - 1] != '/')
				strbuf_addc(&sb, '/');
			strbuf_add(&sb, p, n);
		}
		p += n;
	}
	if (!sb.len)
		strbuf_addc(&sb, '.');
	return strbuf_detach(&sb);
}

static bool list__is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A cheap test, without opening the repository: a work tree has ".git"; a bare repository has
 * HEAD, objects/ and refs/. */
static bool list__is_repository(const char *path)
{
	char *dotgit = xasprintf("%s/.git", path);
	struct stat st;
	bool yes = stat(dotgit, &st) == 0;
	free(dotgit);
	if (yes)
		return true;
	char *head = xasprintf("%s/HEAD", path), *objects = xasprintf("%s/objects", path),
	     *refs = xasprintf("%s/refs", path);
	yes = stat(head, &st) == 0 && S_ISREG(st.st_mode) && list__is_dir(objects) &&
	      list__is_dir(refs);
	free(head);
	free(objects);
	free(refs);
	return yes;
}

static void list__add(audit_repo_list *out, const char *path)
{
	GROW(out->items, out->cap, out->len + 1);
	audit_repo_init(&out->items[out->len++], path);
}

/* Adds the repositories below directory `dir` (not itself a repository); returns how many. */
static size_t list__expand(audit_repo_list *out, const char *dir, unsigned depth)
{
	char **names = NULL;
	size_t n = 0, found = 0;
	if (dir_list_sorted(dir, &names, &n) < 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char *child = strcmp(dir, "/") == 0 ? xasprintf("/%s", names[i])
						    : xasprintf("%s/%s", dir, names[i]);
		if (list__is_dir(child)) {
			if (list__is_repository(child)) {
				list__add(out, child);
				found++;
			} else if (depth < MAX_EXPAND_DEPTH) {
				found += list__expand(out, child, depth + 1);
			}
		}
		free(child);
	}
	dir_names_free(names, n);
	return found;
}

static int list__cmp_repos(const void *a, const void *b)
{
	return strcmp(((const audit_repo *)a)->path, ((const audit_repo *)b)->path);
}

static int list__slurp_stdin(char **out, size_t *len)
{
	strbuf sb = STRBUF_INIT;
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0) {
		if (sb.len + n > MAX_LIST_SIZE) {
			strbuf_release(&sb);
			errno = EFBIG;
			return -1;
		}
		strbuf_add(&sb, buf, n);
	}
	if (ferror(stdin)) {
		strbuf_release(&sb);
		return -1;
	}
	*len = sb.len;
	*out = strbuf_detach(&sb);
	return 0;
}

int audit_list_read(audit_repo_list *out, const char *list_path, char *err, size_t errlen)
{
	char *text = NULL;
	size_t len = 0;
	int rc = strcmp(list_path, "-") == 0 ? list__slurp_stdin(&text, &len)
					     : file_read_all(list_path, MAX_LIST_SIZE, &text, &len);
	if (rc < 0) {
		snprintf(err, errlen, "cannot read the repository list '%s': %s", list_path,
			 strerror(errno));
		return -1;
	}
	for (char *line = text; line && line < text + len;) {
		char *nl = memchr(line, '\n', (size_t)(text + len - line));
		if (nl)
			*nl = '\0';
		char *end = line + strlen(line);
		while (end > line && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
			*--end = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		if (*line && *line != '#') {
			char *path = list__normalise(line);
			if (list__is_dir(path) && !list__is_repository(path) &&
			    list__expand(out, path, 1) > 0) {
				/* a directory of repositories */
			} else {
				list__add(out, path); /* a repository, or something that will fail */
			}
			free(path);
		}
		line = nl ? nl + 1 : NULL;
	}
	free(text);
	if (out->len)
		qsort(out->items, out->len, sizeof(*out->items), list__cmp_repos);
	size_t kept = 0;
	for (size_t i = 0; i < out->len; i++) {
		if (kept && strcmp(out->items[kept - 1].path, out->items[i].path) == 0) {
			audit_repo_release(&out->items[i]);
			continue;
		}
		out->items[kept++] = out->items[i];
	}
	out->len = kept;
	return 0;
}

void audit_list_shard(audit_repo_list *list, unsigned k, unsigned n)
{
	size_t kept = 0;
	for (size_t i = 0; i < list->len; i++) {
		if (list->items[i].hash % n == (uint64_t)(k - 1))
			list->items[kept++] = list->items[i];
		else
			audit_repo_release(&list->items[i]);
	}
	list->len = kept;
}

void audit_list_release(audit_repo_list *list)
{
	for (size_t i = 0; i < list->len; i++)
		audit_repo_release(&list->items[i]);
	free(list->items);
	memset(list, 0, sizeof(*list));
}
