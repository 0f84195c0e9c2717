/* c_rules.c: the line syntax of C rule bodies (see rules/README.md). */
#include "c_rules.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/diag.h"

/* Reads the words of one body line; "quoted strings" are one word (with the quotes kept, and
 * \" and \\ as escapes). Returns the number of words, or -1 for an unterminated string. */
static int c_rules__words(const char *line, size_t len, char ***out)
{
	char **words = NULL;
	size_t n = 0, cap = 0;
	size_t i = 0;
	while (i < len) {
		while (i < len && isspace((unsigned char)line[i]))
			i++;
		if (i >= len || line[i] == '#')
			break;
		char *w;
		if (line[i] == '"') {
			size_t cap2 = len - i + 1, k = 0;
			w = xmalloc(cap2 + 1);
			w[k++] = '"';
			i++;
			bool closed = false;
			while (i < len) {
				if (line[i] == '\\' && i + 1 < len) {
					w[k++] = line[i + 1];
					i += 2;
					continue;
				}
				if (line[i] == '"') {
					closed = true;
					i++;
					break;
				}
				w[k++] = line[i++];
			}
			w[k] = '\0';
			if (!closed) {
				free(w);
				for (size_t j = 0; j < n; j++)
					free(words[j]);
				free(words);
				return -1;
			}
		} else {
			size_t s = i;
			while (i < len && !isspace((unsigned char)line[i]))
				i++;
			w = xstrndup(line + s, i - s);
		}
		GROW(words, cap, n + 1);
		words[n++] = w;
	}
	*out = words;
	return (int)n;
}

static bool c_rules__versions(const char *s, version_set *out)
{
	*out = 0;
	while (*s) {
		const char *e = strchr(s, ',');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		version_set v;
		if (!versions_parse_one(s, n, &v))
			return false;
		*out |= v;
		s += n;
		if (*s == ',')
			s++;
	}
	return *out != 0;
}

static bool c_rules__number(const char *s, unsigned long long *out)
{
	char *end = NULL;
	errno = 0;
	*out = strtoull(s, &end, 0);
	return !errno && end != s && *end == '\0';
}

static bool c_rules__ident(const char *s)
{
	if (!(isalpha((unsigned char)*s) || *s == '_'))
		return false;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_' || *s == ':'))
			return false;
	return true;
}

/* Parses NAME, NAME=NUM, =NUM or "TEXT" into `v` (versions left as they are). */
static bool c_rules__value(const char *w, c_value *v)
{
	if (w[0] == '"') {
		v->text = xstrdup(w + 1);
		return true;
	}
	const char *eq = strchr(w, '=');
	if (eq) {
		if (!c_rules__number(eq + 1, &v->num))
			return false;
		v->has_num = true;
	}
	size_t n = eq ? (size_t)(eq - w) : strlen(w);
	if (n) {
		v->name = xstrndup(w, n);
		if (!c_rules__ident(v->name))
			return false;
	}
	return v->name || v->has_num;
}

static void c_rules__value_release(c_value *v)
{
	free(v->name);
	free(v->text);
}

static void c_rules__pattern_release(c_pattern *p)
{
	for (size_t i = 0; i < p->ncallees; i++)
		free(p->callees[i]);
	free(p->callees);
	free(p->field);
	free(p->qualifier);
	for (size_t i = 0; i < p->nvalues; i++)
		c_rules__value_release(&p->values[i]);
	free(p->values);
	for (size_t i = 0; i < p->nconds; i++) {
		for (size_t j = 0; j < p->conds[i].nvalues; j++)
			c_rules__value_release(&p->conds[i].values[j]);
		free(p->conds[i].values);
	}
	free(p->conds);
	for (size_t i = 0; i < p->ncontext; i++)
		c_rules__value_release(&p->context[i]);
	free(p->context);
}

static const char *const mode_names[] = {
	[C_MODE_CALL] = "call", [C_MODE_EQUALS] = "equals", [C_MODE_FLAGS] = "flags",
	[C_MODE_CONTAINS] = "contains", [C_MODE_NONZERO] = "nonzero", [C_MODE_ZERO] = "zero",
};

