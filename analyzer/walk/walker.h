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

#include "core/language.h"
#include "rules/finding.h"
#include "source/source_file.h"

/* A file to analyse. Its content is either the file at `path` on disk or, when `odb` is set, the
 * blob `blob` of that object database (a tree read without a checkout, or staged content); the
 * odb is borrowed: whoever listed the file keeps it open until the scan is over. git_odb is
 * thread-safe, so worker threads may read blobs concurrently. */
typedef struct walk_file {
	char *path; /* the path to open, as the user named it plus the part below it; for a
		       blob, the path inside the tree (used in messages only) */
	char *uri;  /* relative to the scan base, '/' separated; absolute if outside it */
	language lang;
	git_odb *odb; /* NULL: read `path` from disk */
	git_oid blob;
} walk_file;

typedef struct walk_options {
	const char *base;      /* absolute, symlink-free directory that uris are relative to */
	char *const *excludes; /* globs: without '/', matched against each name; with '/',
				  against the path below the base */
	size_t nexcludes;
	bool no_ignore;        /* do not apply git ignore rules */
} walk_options;

typedef struct walk_stream walk_stream;

typedef struct walk_list {
	walk_file *files;
	size_t len, cap;
	bool sorted; /* by uri, without duplicates: walk_list_sort() sets it, an append clears it */
	/* While a walk fills the list for workers that read it already (walk_list_stream_begin):
	 * appends and reads go through its lock. NULL otherwise. */
	walk_stream *stream;
} walk_list;

/* A list that one thread fills (walk_paths) while others read it: between begin and end,
 * appends publish each file, and walk_list_stream_get(i) waits until file i is there or
 * the walk is over. */
void walk_list_stream_begin(walk_list *list);
/* The walk is over: readers waiting beyond the last file get false. */
void walk_list_stream_end(walk_list *list);
/* Copies file `i` to *out once it is listed; false when the walk ended with fewer files. */
bool walk_list_stream_get(walk_list *list, size_t i, walk_file *out);
/* After every reader is done: the list is an ordinary one again. */
void walk_list_stream_free(walk_list *list);

/* Appends the files under `paths` to `out`; problems become notifications in `notes`.
 * Returns the number of paths that did not exist at all. */
size_t walk_paths(walk_list *out, finding_list *notes, const char *const *paths, size_t npaths,
		  const walk_options *opts);
/* Appends a file whose content is blob `blob` of `odb` (borrowed); `uri` is also its path. */
void walk_list_add_blob(walk_list *list, const char *uri, language lang, git_odb *odb,
			const git_oid *blob);
/* Reads and decodes a listed file's content, from disk or from its object database. On
 * SOURCE_UNREADABLE, `why` holds the reason as a phrase ("No such file or directory"). */
source_error walk_file_load(source_file *out, const walk_file *f, size_t max_size, char *why,
			    size_t whylen);
/* The same without the line index (source_index_lines() adds it). */
source_error walk_file_load_unindexed(source_file *out, const walk_file *f, size_t max_size,
				      char *why, size_t whylen);
/* True when an --exclude glob of `opts` matches the entry `name` at `uri`. */
bool walk_excluded(const walk_options *opts, const char *name, const char *uri);
/* Sorts by uri and drops duplicates (a file named twice). */
void walk_list_sort(walk_list *list);
void walk_list_release(walk_list *list);
/* The file whose uri is `uri`, or NULL: a binary search once the list is sorted. */
const walk_file *walk_list_find(const walk_list *list, const char *uri);
/* The files whose uris start with `prefix` are files[*first .. *end): the contiguous range
 * of a sorted list, or the whole list otherwise (the caller still compares). */
void walk_list_prefix_range(const walk_list *list, const char *prefix, size_t *first,
			    size_t *end);

/* The directory findings' uris are relative to: the deepest directory that holds all of
 * `paths` (a file counts as its directory; a path that cannot be resolved is left out), or
 * the top of the git work tree that holds that directory when there is one; the current
 * directory when no path can be resolved. Owned. */
char *walk_choose_base(const char *const *paths, size_t npaths);
/* Cuts `dir` to the deepest directory that holds both it and `other` (absolute, resolved
 * paths without a trailing '/'): "/a/b" and "/a/bc" give "/a", "/a" and "/x" give "/". */
void walk_common_dir(char *dir, const char *other);

/* False only when no repository can hold `path` (a file, or a directory): no `.git` in it or,
 * with `search`, in any directory above it, and no git directory there. libgit2 is not started
 * for such a path. */
bool walk_may_be_in_repo(const char *path, bool search);

#endif
