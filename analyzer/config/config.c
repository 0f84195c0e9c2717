/* config.c: a strict parser for the TOML subset of `.tlslint.toml`, and its schema. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/strbuf.h"

#define CONFIG_MAX_SIZE (1u << 20)

typedef enum tval_kind { TV_STRING, TV_INTEGER, TV_BOOL, TV_ARRAY } tval_kind;

/* A parsed value. Arrays hold strings only (the schema needs nothing else). */
typedef struct tval {
	tval_kind kind;
	char *s;
	long long i;
	bool b;
	config_list arr;
} tval;

struct parser {
	const char *p, *end, *path;
	unsigned line;
	char *err;
	size_t errlen;
	config *cfg;
	char table[32];      /* current table: "", "scan", "rules", "levels" */
	char **seen_tables;  /* for duplicate [table] headers */
	size_t nseen_tables;
	char **seen_keys;    /* "table.key" for duplicate keys */
	size_t nseen_keys;
};

static int config__fail(struct parser *ps, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int config__fail(struct parser *ps, unsigned line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag_at(ps->err, ps->errlen, ps->path, line, fmt, ap);
	va_end(ap);
	return -1;
}

static void config__list_push(config_list *l, char *s, unsigned line)
{
	size_t n = l->len;
	*PUSH(l->lines, n) = line;
	*PUSH(l->items, l->len) = s;
}

static void config__list_release(config_list *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->items[i]);
	free(l->items);
	free(l->lines);
	memset(l, 0, sizeof(*l));
}

static void config__list_take(config_list *dst, config_list *src)
{
	for (size_t i = 0; i < src->len; i++)
		config__list_push(dst, src->items[i], src->lines[i]);
	free(src->items);
	free(src->lines);
	memset(src, 0, sizeof(*src));
}

static void tval_release(tval *v)
{
	free(v->s);
	config__list_release(&v->arr);
}

/* --- lexing ------------------------------------------------------------------------------- */

static void config__skip_blank(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t'))
		ps->p++;
}

/* Blanks, a comment, then the end of the line (or file). */
static int config__end_of_line(struct parser *ps)
{
	config__skip_blank(ps);
	if (ps->p < ps->end && *ps->p == '#')
		while (ps->p < ps->end && *ps->p != '\n')
			ps->p++;
	if (ps->p < ps->end && *ps->p == '\r')
		ps->p++;
	if (ps->p >= ps->end)
		return 0;
	if (*ps->p != '\n')
		return config__fail(ps, ps->line, "unexpected '%c' after the value", *ps->p);
	ps->p++;
	ps->line++;
	return 0;
}

/* Blanks, comments and newlines (inside arrays). */
static void config__skip_space(struct parser *ps)
{
	for (;;) {
		config__skip_blank(ps);
		if (ps->p < ps->end && *ps->p == '#')
			while (ps->p < ps->end && *ps->p != '\n')
				ps->p++;
		if (ps->p < ps->end && (*ps->p == '\n' || *ps->p == '\r')) {
			if (*ps->p == '\n')
				ps->line++;
			ps->p++;
			continue;
		}
		return;
	}
}

static bool config__bare_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-';
}

