/* baseline.h: comparing a scan with an earlier SARIF log (`scan --baseline previous.sarif`).
 *
 * A finding is unchanged when the baseline holds a result with the same tlslint/v1
 * fingerprint (logs of other tools: the same ruleId, uri and primaryLocationLineHash), else
 * new. Baseline results that match no finding are absent: the SARIF report carries them over
 * with baselineState "absent". Each baseline result matches at most one finding. */
#ifndef TLSLINT_BASELINE_H
#define TLSLINT_BASELINE_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "rules/finding.h"

typedef struct baseline_entry {
	const cJSON *result; /* inside `log` */
	const char *fingerprint, *rule_id, *uri, *line_hash; /* may be NULL */
	bool matched;
} baseline_entry;

typedef struct baseline {
	cJSON *log;
	baseline_entry *entries; /* in the log's order */
	size_t len;
	baseline_entry **by_fingerprint; /* entries with a tlslint/v1 fingerprint, sorted by it */
	size_t nby_fingerprint;
} baseline;

/* Reads a SARIF log. On error returns -1 with a sentence in `err`. */
int baseline_load(baseline *out, const char *path, char *err, size_t errlen);
/* The same for `len` bytes of SARIF read from `path` (named in messages). */
int baseline_parse(baseline *out, const char *path, const char *text, size_t len, char *err,
		   size_t errlen);
/* Sets every finding's `baseline` state and marks the entries it matches. Fingerprints must
 * have been assigned (fingerprint_assign). */
void baseline_apply(baseline *b, finding_list *fl);
void baseline_release(baseline *b);

#endif
