/* catalogue.c: loading rule files from the binary and from directories. */
#include "catalogue.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rules/embedded_rules.h"
#include "util/alloc.h"
#include "util/fileio.h"

static int catalogue__add(catalogue *c, const char *text, const char *path, bool builtin,
			  char *err, size_t errlen)
{
	rule *r = xcalloc(1, sizeof(*r));
	if (rule_parse(r, text, path, err, errlen) < 0) {
		free(r);
		return -1;
	}
	r->builtin = builtin;
	if (r->pattern_file) {
		*PUSH(c->pending, c->npending) = r;
		return 0;
	}
	GROW(c->rules, c->cap, c->len + 1);
	c->rules[c->len++] = r;
	return 0;
}

int catalogue_load_builtin(catalogue *c, char *err, size_t errlen)
{
	for (size_t i = 0; i < embedded_rules_count; i++) {
		char *text = xstrndup((const char *)embedded_rules[i].data, embedded_rules[i].size);
		int rc = catalogue__add(c, text, embedded_rules[i].path, true, err, errlen);
		free(text);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static bool catalogue__is_rule_file(const char *name)
{
	size_t n = strlen(name);
	return (n > 4 && strcmp(name + n - 4, ".scm") == 0) ||
	       (n > 5 && strcmp(name + n - 5, ".rule") == 0);
}

int catalogue_load_dir(catalogue *c, const char *dir, char *err, size_t errlen)
{
	char **names = NULL;
	size_t n = 0;
	if (dir_list_sorted(dir, &names, &n) < 0) { /* sorted: load order is deterministic */
		snprintf(err, errlen, "%s: cannot open rule directory: %s", dir, strerror(errno));
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			rc = catalogue_load_dir(c, path, err, errlen);
		} else if (catalogue__is_rule_file(names[i])) {
			char *text = NULL;
			size_t len = 0;
			if (file_read_all(path, 1 << 20, &text, &len) < 0) {
				snprintf(err, errlen, "%s: cannot read rule file: %s", path,
					 strerror(errno));
				rc = -1;
			} else {
				rc = catalogue__add(c, text, path, false, err, errlen);
				free(text);
			}
		}
		free(path);
	}
	dir_names_free(names, n);
	return rc;
}

static int catalogue__cmp_rules(const void *a, const void *b)
{
	return strcmp((*(rule *const *)a)->id, (*(rule *const *)b)->id);
}

static bool catalogue__covers(const rule *r, const char *language)
{
	if (strcmp(r->language, language) == 0)
		return true;
	for (size_t i = 0; i < r->nvariants; i++)
		if (strcmp(r->variants[i]->language, language) == 0)
			return true;
	return false;
}

/* Pattern files become variants of their rules, in load order. */
static int catalogue__attach_pending(catalogue *c, char *err, size_t errlen)
{
	int rc = 0;
	for (size_t i = 0; i < c->npending; i++) {
		rule *pf = c->pending[i];
		rule *primary = (rule *)catalogue_find(c, pf->id);
		if (rc == 0 && !primary) {
			snprintf(err, errlen, "%s: a pattern file for %s, which no rule file defines",
				 pf->source_path, pf->id);
			rc = -1;
		} else if (rc == 0 && catalogue__covers(primary, pf->language)) {
			snprintf(err, errlen, "%s: %s already has a pattern for language '%s'",
				 pf->source_path, pf->id, pf->language);
			rc = -1;
		} else if (rc == 0) {
			*PUSH(primary->variants, primary->nvariants) = rule_variant_new(primary, pf);
		}
		rule_release(pf);
		free(pf);
	}
	free(c->pending);
	c->pending = NULL;
	c->npending = 0;
	return rc;
}

int catalogue_finish(catalogue *c, char *err, size_t errlen)
{
	if (c->len)
		qsort(c->rules, c->len, sizeof(*c->rules), catalogue__cmp_rules);
	for (size_t i = 1; i < c->len; i++) {
		if (strcmp(c->rules[i - 1]->id, c->rules[i]->id) == 0) {
			snprintf(err, errlen, "%s: rule id %s is already defined by %s",
				 c->rules[i]->source_path, c->rules[i]->id,
				 c->rules[i - 1]->source_path);
			return -1;
		}
	}
	return catalogue__attach_pending(c, err, errlen);
}

const rule *catalogue_find(const catalogue *c, const char *id)
{
	size_t lo = 0, hi = c->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(c->rules[mid]->id, id);
		if (cmp == 0)
			return c->rules[mid];
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

size_t catalogue_index(const catalogue *c, const rule *r)
{
	for (size_t i = 0; i < c->len; i++)
		if (c->rules[i] == r)
			return i;
	return (size_t)-1;
}

void catalogue_release(catalogue *c)
{
	for (size_t i = 0; i < c->len; i++) {
		rule_release(c->rules[i]);
		free(c->rules[i]);
	}
	free(c->rules);
	for (size_t i = 0; i < c->npending; i++) {
		rule_release(c->pending[i]);
		free(c->pending[i]);
	}
	free(c->pending);
	memset(c, 0, sizeof(*c));
}
