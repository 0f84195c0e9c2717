/* record.c: per-repository audit records and their JSON form. */
#include "record.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

static const char *const record__status_names[] = { "scanned", "empty", "partial", "failed" };

const char *audit_status_name(audit_status s)
{
	return record__status_names[s];
}

bool audit_status_parse(const char *name, audit_status *out)
{
	for (size_t i = 0; i < sizeof(record__status_names) / sizeof(record__status_names[0]); i++) {
		if (strcmp(name, record__status_names[i]) == 0) {
			*out = (audit_status)i;
			return true;
		}
	}
	return false;
}

void audit_record_set_status(audit_record *r, audit_status s, const char *fmt, ...)
{
	if (s > r->status)
		r->status = s;
	if (r->error)
		return;
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	r->error = xstrdup(msg);
}

bool audit_record_incomplete(const audit_record *r)
{
	return r->status == AUDIT_PARTIAL || r->status == AUDIT_FAILED;
}

static bool record__ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len > n && memcmp(s + len - n, suffix, n) == 0;
}

/* `s` (of `len` bytes) without trailing slashes, then one trailing "/.git", ".git" or "/repo". */
static char *record__strip(const char *s, size_t len)
{
	while (len > 1 && s[len - 1] == '/')
		len--;
	if (record__ends_with(s, len, "/.git") || record__ends_with(s, len, "/repo"))
		len -= 5;
	else if (record__ends_with(s, len, ".git"))
		len -= 4;
	return xstrndup(s, len);
}

char *audit_repo_name(const char *path, const char *uri)
{
	/* scheme://host/path, where host is not empty (file:///x names no host) */
	const char *sep = uri ? strstr(uri, "://") : NULL;
	if (sep && strncmp(uri, "file:", 5) != 0 && sep[3] && sep[3] != '/') {
		const char *p = strchr(sep + 3, '/');
		while (p && *p == '/')
			p++;
		if (p && *p) {
			size_t len = strcspn(p, "?#");
			char *name = record__strip(p, len);
			if (name[0])
				return name;
			free(name);
		}
	}
	return record__strip(path, strlen(path));
}

void audit_record_count(audit_record *r, const char *rule_id, level lvl)
{
	for (size_t i = 0; i < r->ncounts; i++) {
		if (r->counts[i].level == lvl && strcmp(r->counts[i].rule, rule_id) == 0) {
			r->counts[i].count++;
			return;
		}
	}
	GROW(r->counts, r->counts_cap, r->ncounts + 1);
	r->counts[r->ncounts++] = (audit_count){ .rule = xstrdup(rule_id), .level = lvl,
						 .count = 1 };
}

static int record__cmp_counts(const void *pa, const void *pb)
{
	const audit_count *a = pa, *b = pb;
	int c = strcmp(a->rule, b->rule);
	if (c)
		return c;
	return a->level == b->level ? 0 : a->level > b->level ? -1 : 1;
}

void audit_record_sort(audit_record *r)
{
	if (r->ncounts)
		qsort(r->counts, r->ncounts, sizeof(*r->counts), record__cmp_counts);
}

size_t audit_record_at_least(const audit_record *r, level lvl)
{
	size_t n = 0;
	for (size_t i = 0; i < r->ncounts; i++)
		if (r->counts[i].level >= lvl)
			n += r->counts[i].count;
	return n;
}

static void record__add_string(cJSON *o, const char *key, const char *value)
{
	if (value)
		cJSON_AddStringToObject(o, key, value);
	else
		cJSON_AddNullToObject(o, key);
}

cJSON *audit_record_to_json(const audit_record *r)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "repository", r->repository);
	record__add_string(o, "name", r->name);
	cJSON_AddStringToObject(o, "slug", r->slug);
	record__add_string(o, "kind", r->kind);
	record__add_string(o, "uri", r->uri);
	record__add_string(o, "commit", r->commit);
	record__add_string(o, "branch", r->branch);
	cJSON_AddStringToObject(o, "status", audit_status_name(r->status));
	record__add_string(o, "error", r->error);
	cJSON_AddNumberToObject(o, "files", (double)r->files);
	cJSON_AddNumberToObject(o, "notifications", (double)r->notifications);
	cJSON_AddNumberToObject(o, "findings", (double)r->findings);
	cJSON_AddNumberToObject(o, "suppressed", (double)r->suppressed);
	cJSON *counts = cJSON_AddArrayToObject(o, "counts");
	for (size_t i = 0; i < r->ncounts; i++) {
		cJSON *c = cJSON_CreateObject();
		cJSON_AddStringToObject(c, "rule", r->counts[i].rule);
		cJSON_AddStringToObject(c, "level", level_name(r->counts[i].level));
		cJSON_AddNumberToObject(c, "count", (double)r->counts[i].count);
		cJSON_AddItemToArray(counts, c);
	}
	return o;
}