static void config__put_utf8(strbuf *sb, unsigned long cp)
{
	if (cp < 0x80) {
		strbuf_addc(sb, (char)cp);
	} else if (cp < 0x800) {
		strbuf_addc(sb, (char)(0xC0 | (cp >> 6)));
		strbuf_addc(sb, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		strbuf_addc(sb, (char)(0xE0 | (cp >> 12)));
		strbuf_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
		strbuf_addc(sb, (char)(0x80 | (cp & 0x3F)));
	} else {
		strbuf_addc(sb, (char)(0xF0 | (cp >> 18)));
		strbuf_addc(sb, (char)(0x80 | ((cp >> 12) & 0x3F)));
		strbuf_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
		strbuf_addc(sb, (char)(0x80 | (cp & 0x3F)));
	}
}

/* A "basic" or 'literal' one-line string. */
static int config__string(struct parser *ps, char **out)
{
	char quote = *ps->p++;
	strbuf sb = STRBUF_INIT;
	for (;;) {
		if (ps->p >= ps->end || *ps->p == '\n' || *ps->p == '\r') {
			strbuf_release(&sb);
			return config__fail(ps, ps->line, "unterminated string");
		}
		char c = *ps->p++;
		if (c == quote)
			break;
		if (c == '\\' && quote == '"') {
			char e = ps->p < ps->end ? *ps->p++ : '\0';
			switch (e) {
			case '"':
			case '\\':
				strbuf_addc(&sb, e);
				break;
			case 'n':
				strbuf_addc(&sb, '\n');
				break;
			case 't':
				strbuf_addc(&sb, '\t');
				break;
			case 'r':
				strbuf_addc(&sb, '\r');
				break;
			case 'b':
				strbuf_addc(&sb, '\b');
				break;
			case 'f':
				strbuf_addc(&sb, '\f');
				break;
			case 'u':
			case 'U': {
				int digits = e == 'u' ? 4 : 8;
				char hex[9] = { 0 };
				if (ps->end - ps->p < digits) {
					strbuf_release(&sb);
					return config__fail(ps, ps->line, "bad \\%c escape", e);
				}
				memcpy(hex, ps->p, (size_t)digits);
				char *hend = NULL;
				unsigned long cp = strtoul(hex, &hend, 16);
				if (*hend || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
					strbuf_release(&sb);
					return config__fail(ps, ps->line, "bad \\%c escape", e);
				}
				ps->p += digits;
				config__put_utf8(&sb, cp);
				break;
			}
			default:
				strbuf_release(&sb);
				return config__fail(ps, ps->line,
					    "unknown escape '\\%c' in a "
					    "string", e);
			}
			continue;
		}
		if ((unsigned char)c < 0x20 && c != '\t') {
			strbuf_release(&sb);
			return config__fail(ps, ps->line, "control character in a string");
		}
		strbuf_addc(&sb, c);
	}
	*out = strbuf_detach(&sb);
	return 0;
}

static int config__key(struct parser *ps, char **out)
{
	if (ps->p < ps->end && (*ps->p == '"' || *ps->p == '\''))
		return config__string(ps, out);
	const char *start = ps->p;
	while (ps->p < ps->end && config__bare_char(*ps->p))
		ps->p++;
	if (ps->p == start)
		return config__fail(ps, ps->line, "expected a key");
	*out = xstrndup(start, (size_t)(ps->p - start));
	return 0;
}

static int config__value(struct parser *ps, tval *v)
{
	memset(v, 0, sizeof(*v));
	if (ps->p >= ps->end || *ps->p == '\n' || *ps->p == '#')
		return config__fail(ps, ps->line, "expected a value");
	char c = *ps->p;
	if (c == '"' || c == '\'') {
		if (ps->end - ps->p >= 3 && ps->p[1] == c && ps->p[2] == c)
			return config__fail(ps, ps->line, "multi-line strings are not supported");
		v->kind = TV_STRING;
		return config__string(ps, &v->s);
	}
	if (c == '[') {
		v->kind = TV_ARRAY;
		ps->p++;
		for (;;) {
			config__skip_space(ps);
			if (ps->p < ps->end && *ps->p == ']') {
				ps->p++;
				return 0;
			}
			unsigned line = ps->line;
			if (ps->p >= ps->end || (*ps->p != '"' && *ps->p != '\''))
				return config__fail(ps, line, "arrays hold strings only here");
			char *s = NULL;
			if (config__string(ps, &s) < 0)
				return -1;
			config__list_push(&v->arr, s, line);
			config__skip_space(ps);
			if (ps->p < ps->end && *ps->p == ',') {
				ps->p++;
				continue;
			}
			if (ps->p < ps->end && *ps->p == ']')
				continue;
			return config__fail(ps, ps->line, "expected ',' or ']' in the array");
		}
	}
	const char *start = ps->p;
	while (ps->p < ps->end && (config__bare_char(*ps->p) || (*ps->p && strchr("+.:", *ps->p))))
		ps->p++;
	size_t n = (size_t)(ps->p - start);
	if ((n == 4 && strncmp(start, "true", 4) == 0) || (n == 5 && strncmp(start, "false", 5) == 0)) {
		v->kind = TV_BOOL;
		v->b = n == 4;
		return 0;
	}
	char buf[32];
	if (n == 0 || n >= sizeof(buf))
		return config__fail(ps, ps->line, "expected a string, number, boolean or array");
	memcpy(buf, start, n);
	buf[n] = '\0';
	char *end = NULL;
	errno = 0;
	long long i = strtoll(buf, &end, 10);
	if (errno || *end || strchr(buf, '_'))
		return config__fail(ps, ps->line, "'%s' is not a value (strings need quotes)", buf);
	v->kind = TV_INTEGER;
	v->i = i;
	return 0;
}

/* --- schema ------------------------------------------------------------------------------- */

static const char *config__kind_name(tval_kind k)
{
	static const char *const names[] = { "a string", "an integer", "a boolean", "an array" };
	return names[k];
}

static int config__want(struct parser *ps, unsigned line, const char *key, const tval *v,
			tval_kind k)
{
	if (v->kind == k)
		return 0;
	return config__fail(ps, line, "'%s' must be %s%s, not %s", key, config__kind_name(k),
			    k == TV_ARRAY ? " of strings" : "", config__kind_name(v->kind));
}

static int config__assign(struct parser *ps, const char *key, tval *v, unsigned line)
{
	config *c = ps->cfg;
	const char *t = ps->table;
	if (strcmp(t, "scan") == 0) {
		if (strcmp(key, "exclude") == 0) {
			if (config__want(ps, line, key, v, TV_ARRAY) < 0)
				return -1;
			config__list_take(&c->exclude, &v->arr);
		} else if (strcmp(key, "no-ignore") == 0) {
			if (config__want(ps, line, key, v, TV_BOOL) < 0)
				return -1;
			c->has_no_ignore = true;
			c->no_ignore = v->b;
		} else if (strcmp(key, "max-file-size") == 0) {
			char num[32];
			const char *s = v->s;
			if (v->kind == TV_INTEGER) {
				snprintf(num, sizeof(num), "%lld", v->i);
				s = num;
			} else if (v->kind != TV_STRING) {
				return config__fail(ps, line,
					    "'max-file-size' must be a size such as "
					    "\"4M\"");
			}
			if (!config_parse_size(s, &c->max_file_size))
				return config__fail(ps, line,
					    "'max-file-size' must be a size such as \"4M\", not "
					    "'%s'", s);
			c->has_max_file_size = true;
		} else if (strcmp(key, "fail-on") == 0) {
			if (config__want(ps, line, key, v, TV_STRING) < 0)
				return -1;
			c->has_fail_on = true;
			if (strcmp(v->s, "none") == 0)
				c->fail_none = true;
			else if (!level_parse(v->s, &c->fail_on) || c->fail_on == LEVEL_NONE)
				return config__fail(ps, line,
					    "'fail-on' must be \"error\", \"warning\", \"note\" or "
					    "\"none\", not \"%s\"", v->s);
		} else if (strcmp(key, "vendored") == 0) {
			if (config__want(ps, line, key, v, TV_STRING) < 0)
				return -1;
			if (strcmp(v->s, "skip") != 0 && strcmp(v->s, "label") != 0)
				return config__fail(ps, line,
					    "'vendored' must be \"label\" (scan vendored and generated "
					    "files, label their findings) or \"skip\", not \"%s\"", v->s);
			c->skip_vendored = strcmp(v->s, "skip") == 0;
		} else {
			return config__fail(ps, line,
				    "unknown key '%s' in [scan] (known: exclude, no-ignore, "
				    "max-file-size, fail-on, vendored)", key);
		}
	} else if (strcmp(t, "rules") == 0) {
		config_list *l = strcmp(key, "disable") == 0  ? &c->disable
				 : strcmp(key, "enable") == 0 ? &c->enable
							      : NULL;
		if (!l)
			return config__fail(ps, line,
				    "unknown key '%s' in [rules] (known: disable, "
				    "enable)", key);
		if (config__want(ps, line, key, v, TV_ARRAY) < 0)
			return -1;
		config__list_take(l, &v->arr);
	} else if (strcmp(t, "levels") == 0) {
		if (config__want(ps, line, key, v, TV_STRING) < 0)
			return -1;
		level lvl;
		if (!level_parse(v->s, &lvl) || lvl == LEVEL_NONE)
			return config__fail(ps, line,
				    "the level of %s must be \"error\", \"warning\" or \"note\", "
				    "not \"%s\"", key, v->s);
		*PUSH(c->levels, c->nlevels) = (config_level){ xstrdup(key), lvl, line };
	} else {
		return config__fail(ps, line,
			    "key '%s' outside a table; keys go under [scan], [rules] or "
			    "[levels]", key);
	}
	return 0;
}

static bool config__seen(char ***seen, size_t *n, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*seen)[i], name) == 0)
			return true;
	*PUSH(*seen, *n) = xstrdup(name);
	return false;
}

