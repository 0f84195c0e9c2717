/* repo_list.h: the repositories an audit covers, read from a list file, and its shards.
 *
 * A list names one repository per line: a work tree, a bare repository, or a directory that
 * holds many of them (expanded, in name order, up to three levels deep). Blank lines and lines
 * starting with '#' are skipped. A repository's identity is its path as listed (lexically
 * normalised, relative paths kept relative to the current directory); sharding, output file
 * names and resuming all hang on it, never on a position in the list, so shards computed on
 * different machines from the same list agree. */
#ifndef TLSLINT_AUDIT_REPO_LIST_H
#define TLSLINT_AUDIT_REPO_LIST_H

#include <stddef.h>
#include <stdint.h>

typedef struct audit_repo {
	char *path; /* the identity: what to open, and how the reports name the repository */
	char *slug; /* a file name stem unique to the identity: "<sanitised path>-<hash>" */
	uint64_t hash;
} audit_repo;

typedef struct audit_repo_list {
	audit_repo *items;
	size_t len, cap;
} audit_repo_list;

/* Reads the list file ("-" for standard input) into `out`, sorted by path without duplicates.
 * Paths that do not exist are kept: they fail when scanned, which reports them. Returns 0, or
 * -1 with the reason in `err` when the list itself cannot be read. */
int audit_list_read(audit_repo_list *out, const char *list_path, char *err, size_t errlen);
/* Keeps the repositories of shard `k` of `n` (1 <= k <= n): those whose identity hash is
 * k - 1 modulo n. */
void audit_list_shard(audit_repo_list *list, unsigned k, unsigned n);
void audit_list_release(audit_repo_list *list);

/* A stable 64-bit hash of a string (FNV-1a, then a final mix), the same on every machine. */
uint64_t audit_hash(const char *s);
/* Fills the slug and hash of a repository named `path` (an identity). */
void audit_repo_init(audit_repo *r, const char *path);
void audit_repo_release(audit_repo *r);

#endif
