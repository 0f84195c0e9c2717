/* languages.c: the language table, one row per language, and its accessors (core/language.h).
 *
 * Adding a language
 * -----------------
 * (docs/conventions.md has the same list with the reasons.)
 *  1. A tree-sitter grammar: pin its npm package in grammars/package.json and
 *     grammars/package-lock.json and add it to cmake/grammars.cmake; declare its
 *     `tree_sitter_<name>()` below.
 *  2. An enum value in core/language.h, before LANG_COUNT.
 *  3. One row in `languages[]` below: name, extensions and well-known file names (or a
 *     `sniff` hook when content decides), comment syntax (suppressions depend on it), case rule,
 *     grammar, front end (treesitter_frontend for query rules), and the optional parts
 *     (a tree-sitter language should have `recovery`, engine/recover.h, so that a finding
 *     survives syntax the grammar does not know; tests/cli/damage.sh checks it).
 *  4. A folder analyzer/lang/<name>/ for what only this language has: its evaluator
 *     (values/evaluator.h), facts visitor, syntax helpers for predicates.
 *  5. Rule files in rules/<name>/ (rules/README.md) with fixtures in fixtures/, whose
 *     expectations the test suite checks.
 *  6. `tlslint languages` lists the row: update its expected output in tests/suites/cli.cmake.
 * Nothing else names a language: walking, the scanner, the front ends, suppressions and the
 * predicates all ask this table. */
#include "core/language.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lang/apache/apache.h"
#include "lang/arm/arm_settings.h"
#include "lang/c/c_server.h"
#include "lang/csharp/cs_matcher.h"
#include "lang/csharp/cs_syntax.h"
#include "lang/haproxy/haproxy.h"
#include "lang/openssl/openssl.h"
#include "lang/go/go_syntax.h"
#include "lang/java/java_syntax.h"
#include "lang/php/php_syntax.h"
#include "lang/js/js_syntax.h"
#include "lang/kotlin/kotlin_syntax.h"
#include "lang/powershell/ps_facts.h"
#include "lang/csharp/cs_fix.h"
#include "lang/json/json_fix.h"
#include "lang/powershell/ps_fix.h"
#include "lang/php/php_fix.h"
#include "lang/python/py_fix.h"
#include "lang/python/py_matcher.h"
#include "lang/python/py_syntax.h"
#include "lang/ruby/rb_syntax.h"
#include "lang/yaml/yaml_sniff.h"

/* Grammars (grammars/, cmake/grammars.cmake). */
const TSLanguage *tree_sitter_c_sharp(void);
const TSLanguage *tree_sitter_python(void);
const TSLanguage *tree_sitter_powershell(void);
const TSLanguage *tree_sitter_xml(void);
const TSLanguage *tree_sitter_json(void);
const TSLanguage *tree_sitter_hcl(void);
const TSLanguage *tree_sitter_bicep(void);
const TSLanguage *tree_sitter_yaml(void);
const TSLanguage *tree_sitter_bash(void);
const TSLanguage *tree_sitter_java(void);
const TSLanguage *tree_sitter_go(void);
const TSLanguage *tree_sitter_php(void);
const TSLanguage *tree_sitter_javascript(void);
const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);
const TSLanguage *tree_sitter_ruby(void);
const TSLanguage *tree_sitter_kotlin(void);

/* Front ends (frontends/frontend.h). */
extern const struct frontend treesitter_frontend;
extern const struct frontend clang_frontend;
extern const struct frontend dotnet_frontend;
extern const struct frontend reg_frontend;
extern const struct frontend installer_frontend;
extern const struct frontend nginx_frontend;
extern const struct frontend terraform_frontend;
extern const struct frontend arm_frontend;
extern const struct frontend apache_frontend;
extern const struct frontend haproxy_frontend;
extern const struct frontend openssl_frontend;
extern const struct frontend yaml_frontend;
extern const struct frontend shell_frontend;
extern const struct frontend jvm_frontend;

/* Value evaluators (values/evaluator.h). */
extern const struct value_evaluator csharp_evaluator;
extern const struct value_evaluator python_evaluator;
extern const struct value_evaluator powershell_evaluator;
extern const struct value_evaluator json_evaluator;
extern const struct value_evaluator java_evaluator;
extern const struct value_evaluator go_evaluator;
extern const struct value_evaluator php_evaluator;
extern const struct value_evaluator javascript_evaluator;
extern const struct value_evaluator typescript_evaluator;
extern const struct value_evaluator tsx_evaluator;
extern const struct value_evaluator ruby_evaluator;
extern const struct value_evaluator kotlin_evaluator;

