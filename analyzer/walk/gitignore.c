/* gitignore.c: parsing ignore files and matching paths against them, "**" included. */
#include "gitignore.h"

#include <ctype.h>
#include <stdint.h>
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

/* One bracket expression at `p` ("[...]", "[!...]" or "[^...]") against `c`. Returns the
 * length of the expression and sets *hit, or 0 when it is not closed (then '[' is literal). */
static size_t gitignore__bracket(const char *p, size_t plen, unsigned char c, bool *hit)
{
	size_t i = 1;
	bool neg = i < plen && (p[i] == '!' || p[i] == '^');
	if (neg)
		i++;
	bool any = false;
	for (bool first = true; i < plen && (first || p[i] != ']'); first = false) {
		if (p[i] == '[' && i + 1 < plen && p[i + 1] == ':') {
			static const struct { const char *name; int (*is)(int); } classes[] = {
				{ "alnum", isalnum }, { "alpha", isalpha }, { "digit", isdigit },
				{ "lower", islower }, { "upper", isupper }, { "space", isspace },
				{ "xdigit", isxdigit }, { "punct", ispunct }, { "blank", isblank },
			};
			const char *e = memmem(p + i + 2, plen - i - 2, ":]", 2);
			if (e) {
				size_t n = (size_t)(e - (p + i + 2));
				for (size_t k = 0; k < sizeof(classes) / sizeof(*classes); k++)
					if (strlen(classes[k].name) == n &&
					    memcmp(classes[k].name, p + i + 2, n) == 0 && classes[k].is(c))
						any = true;
				i = (size_t)(e - p) + 2;
				continue;
			}
		}
		unsigned char lo = (unsigned char)p[i];
		if (lo == '\\' && i + 1 < plen)
			lo = (unsigned char)p[++i];
		unsigned char hi = lo;
		if (i + 2 < plen && p[i + 1] == '-' && p[i + 2] != ']') {
			hi = (unsigned char)p[i + 2];
			if (hi == '\\' && i + 3 < plen)
				hi = (unsigned char)p[++i + 2];
			i += 2;
		}
		if (c >= lo && c <= hi)
			any = true;
		i++;
	}
	if (i >= plen)
		return 0;
	*hit = any != neg;
	return i + 1;
}

/* Matches a glob ('*', '?', "[...]", '\' escapes) against a name in time O(plen * slen),
 * whatever the pattern: one '*' is backtracked at a time, never recursively. */
static bool gitignore__glob(const char *pat, size_t plen, const char *s, size_t slen)
{
	size_t pi = 0, si = 0, star_p = SIZE_MAX, star_s = 0;
	while (si < slen) {
		if (pi < plen && pat[pi] == '*') {
			while (pi < plen && pat[pi] == '*')
				pi++;
			star_p = pi;
			star_s = si;
			continue;
		}
		if (pi < plen) {
			bool hit = false;
			size_t step = 1;
			if (pat[pi] == '?') {
				hit = true;
			} else if (pat[pi] == '[' &&
				   (step = gitignore__bracket(pat + pi, plen - pi,
							      (unsigned char)s[si], &hit)) != 0) {
				/* hit set by the bracket expression */
			} else {
				step = 1;
				char want = pat[pi];
				if (want == '\\' && pi + 1 < plen) {
					want = pat[pi + 1];
					step = 2;
				}
				hit = want == s[si];
			}
			if (hit) {
				pi += step;
				si++;
				continue;
			}
		}
		if (star_p == SIZE_MAX)
			return false;
		pi = star_p; /* let the last '*' take one more character */
		si = ++star_s;
	}
	while (pi < plen && pat[pi] == '*')
		pi++;
	return pi == plen;
}

#define GITIGNORE_MAX_PARTS 256

/* Splits `s` at every '/' into at most GITIGNORE_MAX_PARTS parts. Returns their number, or
 * -1 when there are more. */
static int gitignore__split(const char *s, const char **start, size_t *len)
{
	int n = 0;
	for (;;) {
		if (n == GITIGNORE_MAX_PARTS)
			return -1;
		const char *slash = strchr(s, '/');
		start[n] = s;
		len[n] = slash ? (size_t)(slash - s) : strlen(s);
		n++;
		if (!slash)
			return n;
		s = slash + 1;
	}
}

/* Matches an anchored pattern against a whole relative path, component by component: "**"
 * as a whole component matches any number of components; at the end of a pattern at least one,
 * so there it matches what is inside a directory but not the directory itself, as in git.
 * Dynamic programming over (pattern component, path component): O(P * S) component matches,
 * however many "**" the pattern holds. */
static bool gitignore__path(const char *pat, const char *path)
{
	const char *pc[GITIGNORE_MAX_PARTS], *sc[GITIGNORE_MAX_PARTS];
	size_t pl[GITIGNORE_MAX_PARTS], sl[GITIGNORE_MAX_PARTS];
	int np = gitignore__split(pat, pc, pl);
	int ns = *path ? gitignore__split(path, sc, sl) : 0;
	if (np < 0 || ns < 0)
		return false; /* deeper than anything a checkout holds */
	/* next[j]: the pattern from component i+1 on matches the path from component j on. */
	bool next[GITIGNORE_MAX_PARTS + 1], cur[GITIGNORE_MAX_PARTS + 1];
	for (int j = 0; j <= ns; j++)
		next[j] = j == ns;
	for (int i = np - 1; i >= 0; i--) {
		bool globstar = pl[i] == 2 && pc[i][0] == '*' && pc[i][1] == '*';
		bool any_later = false; /* next[k] for some k >= j */
		for (int j = ns; j >= 0; j--) {
			any_later |= next[j];
			if (globstar)
				cur[j] = i == np - 1 ? j < ns : any_later;
			else
				cur[j] = j < ns && next[j + 1] && gitignore__glob(pc[i], pl[i], sc[j], sl[j]);
		}
		memcpy(next, cur, sizeof(bool) * (size_t)(ns + 1));
	}
	return next[0];
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
				       : gitignore__glob(p->glob, strlen(p->glob), name, strlen(name));
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
