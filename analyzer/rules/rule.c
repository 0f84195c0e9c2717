/* rule.c: parsing and checking one rule file's header; the kinds table. */
#include "rule.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/strbuf.h"

static const struct {
	const char *name;
	level level;
	const char *severity;
	const char *cwe[2];
} kinds[] = {
	[KIND_EXPLICIT_LEGACY] = { "explicit-legacy", LEVEL_ERROR, "7.5",
				   { "external/cwe/cwe-327", "external/cwe/cwe-326" } },
	[KIND_LEGACY_FLOOR_OR_CAP] = { "legacy-floor-or-cap", LEVEL_ERROR, "7.5",
				       { "external/cwe/cwe-327", "external/cwe/cwe-326" } },
	[KIND_REENABLE] = { "re-enable", LEVEL_ERROR, "7.5",
			    { "external/cwe/cwe-327", "external/cwe/cwe-326" } },
	[KIND_ALLOWED_BY_DEFAULT] = { "allowed-by-default", LEVEL_WARNING, "5.3",
				      { "external/cwe/cwe-757", NULL } },
	[KIND_PLATFORM_DEFAULT] = { "platform-default", LEVEL_WARNING, "5.3",
				    { "external/cwe/cwe-757", NULL } },
	[KIND_HARDCODED_MODERN] = { "hardcoded-modern", LEVEL_NOTE, "2.0", { NULL, NULL } },
};
#define N_KINDS (sizeof(kinds) / sizeof(kinds[0]))

static const char *const level_names[] = { "none", "note", "warning", "error" };

const char *level_name(level l)
{
	return level_names[l];
}

bool level_parse(const char *s, level *out)
{
	for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++) {
		if (strcmp(s, level_names[i]) == 0) {
			*out = (level)i;
			return true;
		}
	}
	return false;
}

const char *kind_name(finding_kind k)
{
	return kinds[k].name;
}

level kind_default_level(finding_kind k)
{
	return kinds[k].level;
}

const char *kind_default_severity(finding_kind k)
{
	return kinds[k].severity;
}

static const struct {
	const char *name;
	report_condition cond;
} report_conditions[] = {
	{ "always", REPORT_ALWAYS },
	{ "enables-legacy", REPORT_ENABLES_LEGACY },
	{ "pins-modern", REPORT_PINS_MODERN },
	{ "floor-legacy", REPORT_FLOOR_LEGACY },
	{ "cap-legacy", REPORT_CAP_LEGACY },
	{ "true", REPORT_TRUE },
	{ "floor-or-cap", REPORT_FLOOR_OR_CAP },
};

/* Splits `s` on spaces and commas into a newly allocated array. */
static char **rule__split_words(const char *s, size_t *count)
{
	char **words = NULL;
	size_t n = 0, cap = 0;
	while (*s) {
		while (*s == ' ' || *s == ',' || *s == '\t')
			s++;
		const char *start = s;
		while (*s && *s != ' ' && *s != ',' && *s != '\t')
			s++;
		if (s > start) {
			GROW(words, cap, n + 1);
			words[n++] = xstrndup(start, (size_t)(s - start));
		}
	}
	*count = n;
	return words;
}

static void rule__add_tag(rule *r, const char *tag)
{
	for (size_t i = 0; i < r->ntags; i++)
		if (strcmp(r->tags[i], tag) == 0)
			return;
	r->tags = xreallocarray(r->tags, r->ntags + 1, sizeof(char *));
	r->tags[r->ntags++] = xstrdup(tag);
}

struct header_field {
	const char *key;
	strbuf value;
	unsigned line;
	bool multiline; /* keep line breaks (help) */
	bool seen;
};

enum {
	F_ID, F_NAME, F_KIND, F_LANGUAGE, F_LEVEL, F_SEVERITY, F_PRECISION, F_TAGS, F_SHORT,
	F_FULL, F_HELP, F_MESSAGE, F_KEYWORDS, F_FILES, F_VALUE, F_REPORT_IF, F_REPORT,
	F_ENABLED, F_SPELLING, F_NARROW, F_COUNT
};

static const char *const field_keys[F_COUNT] = {
	"id", "name", "kind", "language", "level", "security-severity", "precision", "tags",
	"short", "full", "help", "message", "keywords", "files", "value", "report-if", "report",
	"enabled", "spelling", "narrow",
};

static int rule__fail(char *err, size_t errlen, const char *path, unsigned line, const char *fmt,
		      ...) __attribute__((format(printf, 5, 6)));
static int rule__fail(char *err, size_t errlen, const char *path, unsigned line, const char *fmt,
		      ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(err, errlen, "%s:%u: %s", path, line, msg);
	return -1;
}

