/* summary.c: the summary's records, its JSON and CSV forms, and reading it back for merges. */
#include "summary.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/area.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/strbuf.h"

#define SUMMARY_FORMAT 1
#define MAX_SUMMARY_SIZE (1u << 30)

void audit_summary_add_rule(audit_summary *s, const char *id, const char *name,
			    const char *description, level lvl)
{
	GROW(s->rules, s->rules_cap, s->nrules + 1);
	s->rules[s->nrules++] = (audit_rule_info){ .id = xstrdup(id), .name = xstrdup(name),
						   .description = xstrdup(description),
						   .level = lvl };
}

void audit_summary_take(audit_summary *s, audit_record *r)
{
	GROW(s->records, s->cap, s->len + 1);
	s->records[s->len++] = *r;
	memset(r, 0, sizeof(*r));
}

static int summary__cmp_records(const void *a, const void *b)
{
	return strcmp(((const audit_record *)a)->repository,
		      ((const audit_record *)b)->repository);
}

size_t audit_summary_sort(audit_summary *s)
{
	if (s->len)
		qsort(s->records, s->len, sizeof(*s->records), summary__cmp_records);
	for (size_t i = 1; i < s->len; i++)
		if (strcmp(s->records[i - 1].repository, s->records[i].repository) == 0)
			return i;
	return (size_t)-1;
}

void audit_summary_remove(audit_summary *s, size_t i)
{
	audit_record_release(&s->records[i]);
	memmove(&s->records[i], &s->records[i + 1], (s->len - i - 1) * sizeof(*s->records));
	s->len--;
}

char *audit_summary_json(const audit_summary *s)
{
	cJSON *root = cJSON_CreateObject();
	cJSON_AddNumberToObject(root, "format", SUMMARY_FORMAT);
	cJSON *tool = cJSON_AddObjectToObject(root, "tool");
	cJSON_AddStringToObject(tool, "name", "tlslint");
	cJSON_AddStringToObject(tool, "version", s->tool_version);
	cJSON_AddStringToObject(root, "configDigest", s->config_digest);
	size_t failed = 0, partial = 0, empty = 0, findings = 0, with_findings = 0;
	for (size_t i = 0; i < s->len; i++) {
		failed += s->records[i].status == AUDIT_FAILED;
		partial += s->records[i].status == AUDIT_PARTIAL;
		empty += s->records[i].status == AUDIT_EMPTY;
		findings += s->records[i].findings;
		with_findings += s->records[i].findings > 0;
	}
	cJSON *totals = cJSON_AddObjectToObject(root, "totals");
	cJSON_AddNumberToObject(totals, "repositories", (double)s->len);
	cJSON_AddNumberToObject(totals, "failed", (double)failed);
	cJSON_AddNumberToObject(totals, "partial", (double)partial);
	cJSON_AddNumberToObject(totals, "empty", (double)empty);
	cJSON_AddNumberToObject(totals, "withFindings", (double)with_findings);
	cJSON_AddNumberToObject(totals, "findings", (double)findings);
	/* Findings per area of the rules that ran (audit/area.h). */
	size_t per_area[AREA_COUNT] = { 0 };
	bool area_ran[AREA_COUNT] = { false };
	for (size_t i = 0; i < s->nrules; i++)
		area_ran[audit_area_of(s->rules[i].id)] = true;
	for (size_t r = 0; r < s->len; r++)
		for (size_t k = 0; k < s->records[r].ncounts; k++)
			per_area[audit_area_of(s->records[r].counts[k].rule)] += s->records[r].counts[k].count;
	cJSON *areas = cJSON_AddObjectToObject(totals, "areas");
	for (int a = 0; a < AREA_COUNT; a++)
		if (area_ran[a] || per_area[a])
			cJSON_AddNumberToObject(areas, audit_area_key((audit_area)a), (double)per_area[a]);
	cJSON *rules = cJSON_AddArrayToObject(root, "rules");
	for (size_t i = 0; i < s->nrules; i++) {
		cJSON *r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "id", s->rules[i].id);
		cJSON_AddStringToObject(r, "name", s->rules[i].name);
		cJSON_AddStringToObject(r, "level", level_name(s->rules[i].level));
		cJSON_AddStringToObject(r, "description", s->rules[i].description);
		cJSON_AddItemToArray(rules, r);
	}
	cJSON *repos = cJSON_AddArrayToObject(root, "repositories");
	for (size_t i = 0; i < s->len; i++)
		cJSON_AddItemToArray(repos, audit_record_to_json(&s->records[i]));
	char *text = cJSON_Print(root);
	cJSON_Delete(root);
	if (!text)
		abort(); /* cJSON fails only when out of memory */
	char *out = xasprintf("%s\n", text);
	cJSON_free(text);
	return out;
}