/* Statement syntax for re-analysing damaged files (engine/recover.h). */
extern const struct recover_syntax csharp_recovery;
extern const struct recover_syntax python_recovery;
extern const struct recover_syntax powershell_recovery;
extern const struct recover_syntax java_recovery;
extern const struct recover_syntax go_recovery;
extern const struct recover_syntax php_recovery;
extern const struct recover_syntax js_recovery;
extern const struct recover_syntax ruby_recovery;
extern const struct recover_syntax kotlin_recovery;

#define LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define NONE ((const char *const[]){ NULL })
#define C_COMMENTS .line_comments = LIST("//"), .block_comments = LIST("/*", "*/")
/* Configuration templates (Jinja, Go templates, ERB, envsubst): nginx's row takes them unless
 * a sniffing row (Apache, HAProxy, OpenSSL) claims the content; their readers read the
 * literal directives and mark the words that hold template syntax. */
#define TEMPLATE_EXTENSIONS ".template", ".tmpl", ".j2", ".jinja", ".jinja2", ".erb"
#define XML_COMMENTS .line_comments = NONE, .block_comments = LIST("<!--", "-->")

static const language_def languages[LANG_COUNT] = {
	[LANG_NONE] = {
		.name = "none", .rule_aliases = NONE, .extensions = NONE, .file_names = NONE,
		.line_comments = NONE, .block_comments = NONE,
	},
	[LANG_C] = {
		.name = "c", .rule_aliases = NONE,
		.extensions = LIST(".c", ".h"), .file_names = NONE,
		C_COMMENTS, .frontend = &clang_frontend,
		.helper_arg = C_SERVER_ARG, .helper_main = c_server_main,
	},
	[LANG_CPP] = {
		.name = "cpp", .rule_aliases = LIST("c"),
		.extensions = LIST(".cc", ".cpp", ".cxx", ".c++", ".hpp", ".hh", ".hxx", ".h++",
				   ".ipp"),
		.file_names = NONE,
		C_COMMENTS, .frontend = &clang_frontend,
	},
	[LANG_CSHARP] = {
		.name = "csharp", .rule_aliases = NONE,
		.extensions = LIST(".cs"), .file_names = NONE,
		C_COMMENTS, .grammar = tree_sitter_c_sharp, .frontend = &treesitter_frontend,
		.evaluator = &csharp_evaluator,
		.predicates = { .in_rejection_test = cs_syntax_in_rejection_test },
		.recovery = &csharp_recovery,
		.fix = cs_fix,
		.matchers = (const struct ts_native_matcher *const[]){ &cs_value_positions,
									&cs_pinned_protocol, NULL },
	},
	[LANG_PYTHON] = {
		.name = "python", .rule_aliases = NONE,
		.extensions = LIST(".py", ".pyw"), .file_names = NONE,
		.line_comments = LIST("#"), .block_comments = NONE,
		.grammar = tree_sitter_python, .frontend = &treesitter_frontend,
		.evaluator = &python_evaluator,
		.predicates = { .may_pass = py_syntax_may_pass,
				.in_rejection_test = py_syntax_in_rejection_test },
		.recovery = &python_recovery,
		.fix = py_fix,
		.matchers = (const struct ts_native_matcher *const[]){
			&py_unversioned_calls, &py_default_parameters, &py_cleared_options,
			&py_legacy_constants, NULL },
	},
	[LANG_POWERSHELL] = {
		.name = "powershell", .rule_aliases = NONE,
		.extensions = LIST(".ps1", ".psm1"), .file_names = NONE,
		.ignores_case = true, /* [net.servicepointmanager]::securityprotocol */
		.line_comments = LIST("#"), .block_comments = LIST("<#", "#>"),
		.grammar = tree_sitter_powershell, .frontend = &treesitter_frontend,
		.evaluator = &powershell_evaluator, .facts = ps_facts_run,
		.recovery = &powershell_recovery,
		.fix = ps_fix,
	},
	[LANG_MSBUILD] = {
		.name = "msbuild", .rule_aliases = LIST("dotnet"),
		.extensions = LIST(".csproj", ".vbproj", ".fsproj", ".props", ".targets"),
		.file_names = NONE,
		XML_COMMENTS, .grammar = tree_sitter_xml, .frontend = &dotnet_frontend,
	},
	[LANG_DOTNET_CONFIG] = {
		.name = "dotnet-config", .rule_aliases = LIST("dotnet"),
		.extensions = LIST(".config"), .file_names = NONE,
		XML_COMMENTS, .grammar = tree_sitter_xml, .frontend = &dotnet_frontend,
	},
	[LANG_JSON] = {
		.name = "json", .rule_aliases = NONE,
		.extensions = LIST(".json"), .file_names = NONE,
		C_COMMENTS, /* JSON with comments (appsettings.json) */
		.grammar = tree_sitter_json, .frontend = &treesitter_frontend,
		.evaluator = &json_evaluator,
		.fix = json_fix,
	},
	[LANG_REG] = {
		.name = "reg", .rule_aliases = NONE,
		.extensions = LIST(".reg"), .file_names = NONE,
		.line_comments = LIST(";"), .block_comments = NONE,
		.frontend = &reg_frontend,
	},
	[LANG_INSTALLER] = {
		.name = "installer", .rule_aliases = NONE,
		.extensions = LIST(".wxs", ".wxi", ".iss", ".bat", ".cmd"), .file_names = NONE,
		/* Suppressions follow C-style openers here, as they did before this table; the
		 * formats' own comments (<!-- -->, ;, REM) are not recognised yet. */
		C_COMMENTS, .frontend = &installer_frontend,
	},
	[LANG_NGINX] = {
		.name = "nginx", .rule_aliases = NONE,
		/* Configuration that may be nginx's: the front end decides by the path (an nginx
		 * tree, *.conf.template) and then the content (lang/nginx/nginx_reader.h). */
		.extensions = LIST(".conf", TEMPLATE_EXTENSIONS),
		.file_names = NONE,
		.line_comments = LIST("#"), .block_comments = NONE,
		.frontend = &nginx_frontend,
	},
	[LANG_TERRAFORM] = {
		.name = "terraform", .rule_aliases = NONE,
		.extensions = LIST(".tf"), .file_names = NONE,
		.line_comments = LIST("#", "//"), .block_comments = LIST("/*", "*/"),
		.grammar = tree_sitter_hcl, .frontend = &terraform_frontend,
	},
	[LANG_ARM] = {
		.name = "arm", .rule_aliases = NONE,
		/* A .json file is an ARM template only when its "$schema" names a
		 * deploymentTemplate (arm_sniff); other .json files stay JSON. */
		.extensions = LIST(".json", ".jsonc"), .file_names = NONE, .sniff = arm_sniff,
		C_COMMENTS, /* ARM accepts // and block comments in templates */
		.grammar = tree_sitter_json, .frontend = &arm_frontend,
	},
	[LANG_BICEP] = {
		.name = "bicep", .rule_aliases = LIST("arm"),
		.extensions = LIST(".bicep"), .file_names = NONE,
		C_COMMENTS, .grammar = tree_sitter_bicep, .frontend = &arm_frontend,
	},
	[LANG_APACHE] = {
		.name = "apache", .rule_aliases = NONE,
		/* A .conf file is Apache's when a line starts with SSLProtocol or SSLProxyProtocol
		 * (apache_sniff); other .conf files stay nginx's. Directive names ignore case. */
		.extensions = LIST(".conf", TEMPLATE_EXTENSIONS),
		.file_names = LIST("httpd.conf", "apache2.conf", ".htaccess"),
		.sniff = apache_sniff, .ignores_case = true,
		.line_comments = LIST("#"), .block_comments = NONE,
		.frontend = &apache_frontend,
	},
	[LANG_HAPROXY] = {
		.name = "haproxy", .rule_aliases = NONE,
		/* haproxy*.cfg and any .cfg with HAProxy's sections and bind/server lines. */
		.extensions = LIST(".cfg", TEMPLATE_EXTENSIONS), .file_names = LIST("haproxy.cfg"),
		.sniff = haproxy_sniff,
		.line_comments = LIST("#"), .block_comments = NONE,
		.frontend = &haproxy_frontend,
	},
	[LANG_OPENSSL] = {
		.name = "openssl", .rule_aliases = NONE,
		/* openssl.cnf and .cnf files that set MinProtocol, MaxProtocol or CipherString. */
		.extensions = LIST(".cnf", TEMPLATE_EXTENSIONS), .file_names = LIST("openssl.cnf"),
		.sniff = openssl_sniff,
		.ignores_case = true, .line_comments = LIST("#"), .block_comments = NONE,
		.frontend = &openssl_frontend,
	},
	[LANG_YAML] = {
		/* YAML that is neither a CloudFormation template nor a Kubernetes manifest: CI
		 * steps' command lines (shell rules) and `-D` options (jvm rules). */
		.name = "yaml", .rule_aliases = LIST("shell", "jvm"),
		.extensions = LIST(".yaml", ".yml"), .file_names = NONE,
		.line_comments = LIST("#"), .block_comments = NONE,
		.grammar = tree_sitter_yaml, .frontend = &yaml_frontend,
	},
	[LANG_CLOUDFORMATION] = {
		/* YAML or JSON with AWSTemplateFormatVersion or AWS:: resource types (cfn_sniff). */
		.name = "cloudformation", .rule_aliases = NONE,
		.extensions = LIST(".yaml", ".yml", ".json", ".template"), .file_names = NONE,
		.sniff = cfn_sniff,
		.line_comments = LIST("#", "//"), /* YAML's, and JSON with comments */ .block_comments = NONE,
		.grammar = tree_sitter_yaml, .frontend = &yaml_frontend,
	},
	[LANG_KUBERNETES] = {
		/* YAML with top-level apiVersion and kind lines (k8s_sniff). */
		.name = "kubernetes", .rule_aliases = LIST("jvm"),
		.extensions = LIST(".yaml", ".yml"), .file_names = NONE, .sniff = k8s_sniff,
		.line_comments = LIST("#"), .block_comments = NONE,
		.grammar = tree_sitter_yaml, .frontend = &yaml_frontend,
	},
	[LANG_SHELL] = {
		.name = "shell", .rule_aliases = LIST("jvm"),
		.extensions = LIST(".sh", ".bash", ".ksh"), .file_names = NONE,
		.line_comments = LIST("#"), .block_comments = NONE,
		.grammar = tree_sitter_bash, .frontend = &shell_frontend,
	},
	[LANG_DOCKERFILE] = {
		/* RUN, CMD, ENTRYPOINT and ENV read as shell (lang/shell/shell_readers.h). */
		.name = "dockerfile", .rule_aliases = LIST("shell", "jvm"),
		.extensions = LIST(".dockerfile"), .file_names = LIST("Dockerfile", "Containerfile"),
		.line_comments = LIST("#"), .block_comments = NONE,
		.grammar = tree_sitter_bash, .frontend = &shell_frontend,
	},
	[LANG_MAKEFILE] = {
		/* Recipe lines read as shell (lang/shell/shell_readers.h). */
		.name = "makefile", .rule_aliases = LIST("shell", "jvm"),
		.extensions = LIST(".mk"), .file_names = LIST("Makefile", "GNUmakefile"),
		.line_comments = LIST("#"), .block_comments = NONE,
		.grammar = tree_sitter_bash, .frontend = &shell_frontend,
	},
	[LANG_JVM] = {
		/* Java runtime configuration (lang/jvm); `-D` options elsewhere are checked by the
		 * rows that alias "jvm". */
		.name = "jvm", .rule_aliases = NONE,
		.extensions = LIST(".properties"), .file_names = LIST("java.security"),
		.line_comments = LIST("#", "!"), .block_comments = NONE,
		.frontend = &jvm_frontend,
	},
	[LANG_JAVA] = {
		.name = "java", .rule_aliases = NONE,
		.extensions = LIST(".java"), .file_names = NONE,
		C_COMMENTS, .grammar = tree_sitter_java, .frontend = &treesitter_frontend,
		.evaluator = &java_evaluator,
		.predicates = { .in_rejection_test = java_syntax_in_rejection_test },
		.recovery = &java_recovery,
	},
	[LANG_GO] = {
		.name = "go", .rule_aliases = NONE,
		.extensions = LIST(".go"), .file_names = NONE,
		C_COMMENTS, .grammar = tree_sitter_go, .frontend = &treesitter_frontend,
		.evaluator = &go_evaluator,
		.predicates = { .in_rejection_test = go_syntax_in_rejection_test },
		.recovery = &go_recovery,
	},
	[LANG_PHP] = {
		/* tree-sitter-php's `php` grammar: the HTML around `<?php ... ?>` is text. A file
		 * is PHP's when it holds an open tag (php_sniff): `.inc` files are often not. */
		.name = "php", .rule_aliases = NONE,
		.extensions = LIST(".php", ".phtml", ".inc"), .file_names = NONE, .sniff = php_sniff,
		.line_comments = LIST("//", "#"), .block_comments = LIST("/*", "*/"),
		.grammar = tree_sitter_php, .frontend = &treesitter_frontend,
		.evaluator = &php_evaluator,
		.predicates = { .in_rejection_test = php_syntax_in_rejection_test },
		.recovery = &php_recovery,
		.fix = php_fix,
	},
	[LANG_JAVASCRIPT] = {
		.name = "javascript", .rule_aliases = NONE,
		.extensions = LIST(".js", ".mjs", ".cjs", ".jsx"), .file_names = NONE,
		C_COMMENTS, .grammar = tree_sitter_javascript, .frontend = &treesitter_frontend,
		.evaluator = &javascript_evaluator,
		.predicates = { .in_rejection_test = js_syntax_in_rejection_test },
		.recovery = &js_recovery,
	},
	[LANG_TYPESCRIPT] = {
		/* JavaScript's rules, on the TypeScript grammar (the same expression nodes). */
		.name = "typescript", .rule_aliases = LIST("javascript"),
		.extensions = LIST(".ts", ".mts", ".cts"), .file_names = NONE,
		C_COMMENTS, .grammar = tree_sitter_typescript, .frontend = &treesitter_frontend,
		.evaluator = &typescript_evaluator,
		.predicates = { .in_rejection_test = js_syntax_in_rejection_test },
		.recovery = &js_recovery,
	},
	[LANG_TSX] = {
		.name = "tsx", .rule_aliases = LIST("javascript"),
		.extensions = LIST(".tsx"), .file_names = NONE,
		C_COMMENTS, .grammar = tree_sitter_tsx, .frontend = &treesitter_frontend,
		.evaluator = &tsx_evaluator,
		.predicates = { .in_rejection_test = js_syntax_in_rejection_test },
		.recovery = &js_recovery,
	},
	[LANG_RUBY] = {
		/* Scripts without an extension are not sniffed for a `ruby` shebang: the walker
		 * decides by names alone (core/language.h). */
		.name = "ruby", .rule_aliases = NONE,
		.extensions = LIST(".rb", ".rake", ".gemspec"),
		.file_names = LIST("Gemfile", "Rakefile"),
		.line_comments = LIST("#"), .block_comments = NONE,
		.grammar = tree_sitter_ruby, .frontend = &treesitter_frontend,
		.evaluator = &ruby_evaluator,
		.predicates = { .in_rejection_test = rb_syntax_in_rejection_test },
		.recovery = &ruby_recovery,
	},
	[LANG_KOTLIN] = {
		/* Java's rules run on Kotlin through pattern files (rules/kotlin/), not an alias:
		 * a query is written for one grammar. */
		.name = "kotlin", .rule_aliases = NONE,
		.extensions = LIST(".kt", ".kts"), .file_names = NONE,
		C_COMMENTS, .grammar = tree_sitter_kotlin, .frontend = &treesitter_frontend,
		.evaluator = &kotlin_evaluator,
		.predicates = { .in_rejection_test = kotlin_syntax_in_rejection_test },
		.recovery = &kotlin_recovery,
	},
};

