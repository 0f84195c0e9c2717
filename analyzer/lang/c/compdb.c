/* compdb.c: reading compile_commands.json and keeping only safe parser flags. */
#include "compdb.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/fileio.h"
#include "util/strbuf.h"

/* Flags kept with their value in the next argument (or glued: -Ipath, -DX). `path` flags
 * get their value made absolute. */
static const struct {
	const char *flag;
	bool path;
} kept_pair[] = {
	{ "-I", true }, { "-isystem", true }, { "-iquote", true }, { "-idirafter", true },
	{ "-include", true }, { "-imacros", true }, { "-isysroot", true },
	{ "-D", false }, { "-U", false }, { "-x", false }, { "-target", false },
};

/* Single flags kept as they are (prefix match). */
static const char *const kept_prefix[] = {
	"-std=", "--std=", "--target=", "--sysroot=", "-m32", "-m64", "-fms-extensions",
	"-fms-compatibility", "-fshort-wchar", "-fno-exceptions", "-fexceptions", "-fno-rtti",
	"-fgnu89-inline", "-funsigned-char", "-fsigned-char", "-fdeclspec", "-fblocks",
	"-nostdinc", "-nostdlibinc", "-ansi", "-pthread", "-fopenmp", "-fchar8_t",
};

/* Flags whose next argument is theirs and dropped with them. */
static const char *const dropped_pair[] = {
	"-o", "-MF", "-MT", "-MQ", "-Xclang", "-mllvm", "-Xlinker", "-Xpreprocessor",
	"-Xassembler", "-B", "-specs", "-load", "-arch", "-L", "-l", "-MJ", "--serialize-diagnostics",
};

static char *compdb__abs(const char *p, const char *dir)
{
	if (p[0] == '/' || !dir)
		return xstrdup(p);
	return xasprintf("%s/%s", dir, p);
}

static void compdb__push(char ***out, size_t *n, char *s)
{
	*PUSH(*out, *n) = s;
}

size_t compdb_sanitize(char ***out, size_t *nout, char *const *argv, size_t argc,
		       const char *dir, const char *file)
{
	size_t dropped = 0;
	*out = NULL;
	*nout = 0;
	for (size_t i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool done = false;
		for (size_t k = 0; k < sizeof(kept_pair) / sizeof(kept_pair[0]) && !done; k++) {
			size_t fl = strlen(kept_pair[k].flag);
			if (strncmp(a, kept_pair[k].flag, fl) != 0)
				continue;
			const char *val = NULL;
			if (a[fl] == '\0' && i + 1 < argc)
				val = argv[++i];
			else if (a[fl] != '\0' && fl == 2)
				val = a + fl; /* -Ipath, -DX=1 */
			else
				continue; /* -includeX is some other flag */
			compdb__push(out, nout, xstrdup(kept_pair[k].flag));
			compdb__push(out, nout, kept_pair[k].path ? compdb__abs(val, dir) : xstrdup(val));
			done = true;
		}
		for (size_t k = 0; k < sizeof(kept_prefix) / sizeof(kept_prefix[0]) && !done; k++) {
			if (strncmp(a, kept_prefix[k], strlen(kept_prefix[k])) == 0) {
				compdb__push(out, nout, xstrdup(a));
				done = true;
			}
		}
		if (done)
			continue;
		dropped++;
		for (size_t k = 0; k < sizeof(dropped_pair) / sizeof(dropped_pair[0]); k++)
			if (strcmp(a, dropped_pair[k]) == 0 && i + 1 < argc) {
				i++; /* its value goes too: "-Xclang -load -Xclang x.so" is two pairs */
				break;
			}
		(void)file; /* the source file itself, -c, -fplugin=..., @file: all dropped here */
	}
	return dropped;
}

/* Splits a shell-quoted "command" string the way compile_commands.json writers quote it. */
static char **compdb__split_command(const char *cmd, size_t *n)
{
	char **v = NULL;
	*n = 0;
	const char *p = cmd;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		strbuf w = STRBUF_INIT;
		char quote = 0;
		for (; *p; p++) {
			if (quote) {
				if (*p == quote)
					quote = 0;
				else if (*p == '\\' && quote == '"' && p[1])
					strbuf_addc(&w, *++p);
				else
					strbuf_addc(&w, *p);
			} else if (*p == '\'' || *p == '"') {
				quote = *p;
			} else if (*p == '\\' && p[1]) {
				strbuf_addc(&w, *++p);
			} else if (*p == ' ' || *p == '\t' || *p == '\n') {
				break;
			} else {
				strbuf_addc(&w, *p);
			}
		}
		compdb__push(&v, n, strbuf_detach(&w));
	}
	return v;
}

/* The absolute directory that holds the database file `path`. */
static char *compdb__db_dir(const char *path)
{
	char *abs = realpath(path, NULL);
	char *base = abs ? abs : path[0] == '/' ? xstrdup(path) : NULL;
	if (!base) {
		char cwd[PATH_MAX];
		base = xasprintf("%s/%s", getcwd(cwd, sizeof(cwd)) ? cwd : "", path);
	}
	char *slash = strrchr(base, '/');
	if (slash)
		*slash = '\0';
	if (!base[0]) {
		free(base);
		base = xstrdup("/");
	}
	return base;
}

/* Removes "." and ".." components and doubled slashes from an absolute path (one that starts
 * with '/'), in place: the result is never longer. */
