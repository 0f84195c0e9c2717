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

#include <git2/oid.h>
#include <git2/types.h>

#include "core/finding.h"
#include "walk/classify.h"

/* A file to analyse. Its bytes are either on disk at `path`, or (when `odb` is set) the blob
 * `blob` of a git object database: the index for `scan --staged`, history for audits. */
typedef struct walk_file {
	char *path; /* the path to open, as the user named it plus the part below it; for a blob,
		       the path to show */
	char *uri;  /* relative to the scan base, '/' separated; absolute if outside it */
	language lang;
	git_odb *odb; /* a reference owned by the file, or NULL */
	git_oid blob;
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
/* Appends a file whose content is blob `id` of `repo`'s object database (the file takes its
 * own reference to the database, so `repo` may be freed first). */
void walk_add_blob(walk_list *out, git_repository *repo, const git_oid *id, const char *path,
		   const char *uri, language lang);
/* Reads a file's bytes (NUL-terminated, owned by the caller) from disk or from its object
 * database; safe to call from several threads. Returns 0, or -1 with errno set (EFBIG when
 * larger than `max`). */
int walk_file_read(const walk_file *f, size_t max, char **out, size_t *len);

/* True when the --exclude globs exclude `uri` (a path below the base) or any directory on
 * the way to it: for files that do not come from a directory walk. */
bool walk_uri_excluded(const walk_options *opts, const char *uri);

/* Sorts by uri and drops duplicates (a file named twice). */
void walk_list_sort(walk_list *list);
void walk_list_release(walk_list *list);

/* The directory findings' uris are relative to: the top of the git work tree that holds the
 * first path, else that path if it is a directory, else the current directory. Owned. */
char *walk_choose_base(const char *first_path);

#endif