/* RFC 4180 quoting, only where needed. */
static void summary__csv_field(strbuf *sb, const char *v)
{
	if (!strpbrk(v, ",\"\r\n")) {
		strbuf_adds(sb, v);
		return;
	}
	strbuf_addc(sb, '"');
	for (const char *p = v; *p; p++) {
		if (*p == '"')
			strbuf_addc(sb, '"');
		strbuf_addc(sb, *p);
	}
	strbuf_addc(sb, '"');
}

char *audit_summary_csv(const audit_summary *s)
{
	strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, "repository,rule,level,count\n");
	for (size_t i = 0; i < s->len; i++) {
		const audit_record *r = &s->records[i];
		for (size_t k = 0; k < r->ncounts; k++) {
			summary__csv_field(&sb, r->repository);
			strbuf_addc(&sb, ',');
			summary__csv_field(&sb, r->counts[k].rule);
			strbuf_addf(&sb, ",%s,%zu\n", level_name(r->counts[k].level),
				    r->counts[k].count);
		}
	}
	return strbuf_detach(&sb);
}

static int summary__write(const char *dir, const char *name, const char *data, char *err,
			  size_t errlen)
{
	char *path = xasprintf("%s/%s", dir, name);
	int rc = file_write_atomic(path, data, strlen(data));
	if (rc < 0)
		snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
	free(path);
	return rc;
}

int audit_summary_write(const audit_summary *s, const char *dir, char *err, size_t errlen)
{
	char *json = audit_summary_json(s), *csv = audit_summary_csv(s),
	     *html = audit_summary_html(s);
	int rc = 0;
	if (summary__write(dir, "summary.json", json, err, errlen) < 0 ||
	    summary__write(dir, "summary.csv", csv, err, errlen) < 0 ||
	    summary__write(dir, "report.html", html, err, errlen) < 0)
		rc = -1;
	free(json);
	free(csv);
	free(html);
	return rc;
}

static const char *summary__string(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

int audit_summary_load(audit_summary *out, const char *dir, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	char *path = xasprintf("%s/summary.json", dir);
	char *text = NULL;
	size_t len = 0;
	cJSON *root = NULL;
	int rc = -1;
	if (file_read_all(path, MAX_SUMMARY_SIZE, &text, &len) < 0) {
		snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
		goto cleanup;
	}
	root = cJSON_ParseWithLength(text, len);
	const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
	const char *version =
		summary__string(cJSON_GetObjectItemCaseSensitive(root, "tool"), "version");
	const char *digest = summary__string(root, "configDigest");
	const cJSON *rules = cJSON_GetObjectItemCaseSensitive(root, "rules");
	const cJSON *repos = cJSON_GetObjectItemCaseSensitive(root, "repositories");
	if (!cJSON_IsNumber(format) || format->valueint != SUMMARY_FORMAT || !version ||
	    !digest || !cJSON_IsArray(rules) || !cJSON_IsArray(repos)) {
		snprintf(err, errlen, "'%s' is not an audit summary of this version of tlslint",
			 path);
		goto cleanup;
	}
	out->tool_version = xstrdup(version);
	out->config_digest = xstrdup(digest);
	const cJSON *item;
	cJSON_ArrayForEach(item, rules) {
		const char *id = summary__string(item, "id"), *name = summary__string(item, "name"),
			   *desc = summary__string(item, "description"),
			   *lvl = summary__string(item, "level");
		level l = LEVEL_NONE;
		if (!id || !name || !desc || !lvl || !level_parse(lvl, &l)) {
			snprintf(err, errlen, "'%s': a rule is malformed", path);
			goto cleanup;
		}
		audit_summary_add_rule(out, id, name, desc, l);
	}
	cJSON_ArrayForEach(item, repos) {
		audit_record r;
		if (audit_record_from_json(&r, item) < 0) {
			snprintf(err, errlen, "'%s': a repository record is malformed", path);
			goto cleanup;
		}
		audit_summary_take(out, &r);
	}
	rc = 0;
cleanup:
	if (rc < 0)
		audit_summary_release(out);
	cJSON_Delete(root);
	free(text);
	free(path);
	return rc;
}

void audit_summary_release(audit_summary *s)
{
	free(s->tool_version);
	free(s->config_digest);
	for (size_t i = 0; i < s->nrules; i++) {
		free(s->rules[i].id);
		free(s->rules[i].name);
		free(s->rules[i].description);
	}
	free(s->rules);
	for (size_t i = 0; i < s->len; i++)
		audit_record_release(&s->records[i]);
	free(s->records);
	memset(s, 0, sizeof(*s));
}