static void compdb__normalise(char *path)
{
	char *out = path;
	const char *p = path;
	while (*p) {
		while (*p == '/')
			p++;
		const char *s = p;
		while (*p && *p != '/')
			p++;
		size_t n = (size_t)(p - s);
		if (n == 0 || (n == 1 && s[0] == '.'))
			continue;
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			while (out > path && *--out != '/')
				;
			continue;
		}
		*out++ = '/';
		memmove(out, s, n);
		out += n;
	}
	if (out == path)
		*out++ = '/';
	*out = '\0';
}

static int compdb__cmp(const void *a, const void *b)
{
	return strcmp(((const compdb_entry *)a)->file, ((const compdb_entry *)b)->file);
}

static bool compdb__is_cxx(const char *file, char *const *argv, size_t argc)
{
	for (size_t i = 0; i + 1 < argc; i++)
		if (strcmp(argv[i], "-x") == 0)
			return strncmp(argv[i + 1], "c++", 3) == 0;
	const char *dot = strrchr(file, '.');
	if (dot && (strcmp(dot, ".c") == 0 || strcmp(dot, ".h") == 0))
		return argc > 0 && strstr(argv[0], "++") != NULL;
	return true;
}

int compdb_load(compdb *out, const char *path, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	char *text = NULL;
	size_t len = 0;
	if (file_read_all(path, 256u << 20, &text, &len) < 0) {
		snprintf(err, errlen, "%s: cannot read the compilation database: %s", path,
			 strerror(errno));
		return -1;
	}
	int rc = compdb_parse(out, path, text, len, err, errlen);
	free(text);
	return rc;
}

int compdb_parse(compdb *out, const char *path, const char *text, size_t len, char *err,
		 size_t errlen)
{
	memset(out, 0, sizeof(*out));
	cJSON *root = cJSON_ParseWithLength(text, len);
	if (!cJSON_IsArray(root)) {
		snprintf(err, errlen, "%s: not a compilation database (a JSON array of entries)",
			 path);
		cJSON_Delete(root);
		return -1;
	}
	out->path = xstrdup(path);
	/* A relative "directory" (the format wants it absolute) is taken against the database's
	 * own directory, so every path below is absolute before it is normalised. */
	char *dbdir = compdb__db_dir(path);
	size_t cap = 0;
	const cJSON *e;
	cJSON_ArrayForEach(e, root) {
		const char *given = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "directory"));
		const char *file = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "file"));
		const cJSON *args = cJSON_GetObjectItemCaseSensitive(e, "arguments");
		const char *cmd = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "command"));
		if (!given || !file || (!cJSON_IsArray(args) && !cmd))
			continue; /* malformed entries are skipped, like other tools do */
		char *dir = given[0] == '/' ? xstrdup(given) : xasprintf("%s/%s", dbdir, given);
		char **argv = NULL;
		size_t argc = 0;
		if (cJSON_IsArray(args)) {
			const cJSON *a;
			cJSON_ArrayForEach(a, args) {
				if (cJSON_IsString(a))
					compdb__push(&argv, &argc, xstrdup(a->valuestring));
			}
		} else {
			argv = compdb__split_command(cmd, &argc);
		}
		GROW(out->entries, cap, out->len + 1);
		compdb_entry *ent = &out->entries[out->len++];
		memset(ent, 0, sizeof(*ent));
		ent->file = file[0] == '/' ? xstrdup(file) : xasprintf("%s/%s", dir, file);
		compdb__normalise(ent->file);
		char *slash = strrchr(ent->file, '/');
		ent->dir = xstrndup(ent->file, slash && slash != ent->file ? (size_t)(slash - ent->file) : 1);
		ent->cxx = compdb__is_cxx(ent->file, argv, argc);
		out->dropped += compdb_sanitize(&ent->args, &ent->nargs, argv, argc, dir, ent->file);
		for (size_t i = 0; i < argc; i++)
			free(argv[i]);
		free(argv);
		free(dir);
	}
	free(dbdir);
	cJSON_Delete(root);
	if (out->len)
		qsort(out->entries, out->len, sizeof(*out->entries), compdb__cmp);
	return 0;
}

/* Length of the common directory prefix of two absolute paths. */
static size_t compdb__common_dirs(const char *a, const char *b)
{
	size_t i = 0, last = 0;
	while (a[i] && a[i] == b[i]) {
		if (a[i] == '/')
			last = i;
		i++;
	}
	if ((a[i] == '\0' || a[i] == '/') && (b[i] == '\0' || b[i] == '/'))
		last = i;
	return last;
}

const compdb_entry *compdb_lookup(const compdb *db, const char *file, bool *exact)
{
	*exact = false;
	if (!db->len)
		return NULL;
	size_t lo = 0, hi = db->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(db->entries[mid].file, file);
		if (c == 0) {
			*exact = true;
			return &db->entries[mid];
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* A neighbour: the entry sharing the longest directory prefix; among equals the first
	 * in name order, so the choice never depends on the database's order. */
	const compdb_entry *best = &db->entries[0];
	size_t best_len = 0;
	for (size_t i = 0; i < db->len; i++) {
		size_t n = compdb__common_dirs(db->entries[i].file, file);
		if (n > best_len) {
			best_len = n;
			best = &db->entries[i];
		}
	}
	return best;
}

void compdb_release(compdb *db)
{
	for (size_t i = 0; i < db->len; i++) {
		compdb_entry *e = &db->entries[i];
		free(e->file);
		free(e->dir);
		for (size_t k = 0; k < e->nargs; k++)
			free(e->args[k]);
		free(e->args);
	}
	free(db->entries);
	free(db->path);
	memset(db, 0, sizeof(*db));
}
