/* fingerprint.h: the two fingerprints a SARIF result carries in partialFingerprints.
 *
 * primaryLocationLineHash is GitHub's: the value github/codeql-action's upload step computes
 * for a result's start line (a rolling hash over the file's next 100 characters that are not
 * spaces or tabs, plus ":n" for the n-th line of the file with that hash). Computing it here
 * makes uploads through the plain REST API deduplicate like uploads through the action.
 *
 * tlslint/v1 is ours, for baselines: rule id, uri, the start line with all white space removed,
 * and the finding's occurrence among findings of the same rule on equal lines of that file. It
 * survives lines moving and re-indentation, and changes when the flagged line itself changes. */
#ifndef TLSLINT_FINGERPRINT_H
#define TLSLINT_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

#include "rules/finding.h"

#define FINGERPRINT_STABLE_KEY "tlslint/v1"

/* Line hashes of one file, indexed by line number - 1. */
typedef struct line_hashes {
	uint64_t *hash;
	unsigned *occurrence; /* 1 for the first line with that hash, 2 for the second, ... */
	size_t len;           /* lines, counted as the upload action counts them (CR, LF, CRLF) */
} line_hashes;

/* Hashes the raw bytes of a file as the upload action does: decoded as UTF-8 (invalid
 * sequences become U+FFFD, as in Node.js) and hashed per UTF-16 code unit. */
void line_hashes_compute(line_hashes *out, const char *bytes, size_t len);
/* "hex:n" for 1-based `line`, newly allocated; NULL when the file has no such line. */
char *line_hashes_format(const line_hashes *lh, unsigned line);
void line_hashes_release(line_hashes *lh);

/* Sets every finding's `fingerprint` (tlslint/v1). `fl` must be sorted (finding_list_sort),
 * so that occurrence numbers follow the order of the file. */
void fingerprint_assign(finding_list *fl);

#endif
