/* baseline.c: loading a previous SARIF log and matching this scan's findings against it. */
#include "baseline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/fingerprint.h"
#include "report/report.h"
#include "util/alloc.h"
#include "util/fileio.h"

#define BASELINE_MAX_SIZE (1024u << 20)

static const char *baseline__string(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void baseline__add(baseline *b, const cJSON *result, size_t *cap)
{
	const char *state = baseline__string(result, "baselineState");
	if (state && strcmp(state, "absent") == 0)
		return; /* already gone in the baseline's own scan */
	GROW(b->entries, *cap, b->len + 1);
	baseline_entry *e = &b->entries[b->len++];
	memset(e, 0, sizeof(*e));
	e->result = result;
	e->rule_id = baseline__string(result, "ruleId");
	const cJSON *pf = cJSON_GetObjectItemCaseSensitive(result, "partialFingerprints");
	e->fingerprint = baseline__string(pf, FINGERPRINT_STABLE_KEY);
	e->line_hash = baseline__string(pf, "primaryLocationLineHash");
	const cJSON *loc = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(result, "locations"), 0);
	const cJSON *phys = cJSON_GetObjectItemCaseSensitive(loc, "physicalLocation");
	e->uri = baseline__string(cJSON_GetObjectItemCaseSensitive(phys, "artifactLocation"), "uri");
}

static int baseline__cmp_fingerprint(const void *a, const void *b)
{
	const baseline_entry *x = *(baseline_entry *const *)a, *y = *(baseline_entry *const *)b;
	int c = strcmp(x->fingerprint, y->fingerprint);
	return c ? c : x < y ? -1 : x > y; /* equal fingerprints keep the log's order */
}

/* The first unmatched entry with fingerprint `fp`, by binary search. */
static baseline_entry *baseline__by_fingerprint(baseline *b, const char *fp)
{
	size_t lo = 0, hi = b->nby_fingerprint;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(b->by_fingerprint[mid]->fingerprint, fp) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < b->nby_fingerprint && strcmp(b->by_fingerprint[lo]->fingerprint, fp) == 0; lo++)
		if (!b->by_fingerprint[lo]->matched)
			return b->by_fingerprint[lo];
	return NULL;
}

int baseline_load(baseline *out, const char *path, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	char *text = NULL;
	size_t len = 0;
	if (file_read_all(path, BASELINE_MAX_SIZE, &text, &len) < 0) {
		snprintf(err, errlen, "cannot read baseline %s: %s", path, strerror(errno));
		return -1;
	}
	int rc = baseline_parse(out, path, text, len, err, errlen);
	free(text);
	return rc;
}

int baseline_parse(baseline *out, const char *path, const char *text, size_t len, char *err,
		   size_t errlen)
{
	memset(out, 0, sizeof(*out));
	out->log = cJSON_ParseWithLength(text, len);
	const cJSON *runs = cJSON_GetObjectItemCaseSensitive(out->log, "runs");
	if (!out->log || !cJSON_IsArray(runs)) {
		snprintf(err, errlen, "baseline %s is not a SARIF log (no 'runs' array)", path);
		baseline_release(out);
		return -1;
	}
	size_t cap = 0;
	const cJSON *run;
	cJSON_ArrayForEach(run, runs) {
		const cJSON *results = cJSON_GetObjectItemCaseSensitive(run, "results");
		const cJSON *r;
		cJSON_ArrayForEach(r, results)
			if (cJSON_IsObject(r))
				baseline__add(out, r, &cap);
	}
	out->by_fingerprint = xcalloc(out->len ? out->len : 1, sizeof(baseline_entry *));
	for (size_t i = 0; i < out->len; i++)
		if (out->entries[i].fingerprint)
			out->by_fingerprint[out->nby_fingerprint++] = &out->entries[i];
	if (out->nby_fingerprint)
		qsort(out->by_fingerprint, out->nby_fingerprint, sizeof(baseline_entry *),
		      baseline__cmp_fingerprint);
	return 0;
}

static bool baseline__same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

void baseline_apply(baseline *b, finding_list *fl)
{
	for (size_t i = 0; i < fl->len; i++) {
		finding *f = &fl->items[i];
		f->baseline = BASELINE_NEW;
		baseline_entry *match = f->fingerprint ? baseline__by_fingerprint(b, f->fingerprint)
						       : NULL;
		if (!match && f->line_hash) {
			char *uri = report_uri_encode(f->uri);
			for (size_t k = 0; k < b->len && !match; k++) {
				baseline_entry *e = &b->entries[k];
				if (!e->matched && !e->fingerprint &&
				    baseline__same(e->rule_id, f->rule->id) &&
				    baseline__same(e->uri, uri) &&
				    baseline__same(e->line_hash, f->line_hash))
					match = e;
			}
			free(uri);
		}
		if (match) {
			match->matched = true;
			f->baseline = BASELINE_UNCHANGED;
		}
	}
}

void baseline_release(baseline *b)
{
	cJSON_Delete(b->log);
	free(b->entries);
	free(b->by_fingerprint);
	memset(b, 0, sizeof(*b));
}
