/* include_graph.c: `include_graph DIR`: fails when the folders of DIR (analyzer/) include each
 * other in a cycle, and prints the cycle with the file behind each step.
 *
 * A folder is a top-level folder of DIR, except under lang/, where each language's folder
 * (lang/csharp, lang/c, ...) is one folder of its own and lang/'s own files are "lang". An
 * edge A -> B is a file in A with `#include "B/..."` naming a file that exists in DIR
 * (system and third-party headers are not ours). Folders named `shims` are skipped: they are
 * declaration shims for scanned code, not analyzer code.
 *
 * It also fails when a language's folder is included from outside: only lang/'s own files (the
 * language table) may include lang/<name>/, and nothing includes lang/'s own files, so that a
 * language stays one unit that can be added or removed in one place.
 *
 * Without a violation it prints the folders in layer order, lowest first, each with the
 * folders it includes (docs/conventions.md). Exit status: 0 none, 1 a cycle or a language
 * included from outside, 2 usage or I/O error. */
#define _GNU_SOURCE
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_NODES 64
#define MAX_PATH_LEN 512

static char root[MAX_PATH_LEN];
static size_t root_len;
static char nodes[MAX_NODES][64];
static int nnodes;
/* why[a][b]: "a/file.c includes b/x.h" for the first such include, "" when no edge. */
static char why[MAX_NODES][MAX_NODES][2 * MAX_PATH_LEN];
static int io_error;

/* The folder of `rel` (a path relative to root, '/' separated, without the file name). */
static void folder_of(const char *rel_dir, char *out, size_t outlen)
{
	const char *slash = strchr(rel_dir, '/');
	if (strncmp(rel_dir, "lang/", 5) == 0) {
		const char *second = strchr(rel_dir + 5, '/');
		size_t n = second ? (size_t)(second - rel_dir) : strlen(rel_dir);
		snprintf(out, outlen, "%.*s", (int)n, rel_dir);
	} else {
		size_t n = slash ? (size_t)(slash - rel_dir) : strlen(rel_dir);
		snprintf(out, outlen, "%.*s", (int)n, rel_dir);
	}
}

static int node_id(const char *name)
{
	for (int i = 0; i < nnodes; i++)
		if (strcmp(nodes[i], name) == 0)
			return i;
	if (nnodes == MAX_NODES) {
		fprintf(stderr, "include_graph: more than %d folders\n", MAX_NODES);
		exit(2);
	}
	snprintf(nodes[nnodes], sizeof(nodes[nnodes]), "%s", name);
	return nnodes++;
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	const char *rel = path + root_len + (path[root_len] == '/');
	if (type == FTW_D && strcmp(path + ftw->base, "shims") == 0)
		return FTW_SKIP_SUBTREE;
	size_t len = strlen(rel);
	if (type != FTW_F || len < 3 || (strcmp(rel + len - 2, ".c") && strcmp(rel + len - 2, ".h")))
		return FTW_CONTINUE;
	const char *slash = strrchr(rel, '/');
	if (!slash)
		return FTW_CONTINUE; /* a file at the top has no folder */
	char dir[MAX_PATH_LEN], from[64];
	snprintf(dir, sizeof(dir), "%.*s", (int)(slash - rel), rel);
	folder_of(dir, from, sizeof(from));
	int a = node_id(from);
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		io_error = 1;
		return FTW_CONTINUE;
	}
	char line[1024];
	while (fgets(line, sizeof(line), f)) {
		const char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p++ != '#')
			continue;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, "include", 7) != 0)
			continue;
		p += 7;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p++ != '"')
			continue;
		const char *end = strchr(p, '"');
		if (!end)
			continue;
		char inc[MAX_PATH_LEN], full[2 * MAX_PATH_LEN];
		snprintf(inc, sizeof(inc), "%.*s", (int)(end - p), p);
		const char *islash = strrchr(inc, '/');
		struct stat ist;
		snprintf(full, sizeof(full), "%s/%s", root, inc);
		if (!islash || stat(full, &ist) != 0)
			continue; /* the same folder, or not one of ours */
		char idir[MAX_PATH_LEN], to[64];
		snprintf(idir, sizeof(idir), "%.*s", (int)(islash - inc), inc);
		folder_of(idir, to, sizeof(to));
		int b = node_id(to);
		if (a != b && !why[a][b][0])
			snprintf(why[a][b], sizeof(why[a][b]), "%s includes %s", rel, inc);
	}
	fclose(f);
	return FTW_CONTINUE;
}

/* Tarjan's strongly connected components. */
static int idx[MAX_NODES], low[MAX_NODES], comp[MAX_NODES], stack[MAX_NODES], on_stack[MAX_NODES];
static int counter, sp, ncomp;

