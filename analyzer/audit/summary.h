/* summary.h: an audit's summary (summary.json, summary.csv, report.html) and merging them.
 *
 * The summary is a pure function of its records (sorted by repository), the rules and the tool
 * version: no dates, durations, host names or shard numbers. So the summary of N shards merged
 * is byte for byte the summary of one run over the whole list. */
#ifndef TLSLINT_AUDIT_SUMMARY_H
#define TLSLINT_AUDIT_SUMMARY_H

#include <stddef.h>

#include "audit/record.h"
#include "rules/rule.h"

/* A rule as the summary describes it. */
typedef struct audit_rule_info {
	char *id;
	char *name;
	char *description;
	level level;
} audit_rule_info;

typedef struct audit_summary {
	char *tool_version;
	char *config_digest; /* rules and scan options the records were made with */
	audit_rule_info *rules; /* the rules that ran, by id */
	size_t nrules, rules_cap;
	audit_record *records;
	size_t len, cap;
} audit_summary;

void audit_summary_add_rule(audit_summary *s, const char *id, const char *name,
			    const char *description, level lvl);
/* Moves `r` into the summary (leaving `r` empty). */
void audit_summary_take(audit_summary *s, audit_record *r);
/* Sorts records by repository. Returns the index of the first repeated repository, or
 * (size_t)-1 when every repository is there once. */
size_t audit_summary_sort(audit_summary *s);
/* Drops record `i` (after sorting, a repeated one). */
void audit_summary_remove(audit_summary *s, size_t i);

/* Newly allocated renderings. */
char *audit_summary_json(const audit_summary *s);
char *audit_summary_csv(const audit_summary *s);
char *audit_summary_html(const audit_summary *s);

/* Writes summary.json, summary.csv and report.html into `dir` atomically. Returns 0, or -1
 * with the reason in `err`. */
int audit_summary_write(const audit_summary *s, const char *dir, char *err, size_t errlen);
/* Reads `dir`/summary.json. Returns 0, or -1 with the reason in `err`. */
int audit_summary_load(audit_summary *out, const char *dir, char *err, size_t errlen);
void audit_summary_release(audit_summary *s);

#endif
