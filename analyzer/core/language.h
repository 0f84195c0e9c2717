/* language.h: what tlslint knows about each language, as one descriptor per language.
 *
 * A language_def holds everything about a language in one row (universal-ctags'
 * parserDefinition is the model): its names, which files are written in it, how its comments
 * look, how its keywords compare, and the parts that analyse it (grammar, front end,
 * evaluator, facts visitor, the predicates that apply to it). Every question another module
 * asks about a language is an accessor below. The rows are in lang/languages.c, the one file
 * that names every language's parts; nothing includes it, so this header stays at the bottom
 * of the layers (docs/conventions.md). The checklist for adding a language is above the table
 * there. */
#ifndef TLSLINT_LANGUAGE_H
#define TLSLINT_LANGUAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

typedef enum language {
	LANG_NONE = 0,
	LANG_C,
	LANG_CPP,
	LANG_CSHARP,
	LANG_PYTHON,
	LANG_POWERSHELL,
	LANG_MSBUILD,       /* .csproj .vbproj .fsproj .props .targets */
	LANG_DOTNET_CONFIG, /* app/web.config, *.exe.config, packages.config, ... */
	LANG_JSON,
	LANG_REG,           /* Windows registry exports */
	LANG_INSTALLER,     /* installer and batch scripts: WiX, Inno Setup, .bat/.cmd */
	LANG_NGINX,         /* .conf and templates; lang/nginx decides by path and content */
	LANG_TERRAFORM,     /* .tf */
	LANG_ARM,           /* ARM templates: .json files that sniff as one (lang/arm) */
	LANG_BICEP,         /* .bicep */
	LANG_APACHE,        /* httpd.conf, .htaccess, .conf files that sniff as Apache */
	LANG_HAPROXY,       /* haproxy.cfg, .cfg files that sniff as HAProxy */
	LANG_OPENSSL,       /* openssl.cnf, .cnf files that set protocol bounds */
	LANG_YAML,          /* .yaml .yml that are neither of the next two: CI run steps */
	LANG_CLOUDFORMATION, /* YAML or JSON that sniffs as a template (lang/yaml) */
	LANG_KUBERNETES,    /* YAML that sniffs as a manifest (lang/yaml) */
	LANG_SHELL,         /* .sh .bash .ksh */
	LANG_DOCKERFILE,    /* Dockerfile, Containerfile, *.dockerfile */
	LANG_MAKEFILE,      /* Makefile, GNUmakefile, *.mk */
	LANG_JVM,           /* Java .properties, java.security */
	LANG_JAVA,
	LANG_GO,
	LANG_PHP,           /* .php .phtml, and .inc files that hold a PHP open tag */
	LANG_JAVASCRIPT,    /* .js .mjs .cjs .jsx */
	LANG_TYPESCRIPT,    /* .ts .mts .cts */
	LANG_TSX,           /* .tsx */
	LANG_RUBY,          /* .rb .rake .gemspec, Gemfile, Rakefile */
	LANG_KOTLIN,        /* .kt .kts: Java's rules through their Kotlin pattern files */
	LANG_COUNT
} language;

struct file_ctx;        /* engine/emit.h */
struct frontend;        /* frontends/frontend.h */
struct value_evaluator; /* values/evaluator.h */
struct recover_syntax;  /* engine/recover.h */
struct finding;         /* rules/finding.h */
struct ts_native_matcher; /* engine/native_matcher.h */

/* Facts for the cross-file analyses (project/facts.h), read from a tree-sitter tree that the
 * front end parsed for the query rules. `arg` is the front end's; unused so far. */
typedef void (*language_facts_fn)(const void *arg, const struct file_ctx *ctx, TSNode root);

/* The answers behind the predicates that only some languages have (engine/predicates.h).
 * NULL: the predicate does not apply to the language, and a rule that uses it fails to load. */
typedef struct language_predicates {
	/* #has-arg? #not-has-arg?: may the call whose argument list is `args` pass the
	 * parameter `keyword` (by keyword, or at the 0-based `position` when >= 0)? */
	bool (*may_pass)(TSNode args, const char *text, const char *keyword, long position);
	/* #not-in-rejection-test?: is `node` in a test that expects the code to fail? */
	bool (*in_rejection_test)(TSNode node, const char *text);
} language_predicates;