static int config__table(struct parser *ps)
{
	unsigned line = ps->line;
	ps->p++; /* [ */
	if (ps->p < ps->end && *ps->p == '[')
		return config__fail(ps, line, "arrays of tables ([[...]]) are not supported");
	config__skip_blank(ps);
	char *name = NULL;
	if (config__key(ps, &name) < 0)
		return -1;
	config__skip_blank(ps);
	if (ps->p >= ps->end || *ps->p != ']') {
		free(name);
		return config__fail(ps, line,
			    "expected ']' after the table name (dotted names are not "
			    "supported)");
	}
	ps->p++;
	int rc = 0;
	if (strcmp(name, "scan") && strcmp(name, "rules") && strcmp(name, "levels"))
		rc = config__fail(ps, line, "unknown table [%s] (known: [scan], [rules], [levels])", name);
	else if (config__seen(&ps->seen_tables, &ps->nseen_tables, name))
		rc = config__fail(ps, line, "table [%s] appears twice", name);
	else
		snprintf(ps->table, sizeof(ps->table), "%s", name);
	free(name);
	return rc < 0 ? rc : config__end_of_line(ps);
}

static int config__pair(struct parser *ps)
{
	unsigned line = ps->line;
	char *key = NULL;
	tval v;
	memset(&v, 0, sizeof(v));
	int rc = -1;
	if (config__key(ps, &key) < 0)
		goto cleanup;
	config__skip_blank(ps);
	if (ps->p < ps->end && *ps->p == '.') {
		config__fail(ps, line, "dotted keys are not supported");
		goto cleanup;
	}
	if (ps->p >= ps->end || *ps->p != '=') {
		config__fail(ps, line, "expected '=' after '%s'", key);
		goto cleanup;
	}
	ps->p++;
	config__skip_blank(ps);
	if (config__value(ps, &v) < 0)
		goto cleanup;
	char *full = xasprintf("%s.%s", ps->table, key);
	bool dup = config__seen(&ps->seen_keys, &ps->nseen_keys, full);
	free(full);
	if (dup) {
		config__fail(ps, line, "'%s' is set twice", key);
		goto cleanup;
	}
	if (config__assign(ps, key, &v, line) < 0)
		goto cleanup;
	rc = config__end_of_line(ps);
cleanup:
	free(key);
	tval_release(&v);
	return rc;
}