const language_def *language_get(language lang)
{
	return &languages[(unsigned)lang < LANG_COUNT ? lang : LANG_NONE];
}

/* The names and extensions of all rows, lower-cased, with their lengths: classify_path() runs
 * for every file of a walk, and comparing lengths first rules out almost every entry without a
 * call (strcasecmp over all rows was 1% of a corpus scan). ASCII folding is strcasecmp's in the
 * C locale, which the program keeps. */
typedef struct lang_key {
	char text[32];
	size_t len;
	language lang;
	bool sniffing; /* an extension only sniffing rows claim */
} lang_key;

static struct {
	lang_key names[64], exts[192];
	size_t nnames, nexts;
} lang_keys;
static pthread_once_t lang_keys_once = PTHREAD_ONCE_INIT;

static bool lang__lower(const char *s, size_t len, char *out, size_t cap)
{
	if (len >= cap)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		out[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	out[len] = 0;
	return true;
}

static void lang__add_key(lang_key *keys, size_t *n, size_t cap, const char *s, language l,
			  bool sniffing)
{
	/* A row's key that does not fit is a programming error: the unit tests list every
	 * extension through classify_path(). */
	if (*n >= cap || !lang__lower(s, strlen(s), keys[*n].text, sizeof(keys[*n].text)))
		abort();
	keys[*n].len = strlen(s);
	keys[*n].lang = l;
	keys[*n].sniffing = sniffing;
	(*n)++;
}

static void lang_keys_build(void)
{
	const size_t ncap = sizeof(lang_keys.names) / sizeof(lang_keys.names[0]);
	const size_t ecap = sizeof(lang_keys.exts) / sizeof(lang_keys.exts[0]);
	for (int l = 1; l < LANG_COUNT; l++)
		for (const char *const *f = languages[l].file_names; *f; f++)
			lang__add_key(lang_keys.names, &lang_keys.nnames, ncap, *f, (language)l, false);
	/* Rows that claim an extension outright first, then the sniffing ones, in row order:
	 * the first match wins, as it did. */
	for (int pass = 0; pass < 2; pass++)
		for (int l = 1; l < LANG_COUNT; l++)
			if (!languages[l].sniff == !pass)
				for (const char *const *e = languages[l].extensions; *e; e++)
					lang__add_key(lang_keys.exts, &lang_keys.nexts, ecap, *e,
						      (language)l, pass == 1);
}

/* The first key equal to `s` ignoring ASCII case, or NULL. */
static const lang_key *lang__find(const lang_key *keys, size_t n, const char *s, size_t len)
{
	char low[32];
	if (!lang__lower(s, len, low, sizeof(low)))
		return NULL; /* longer than every key */
	for (size_t i = 0; i < n; i++)
		if (keys[i].len == len && memcmp(keys[i].text, low, len) == 0)
			return &keys[i];
	return NULL;
}

language classify_path(const char *name)
{
	pthread_once(&lang_keys_once, lang_keys_build);
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	size_t blen = strlen(base);
	const lang_key *k = lang__find(lang_keys.names, lang_keys.nnames, base, blen);
	if (k)
		return k->lang;
	const char *dot = strrchr(base, '.');
	if (!dot || dot == base)
		return LANG_NONE;
	/* An extension only sniffing rows claim (.cfg, .cnf) gives the first of them,
	 * provisionally; language_sniff() drops the file when no row's sniff claims its
	 * content. */
	k = lang__find(lang_keys.exts, lang_keys.nexts, dot, blen - (size_t)(dot - base));
	return k ? k->lang : LANG_NONE;
}

size_t language_sniffers(const char *name, language *out, size_t max)
{
	pthread_once(&lang_keys_once, lang_keys_build);
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	const char *dot = strrchr(base, '.');
	size_t n = 0;
	if (!dot || dot == base)
		return 0;
	char low[32];
	size_t len = strlen(dot);
	if (!lang__lower(dot, len, low, sizeof(low)))
		return 0;
	for (size_t i = 0; i < lang_keys.nexts && n < max; i++) {
		const lang_key *k = &lang_keys.exts[i];
		if (!k->sniffing || k->len != len || memcmp(k->text, low, len) != 0)
			continue;
		bool seen = false; /* one entry per row */
		for (size_t j = 0; j < n && !seen; j++)
			seen = out[j] == k->lang;
		if (!seen)
			out[n++] = k->lang;
	}
	return n;
}

language language_sniff(language lang, const char *name, const char *text, size_t len)
{
	language cand[LANG_COUNT];
	size_t n = language_sniffers(name, cand, LANG_COUNT);
	for (size_t i = 0; i < n; i++)
		if (languages[cand[i]].sniff(text, len))
			return cand[i];
	/* A file classified only provisionally by a sniffing row is nobody's. */
	return languages[lang].sniff ? LANG_NONE : lang;
}

const char *language_name(language lang)
{
	return language_get(lang)->name;
}

bool language_parse(const char *name, language *out)
{
	for (int l = 1; l < LANG_COUNT; l++) {
		if (strcmp(languages[l].name, name) == 0) {
			*out = (language)l;
			return true;
		}
	}
	return false;
}

size_t language_for_rule(const char *name, language *out, size_t max)
{
	size_t n = 0;
	for (int l = 1; l < LANG_COUNT && n < max; l++) {
		bool match = strcmp(languages[l].name, name) == 0;
		for (const char *const *a = languages[l].rule_aliases; *a && !match; a++)
			match = strcmp(*a, name) == 0;
		if (match)
			out[n++] = (language)l;
	}
	return n;
}

bool language_helper_main(const char *arg, int *status)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		const language_def *d = &languages[l];
		if (d->helper_arg && strcmp(d->helper_arg, arg) == 0) {
			*status = d->helper_main();
			return true;
		}
	}
	return false;
}

bool language_ignores_case(language lang)
{
	return language_get(lang)->ignores_case;
}