/* Checks a finished pattern for contradictions. */
static int c_rules__check(const c_rule *cr, const c_pattern *p, char *err, size_t errlen)
{
	const rule *r = cr->rule;
	if (p->mode == C_MODE_CALL) {
		if (p->arg)
			return diag_at(err, errlen, r->source_path, p->line,
					     "'arg %u' needs a 'mode' other than call", p->arg);
		if (!p->versions || p->field)
			return diag_at(err, errlen, r->source_path, p->line,
					     "a pattern without 'arg' needs 'versions' and a 'match'");
		return 0;
	}
	if (!p->arg && !p->field)
		return diag_at(err, errlen, r->source_path, p->line, "mode %s needs 'arg N'",
				     mode_names[p->mode]);
	if ((p->mode == C_MODE_EQUALS || p->mode == C_MODE_FLAGS || p->mode == C_MODE_CONTAINS) &&
	    !p->nvalues)
		return diag_at(err, errlen, r->source_path, p->line, "mode %s needs 'value' or 'string' lines",
				     mode_names[p->mode]);
	if ((p->mode == C_MODE_NONZERO || p->mode == C_MODE_ZERO) && !p->versions && !p->ncontext)
		return diag_at(err, errlen, r->source_path, p->line,
				     "mode %s needs 'versions' or 'context' lines", mode_names[p->mode]);
	for (size_t i = 0; i < p->nvalues; i++) {
		bool str = p->values[i].text != NULL;
		if ((p->mode == C_MODE_CONTAINS && !str) || (p->mode == C_MODE_FLAGS && str))
			return diag_at(err, errlen, r->source_path, p->line,
					     "mode %s takes %s values", mode_names[p->mode],
					     p->mode == C_MODE_CONTAINS ? "only 'string'" : "no 'string'");
	}
	return 0;
}

