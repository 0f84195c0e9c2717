/* gitwalk.h: what git knows about a scanned work tree, through libgit2.
 *
 * - the files staged in the index, as blobs (`scan --staged`: the content to be committed,
 *   not the work tree's);
 * - the lines changed since a revision, in the index or in the work tree (`scan --diff REV`);
 * - where the tree comes from (remote without credentials, commit, branch) for SARIF.
 * `base` is always the top of the work tree (walk_choose_base). */
#ifndef TLSLINT_GITWALK_H
#define TLSLINT_GITWALK_H

#include <stdbool.h>
#include <stddef.h>

#include "walk/walker.h"

/* One file's changed lines: sorted 1-based line numbers of the new content, or `whole` when
 * git has no line view of it (a binary diff, such as UTF-16 text). */
typedef struct gitwalk_file_changes {
	char *uri;
	unsigned *lines;
	size_t nlines, cap;
	bool whole;
} gitwalk_file_changes;

typedef struct gitwalk_changes {
	gitwalk_file_changes *files; /* sorted by uri; deleted files are not listed */
	size_t len, cap;
} gitwalk_changes;

/* The changes from revision `rev` (anything git rev-parse takes, e.g. HEAD~1, origin/main)
 * to the index (`staged`) or to the work tree. An unborn HEAD counts as the empty tree.
 * Returns 0, or -1 with a sentence in `err`. */
int gitwalk_changes_since(gitwalk_changes *out, const char *base, const char *rev, bool staged,
			  char *err, size_t errlen);
/* True when a finding on lines [first, last] of `uri` touches a changed line. */
bool gitwalk_changes_cover(const gitwalk_changes *c, const char *uri, unsigned first,
			   unsigned last);
void gitwalk_changes_release(gitwalk_changes *c);

/* Lists the index's files (stage 0, regular files of a known language, not excluded) as blobs:
 * those named by `paths` (files or directories, as given on the command line) when there are
 * any, and of those only the ones in `only` when it is not NULL. The files borrow `*odb`, the
 * repository's object database, which the caller frees (git_odb_free) once they are scanned;
 * libgit2 must stay initialised until then. */
int gitwalk_staged(walk_list *out, git_odb **odb, const char *base, const char *const *paths,
		   size_t npaths, const gitwalk_changes *only, const walk_options *opts, char *err,
		   size_t errlen);
/* Lists the work tree files of `changes` (for --diff without --staged). */
void gitwalk_changed_files(walk_list *out, const char *base, const gitwalk_changes *changes,
			   const walk_options *opts);

/* The URL of the checked-out branch's upstream remote, else of origin (credentials, query and
 * fragment removed; scp-like addresses as ssh://),
 * HEAD's commit id and the checked-out branch of the repository whose work tree is `base`.
 * Each is newly allocated, or NULL when unknown. Returns -1 when `base` is not a work tree. */
int gitwalk_provenance(const char *base, char **remote_uri, char **revision, char **branch);
/* The sanitising of gitwalk_provenance, for tests and other callers. Newly allocated or NULL. */
char *gitwalk_clean_remote(const char *url);

#endif