/* `keywords: A, B & C, D`: groups separated by `&`, each a list of words of which the file
 * must hold one. The first group is `keywords`, the others `also`. */
static int rule__keywords(rule *out, const char *text, char *err, size_t errlen,
			  const char *path, unsigned line)
{
	for (size_t g = 0;; g++) {
		const char *amp = strchr(text, '&');
		char *part = amp ? xstrndup(text, (size_t)(amp - text)) : xstrdup(text);
		size_t n = 0;
		char **words = rule__split_words(part, &n);
		free(part);
		if (n == 0 && g == 0 && !amp) {
			free(words);
			return 0; /* an empty list: no keyword, every file */
		}
		if (n == 0) {
			free(words);
			return rule__fail(err, errlen, path, line,
					  "keywords: group %zu of '%s' is empty", g + 1, text);
		}
		if (g == 0) {
			out->keywords = words;
			out->nkeywords = n;
		} else {
			out->also = xreallocarray(out->also, out->nalso + 1, sizeof(*out->also));
			out->also[out->nalso++] = (keyword_group){ words, n };
		}
		if (!amp)
			return 0;
		text = amp + 1;
	}
}

static bool rule__is_id(const char *s)
{
	/* LT-<AREA>-<nnn>: upper-case area, three digits. */
	if (strncmp(s, "LT-", 3) != 0)
		return false;
	s += 3;
	const char *area = s;
	while (isupper((unsigned char)*s))
		s++;
	if (s == area || *s != '-')
		return false;
	s++;
	return isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	       isdigit((unsigned char)s[2]) && s[3] == '\0';
}

/* Reads the header lines into `fields`; returns the offset where the pattern starts. */
static int rule__read_header(struct header_field *fields, const char *text, const char *path,
			     size_t *pattern_off, unsigned *pattern_line, char *err, size_t errlen)
{
	const char *p = text;
	unsigned line = 1;
	struct header_field *last = NULL;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len && p[len - 1] == '\r')
			len--;
		if (len == 0 || p[0] != ';')
			break; /* the header ends at the first line that is not a comment */
		const char *c = p + 1;
		size_t clen = len - 1;
		const char *colon = memchr(c, ':', clen);
		bool keyline = false;
		if (clen > 1 && c[0] == ' ' && c[1] != ' ' && colon) {
			const char *k = c + 1;
			size_t klen = (size_t)(colon - k);
			bool word = klen > 0;
			for (size_t i = 0; i < klen; i++)
				if (!(islower((unsigned char)k[i]) || k[i] == '-'))
					word = false;
			if (word) {
				keyline = true;
				size_t f;
				for (f = 0; f < F_COUNT; f++)
					if (strlen(field_keys[f]) == klen &&
					    strncmp(field_keys[f], k, klen) == 0)
						break;
				if (f == F_COUNT)
					return rule__fail(err, errlen, path, line,
							  "unknown header key '%.*s'", (int)klen, k);
				if (fields[f].seen)
					return rule__fail(err, errlen, path, line,
							  "header key '%s' given twice", field_keys[f]);
				last = &fields[f];
				last->seen = true;
				last->line = line;
				const char *v = colon + 1;
				while (v < p + len && *v == ' ')
					v++;
				strbuf_add(&last->value, v, (size_t)(p + len - v));
			}
		}
		if (!keyline) {
			/* A continuation: ";" alone is a paragraph break, ";   text" continues. */
			const char *v = c;
			while (v < p + len && *v == ' ')
				v++;
			if (last) {
				if (last->multiline && last->value.len)
					strbuf_addc(&last->value, '\n');
				else if (v < p + len && last->value.len)
					strbuf_addc(&last->value, ' ');
				strbuf_add(&last->value, v, (size_t)(p + len - v));
			}
		}
		p = eol ? eol + 1 : p + len;
		line++;
	}
	*pattern_off = (size_t)(p - text);
	*pattern_line = line;
	return 0;
}