int c_rule_parse(c_rule *out, const rule *r, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	out->rule = r;
	const char *p = r->pattern;
	unsigned line = r->pattern_line;
	c_pattern *cur = NULL;
	size_t cap = 0;
	int rc = 0;
	for (; p && *p && rc == 0; line++) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		char **w = NULL;
		int n = c_rules__words(p, len, &w);
		p = eol ? eol + 1 : p + len;
		if (n < 0) {
			rc = diag_at(err, errlen, r->source_path, line, "unterminated string");
			break;
		}
		if (n == 0) {
			free(w);
			continue;
		}
		const char *key = w[0];
		if (strcmp(key, "match") == 0 || strcmp(key, "assign") == 0) {
			if (cur && (rc = c_rules__check(out, cur, err, errlen)) < 0)
				goto next;
			if (n < 2) {
				rc = diag_at(err, errlen, r->source_path, line, "'%s' needs a name", key);
				goto next;
			}
			GROW(out->patterns, cap, out->npatterns + 1);
			cur = &out->patterns[out->npatterns++];
			memset(cur, 0, sizeof(*cur));
			cur->line = line;
			if (key[0] == 'a') {
				if (n != 2 || !c_rules__ident(w[1])) {
					rc = diag_at(err, errlen, r->source_path, line,
							   "'assign' takes one member name");
					goto next;
				}
				cur->field = xstrdup(w[1]);
				cur->mode = C_MODE_FLAGS;
			}
			for (int i = 1; i < n && !cur->field; i++) {
				if (!c_rules__ident(w[i])) {
					rc = diag_at(err, errlen, r->source_path, line,
							   "'%s' is not a function name", w[i]);
					goto next;
				}
				*PUSH(cur->callees, cur->ncallees) = xstrdup(w[i]);
			}
			goto next;
		}
		if (!cur) {
			rc = diag_at(err, errlen, r->source_path, line,
					   "'%s' before the first 'match' or 'assign'", key);
			goto next;
		}
		if (strcmp(key, "arg") == 0) {
			unsigned long long a;
			if (n != 2 || !c_rules__number(w[1], &a) || a == 0 || a > 64) {
				rc = diag_at(err, errlen, r->source_path, line,
						   "'arg' takes an argument position from 1");
				goto next;
			}
			cur->arg = (unsigned)a;
		} else if (strcmp(key, "mode") == 0) {
			size_t m;
			for (m = 1; m < sizeof(mode_names) / sizeof(mode_names[0]); m++)
				if (n == 2 && strcmp(w[1], mode_names[m]) == 0)
					break;
			if (m == sizeof(mode_names) / sizeof(mode_names[0])) {
				rc = diag_at(err, errlen, r->source_path, line,
						   "mode is one of equals, flags, contains, nonzero, zero");
				goto next;
			}
			cur->mode = (c_mode)m;
		} else if (strcmp(key, "mask") == 0) {
			if (n != 2 || !c_rules__number(w[1], &cur->mask) || !cur->mask) {
				rc = diag_at(err, errlen, r->source_path, line, "'mask' takes a number");
				goto next;
			}
		} else if (strcmp(key, "versions") == 0) {
			if (n != 2 || !c_rules__versions(w[1], &cur->versions)) {
				rc = diag_at(err, errlen, r->source_path, line,
						   "'versions' takes a list such as ssl3,tls1.0,tls1.1");
				goto next;
			}
		} else if (strcmp(key, "value") == 0 || strcmp(key, "string") == 0 ||
			   strcmp(key, "context") == 0) {
			c_value v = { 0 };
			bool str = key[0] != 'v';
			if (n != 3 || (str && w[1][0] != '"') || !c_rules__value(w[1], &v) ||
			    !c_rules__versions(w[2], &v.versions)) {
				c_rules__value_release(&v);
				rc = diag_at(err, errlen, r->source_path, line,
						   str ? "'%s' takes \"TEXT\" and versions"
						       : "'%s' takes NAME, NAME=NUMBER, =NUMBER or \"TEXT\", and versions",
						   key);
				goto next;
			}
			if (key[0] == 'c') {
				*PUSH(cur->context, cur->ncontext) = v;
			} else {
				*PUSH(cur->values, cur->nvalues) = v;
			}
		} else if (strcmp(key, "anywhere") == 0) {
			size_t ql = n == 2 ? strlen(w[1]) : 0;
			if (n > 2 || (n == 2 && (ql < 3 || strcmp(w[1] + ql - 2, "::") != 0))) {
				rc = diag_at(err, errlen, r->source_path, line,
					     "'anywhere' takes an optional qualifier such as context::");
				goto next;
			}
			cur->anywhere = true;
			if (n == 2)
				cur->qualifier = xstrndup(w[1], ql - 2);
		} else if (strcmp(key, "when") == 0) {
			unsigned long long a;
			if (n < 3 || !c_rules__number(w[1], &a) || a == 0 || a > 64) {
				rc = diag_at(err, errlen, r->source_path, line,
						   "'when' takes an argument position and values");
				goto next;
			}
			c_cond *c = PUSH(cur->conds, cur->nconds);
			memset(c, 0, sizeof(*c));
			c->arg = (unsigned)a;
			c->values = xcalloc((size_t)n - 2, sizeof(c_value));
			for (int i = 2; i < n; i++) {
				if (!c_rules__value(w[i], &c->values[c->nvalues++])) {
					rc = diag_at(err, errlen, r->source_path, line,
							   "'%s' is not NAME, NAME=NUMBER, =NUMBER or \"TEXT\"",
							   w[i]);
					goto next;
				}
			}
		} else {
			rc = diag_at(err, errlen, r->source_path, line, "unknown keyword '%s'", key);
		}
next:
		for (int i = 0; i < n; i++)
			free(w[i]);
		free(w);
	}
	if (rc == 0 && cur)
		rc = c_rules__check(out, cur, err, errlen);
	if (rc == 0 && !out->npatterns)
		rc = diag_at(err, errlen, r->source_path, line, "no 'match' or 'assign' pattern");
	if (rc < 0)
		c_rule_release(out);
	return rc;
}

void c_rule_release(c_rule *cr)
{
	for (size_t i = 0; i < cr->npatterns; i++)
		c_rules__pattern_release(&cr->patterns[i]);
	free(cr->patterns);
	memset(cr, 0, sizeof(*cr));
}