static void strong(int v)
{
	idx[v] = low[v] = ++counter;
	stack[sp++] = v;
	on_stack[v] = 1;
	for (int w = 0; w < nnodes; w++) {
		if (!why[v][w][0])
			continue;
		if (!idx[w]) {
			strong(w);
			if (low[w] < low[v])
				low[v] = low[w];
		} else if (on_stack[w] && idx[w] < low[v]) {
			low[v] = idx[w];
		}
	}
	if (low[v] == idx[v]) {
		int w;
		do {
			w = stack[--sp];
			on_stack[w] = 0;
			comp[w] = ncomp;
		} while (w != v);
		ncomp++;
	}
}

/* A shortest path from `from` to `to` inside component `c` (breadth first); its length. */
static int path_within(int from, int to, int c, int *path)
{
	int prev[MAX_NODES], queue[MAX_NODES], head = 0, tail = 0;
	for (int i = 0; i < nnodes; i++)
		prev[i] = -2;
	prev[from] = -1;
	queue[tail++] = from;
	while (head < tail) {
		int v = queue[head++];
		for (int w = 0; w < nnodes; w++) {
			if (!why[v][w][0] || comp[w] != c)
				continue;
			if (w == to) {
				int n = 0, rev[MAX_NODES];
				rev[n++] = to;
				for (int u = v; u != -1; u = prev[u])
					rev[n++] = u;
				for (int i = 0; i < n; i++)
					path[i] = rev[n - 1 - i];
				return n;
			}
			if (prev[w] == -2) {
				prev[w] = v;
				queue[tail++] = w;
			}
		}
	}
	return 0;
}

static int by_name(const void *x, const void *y)
{
	return strcmp(nodes[*(const int *)x], nodes[*(const int *)y]);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: include_graph DIR\n");
		return 2;
	}
	snprintf(root, sizeof(root), "%s", argv[1]);
	root_len = strlen(root);
	while (root_len > 1 && root[root_len - 1] == '/')
		root[--root_len] = '\0';
	if (nftw(root, visit, 32, FTW_PHYS | FTW_ACTIONRETVAL) != 0 || io_error) {
		fprintf(stderr, "include_graph: cannot read %s\n", root);
		return 2;
	}
	for (int v = 0; v < nnodes; v++)
		if (!idx[v])
			strong(v);
	int cycles = 0;
	for (int c = 0; c < ncomp; c++) {
		int members[MAX_NODES], n = 0;
		for (int v = 0; v < nnodes; v++)
			if (comp[v] == c)
				members[n++] = v;
		if (n < 2)
			continue;
		qsort(members, (size_t)n, sizeof(members[0]), by_name);
		/* One cycle through the first member by name: a path to a predecessor, then back. */
		int start = members[0], path[MAX_NODES + 1], len = 0;
		for (int v = 0; v < nnodes && !len; v++)
			if (comp[v] == c && why[v][start][0] && (len = path_within(start, v, c, path)))
				path[len++] = start;
		printf("cycle among %d folders:", n);
		for (int i = 0; i < n; i++)
			printf(" %s", nodes[members[i]]);
		printf("\n");
		for (int i = 0; i + 1 < len; i++)
			printf("  %s -> %s (%s)\n", nodes[path[i]], nodes[path[i + 1]],
			       why[path[i]][path[i + 1]]);
		cycles++;
	}
	int outside = 0;
	for (int a = 0; a < nnodes; a++) {
		for (int b = 0; b < nnodes; b++) {
			bool to_lang = strcmp(nodes[b], "lang") == 0;
			bool to_language = strncmp(nodes[b], "lang/", 5) == 0;
			if (!why[a][b][0] || !(to_lang || (to_language && strcmp(nodes[a], "lang"))))
				continue;
			printf("%s includes %s (%s): only the language table (lang/) includes a "
			       "language's folder, and nothing includes the table\n", nodes[a], nodes[b],
			       why[a][b]);
			outside++;
		}
	}
	if (cycles)
		printf("%d include cycle%s between the folders of %s; see the layer rule in "
		       "docs/conventions.md\n", cycles, cycles == 1 ? "" : "s", root);
	if (outside)
		printf("%d include%s of a language's folder from outside the language table\n",
		       outside, outside == 1 ? "" : "s");
	if (cycles || outside)
		return 1;
	/* Tarjan numbers components in reverse topological order: lowest layer first. */
	printf("no include cycle among the %d folders of %s; in layer order:\n", nnodes, root);
	for (int c = 0; c < ncomp; c++) {
		for (int v = 0; v < nnodes; v++) {
			if (comp[v] != c)
				continue;
			printf("  %s:", nodes[v]);
			int deps[MAX_NODES], nd = 0;
			for (int w = 0; w < nnodes; w++)
				if (why[v][w][0])
					deps[nd++] = w;
			qsort(deps, (size_t)nd, sizeof(deps[0]), by_name);
			for (int i = 0; i < nd; i++)
				printf(" %s", nodes[deps[i]]);
			printf("\n");
		}
	}
	return 0;
}
