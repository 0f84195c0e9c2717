/* gitignore.h: git ignore rules (gitignore(5)) evaluated without a work tree.
 *
 * libgit2 applies ignore rules only to files of a work tree. A tree read from the object
 * database (a bare repository) carries its .gitignore files as blobs; this module parses them
 * and matches paths the way git does, so a tree walk skips what a checkout walk would skip.
 * Supported: comments, escaped '#' and '!', trailing-space trimming, negation, directory-only
 * patterns ("build/"), anchoring ("/x", "a/b"), "*", "?", "[...]" and "**" in any position. */
#ifndef TLSLINT_GITIGNORE_H
#define TLSLINT_GITIGNORE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct gitignore_pattern {
	char *glob;     /* without the '!', the leading '/' and the trailing '/' */
	bool negate;    /* "!pattern": re-include */
	bool dir_only;  /* "pattern/": matches directories only */
	bool anchored;  /* contains a '/': matched against the path below the file's directory;
			   otherwise against the last path component only */
} gitignore_pattern;

/* The patterns of one ignore file. */
typedef struct gitignore {
	char *dir; /* the directory that holds the file, "" or "a/b/" (with the '/') */
	gitignore_pattern *patterns;
	size_t len, cap;
} gitignore;

/* Parses `len` bytes of ignore-file text found in directory `dir` ("" or "a/b/"). */
void gitignore_parse(gitignore *out, const char *dir, const char *text, size_t len);
/* Matches `path` (relative to the repository root, no trailing '/') against the file's
 * patterns, the last matching pattern winning: 1 ignored, -1 re-included by a negated pattern,
 * 0 no pattern matches (ask the next file). */
int gitignore_match(const gitignore *g, const char *path, bool is_dir);
void gitignore_release(gitignore *g);

#endif
