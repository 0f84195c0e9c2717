/* rule.c: parsing and checking one rule file's header; the kinds table. */
#include "rule.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/diag.h"
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
	*PUSH(r->tags, r->ntags) = xstrdup(tag);
}

/* `keywords: A, B & C, D`: groups separated by `&`, each a list of words of which the file
 * must hold one. The first group is `keywords`, the others `also`. */
static bool rule__complain(char *msg, size_t msglen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool rule__keywords(rule *out, const char *text, char *msg, size_t msglen)
{
	for (size_t g = 0;; g++) {
		const char *amp = strchr(text, '&');
		char *part = amp ? xstrndup(text, (size_t)(amp - text)) : xstrdup(text);
		size_t n = 0;
		char **words = rule__split_words(part, &n);
		free(part);
		if (n == 0 && g == 0 && !amp) {
			free(words);
			return true; /* an empty list: no keyword, every file */
		}
		if (n == 0) {
			free(words);
			return rule__complain(msg, msglen, "keywords: group %zu of '%s' is empty",
					      g + 1, text);
		}
		if (g == 0) {
			out->keywords = words;
			out->nkeywords = n;
		} else {
			out->also = xreallocarray(out->also, out->nalso + 1, sizeof(*out->also));
			out->also[out->nalso++] = (keyword_group){ words, n };
		}
		if (!amp)
			return true;
		text = amp + 1;
	}
}

static bool rule__is_id(const char *s)
{
	/* LT-<AREA>-<nnn>: an upper-case area (digits after its first letter: K8S), three
	 * digits. */
	if (strncmp(s, "LT-", 3) != 0 || !isupper((unsigned char)s[3]))
		return false;
	s += 3;
	const char *area = s;
	while (isupper((unsigned char)*s) || isdigit((unsigned char)*s))
		s++;
	if (s == area || *s != '-')
		return false;
	s++;
	return isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	       isdigit((unsigned char)s[2]) && s[3] == '\0';
}

/* A key's parser: sets the rule's field from `v`, or its default when the key is absent (`v`
 * NULL). Returns false after writing the complaint into `msg`. */
#define KEY_PARSER(name) static bool name(rule *r, const char *v, char *msg, size_t msglen)

static bool rule__complain(char *msg, size_t msglen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static bool rule__complain(char *msg, size_t msglen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, msglen, fmt, ap);
	va_end(ap);
	return false;
}

KEY_PARSER(key_id)
{
	r->id = xstrdup(v);
	return rule__is_id(r->id) ||
	       rule__complain(msg, msglen, "id '%s' is not of the form LT-<AREA>-<nnn>", v);
}

KEY_PARSER(key_kind)
{
	for (size_t k = 1; k < N_KINDS; k++)
		if (strcmp(kinds[k].name, v) == 0)
			r->kind = (finding_kind)k;
	return r->kind ||
	       rule__complain(msg, msglen,
			      "kind '%s' is not one of explicit-legacy, legacy-floor-or-cap, "
			      "re-enable, allowed-by-default, platform-default, hardcoded-modern",
			      v);
}

KEY_PARSER(key_level)
{
	r->level = kinds[r->kind].level;
	return !v || level_parse(v, &r->level) ||
	       rule__complain(msg, msglen, "level '%s' is not one of none, note, warning, error",
			      v);
}

KEY_PARSER(key_severity)
{
	r->security_severity = xstrdup(v ? v : kinds[r->kind].severity);
	char *end = NULL;
	double sev = strtod(r->security_severity, &end);
	return !(end == r->security_severity || *end || sev <= 0.0 || sev > 10.0) ||
	       rule__complain(msg, msglen, "security-severity '%s' is not a number in (0, 10]",
			      r->security_severity);
}

KEY_PARSER(key_precision)
{
	r->precision = xstrdup(v ? v : "high");
	return !strcmp(r->precision, "very-high") || !strcmp(r->precision, "high") ||
	       !strcmp(r->precision, "medium") || !strcmp(r->precision, "low") ||
	       rule__complain(msg, msglen,
			      "precision '%s' is not one of very-high, high, medium, low",
			      r->precision);
}

KEY_PARSER(key_tags)
{
	rule__add_tag(r, "security");
	for (size_t i = 0; i < 2; i++)
		if (kinds[r->kind].cwe[i])
			rule__add_tag(r, kinds[r->kind].cwe[i]);
	if (v) {
		size_t n = 0;
		char **tags = rule__split_words(v, &n);
		for (size_t i = 0; i < n; i++) {
			rule__add_tag(r, tags[i]);
			free(tags[i]);
		}
		free(tags);
	}
	return r->ntags <= 10 ||
	       rule__complain(msg, msglen, "%zu tags; code scanning keeps only 10", r->ntags);
}

KEY_PARSER(key_keywords)
{
	return !v || rule__keywords(r, v, msg, msglen);
}

KEY_PARSER(key_narrow)
{
	if (!v || strcmp(v, "file") == 0)
		return true;
	if (strcmp(v, "statement") != 0)
		return rule__complain(msg, msglen, "narrow must be statement or file");
	r->narrow = true;
	return r->nkeywords ||
	       rule__complain(msg, msglen, "narrow: statement needs keywords to narrow around");
}

KEY_PARSER(key_keywords_in)
{
	if (!v || strcmp(v, "text") == 0)
		return true;
	if (strcmp(v, "code") != 0)
		return rule__complain(msg, msglen, "keywords-in must be code or text");
	r->keywords_in_code = true;
	return r->nkeywords ||
	       rule__complain(msg, msglen, "keywords-in: code needs keywords");
}

KEY_PARSER(key_keywords_alone)
{
	if (!v)
		return true;
	size_t n = 0;
	char **words = rule__split_words(v, &n);
	r->keywords_alone = words;
	r->nkeywords_alone = n;
	for (size_t i = 0; i < n; i++) {
		bool listed = false;
		for (size_t k = 0; k < r->nkeywords && !listed; k++)
			listed = strcmp(r->keywords[k], words[i]) == 0;
		for (size_t g = 0; g < r->nalso && !listed; g++)
			for (size_t k = 0; k < r->also[g].len && !listed; k++)
				listed = strcmp(r->also[g].words[k], words[i]) == 0;
		if (!listed)
			return rule__complain(msg, msglen,
					      "keywords-alone: '%s' is not a word of the "
					      "keywords groups", words[i]);
	}
	return true;
}

KEY_PARSER(key_keywords_here)
{
	if (!v)
		return true;
	r->keywords_here = rule__split_words(v, &r->nkeywords_here);
	return r->nkeywords ||
	       rule__complain(msg, msglen, "keywords-here needs keywords");
}

KEY_PARSER(key_value)
{
	if (!v)
		return true;
	size_t n = 0;
	char **w = rule__split_words(v, &n);
	bool ok = n == 2 && w[0][0] == '@' && w[0][1];
	if (ok) {
		r->value_capture = xstrdup(w[0] + 1);
		r->value_type = xstrdup(w[1]);
	}
	for (size_t i = 0; i < n; i++)
		free(w[i]);
	free(w);
	return ok || rule__complain(msg, msglen, "value must be '@capture TypeName'");
}

KEY_PARSER(key_report_if)
{
	if (!v)
		return true;
	size_t i, n = sizeof(report_conditions) / sizeof(report_conditions[0]);
	for (i = 0; i < n; i++)
		if (strcmp(report_conditions[i].name, v) == 0)
			break;
	if (i == n)
		return rule__complain(msg, msglen,
				      "report-if '%s' is not one of always, enables-legacy, "
				      "pins-modern, floor-legacy, cap-legacy, true, floor-or-cap",
				      v);
	r->report_if = report_conditions[i].cond;
	return r->report_if == REPORT_ALWAYS || r->value_capture ||
	       rule__complain(msg, msglen, "report-if '%s' needs a 'value' key", v);
}

KEY_PARSER(key_spelling)
{
	if (!v)
		return true;
	if (strcmp(v, "names") == 0)
		r->spelling = SPELLING_NAMES;
	else if (strcmp(v, "numbers") == 0)
		r->spelling = SPELLING_NUMBERS;
	else if (strcmp(v, "any") != 0)
		return rule__complain(msg, msglen, "spelling '%s' is not one of any, names, numbers",
				      v);
	return r->value_capture || rule__complain(msg, msglen, "spelling needs a 'value' key");
}

KEY_PARSER(key_report)
{
	if (!v)
		return true;
	if (v[0] != '@' || !v[1])
		return rule__complain(msg, msglen, "report must name a capture, as '@finding'");
	r->report_capture = xstrdup(v + 1);
	return true;
}

KEY_PARSER(key_enabled)
{
	r->enabled_by_default = !v || strcmp(v, "false") != 0;
	return !v || !strcmp(v, "true") || !strcmp(v, "false") ||
	       rule__complain(msg, msglen, "enabled must be true or false");
}

_Static_assert(sizeof(finding_kind) == sizeof(int) && sizeof(level) == sizeof(int) &&
		       sizeof(report_condition) == sizeof(int) && sizeof(value_spelling) == sizeof(int),
	       "RULE_FIELD_ENUM fields are read as int");

#define F(member) offsetof(rule, member)
#define NO_FIELD ((size_t)-1)

/* Parsed in this order (a key's default may depend on an earlier one: `level` on `kind`,
 * `report-if` on `value`); rules/README.md's key table lists them in it. */
const rule_key rule_keys[] = {
	{ "id", RULE_KEY_REQUIRED, RULE_FIELD_TEXT, F(id), NO_FIELD, key_id,
	  "`LT-<AREA>-<nnn>` (`rules[].id`); never reused" },
	{ "name", RULE_KEY_REQUIRED, RULE_FIELD_TEXT, F(name), NO_FIELD, NULL,
	  "PascalCase name (`rules[].name`)" },
	{ "kind", RULE_KEY_REQUIRED, RULE_FIELD_ENUM, F(kind), NO_FIELD, key_kind,
	  "`explicit-legacy`, `legacy-floor-or-cap`, `re-enable`, `allowed-by-default`, "
	  "`platform-default`, `hardcoded-modern` (K1..K6 of the spec); sets the default level, "
	  "`security-severity` and CWE tags" },
	/* The meaning is rendered from the language table (rule_keys_doc.c). */
	{ "language", RULE_KEY_REQUIRED, RULE_FIELD_TEXT, F(language), NO_FIELD, NULL, NULL },
	{ "short", RULE_KEY_REQUIRED, RULE_FIELD_TEXT, F(short_description), NO_FIELD, NULL,
	  "`shortDescription`" },
	{ "full", RULE_KEY_REQUIRED, RULE_FIELD_TEXT, F(full_description), NO_FIELD, NULL,
	  "`fullDescription`" },
	{ "help", RULE_KEY_REQUIRED | RULE_KEY_MULTILINE, RULE_FIELD_TEXT, F(help), NO_FIELD, NULL,
	  "Markdown help: the problem, why it breaks, an example of the fix (`help.markdown`)" },
	{ "message", RULE_KEY_REQUIRED, RULE_FIELD_TEXT, F(message), NO_FIELD, NULL,
	  "result message template: `{versions}` names the legacy versions enabled (\"TLS 1.0 and "
	  "TLS 1.1\"), `{value}` quotes the evaluated code, `{detail}` adds what the evaluator says "
	  "about the value (\" (key: computed)\" for a registry write whose key is not known)" },
	{ "level", 0, RULE_FIELD_ENUM, F(level), NO_FIELD, key_level,
	  "override the kind's level: `error`, `warning`, `note`" },
	{ "security-severity", 0, RULE_FIELD_TEXT, F(security_severity), NO_FIELD, key_severity,
	  "override the kind's severity, a number in (0, 10]" },
	{ "precision", 0, RULE_FIELD_TEXT, F(precision), NO_FIELD, key_precision,
	  "`very-high`, `high` (default), `medium`, `low`" },
	{ "tags", 0, RULE_FIELD_WORDS, F(tags), F(ntags), key_tags,
	  "extra tags (at most 10 in all)" },
	{ "keywords", 0, RULE_FIELD_KEYWORDS, F(keywords), F(nkeywords), key_keywords,
	  "literal prefilter: a file without any of these words is never parsed (ignoring ASCII "
	  "case for PowerShell, whose names ignore case). Omit only when the rule really has no "
	  "keyword (then every file of the language is parsed). Groups separated by `&` must all "
	  "be present: `SetValue & SCHANNEL, SecureProtocols` considers the rule only in files "
	  "holding `SetValue` and one of the others; the groups after the first ignore ASCII case "
	  "(they usually name data such as registry keys, which Windows compares without case). "
	  "`tlslint rules -v` shows the groups." },
	{ "files", 0, RULE_FIELD_TEXT, F(files), NO_FIELD, NULL,
	  "globs on the file's base name, separated by commas: the rule runs on files that match "
	  "one of them (`appsettings*.json`) and none of those written with `!` (`!*.c`)" },
	{ "value", 0, RULE_FIELD_TEXTS, F(value_capture), F(value_type), key_value,
	  "`@capture TypeName`: evaluate that capture as a value of a type of "
	  "`analyzer/values/value_types.c`" },
	{ "report-if", 0, RULE_FIELD_ENUM, F(report_if), NO_FIELD, key_report_if,
	  "`always` (default), `enables-legacy`, `pins-modern`, `floor-legacy`, `cap-legacy`, "
	  "`true`, `floor-or-cap` (a match that captures `@cap` is judged as a maximum version, one "
	  "that captures `@pin` as exactly the versions it names, any other as a minimum)" },
	{ "spelling", 0, RULE_FIELD_ENUM, F(spelling), NO_FIELD, key_spelling,
	  "with `value`: `names` reports only values whose reported versions include one spelled "
	  "by name (`SecurityProtocolType.Tls`, PowerShell `'Tls11'`), `numbers` only values with "
	  "none (`(SecurityProtocolType)192`), `any` (default) both; two rules can so split one "
	  "kind of write without reporting a location twice" },
	{ "report", 0, RULE_FIELD_TEXT, F(report_capture), NO_FIELD, key_report,
	  "`@capture` whose range locates the finding (default: the value capture)" },
	{ "enabled", 0, RULE_FIELD_BOOL, F(enabled_by_default), NO_FIELD, key_enabled,
	  "`false` for rules that run only with `--enable ID`" },
	{ "narrow", 0, RULE_FIELD_BOOL, F(narrow), NO_FIELD, key_narrow,
	  "`statement`: the query runs only over the statements and declarations around the hits "
	  "of the first keyword group (`ts_query_cursor_set_byte_range`), not the whole tree. Only "
	  "for rules whose match always holds one of those words (`SetValue` in "
	  "`x.SetValue(...)`); a rule whose value may come from a variable or constant defined "
	  "elsewhere (`ssl.SSLContext(PROTO)`) keeps the default `file`. `TLSLINT_NO_NARROWING=1` "
	  "turns narrowing off; `tests/cli/speed.sh` checks that every fixture's findings are the "
	  "same both ways." },
	{ "keywords-in", 0, RULE_FIELD_BOOL, F(keywords_in_code), NO_FIELD, key_keywords_in,
	  "`code`: the words of the first keyword group count only outside comments and string "
	  "literals (in languages with a recovery syntax, `engine/recover.h`), so a file that "
	  "names them only in a comment or a string is not parsed for the rule. For rules whose "
	  "match always spells one of them as code (`ServicePointManager.SecurityProtocol = ...`); "
	  "the default `text` counts them anywhere. Words inside an interpolated string "
	  "(`$\"...\"`) count as code: its holes are. `TLSLINT_NO_NARROWING=1` turns it off." },
	{ "keywords-alone", 0, RULE_FIELD_WORDS, F(keywords_alone), F(nkeywords_alone),
	  key_keywords_alone,
	  "words of the keyword groups that count only where they stand alone: neither "
	  "right after nor right before a letter, digit, `_`, `-` or `.`. For short options "
	  "(`-1` counts in `curl -1 URL` and `\"-1\"`, not in `x-1`, `-10` or `2021-1.5`) and "
	  "command names (`curl` in `/usr/bin/curl -1`, not in `libcurl` or `GIT_CURL_VERBOSE`). "
	  "`TLSLINT_NO_NARROWING=1` turns it off." },
	{ "keywords-here", 0, RULE_FIELD_WORDS, F(keywords_here), F(nkeywords_here),
	  key_keywords_here,
	  "words without one of which (anywhere in the file, case as written) the rule can match "
	  "only through names defined in other files (the scan's index of constants, "
	  "`values/evaluator.h`): a file that holds the first group but none of them is not "
	  "analysed in the first round, and after it only if it spells a name the complete index "
	  "holds. For C#'s LT-CS-001: a write of `SecurityProtocolType` values needs that word, "
	  "`ServicePointManager`, or another file's `Class.Constant`. `TLSLINT_NO_NARROWING=1` "
	  "turns it off." },
	{ "no-fix", 0, RULE_FIELD_TEXT, F(no_fix), NO_FIELD, NULL,
	  "why the rule's findings carry no fix (`properties.noFix` in SARIF, `tlslint fix -v`), for "
	  "findings whose front end gives no more precise reason: a rule without fixes must say why, "
	  "and what to do instead (`tests/cli/no_fix.sh` checks that no finding of the fixtures is "
	  "left without a fix or a reason of its own)" },
	{ "matcher", 0, RULE_FIELD_TEXT, F(matcher), NO_FIELD, NULL,
	  "the name of C code of the rule's language that finds the pattern's matches by walking "
	  "the tree, so that the pattern is not compiled (`engine/native_matcher.h`; compiling "
	  "C#'s value positions costs about 40 ms a process). The pattern stays the reference: "
	  "`TLSLINT_NO_NATIVE_MATCHERS=1` compiles it instead, and `tests/cli/speed.sh` checks that "
	  "every fixture's findings are the same both ways." },
};
const size_t rule_nkeys = sizeof(rule_keys) / sizeof(rule_keys[0]);
#define N_KEYS (sizeof(rule_keys) / sizeof(rule_keys[0]))

/* One header key as read: its text, and the line it started on. */
struct header_field {
	strbuf value;
	unsigned line;
	bool seen;
};

/* Reads the header lines into `fields`; returns the offset where the pattern starts. */
static int rule__read_header(struct header_field *fields, const char *text, const char *path,
			     size_t *pattern_off, unsigned *pattern_line, char *err, size_t errlen)
{
	const char *p = text;
	unsigned line = 1;
	struct header_field *last = NULL;
	bool last_multiline = false;
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
				for (f = 0; f < N_KEYS; f++)
					if (strlen(rule_keys[f].name) == klen &&
					    strncmp(rule_keys[f].name, k, klen) == 0)
						break;
				if (f == N_KEYS)
					return diag_at(err, errlen, path, line,
							  "unknown header key '%.*s'", (int)klen, k);
				if (fields[f].seen)
					return diag_at(err, errlen, path, line,
							  "header key '%s' given twice",
							  rule_keys[f].name);
				last = &fields[f];
				last_multiline = rule_keys[f].flags & RULE_KEY_MULTILINE;
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
				if (last_multiline && last->value.len)
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

static size_t rule__key_index(const char *name)
{
	for (size_t f = 0; f < N_KEYS; f++)
		if (strcmp(rule_keys[f].name, name) == 0)
			return f;
	return 0;
}

/* The keys a pattern file holds: what may differ between the languages of one rule. */
static bool rule__pattern_file_key(const char *name)
{
	return !strcmp(name, "id") || !strcmp(name, "language") || !strcmp(name, "keywords");
}

int rule_parse(rule *out, const char *text, const char *path, char *err, size_t errlen)
{
	struct header_field fields[N_KEYS];
	memset(fields, 0, sizeof(fields));
	memset(out, 0, sizeof(*out));
	int rc = -1;
	size_t pattern_off = 0;
	unsigned pattern_line = 1;

	if (rule__read_header(fields, text, path, &pattern_off, &pattern_line, err, errlen) < 0)
		goto cleanup;
	/* A pattern file: a language and no `name`, only the keys that differ between a rule's
	 * languages (a header without either is a rule file that lacks its name). */
	bool pattern_file = !fields[rule__key_index("name")].seen &&
			    fields[rule__key_index("language")].seen;
	for (size_t f = 0; f < N_KEYS && pattern_file; f++) {
		if (fields[f].seen && !rule__pattern_file_key(rule_keys[f].name)) {
			diag_at(err, errlen, path, fields[f].line,
				"a pattern file (a header without 'name') takes only id, language and "
				"keywords, not '%s'", rule_keys[f].name);
			goto cleanup;
		}
	}
	for (size_t f = 0; f < N_KEYS; f++) {
		if (pattern_file && !rule__pattern_file_key(rule_keys[f].name))
			continue;
		if ((rule_keys[f].flags & RULE_KEY_REQUIRED) &&
		    (!fields[f].seen || fields[f].value.len == 0)) {
			diag_at(err, errlen, path, 1, "missing header key '%s'", rule_keys[f].name);
			goto cleanup;
		}
	}
	out->source_path = xstrdup(path);
	out->pattern_file = pattern_file;
	for (size_t f = 0; f < N_KEYS; f++) {
		const rule_key *k = &rule_keys[f];
		const char *v = fields[f].seen ? strbuf_str(&fields[f].value) : NULL;
		if (pattern_file && !rule__pattern_file_key(k->name))
			continue;
		char msg[512];
		if (k->parse) {
			if (!k->parse(out, v, msg, sizeof(msg))) {
				diag_at(err, errlen, path, fields[f].line, "%s", msg);
				goto cleanup;
			}
		} else if (v) { /* plain text */
			*(char **)((char *)out + k->field) = xstrdup(v);
		}
	}
	out->pattern = xstrdup(text + pattern_off);
	out->pattern_line = pattern_line;
	rc = 0;

cleanup:
	for (size_t f = 0; f < N_KEYS; f++)
		strbuf_release(&fields[f].value);
	if (rc < 0)
		rule_release(out);
	return rc;
}

static void rule__free_words(char ***words, size_t *n)
{
	for (size_t i = 0; i < *n; i++)
		free((*words)[i]);
	free(*words);
	*words = NULL;
	*n = 0;
}

static char **rule__copy_words(char *const *words, size_t n)
{
	char **out = n ? xcalloc(n, sizeof(*out)) : NULL;
	for (size_t i = 0; i < n; i++)
		out[i] = xstrdup(words[i]);
	return out;
}

static char *rule__copy_text(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

rule *rule_variant_new(const rule *primary, rule *pf)
{
	rule *v = xcalloc(1, sizeof(*v));
	*v = *primary; /* the enums and flags; every pointer is replaced below */
	for (size_t f = 0; f < N_KEYS; f++) {
		const rule_key *k = &rule_keys[f];
		char *field = (char *)v + k->field;
		switch (k->type) {
		case RULE_FIELD_TEXTS: {
			char **second = (char **)((char *)v + k->field2);
			*second = rule__copy_text(*second);
		}
			/* fall through */
		case RULE_FIELD_TEXT:
			*(char **)field = rule__copy_text(*(char **)field);
			break;
		case RULE_FIELD_WORDS:
		case RULE_FIELD_KEYWORDS:
			*(char ***)field = rule__copy_words(*(char ***)field,
							    *(size_t *)((char *)v + k->field2));
			break;
		case RULE_FIELD_ENUM:
		case RULE_FIELD_BOOL:
			break;
		}
	}
	v->also = v->nalso ? xcalloc(v->nalso, sizeof(*v->also)) : NULL;
	for (size_t g = 0; g < v->nalso; g++)
		v->also[g] = (keyword_group){ rule__copy_words(primary->also[g].words,
							       primary->also[g].len),
					      primary->also[g].len };
	/* The pattern file's own parts. */
	free(v->language);
	v->language = pf->language;
	pf->language = NULL;
	if (pf->nkeywords) {
		for (size_t g = 0; g < v->nalso; g++)
			rule__free_words(&v->also[g].words, &v->also[g].len);
		free(v->also);
		rule__free_words(&v->keywords, &v->nkeywords);
		v->keywords = pf->keywords;
		v->nkeywords = pf->nkeywords;
		v->also = pf->also;
		v->nalso = pf->nalso;
		pf->keywords = NULL;
		pf->nkeywords = 0;
		pf->also = NULL;
		pf->nalso = 0;
	}
	v->pattern = pf->pattern;
	v->pattern_line = pf->pattern_line;
	v->source_path = pf->source_path;
	pf->pattern = pf->source_path = NULL;
	v->variants = NULL;
	v->nvariants = 0;
	v->primary = primary;
	v->pattern_file = false;
	v->builtin = pf->builtin;
	/* `narrow: statement` needs keywords; the pattern file's are its own. */
	v->narrow = primary->narrow && v->nkeywords;
	/* A matcher answers the primary's pattern, not the pattern file's. */
	free(v->matcher);
	v->matcher = NULL;
	return v;
}

void rule_release(rule *r)
{
	for (size_t i = 0; i < r->nvariants; i++) {
		rule_release(r->variants[i]);
		free(r->variants[i]);
	}
	free(r->variants);
	for (size_t f = 0; f < N_KEYS; f++) {
		const rule_key *k = &rule_keys[f];
		char *field = (char *)r + k->field;
		switch (k->type) {
		case RULE_FIELD_TEXTS:
			free(*(char **)((char *)r + k->field2));
			/* fall through */
		case RULE_FIELD_TEXT:
			free(*(char **)field);
			break;
		case RULE_FIELD_KEYWORDS:
			for (size_t g = 0; g < r->nalso; g++)
				rule__free_words(&r->also[g].words, &r->also[g].len);
			free(r->also);
			r->also = NULL;
			r->nalso = 0;
			rule__free_words((char ***)field, (size_t *)((char *)r + k->field2));
			break;
		case RULE_FIELD_WORDS:
			rule__free_words((char ***)field, (size_t *)((char *)r + k->field2));
			break;
		case RULE_FIELD_ENUM:
		case RULE_FIELD_BOOL:
			break;
		}
	}
	free(r->pattern);
	free(r->source_path);
	memset(r, 0, sizeof(*r));
}

/* Length-prefixed, so that no two different rules serialise the same way. */
static void rule__digest_text(strbuf *sb, const char *s)
{
	strbuf_addf(sb, "%zu:%s\n", s ? strlen(s) : (size_t)0, s ? s : "");
}

void rule_digest(const rule *r, strbuf *sb)
{
	for (size_t f = 0; f < N_KEYS; f++) {
		const rule_key *k = &rule_keys[f];
		const char *field = (const char *)r + k->field;
		strbuf_addf(sb, "%s ", k->name);
		switch (k->type) {
		case RULE_FIELD_TEXT:
			rule__digest_text(sb, *(char *const *)field);
			break;
		case RULE_FIELD_TEXTS:
			rule__digest_text(sb, *(char *const *)field);
			rule__digest_text(sb, *(char *const *)((const char *)r + k->field2));
			break;
		case RULE_FIELD_WORDS:
		case RULE_FIELD_KEYWORDS: {
			char *const *words = *(char **const *)field;
			size_t n = *(const size_t *)((const char *)r + k->field2);
			strbuf_addf(sb, "%zu\n", n);
			for (size_t i = 0; i < n; i++)
				rule__digest_text(sb, words[i]);
			/* The further groups (`A & B`) decide which files the rule reads too. */
			for (size_t g = 0; k->type == RULE_FIELD_KEYWORDS && g < r->nalso; g++) {
				strbuf_addf(sb, "& %zu\n", r->also[g].len);
				for (size_t i = 0; i < r->also[g].len; i++)
					rule__digest_text(sb, r->also[g].words[i]);
			}
			break;
		}
		case RULE_FIELD_ENUM:
			strbuf_addf(sb, "%d\n", *(const int *)field);
			break;
		case RULE_FIELD_BOOL:
			strbuf_addf(sb, "%d\n", (int)*(const bool *)field);
			break;
		}
	}
	strbuf_adds(sb, "pattern ");
	rule__digest_text(sb, r->pattern);
	for (size_t i = 0; i < r->nvariants; i++) {
		strbuf_addf(sb, "variant %zu\n", i);
		rule_digest(r->variants[i], sb);
	}
}

bool rule_applies_to(const rule *r, const char *uri)
{
	if (!r->files)
		return true;
	const char *base = strrchr(uri, '/');
	base = base ? base + 1 : uri;
	/* Comma-separated globs: any of the plain ones (when there are some), none of the
	 * `!` ones. */
	bool any_plain = false, plain_matched = false;
	for (const char *p = r->files; *p;) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		const char *end = p;
		while (*end && *end != ',')
			end++;
		size_t n = (size_t)(end - p);
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n) {
			bool negated = *p == '!';
			char glob[256];
			size_t k = n - negated < sizeof(glob) - 1 ? n - negated : sizeof(glob) - 1;
			memcpy(glob, p + negated, k);
			glob[k] = '\0';
			bool match = fnmatch(glob, base, FNM_CASEFOLD) == 0;
			if (negated && match)
				return false;
			if (!negated) {
				any_plain = true;
				plain_matched |= match;
			}
		}
		p = end;
	}
	return !any_plain || plain_matched;
}
