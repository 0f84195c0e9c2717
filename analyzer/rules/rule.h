/* rule.h: a rule of the catalogue, as loaded from its rule file.
 *
 * A rule file is data: a header of `; key: value` comment lines whose keys map onto SARIF rule
 * fields, then the rule's pattern (a tree-sitter query for tree-sitter languages). The format
 * is documented in rules/README.md. Rules are immutable once loaded and shared by all threads. */
#ifndef TLSLINT_RULE_H
#define TLSLINT_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/level.h"
#include "core/versions.h"

/* The finding kinds of the catalogue (K1..K6); each sets a default level and severity. */
typedef enum finding_kind {
	KIND_EXPLICIT_LEGACY = 1,
	KIND_LEGACY_FLOOR_OR_CAP,
	KIND_REENABLE,
	KIND_ALLOWED_BY_DEFAULT,
	KIND_PLATFORM_DEFAULT,
	KIND_HARDCODED_MODERN,
} finding_kind;

/* When a rule's evaluated value makes a finding. */
typedef enum report_condition {
	REPORT_ALWAYS = 0,        /* every match of the pattern is a finding */
	REPORT_ENABLES_LEGACY,    /* the value enables at least one legacy version */
	REPORT_PINS_MODERN,       /* the value pins only TLS 1.2/1.3 (never the OS default) */
	REPORT_FLOOR_LEGACY,      /* a minimum version at or below TLS 1.1 */
	REPORT_CAP_LEGACY,        /* a maximum version at or below TLS 1.1 */
	REPORT_TRUE,              /* the value is the boolean true */
	REPORT_FLOOR_OR_CAP,      /* cap-legacy for matches that capture @cap, enables-legacy for
				     @pin, else floor-legacy */
} report_condition;

/* Which spelling of a value the rule reports (`SecurityProtocolType.Tls` is a name, `192` and
 * `(SecurityProtocolType)192` are numbers), so two rules can split one kind of write. */
typedef enum value_spelling {
	SPELLING_ANY = 0,
	SPELLING_NAMES,   /* at least one reported version is spelled by name */
	SPELLING_NUMBERS, /* no reported version is spelled by name */
} value_spelling;

/* Words of which a file must hold at least one. */
typedef struct keyword_group {
	char **words;
	size_t len;
} keyword_group;

typedef struct rule {
	char *id;              /* LT-CS-001 */
	char *name;            /* LegacySecurityProtocolType */
	char *language;        /* csharp, python, powershell, c, msbuild, ... */
	finding_kind kind;
	level level;
	char *security_severity; /* "7.5" */
	char *precision;       /* very-high, high, medium, low */
	char **tags;           /* security, external/cwe/cwe-327, ... */
	size_t ntags;
	char *short_description;
	char *full_description;
	char *help;            /* Markdown */
	char *message;         /* template: {versions}, {value}, {capture:NAME} */
	char **keywords;       /* literal prefilter: a file without any of them cannot match */
	size_t nkeywords;
	keyword_group *also;   /* further groups after `&`: the file needs one word of each too */
	size_t nalso;
	char *files;           /* optional globs on the file name (appsettings*.json, !*.c) */
	char *value_capture;   /* capture whose value is evaluated ("value") */
	char *value_type;      /* value table the evaluator uses (SecurityProtocolType) */
	report_condition report_if;
	value_spelling spelling;
	char *report_capture;  /* capture that locates the finding (default: value, else first) */
	char *no_fix;          /* `no-fix:` why a finding has no automatic edit, when its front end
				  says nothing more precise */
	char *matcher;         /* `matcher: NAME`: C code answers the pattern (engine/native_matcher.h) */
	bool narrow;           /* `narrow: statement`: queries run only around the first
				  keyword group's hits (engine/query_rules.h) */
	bool keywords_in_code; /* `keywords-in: code`: first-group words in comments and
				  string literals do not count (scan/scanner.c) */
	char **keywords_alone; /* `keywords-alone:` words of any keyword group that count only
				  where they stand alone (scan/scanner.c) */
	size_t nkeywords_alone;
	char **keywords_here;  /* `keywords-here:` without one of them, the rule can match only
				  through names defined in other files (scan/scanner.c) */
	size_t nkeywords_here;
	bool enabled_by_default;
	bool builtin;          /* compiled into the binary (and checked by its test suite) */

	char *pattern;         /* the body after the header */
	unsigned pattern_line; /* line of the file where the pattern starts */
	char *source_path;     /* where the rule was loaded from (for messages) */

	/* A rule whose languages have different grammars (LT-JAVA-001 on Java and Kotlin) has
	 * one rule file and a pattern file per further language (rules/README.md): each becomes
	 * a variant, a copy of the rule with that file's language, keywords and pattern, which
	 * the scanner runs like a rule; a finding of a variant names its `primary`. */
	struct rule **variants;
	size_t nvariants;
	const struct rule *primary; /* a variant's rule; NULL for the rule itself */
	bool pattern_file;     /* parsed from a pattern file: catalogue_finish() attaches it */
} rule;

