/* gitignore.c: parsing ignore files and matching paths against them, "**" included. */
#include "gitignore.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

/* Adds one line (without its line ending) as a pattern, or nothing for blanks and comments. */
static void gitignore__line(gitignore *g, const char *line, size_t len)
{
	if (len && line[len - 1] == '\r')
		len--;
	/* Trailing spaces are dropped unless escaped with a backslash. */
	while (len && line[len - 1] == ' ' && !(len >= 2 && line[len - 2] == '\\'))
		len--;
	if (!len || line[0] == '#')
		return;
	gitignore_pattern p = { 0 };
	if (line[0] == '!') {
		p.negate = true;
		line++, len--;
	}
	if (len && line[len - 1] == '/') {
		p.dir_only = true;
		len--;
	}
	if (!len)
		return;
	/* A slash at the start or in the middle anchors the pattern to the file's directory. */
	p.anchored = memchr(line, '/', len) != NULL;
	if (line[0] == '/')
		line++, len--;
	if (!len)
		return;
	p.glob = xstrndup(line, len);
	GROW(g->patterns, g->cap, g->len + 1);
	g->patterns[g->len++] = p;
}

void gitignore_parse(gitignore *out, const char *dir, const char *text, size_t len)
{
	memset(out, 0, sizeof(*out));
	out->dir = xstrdup(dir);
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		gitignore__line(out, p, n);
		p += n + (nl ? 1 : 0);
	}
}

/* Matches one pattern component against one path component ('/' never inside either). */
static bool gitignore__component(const char *pat, size_t plen, const char *s, size_t slen)
{
	char pbuf[512], sbuf[512];
	if (plen >= sizeof(pbuf) || slen >= sizeof(sbuf))
		return false; /* absurdly long names never match */
	memcpy(pbuf, pat, plen);
	pbuf[plen] = '\0';
	memcpy(sbuf, s, slen);
	sbuf[slen] = '\0';
	return fnmatch(pbuf, sbuf, 0) == 0;
}

/* Matches an anchored pattern against a whole relative path, component by component: "**"
 * as a whole component matches any number of components; at the end of a pattern at least one,
 * so there it matches what is inside a directory but not the directory itself, as in git. */
static bool gitignore__path(const char *pat, const char *path)
{
	const char *pend = strchr(pat, '/');
	size_t plen = pend ? (size_t)(pend - pat) : strlen(pat);
	if (plen == 2 && pat[0] == '*' && pat[1] == '*') {
		if (!pend)
			return *path != '\0';
		for (const char *t = path;;) {
			if (gitignore__path(pend + 1, t))
				return true;
			const char *slash = strchr(t, '/');
			if (!slash)
				return false;
			t = slash + 1;
		}
	}
	if (!*path)
		return false;
	const char *send = strchr(path, '/');
	size_t slen = send ? (size_t)(send - path) : strlen(path);
	if (!gitignore__component(pat, plen, path, slen))
		return false;
	if (!pend)
		return !send;
	if (!send)
		return false;
	return gitignore__path(pend + 1, send + 1);
}

int gitignore_match(const gitignore *g, const char *path, bool is_dir)
{
	size_t dlen = strlen(g->dir);
	if (strncmp(path, g->dir, dlen) != 0)
		return 0; /* not below this file's directory */
	const char *rel = path + dlen;
	const char *slash = strrchr(rel, '/');
	const char *name = slash ? slash + 1 : rel;
	for (size_t i = g->len; i-- > 0;) {
		const gitignore_pattern *p = &g->patterns[i];
		if (p->dir_only && !is_dir)
			continue;
		bool hit = p->anchored ? gitignore__path(p->glob, rel)
				       : fnmatch(p->glob, name, 0) == 0;
		if (hit)
			return p->negate ? -1 : 1;
	}
	return 0;
}

void gitignore_release(gitignore *g)
{
	for (size_t i = 0; i < g->len; i++)
		free(g->patterns[i].glob);
	free(g->patterns);
	free(g->dir);
	memset(g, 0, sizeof(*g));
}
