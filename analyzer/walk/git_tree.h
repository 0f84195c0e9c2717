/* git_tree.h: lists the files of a git tree straight from the object database.
 *
 * This is the walker for repositories without a checkout (bare mirrors): no file is written,
 * every listed file carries the blob id and the repository's object database, and the scanner
 * reads blobs into memory. The listing is what walk_paths() would list in a checkout of the
 * tree: the tree's .gitignore files and the repository's info/exclude apply (unless
 * `no_ignore`), --exclude globs apply, symbolic links and submodules are skipped. The user's
 * core.excludesFile does not apply: an audit must not depend on who runs it. */
#ifndef TLSLINT_GIT_TREE_H
#define TLSLINT_GIT_TREE_H

#include <git2/types.h>
#include <stddef.h>

#include "walk/walker.h"

/* Appends the files of `tree` (of `repo`) to `out`; `odb` is the repository's object database,
 * borrowed by every listed file. Returns 0, or -1 with the reason in `err` when the tree cannot
 * be read completely (a missing or corrupt object): the listing is then not to be trusted. */
int walk_git_tree(walk_list *out, git_repository *repo, git_odb *odb, const git_tree *tree,
		  const walk_options *opts, char *err, size_t errlen);

#endif