const char *kind_name(finding_kind k);
/* The CWE tags and defaults shared by every rule of a kind. */
level kind_default_level(finding_kind k);
const char *kind_default_severity(finding_kind k);

/* True when the rule's `files` globs (if any) admit the base name of `uri`. */
bool rule_applies_to(const rule *r, const char *uri);

/* Parses one rule file, or a pattern file (a header of `id`, `language` and maybe
 * `keywords` only: out->pattern_file). On error returns -1 and writes "path:line: message"
 * into `err`. */
int rule_parse(rule *out, const char *text, const char *path, char *err, size_t errlen);
/* Makes the pattern file `pf` (rule_parse()d, then emptied) a variant of `primary`: a copy of
 * every header key of `primary` but the language and, when `pf` has them, the keywords. */
rule *rule_variant_new(const rule *primary, rule *pf);
/* The rule itself for a rule, the rule of a variant. */
static inline const rule *rule_primary(const rule *r)
{
	return r->primary ? r->primary : r;
}
/* Releases `r` and its variants. */
void rule_release(rule *r);

/* The header keys, one row each (rule.c): the row drives parsing, release, the audit's
 * configuration digest and the key table of rules/README.md (a unit test compares the two).
 *
 * Adding a key: a field in `rule`, a row in rule_keys (where its dependencies are parsed
 * before it), and its parser when it is more than plain text; then paste the new
 * rule_keys_markdown() into rules/README.md (the unit test prints it). */
enum { RULE_KEY_REQUIRED = 1, RULE_KEY_MULTILINE = 2 /* line breaks kept (help) */ };
typedef enum rule_field_type {
	RULE_FIELD_TEXT,  /* char *field (NULL when absent) */
	RULE_FIELD_TEXTS, /* two char *: field and field2 (value: capture and type) */
	RULE_FIELD_WORDS, /* char **field with its count at field2 */
	RULE_FIELD_KEYWORDS, /* the first keyword group as WORDS, and the rule's `also` groups */
	RULE_FIELD_ENUM,  /* an enum field */
	RULE_FIELD_BOOL,  /* a bool field */
} rule_field_type;

typedef struct rule_key {
	const char *name;
	unsigned flags;       /* RULE_KEY_* */
	rule_field_type type; /* how `field` is stored, for release and the digest */
	size_t field, field2; /* offsetof(rule, ...) */
	/* Sets the field from the key's text, or its default when the key is absent (`v` NULL);
	 * returns false after writing the complaint into `msg`. NULL: plain text, no default. */
	bool (*parse)(rule *r, const char *v, char *msg, size_t msglen);
	const char *meaning;  /* for rules/README.md (Markdown) */
} rule_key;

extern const rule_key rule_keys[];
extern const size_t rule_nkeys;

struct strbuf;
/* Appends every header key's parsed value and the pattern of `r` to `sb`, so that two rules
 * that differ in anything they were loaded with append different bytes (the audit's digest). */
void rule_digest(const rule *r, struct strbuf *sb);
/* The Markdown key table of rules/README.md, newly allocated. */
char *rule_keys_markdown(void);

#endif