/* A string member, NULL for JSON null; false when it is missing or of another type. */
static bool record__get_string(const cJSON *o, const char *key, char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	if (cJSON_IsNull(v)) {
		*out = NULL;
		return true;
	}
	if (!cJSON_IsString(v))
		return false;
	*out = xstrdup(v->valuestring);
	return true;
}

static bool record__get_size(const cJSON *o, const char *key, size_t *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	if (!cJSON_IsNumber(v) || v->valuedouble < 0)
		return false;
	*out = (size_t)v->valuedouble;
	return true;
}

int audit_record_from_json(audit_record *out, const cJSON *j)
{
	memset(out, 0, sizeof(*out));
	const cJSON *counts = cJSON_GetObjectItemCaseSensitive(j, "counts");
	const cJSON *status = cJSON_GetObjectItemCaseSensitive(j, "status");
	bool ok = cJSON_IsObject(j) && record__get_string(j, "repository", &out->repository) &&
		  out->repository && record__get_string(j, "name", &out->name) &&
		  out->name && cJSON_IsString(status) &&
		  audit_status_parse(status->valuestring, &out->status) &&
		  record__get_string(j, "slug", &out->slug) && out->slug &&
		  record__get_string(j, "kind", &out->kind) &&
		  record__get_string(j, "uri", &out->uri) &&
		  record__get_string(j, "commit", &out->commit) &&
		  record__get_string(j, "branch", &out->branch) &&
		  record__get_string(j, "error", &out->error) &&
		  record__get_size(j, "files", &out->files) &&
		  record__get_size(j, "notifications", &out->notifications) &&
		  record__get_size(j, "findings", &out->findings) &&
		  record__get_size(j, "suppressed", &out->suppressed) && cJSON_IsArray(counts);
	const cJSON *c;
	const cJSON *list = ok ? counts : NULL;
	cJSON_ArrayForEach(c, list) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(c, "rule");
		const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(c, "level");
		size_t n = 0;
		level l = LEVEL_NONE;
		if (!cJSON_IsString(id) || !cJSON_IsString(lvl) ||
		    !level_parse(lvl->valuestring, &l) || !record__get_size(c, "count", &n)) {
			ok = false;
			break;
		}
		GROW(out->counts, out->counts_cap, out->ncounts + 1);
		out->counts[out->ncounts++] = (audit_count){ .rule = xstrdup(id->valuestring),
							     .level = l, .count = n };
	}
	if (!ok) {
		audit_record_release(out);
		return -1;
	}
	return 0;
}

static char *record__dup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void audit_record_copy(audit_record *dst, const audit_record *src)
{
	*dst = *src;
	dst->repository = record__dup(src->repository);
	dst->name = record__dup(src->name);
	dst->slug = record__dup(src->slug);
	dst->kind = record__dup(src->kind);
	dst->uri = record__dup(src->uri);
	dst->commit = record__dup(src->commit);
	dst->branch = record__dup(src->branch);
	dst->error = record__dup(src->error);
	dst->counts = src->ncounts ? xcalloc(src->ncounts, sizeof(*dst->counts)) : NULL;
	dst->counts_cap = src->ncounts;
	for (size_t i = 0; i < src->ncounts; i++) {
		dst->counts[i] = src->counts[i];
		dst->counts[i].rule = xstrdup(src->counts[i].rule);
	}
}

void audit_record_release(audit_record *r)
{
	free(r->repository);
	free(r->name);
	free(r->slug);
	free(r->kind);
	free(r->uri);
	free(r->commit);
	free(r->branch);
	free(r->error);
	for (size_t i = 0; i < r->ncounts; i++)
		free(r->counts[i].rule);
	free(r->counts);
	memset(r, 0, sizeof(*r));
}