int config_parse(config *out, const char *path, const char *text, size_t len, char *err,
		 size_t errlen)
{
	memset(out, 0, sizeof(*out));
	out->path = xstrdup(path);
	struct parser ps = { .p = text, .end = text + len, .path = path, .line = 1, .err = err,
			     .errlen = errlen, .cfg = out };
	int rc = 0;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		ps.p += 3;
	while (rc == 0 && ps.p < ps.end) {
		config__skip_blank(&ps);
		if (ps.p >= ps.end)
			break;
		char c = *ps.p;
		if (c == '#' || c == '\n' || c == '\r')
			rc = config__end_of_line(&ps);
		else if (c == '[')
			rc = config__table(&ps);
		else
			rc = config__pair(&ps);
	}
	for (size_t i = 0; i < ps.nseen_tables; i++)
		free(ps.seen_tables[i]);
	free(ps.seen_tables);
	for (size_t i = 0; i < ps.nseen_keys; i++)
		free(ps.seen_keys[i]);
	free(ps.seen_keys);
	if (rc < 0)
		config_release(out);
	return rc;
}

int config_load(config *out, const char *path, char *err, size_t errlen)
{
	char *text = NULL;
	size_t len = 0;
	memset(out, 0, sizeof(*out));
	if (file_read_all(path, CONFIG_MAX_SIZE, &text, &len) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (memchr(text, '\0', len)) {
		snprintf(err, errlen, "%s: not a text file", path);
		free(text);
		return -1;
	}
	int rc = config_parse(out, path, text, len, err, errlen);
	free(text);
	return rc;
}

static int config__check_list(const config *c, const config_list *l, const char *what,
			      const catalogue *cat, char *err, size_t errlen)
{
	for (size_t i = 0; i < l->len; i++) {
		if (!catalogue_find(cat, l->items[i])) {
			diag_at(err, errlen, c->path, l->lines[i],
				"%s names no rule '%s'; 'tlslint rules' lists them", what, l->items[i]);
			return -1;
		}
	}
	return 0;
}

int config_check_rules(const config *c, const catalogue *cat, char *err, size_t errlen)
{
	if (config__check_list(c, &c->disable, "[rules] disable", cat, err, errlen) < 0 ||
	    config__check_list(c, &c->enable, "[rules] enable", cat, err, errlen) < 0)
		return -1;
	for (size_t i = 0; i < c->nlevels; i++) {
		if (!catalogue_find(cat, c->levels[i].rule_id)) {
			diag_at(err, errlen, c->path, c->levels[i].line,
				"[levels] names no rule '%s'; 'tlslint rules' lists them",
				c->levels[i].rule_id);
			return -1;
		}
	}
	return 0;
}

void config_release(config *c)
{
	free(c->path);
	config__list_release(&c->exclude);
	config__list_release(&c->disable);
	config__list_release(&c->enable);
	for (size_t i = 0; i < c->nlevels; i++)
		free(c->levels[i].rule_id);
	free(c->levels);
	memset(c, 0, sizeof(*c));
}

bool config_parse_size(const char *s, size_t *out)
{
	char *end = NULL;
	errno = 0;
	if (!s || *s < '0' || *s > '9')
		return false;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s)
		return false;
	unsigned shift = 0;
	if (*end == 'K' || *end == 'k')
		shift = 10, end++;
	else if (*end == 'M' || *end == 'm')
		shift = 20, end++;
	else if (*end == 'G' || *end == 'g')
		shift = 30, end++;
	if (*end || v == 0 || v > (~0ull >> shift))
		return false;
	*out = (size_t)(v << shift);
	return true;
}
