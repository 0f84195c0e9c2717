/* walker.h: turns the paths a user names into the list of files to analyse.
 *
 * Directories are walked recursively in name order. Inside a git work tree the ignore rules
 * apply (.gitignore, .git/info/exclude, core.excludesFile); `.git` is always skipped; --exclude
 * globs apply; symbolic links are never followed (a file's content is scanned at its real
 * path), and one that points out of the scan root or cannot be resolved is reported. Only files
 * of a known language are listed. Problems become notifications; the walk always goes on. */
#ifndef TLSLINT_WALKER_H
#define TLSLINT_WALKER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/finding.h"
#include "walk/classify.h"

typedef struct walk_file {
	char *path; /* the path to open, as the user named it plus the part below it */
	char *uri;  /* relative to the scan base, '/' separated; absolute if outside it */
	language lang;
} walk_file;

typedef struct walk_options {
	const char *base;      /* absolute, symlink-free directory that uris are relative to */
	char *const *excludes; /* globs: without '/', matched against each name; with '/',
				  against the path below the base */
	size_t nexcludes;
	bool no_ignore;        /* do not apply git ignore rules */
} walk_options;

typedef struct walk_list {
	walk_file *files;
	size_t len, cap;
} walk_list;

/* Appends the files under `paths` to `out`; problems become notifications in `notes`.
 * Returns the number of paths that did not exist at all. */
size_t walk_paths(walk_list *out, finding_list *notes, const char *const *paths, size_t npaths,
		  const walk_options *opts);
/* Sorts by uri and drops duplicates (a file named twice). */
void walk_list_sort(walk_list *list);
void walk_list_release(walk_list *list);

/* The directory findings' uris are relative to: the top of the git work tree that holds the
 * first path, else that path if it is a directory, else the current directory. Owned. */
char *walk_choose_base(const char *first_path);

#endif