int rule_parse(rule *out, const char *text, const char *path, char *err, size_t errlen)
{
	struct header_field fields[F_COUNT];
	memset(fields, 0, sizeof(fields));
	for (size_t f = 0; f < F_COUNT; f++)
		fields[f].key = field_keys[f];
	fields[F_HELP].multiline = true;
	memset(out, 0, sizeof(*out));
	int rc = -1;
	size_t pattern_off = 0;
	unsigned pattern_line = 1;

	if (rule__read_header(fields, text, path, &pattern_off, &pattern_line, err, errlen) < 0)
		goto cleanup;

	static const int required[] = { F_ID, F_NAME, F_KIND, F_LANGUAGE, F_SHORT, F_FULL, F_HELP,
					F_MESSAGE };
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
		if (!fields[required[i]].seen || fields[required[i]].value.len == 0) {
			rule__fail(err, errlen, path, 1, "missing header key '%s'",
				   field_keys[required[i]]);
			goto cleanup;
		}
	}
	out->source_path = xstrdup(path);
	out->id = xstrdup(strbuf_str(&fields[F_ID].value));
	if (!rule__is_id(out->id)) {
		rule__fail(err, errlen, path, fields[F_ID].line,
			   "id '%s' is not of the form LT-<AREA>-<nnn>", out->id);
		goto cleanup;
	}
	out->name = xstrdup(strbuf_str(&fields[F_NAME].value));
	out->language = xstrdup(strbuf_str(&fields[F_LANGUAGE].value));
	out->short_description = xstrdup(strbuf_str(&fields[F_SHORT].value));
	out->full_description = xstrdup(strbuf_str(&fields[F_FULL].value));
	out->help = xstrdup(strbuf_str(&fields[F_HELP].value));
	out->message = xstrdup(strbuf_str(&fields[F_MESSAGE].value));

	const char *kind = strbuf_str(&fields[F_KIND].value);
	for (size_t k = 1; k < N_KINDS; k++)
		if (strcmp(kinds[k].name, kind) == 0)
			out->kind = (finding_kind)k;
	if (!out->kind) {
		rule__fail(err, errlen, path, fields[F_KIND].line,
			   "kind '%s' is not one of explicit-legacy, legacy-floor-or-cap, re-enable, "
			   "allowed-by-default, platform-default, hardcoded-modern", kind);
		goto cleanup;
	}
	out->level = kinds[out->kind].level;
	if (fields[F_LEVEL].seen && !level_parse(strbuf_str(&fields[F_LEVEL].value), &out->level)) {
		rule__fail(err, errlen, path, fields[F_LEVEL].line,
			   "level '%s' is not one of none, note, warning, error",
			   strbuf_str(&fields[F_LEVEL].value));
		goto cleanup;
	}
	out->security_severity = xstrdup(fields[F_SEVERITY].seen ? strbuf_str(&fields[F_SEVERITY].value)
								 : kinds[out->kind].severity);
	{
		char *end = NULL;
		double sev = strtod(out->security_severity, &end);
		if (end == out->security_severity || *end || sev <= 0.0 || sev > 10.0) {
			rule__fail(err, errlen, path, fields[F_SEVERITY].line,
				   "security-severity '%s' is not a number in (0, 10]",
				   out->security_severity);
			goto cleanup;
		}
	}
	out->precision = xstrdup(fields[F_PRECISION].seen ? strbuf_str(&fields[F_PRECISION].value)
							   : "high");
	if (strcmp(out->precision, "very-high") && strcmp(out->precision, "high") &&
	    strcmp(out->precision, "medium") && strcmp(out->precision, "low")) {
		rule__fail(err, errlen, path, fields[F_PRECISION].line,
			   "precision '%s' is not one of very-high, high, medium, low", out->precision);
		goto cleanup;
	}

	rule__add_tag(out, "security");
	for (size_t i = 0; i < 2; i++)
		if (kinds[out->kind].cwe[i])
			rule__add_tag(out, kinds[out->kind].cwe[i]);
	if (fields[F_TAGS].seen) {
		size_t n = 0;
		char **tags = rule__split_words(strbuf_str(&fields[F_TAGS].value), &n);
		for (size_t i = 0; i < n; i++) {
			rule__add_tag(out, tags[i]);
			free(tags[i]);
		}
		free(tags);
	}
	if (out->ntags > 10) {
		rule__fail(err, errlen, path, fields[F_TAGS].line,
			   "%zu tags; code scanning keeps only 10", out->ntags);
		goto cleanup;
	}

	if (fields[F_KEYWORDS].seen &&
	    rule__keywords(out, strbuf_str(&fields[F_KEYWORDS].value), err, errlen, path,
			   fields[F_KEYWORDS].line) < 0)
		goto cleanup;
	if (fields[F_FILES].seen)
		out->files = xstrdup(strbuf_str(&fields[F_FILES].value));

	if (fields[F_VALUE].seen) {
		size_t n = 0;
		char **w = rule__split_words(strbuf_str(&fields[F_VALUE].value), &n);
		bool ok = n == 2 && w[0][0] == '@' && w[0][1];
		if (ok) {
			out->value_capture = xstrdup(w[0] + 1);
			out->value_type = xstrdup(w[1]);
		}
		for (size_t i = 0; i < n; i++)
			free(w[i]);
		free(w);
		if (!ok) {
			rule__fail(err, errlen, path, fields[F_VALUE].line,
				   "value must be '@capture TypeName'");
			goto cleanup;
		}
	}
	if (fields[F_REPORT_IF].seen) {
		const char *cond = strbuf_str(&fields[F_REPORT_IF].value);
		size_t i;
		for (i = 0; i < sizeof(report_conditions) / sizeof(report_conditions[0]); i++)
			if (strcmp(report_conditions[i].name, cond) == 0)
				break;
		if (i == sizeof(report_conditions) / sizeof(report_conditions[0])) {
			rule__fail(err, errlen, path, fields[F_REPORT_IF].line,
				   "report-if '%s' is not one of always, enables-legacy, pins-modern, "
				   "floor-legacy, cap-legacy, true, floor-or-cap", cond);
			goto cleanup;
		}
		out->report_if = report_conditions[i].cond;
		if (out->report_if != REPORT_ALWAYS && !out->value_capture) {
			rule__fail(err, errlen, path, fields[F_REPORT_IF].line,
				   "report-if '%s' needs a 'value' key", cond);
			goto cleanup;
		}
	}
	if (fields[F_SPELLING].seen) {
		const char *sp = strbuf_str(&fields[F_SPELLING].value);
		if (strcmp(sp, "names") == 0)
			out->spelling = SPELLING_NAMES;
		else if (strcmp(sp, "numbers") == 0)
			out->spelling = SPELLING_NUMBERS;
		else if (strcmp(sp, "any") != 0) {
			rule__fail(err, errlen, path, fields[F_SPELLING].line,
				   "spelling '%s' is not one of any, names, numbers", sp);
			goto cleanup;
		}
		if (!out->value_capture) {
			rule__fail(err, errlen, path, fields[F_SPELLING].line,
				   "spelling needs a 'value' key");
			goto cleanup;
		}
	}
	if (fields[F_REPORT].seen) {
		const char *cap = strbuf_str(&fields[F_REPORT].value);
		if (cap[0] != '@' || !cap[1]) {
			rule__fail(err, errlen, path, fields[F_REPORT].line,
				   "report must name a capture, as '@finding'");
			goto cleanup;
		}
		out->report_capture = xstrdup(cap + 1);
	}
	out->enabled_by_default = true;
	if (fields[F_ENABLED].seen) {
		const char *e = strbuf_str(&fields[F_ENABLED].value);
		if (strcmp(e, "false") == 0)
			out->enabled_by_default = false;
		else if (strcmp(e, "true") != 0) {
			rule__fail(err, errlen, path, fields[F_ENABLED].line,
				   "enabled must be true or false");
			goto cleanup;
		}
	}
	if (fields[F_NARROW].seen) {
		const char *n = strbuf_str(&fields[F_NARROW].value);
		if (strcmp(n, "statement") == 0)
			out->narrow = true;
		else if (strcmp(n, "file") != 0) {
			rule__fail(err, errlen, path, fields[F_NARROW].line,
				   "narrow must be statement or file");
			goto cleanup;
		}
		if (out->narrow && !out->nkeywords) {
			rule__fail(err, errlen, path, fields[F_NARROW].line,
				   "narrow: statement needs keywords to narrow around");
			goto cleanup;
		}
	}
	out->pattern = xstrdup(text + pattern_off);
	out->pattern_line = pattern_line;
	rc = 0;

