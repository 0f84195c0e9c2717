/* expectations.h: the expected findings written inline in fixture files.
 *
 * In a comment, `ruleid: <ID> col <N>` expects a finding of rule ID at column N; `ok: <ID>`
 * expects none; `suppressed: <ID> col <N>` expects a finding silenced by tlslint-ignore. A
 * comment alone on its line applies to the next line that is not itself an annotation; after
 * code on the same line, it applies to that line. Several annotations may share a comment. */
#ifndef TLSLINT_EXPECTATIONS_H
#define TLSLINT_EXPECTATIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "source/source_file.h"

typedef enum expect_kind { EXPECT_FINDING, EXPECT_NONE, EXPECT_SUPPRESSED } expect_kind;

typedef struct expectation {
	expect_kind kind;
	char *rule_id;
	unsigned line;         /* the line the expectation is about */
	unsigned col;          /* 0 for EXPECT_NONE */
	unsigned written_at;   /* the line of the annotation itself */
	bool matched;
} expectation;

typedef struct expectation_list {
	expectation *items;
	size_t len, cap;
} expectation_list;

/* Reads the annotations of one file. Malformed ones (no column) are reported in `err` (one
 * line each, "line N: ...") and skipped. */
void expectations_read(expectation_list *out, const source_file *src, char **err);
void expectation_list_release(expectation_list *l);

#endif