typedef struct language_def {
	const char *name;             /* in rule files' `language:` and in messages */
	/* Further `language:` names whose rules also run on this language's files ("c" rules
	 * run on C++ files; "dotnet" rules on MSBuild and .NET configuration files); NULL-ended. */
	const char *const *rule_aliases;
	const char *const *extensions; /* lower case, with the dot; NULL-ended */
	const char *const *file_names; /* well-known base names (compared ignoring case); NULL-ended */
	/* For a language whose files cannot be told by their names alone (an ARM template is a
	 * .json file whose "$schema" names a deploymentTemplate): true when the first `len`
	 * bytes of a file claim it. NULL for languages decided by names. */
	bool (*sniff)(const char *head, size_t len);
	bool ignores_case;            /* names and keywords ignore ASCII case (PowerShell) */
	/* Comment syntax: line comment openers, then block comments as opener/closer pairs;
	 * both NULL-ended. Suppressions (`tlslint-ignore:`) must follow an opener. */
	const char *const *line_comments;
	const char *const *block_comments;
	const TSLanguage *(*grammar)(void); /* NULL: tree-sitter does not parse it */
	const struct frontend *frontend;    /* NULL: no front end analyses it yet */
	const struct value_evaluator *evaluator; /* NULL: no values are evaluated */
	language_facts_fn facts;            /* NULL: its tree gives no facts */
	language_predicates predicates;
	/* How to cut a damaged file into statements to re-analyse them one by one
	 * (engine/recover.h); NULL: findings in a damaged region are what the first pass saw. */
	const struct recover_syntax *recovery;
	/* A helper process of the language's front end: `tlslint <helper_arg>` runs helper_main
	 * instead of a command (C's libclang parser processes, lang/c/c_server.h); NULL: none. */
	const char *helper_arg;
	int (*helper_main)(void);
	/* Fixes of query-rule findings (rules/finding.h): given the finding `f` just made from
	 * the value node `value` (`followed`: reported at a name's initialiser, not at `value`),
	 * adds its replacements (engine/emit.h: emit_replace) or says why it has none
	 * (finding_set_no_fix); leaves rules it does not know alone. NULL: none. */
	void (*fix)(const struct file_ctx *ctx, struct finding *f, TSNode value, bool followed);
	/* C code that answers the patterns of rules whose header names it (`matcher: NAME`),
	 * instead of compiling them (engine/native_matcher.h); NULL-ended, or NULL: none. */
	const struct ts_native_matcher *const *matchers;
} language_def;

/* The descriptor of `lang` (LANG_NONE has an empty one). */
const language_def *language_get(language lang);

/* The language of a file called `name` (a path or a base name), or LANG_NONE: by its base
 * name first, then by its extension. */
language classify_path(const char *name);
/* Rows with a `sniff` hook take files away from the language their names give, by content.
 * language_sniffers() lists the languages that may claim a file called `name` (a sniffing
 * row whose extensions include the name's); language_sniff() returns the first of them whose
 * hook claims the file's text, or `lang` (the language of its name) when none does, or
 * LANG_NONE when `lang` is itself a sniffing row that only claimed the file provisionally
 * (an extension no other row has, .cfg or .cnf: classify_path() gives the first sniffing row
 * with it). The scanner calls them once a file is read (the walker decides by names alone). */
size_t language_sniffers(const char *name, language *out, size_t max);
language language_sniff(language lang, const char *name, const char *text, size_t len);
/* The name rule files use for a language ("csharp", "python", ...). */
const char *language_name(language lang);
/* The language called `name` exactly (no alias); false when none is. */
bool language_parse(const char *name, language *out);
/* The languages whose files a rule of `language: name` runs on (its name or an alias), in
 * table order; returns how many (at most `max`), 0 when the name is unknown. */
size_t language_for_rule(const char *name, language *out, size_t max);
/* True for languages whose names ignore ASCII case (PowerShell), so keyword prefilters must. */
bool language_ignores_case(language lang);
/* Runs the helper process whose argument is `arg` (language_def.helper_arg): true with its
 * exit status in *status; false when no language has such a helper. */
bool language_helper_main(const char *arg, int *status);

#endif