cleanup:
	for (size_t f = 0; f < F_COUNT; f++)
		strbuf_release(&fields[f].value);
	if (rc < 0)
		rule_release(out);
	return rc;
}

void rule_release(rule *r)
{
	free(r->id);
	free(r->name);
	free(r->language);
	free(r->security_severity);
	free(r->precision);
	for (size_t i = 0; i < r->ntags; i++)
		free(r->tags[i]);
	free(r->tags);
	free(r->short_description);
	free(r->full_description);
	free(r->help);
	free(r->message);
	for (size_t i = 0; i < r->nkeywords; i++)
		free(r->keywords[i]);
	free(r->keywords);
	for (size_t g = 0; g < r->nalso; g++) {
		for (size_t i = 0; i < r->also[g].len; i++)
			free(r->also[g].words[i]);
		free(r->also[g].words);
	}
	free(r->also);
	free(r->files);
	free(r->value_capture);
	free(r->value_type);
	free(r->report_capture);
	free(r->pattern);
	free(r->source_path);
	memset(r, 0, sizeof(*r));
}

bool rule_applies_to(const rule *r, const char *uri)
{
	if (!r->files)
		return true;
	const char *base = strrchr(uri, '/');
	return fnmatch(r->files, base ? base + 1 : uri, FNM_CASEFOLD) == 0;
}
