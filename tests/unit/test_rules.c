/* test_rules.c: rule files, queries and predicates, the catalogue, and the small pieces a
 * rule's finding is made of (versions, numbers, messages, suppressions, expectations). */
#include <ctype.h>
#include <stdlib.h>

#include "core/language.h"
#include "core/versions.h"
#include "engine/emit.h"
#include "engine/native_matcher.h"
#include "engine/query_rules.h"
#include "engine/ts_arena.h"
#include "engine/ts_field.h"
#include "engine/ts_grammars.h"
#include "report/report.h"
#include "rules/catalogue.h"
#include "rules/rule.h"
#include "util/matcher.h"
#include "testing/expectations.h"
#include "unit.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "lang/php/php_syntax.h"
#include "../fuzz/msbuild_compare.h"
#include "values/evaluator.h"

void test_versions_describe(void);
void test_parse_integer(void);
void test_fold_binary(void);
void test_rule_parse_ok(void);
void test_rule_parse_errors(void);
void test_query_errors(void);
void test_predicates(void);
void test_classify(void);
void test_language_table(void);
void test_php_sniff(void);
void test_predicate_languages(void);
void test_matcher(void);
void test_matcher_simd(void);
void test_keyword_groups(void);
void test_message_template(void);
void test_suppression_comments(void);
void test_expectations(void);
void test_expectations_openers(void);
void test_uri_encode(void);
void test_builtin_catalogue(void);
void test_pattern_files(void);
void test_rule_keys_digest(void);
void test_rule_files_globs(void);
void test_rule_keys_readme(void);
void test_native_walk_shared(void);
void test_ts_field_child(void);
void test_ts_arena(void);
void test_msbuild_reader(void);

static const char header[] = "; id: LT-XX-001\n"
			     "; name: Example\n"
			     "; kind: explicit-legacy\n"
			     "; language: csharp\n"
			     "; short: short text\n"
			     "; full: full\n"
			     ";   text\n"
			     "; message: enables {versions}.\n"
			     "; help:\n"
			     ";   # Title\n"
			     ";\n"
			     ";   body\n";

void test_versions_describe(void)
{
	char buf[128];
	versions_describe(VERSION_TLS10, buf, sizeof(buf));
	CHECK_STR(buf, "TLS 1.0");
	versions_describe(VERSION_TLS10 | VERSION_TLS11, buf, sizeof(buf));
	CHECK_STR(buf, "TLS 1.0 and TLS 1.1");
	versions_describe(VERSION_SSL3 | VERSION_TLS10 | VERSION_TLS11, buf, sizeof(buf));
	CHECK_STR(buf, "SSL 3.0, TLS 1.0 and TLS 1.1");
	CHECK_UINT(versions_at_most(VERSION_TLS10), VERSION_SSL2 | VERSION_SSL3 | VERSION_TLS10);
}

void test_parse_integer(void)
{
	long long v = 0;
	CHECK(eval_parse_integer("768", 3, &v) && v == 768);
	CHECK(eval_parse_integer("0x300", 5, &v) && v == 0x300);
	CHECK(eval_parse_integer("0XC0u", 5, &v) && v == 0xC0);
	CHECK(eval_parse_integer("0b11", 4, &v) && v == 3);
	CHECK(eval_parse_integer("3_072L", 6, &v) && v == 3072);
	CHECK(!eval_parse_integer("12ab", 4, &v));
	CHECK(!eval_parse_integer("0x", 2, &v));
}

/* The binary-operator folder every evaluator uses. */
void test_fold_binary(void)
{
	eval_result a = { .value = 0xC0, .named = 0xC0 }, b = { .value = 0x300, .named = 0 };
	eval_result out = { 0 };
	CHECK(eval_fold_binary(EVAL_OP_OR, true, a, true, b, true, &out));
	CHECK(out.value == 0x3C0 && out.named == 0xC0);
	CHECK(eval_fold_binary(EVAL_OP_AND, true, a, true, (eval_result){ .value = 0x40 }, true, &out));
	CHECK(out.value == 0x40 && out.named == 0x40);
	CHECK(eval_fold_binary(EVAL_OP_XOR, false, a, true, a, true, &out) && out.value == 0);
	CHECK(eval_fold_binary(EVAL_OP_ADD, false, a, true, b, true, &out) && out.value == 0x3C0);
	/* An OR with one unknown side is the known side, only where the language says so. */
	out = (eval_result){ 0 };
	CHECK(eval_fold_binary(EVAL_OP_OR, true, a, false, b, true, &out));
	CHECK(out.value == 0x300 && out.named == 0);
	CHECK(!eval_fold_binary(EVAL_OP_OR, false, a, false, b, true, &out));
	CHECK(!eval_fold_binary(EVAL_OP_OR, true, a, false, b, false, &out));
	CHECK(!eval_fold_binary(EVAL_OP_AND, true, a, true, b, false, &out));
	CHECK(!eval_fold_binary(EVAL_OP_NONE, true, a, true, b, true, &out));
}

void test_rule_parse_ok(void)
{
	char *text = xasprintf("%s; keywords: SecurityProtocol, Tls\n; level: warning\n"
			       "; value: @v SecurityProtocolType\n; report-if: enables-legacy\n"
			       "\n(identifier) @v\n", header);
	rule r;
	char err[256] = "";
	CHECK(rule_parse(&r, text, "x.scm", err, sizeof(err)) == 0);
	CHECK_STR(err, "");
	CHECK_STR(r.id, "LT-XX-001");
	CHECK_STR(r.full_description, "full text");
	CHECK_STR(r.help, "# Title\n\nbody");
	CHECK(r.level == LEVEL_WARNING);
	CHECK_STR(r.security_severity, "7.5");
	CHECK_UINT(r.ntags, 3); /* security + two CWEs */
	CHECK_STR(r.tags[1], "external/cwe/cwe-327");
	CHECK_UINT(r.nkeywords, 2);
	CHECK_STR(r.value_capture, "v");
	CHECK(r.report_if == REPORT_ENABLES_LEGACY);
	CHECK_UINT(r.pattern_line, 17);
	rule_release(&r);
	free(text);
}

static void expect_error(const char *extra, const char *expected)
{
	char *text = xasprintf("%s%s\n(identifier)\n", header, extra);
	rule r;
	char err[256] = "";
	CHECK(rule_parse(&r, text, "bad.scm", err, sizeof(err)) < 0);
	if (!strstr(err, expected)) {
		unit_failed_checks++;
		fprintf(stderr, "error '%s' does not mention '%s'\n", err, expected);
	}
	free(text);
}

void test_rule_parse_errors(void)
{
	expect_error("; colour: red", "bad.scm:13: unknown header key 'colour'");
	expect_error("; level: fatal", "bad.scm:13: level 'fatal'");
	expect_error("; security-severity: 11", "security-severity '11'");
	expect_error("; precision: perfect", "precision 'perfect'");
	expect_error("; report-if: sometimes", "report-if 'sometimes'");
	expect_error("; report-if: enables-legacy", "needs a 'value' key");
	expect_error("; value: v SecurityProtocolType", "value must be '@capture TypeName'");
	expect_error("; name: Twice", "header key 'name' given twice");
	rule r;
	char err[256] = "";
	CHECK(rule_parse(&r, "; id: LT-XX-001\n", "short.scm", err, sizeof(err)) < 0);
	CHECK(strstr(err, "missing header key 'name'") != NULL);
	char *bad_id = xasprintf("%s", header);
	memcpy(bad_id + 6, "lt", 2);
	CHECK(rule_parse(&r, bad_id, "id.scm", err, sizeof(err)) < 0);
	CHECK(strstr(err, "is not of the form LT-<AREA>-<nnn>") != NULL);
	free(bad_id);
	char *bad_kind = xasprintf("%s", header);
	char *k = strstr(bad_kind, "explicit-legacy");
	memcpy(k, "explicit-legacz", 15);
	CHECK(rule_parse(&r, bad_kind, "kind.scm", err, sizeof(err)) < 0);
	CHECK(strstr(err, "kind.scm:3: kind 'explicit-legacz'") != NULL);
	free(bad_kind);
}

/* Compiles `pattern` as a rule of `lang`; returns the error message ("" on success). */
static char *compile_for(language lang, const char *pattern, const char *extra)
{
	static char err[512];
	char *text = xasprintf("%s%s\n%s", header, extra, pattern);
	rule r;
	err[0] = '\0';
	if (rule_parse(&r, text, "q.scm", err, sizeof(err)) == 0) {
		ts_ruleset set = { .lang = lang, .grammar = ts_grammar_for(lang) };
		if (ts_ruleset_add(&set, &r, err, sizeof(err)) == 0)
			err[0] = '\0';
		ts_ruleset_release(&set);
		rule_release(&r);
	}
	free(text);
	return err;
}

/* Compiles `pattern` as a C# rule; returns the error message ("" on success). */
static char *compile(const char *pattern, const char *extra)
{
	return compile_for(LANG_CSHARP, pattern, extra);
}

void test_query_errors(void)
{
	CHECK_STR(compile("(identifier) @x", ""), "");
	CHECK(strstr(compile("(identifier @x", ""), "q.scm:14: query syntax error"));
	CHECK(strstr(compile("\n(no_such_node) @x", ""), "q.scm:15: query unknown node type"));
	CHECK(strstr(compile("((identifier) @x (#frobnicate? @x \"a\"))", ""),
		     "unknown predicate '#frobnicate?'"));
	CHECK(strstr(compile("((identifier) @x (#match? @x \"(\"))", ""), "bad regular expression"));
	CHECK(strstr(compile("((identifier) @x (#eq? @x))", ""), "needs a capture and at least one"));
	CHECK(strstr(compile("(identifier) @x", "; value: @y SecurityProtocolType"),
		     "the value capture is not in the query"));
	CHECK(strstr(compile("(identifier) @x", "; value: @x NoSuchType"), "unknown value type"));
	CHECK(strstr(compile("(identifier) @x", "; report: @z"), "report capture @z"));
}

/* Runs `pattern` over C# `code` and returns the number of findings. */
static size_t run_query(const char *pattern, const char *code)
{
	char *text = xasprintf("%s\n%s", header, pattern);
	rule r;
	char err[512];
	size_t n = 0;
	if (rule_parse(&r, text, "p.scm", err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		free(text);
		return (size_t)-1;
	}
	ts_ruleset set = { .lang = LANG_CSHARP, .grammar = ts_grammar_for(LANG_CSHARP) };
	if (ts_ruleset_add(&set, &r, err, sizeof(err)) == 0) {
		source_file src;
		source_decode(&src, xstrdup(code), strlen(code));
		finding_list out = { 0 };
		file_ctx ctx = { .src = &src, .uri = "a.cs", .display_path = "a.cs",
				 .lang = LANG_CSHARP, .out = &out };
		ts_worker w;
		ts_worker_init(&w, 5000);
		bool had_errors = false;
		CHECK(ts_ruleset_run(&set, &w, &ctx, &had_errors) == TS_RUN_OK);
		n = out.len;
		ts_worker_release(&w);
		finding_list_release(&out);
		source_release(&src);
	} else {
		fprintf(stderr, "%s\n", err);
	}
	ts_ruleset_release(&set);
	rule_release(&r);
	free(text);
	return n;
}

void test_predicates(void)
{
	const char *code = "class A { void M() { Foo(); Bar(); FooBar(); } }";
	const char *call = "(invocation_expression function: (identifier) @f";
	char q[256];
	snprintf(q, sizeof(q), "(%s (#eq? @f \"Foo\")))", call);
	CHECK_UINT(run_query(q, code), 1);
	snprintf(q, sizeof(q), "(%s (#not-eq? @f \"Foo\")))", call);
	CHECK_UINT(run_query(q, code), 2);
	snprintf(q, sizeof(q), "(%s (#match? @f \"^Foo\")))", call);
	CHECK_UINT(run_query(q, code), 2);
	snprintf(q, sizeof(q), "(%s (#not-match? @f \"Bar$\")))", call);
	CHECK_UINT(run_query(q, code), 1);
	snprintf(q, sizeof(q), "(%s (#any-of? @f \"Foo\" \"Bar\")))", call);
	CHECK_UINT(run_query(q, code), 2);
	snprintf(q, sizeof(q), "(%s (#not-any-of? @f \"Foo\" \"Bar\")))", call);
	CHECK_UINT(run_query(q, code), 1);
}

void test_classify(void)
{
	CHECK(classify_path("src/A.cs") == LANG_CSHARP);
	CHECK(classify_path("x/Y.CSPROJ") == LANG_MSBUILD);
	CHECK(classify_path("Directory.Build.props") == LANG_MSBUILD);
	CHECK(classify_path("web.config") == LANG_DOTNET_CONFIG);
	CHECK(classify_path("deploy/tls.reg") == LANG_REG);
	CHECK(classify_path("a.hpp") == LANG_CPP);
	CHECK(classify_path("a.h") == LANG_C);
	CHECK(classify_path("setup.ps1") == LANG_POWERSHELL);
	CHECK(classify_path("Setup/Product.wxs") == LANG_INSTALLER);
	CHECK(classify_path("setup.iss") == LANG_INSTALLER);
	CHECK(classify_path("deploy/tls.CMD") == LANG_INSTALLER);
	CHECK(classify_path("README.md") == LANG_NONE);
	CHECK(classify_path(".cs") == LANG_NONE);
	CHECK(classify_path("Makefile") == LANG_MAKEFILE);
	CHECK(classify_path("build/Dockerfile") == LANG_DOCKERFILE);
	CHECK(classify_path("deploy.yaml") == LANG_YAML); /* CloudFormation, Kubernetes: sniffed */
	CHECK(classify_path("conf/java.security") == LANG_JVM);
	CHECK(classify_path("Makefile.am") == LANG_NONE);
	CHECK(classify_path("web/index.php") == LANG_PHP); /* then sniffed: test_php_sniff */
	/* The lookup tables (languages.c): case is folded, a long name still has its
	 * extension, and every row's extensions and names classify. */
	CHECK(classify_path("build/DOCKERFILE") == LANG_DOCKERFILE);
	CHECK(classify_path("src/AVeryLongFileNameOfMoreThanThirtyTwoBytes.Cs") == LANG_CSHARP);
	CHECK(classify_path("a.extension-longer-than-any-key-of-the-table") == LANG_NONE);
	for (int r = 1; r < LANG_COUNT; r++) {
		const language_def *d = language_get((language)r);
		char path[64];
		for (const char *const *e = d->extensions; *e; e++) {
			snprintf(path, sizeof(path), "dir/f%s", *e);
			CHECK(classify_path(path) != LANG_NONE);
		}
		for (const char *const *f = d->file_names; *f; f++) {
			snprintf(path, sizeof(path), "dir/%s", *f);
			CHECK(classify_path(path) == (language)r);
		}
	}
	language l;
	CHECK(language_parse("python", &l) && l == LANG_PYTHON);
	CHECK(!language_parse("cobol", &l));
}

/* The language table: every row is whole, and its accessors answer from it. */
void test_language_table(void)
{
	for (int l = 1; l < LANG_COUNT; l++) {
		const language_def *d = language_get((language)l);
		language back;
		CHECK(d->name && language_parse(d->name, &back) && back == (language)l);
		CHECK(d->extensions[0] || d->file_names[0] || d->sniff); /* files can be found */
		CHECK(d->line_comments[0] || d->block_comments[0]);      /* suppressions work */
		CHECK(d->frontend != NULL);
		if (d->evaluator)
			CHECK(((const value_evaluator *)d->evaluator)->lang == (language)l);
		for (int k = 1; k < l; k++)
			CHECK(strcmp(language_get((language)k)->name, d->name) != 0);
	}
	CHECK(ts_grammar_for(LANG_CSHARP) != NULL && ts_grammar_for(LANG_C) == NULL);
	CHECK(evaluator_for(LANG_PYTHON) != NULL && evaluator_for(LANG_REG) == NULL);
	CHECK_STR(language_get(LANG_COUNT)->name, "none");
	CHECK(language_ignores_case(LANG_POWERSHELL) && !language_ignores_case(LANG_CSHARP));
	language out[4];
	CHECK_UINT(language_for_rule("c", out, 4), 2);
	CHECK(out[0] == LANG_C && out[1] == LANG_CPP);
	CHECK_UINT(language_for_rule("dotnet", out, 4), 2);
	CHECK(out[0] == LANG_MSBUILD && out[1] == LANG_DOTNET_CONFIG);
	CHECK_UINT(language_for_rule("cpp", out, 4), 1);
	CHECK(out[0] == LANG_CPP);
	CHECK_UINT(language_for_rule("csharp", out, 4), 1);
	CHECK(out[0] == LANG_CSHARP);
	CHECK_UINT(language_for_rule("cobol", out, 4), 0);
	CHECK_UINT(language_for_rule("none", out, 4), 0);
	language l;
	CHECK(!language_parse("dotnet", &l)); /* an alias names no single language */
}

/* PHP files are PHP's when they hold an open tag: .inc files often are not (Pascal, NASM,
 * C fragments), and `<?xml` is no PHP tag. */
void test_php_sniff(void)
{
	static const char php[] = "<html><?php curl_setopt($ch, CURLOPT_SSLVERSION, 1); ?>";
	static const char echo_tag[] = "<p><?= $host ?></p>";
	static const char short_tag[] = "<? echo 1; ?>";
	static const char upper[] = "<?PHP\n$x = 1;";
	static const char xml[] = "<?xml version=\"1.0\"?><config/>";
	static const char none[] = "; CURLOPT_SSLVERSION equ 32\n";
	static const char phpx[] = "<?phpx";
	CHECK(php_sniff(php, sizeof(php) - 1));
	CHECK(php_sniff(echo_tag, sizeof(echo_tag) - 1));
	CHECK(php_sniff(short_tag, sizeof(short_tag) - 1));
	CHECK(php_sniff(upper, sizeof(upper) - 1));
	CHECK(!php_sniff(xml, sizeof(xml) - 1));
	CHECK(!php_sniff(none, sizeof(none) - 1));
	CHECK(!php_sniff(phpx, sizeof(phpx) - 1));
	CHECK(!php_sniff("<?", 2));
	CHECK(php_sniff("<?php", 5)); /* the tag at the end of the file */
	CHECK(language_sniff(LANG_PHP, "lib/config.inc", php, sizeof(php) - 1) == LANG_PHP);
	CHECK(language_sniff(LANG_PHP, "lib/macros.inc", none, sizeof(none) - 1) == LANG_NONE);
	CHECK(language_sniff(LANG_PHP, "web/page.phtml", echo_tag, sizeof(echo_tag) - 1) == LANG_PHP);
}

/* A predicate only some languages answer is a load error elsewhere, naming its line. */
void test_predicate_languages(void)
{
	const char *has_arg = "((argument_list) @a\n  (#not-has-arg? @a \"ssl_version\" 5))";
	const char *rejection = "((identifier) @x\n\n  (#not-in-rejection-test? @x))";
	CHECK_STR(compile_for(LANG_PYTHON, has_arg, ""), "");
	CHECK_STR(compile_for(LANG_PYTHON, rejection, ""), "");
	CHECK_STR(compile_for(LANG_CSHARP, rejection, ""), "");
	CHECK_STR(compile_for(LANG_CSHARP, has_arg, ""),
		  "q.scm:15: '#not-has-arg?' does not apply to csharp rules (only to python)");
	CHECK_STR(compile_for(LANG_POWERSHELL, "((variable) @x\n\n  (#not-in-rejection-test? @x))", ""),
		  "q.scm:16: '#not-in-rejection-test?' does not apply to powershell rules (only to "
		  "csharp, python, java, go, php, javascript, typescript, tsx, ruby, kotlin)");
	CHECK_STR(compile_for(LANG_JAVASCRIPT, rejection, ""), "");
	CHECK_STR(compile_for(LANG_TSX, rejection, ""), "");
	CHECK_STR(compile_for(LANG_JAVA, "((identifier) @x\n\n  (#not-in-rejection-test? @x))", ""), "");
	CHECK_STR(compile_for(LANG_GO, "((identifier) @x\n\n  (#not-in-rejection-test? @x))", ""), "");
	CHECK_STR(compile_for(LANG_PHP, "((name) @x\n\n  (#not-in-rejection-test? @x))", ""), "");
	CHECK_STR(compile_for(LANG_RUBY, "((identifier) @x\n\n  (#not-in-rejection-test? @x))", ""), "");
	CHECK_STR(compile_for(LANG_KOTLIN, "((identifier) @x\n\n  (#not-in-rejection-test? @x))", ""), "");
	CHECK_STR(compile_for(LANG_JSON, "((object) @o (#has-arg? @o \"x\"))", ""),
		  "q.scm:14: '#has-arg?' does not apply to json rules (only to python)");
	/* Predicates every language has still load everywhere. */
	CHECK_STR(compile_for(LANG_POWERSHELL, "((variable) @v (#match? @v \"^x\"))", ""), "");
}

/* The SSSE3 pair skip finds what the byte-by-byte skip finds: random texts over the words'
 * letters, with words planted at every offset near the 16-byte block edges. */
void test_matcher_simd(void)
{
	static const char *const sets[][6] = {
		{ "SecurityProtocol", "SslProtocols", "SetValue", "TargetFramework", "ab", NULL },
		{ "ItemProperty", "reg", "SCHANNEL", "zz", NULL },
		{ "--tlsv1", "-1", "-3", "curl", "wget", NULL },
	};
	static const bool nocase[] = { false, true, false };
	unsigned seed = 12345;
	for (size_t s = 0; s < sizeof(sets) / sizeof(sets[0]); s++) {
		matcher *fast = matcher_new(nocase[s]), *slow = matcher_new(nocase[s]);
		for (size_t w = 0; sets[s][w]; w++) {
			matcher_add(fast, sets[s][w]);
			matcher_add(slow, sets[s][w]);
		}
		matcher_build(fast);
		setenv("TLSLINT_NO_SIMD", "1", 1);
		matcher_build(slow);
		unsetenv("TLSLINT_NO_SIMD");
		match_result a = { 0 }, b = { 0 };
		char text[400];
		for (int round = 0; round < 3000; round++) {
			size_t len = (size_t)(round % 97) + (round % 7 == 0 ? 250 : 0);
			for (size_t i = 0; i < len; i++) {
				seed = seed * 1103515245u + 12345u;
				unsigned r = seed >> 16;
				const char *w = sets[s][r % 4];
				text[i] = r % 3 ? w[(r >> 4) % strlen(w)] : (char)(r >> 8);
				if (nocase[s] && (r & 0x100))
					text[i] = (char)toupper((unsigned char)text[i]);
			}
			/* A whole word at an offset near a block edge. */
			const char *w = sets[s][round % 4];
			size_t at = (size_t)(round % 40), wl = strlen(w);
			if (at + wl <= len)
				memcpy(text + at, w, wl);
			matcher_scan(fast, text, len, true, &a);
			matcher_scan(slow, text, len, true, &b);
			bool same = a.nhits == b.nhits;
			for (size_t k = 0; same && k < a.nhits; k++)
				same = a.hits[k].word == b.hits[k].word &&
				       a.hits[k].offset == b.hits[k].offset;
			if (!same) {
				fprintf(stderr, "test_matcher_simd: set %zu round %d: %zu hits, want %zu\n",
					s, round, a.nhits, b.nhits);
				unit_failed_checks++;
				break;
			}
		}
		match_result_release(&a);
		match_result_release(&b);
		matcher_free(fast);
		matcher_free(slow);
	}
}

void test_matcher(void)
{
	matcher *m = matcher_new(false);
	uint32_t sp = matcher_add(m, "SecurityProtocol");
	uint32_t spt = matcher_add(m, "SecurityProtocolType");
	uint32_t ssl = matcher_add(m, "SslProtocols");
	uint32_t he = matcher_add(m, "he"), she = matcher_add(m, "she"), hers = matcher_add(m, "hers");
	CHECK(matcher_add(m, "SslProtocols") == ssl); /* the same word, the same id */
	CHECK_UINT(matcher_count(m), 6);
	matcher_build(m);
	match_result r = { 0 };
	const char *t = "x.SslProtocols = SecurityProtocolType.Tls; ushers";
	matcher_scan(m, t, strlen(t), true, &r);
	CHECK(match_found(&r, ssl) && match_found(&r, sp) && match_found(&r, spt));
	/* Overlapping words, found through the failure links: "ushers" holds she, he, hers. */
	CHECK(match_found(&r, she) && match_found(&r, he) && match_found(&r, hers));
	CHECK_UINT(r.nhits, 6);
	CHECK_UINT(r.hits[0].word, ssl);
	CHECK_UINT(r.hits[0].offset, 2);
	CHECK_UINT(r.hits[1].word, sp);
	CHECK_UINT(r.hits[1].offset, 17);
	CHECK_UINT(r.hits[2].word, spt);
	CHECK_UINT(r.hits[2].offset, 17);
	CHECK_UINT(r.hits[3].word, she);
	CHECK_UINT(r.hits[3].offset, 44);
	CHECK_UINT(r.hits[4].word, he);
	CHECK_UINT(r.hits[4].offset, 45);
	CHECK_UINT(r.hits[5].word, hers);
	CHECK_UINT(r.hits[5].offset, 45);
	matcher_scan(m, "nothing to see", 14, true, &r);
	CHECK(!r.any && r.nhits == 0 && !match_found(&r, ssl));
	/* Case matters unless the matcher ignores it. */
	matcher_scan(m, "SSLPROTOCOLS", 12, false, &r);
	CHECK(!match_found(&r, ssl));
	matcher_free(m);
	m = matcher_new(true);
	uint32_t reg = matcher_add(m, "reg");
	uint32_t item = matcher_add(m, "ItemProperty");
	CHECK(matcher_add(m, "REG") == reg);
	matcher_build(m);
	matcher_scan(m, "Set-ITEMproperty; REG ADD", 25, true, &r);
	CHECK(match_found(&r, reg) && match_found(&r, item));
	CHECK_UINT(r.nhits, 2);
	CHECK_UINT(r.hits[0].offset, 4);
	CHECK_UINT(r.hits[1].offset, 18);
	match_result_release(&r);
	matcher_free(m);
}

void test_keyword_groups(void)
{
	static const char kw_header[] = "; id: LT-XX-001\n; name: Example\n; kind: re-enable\n"
					"; language: csharp\n; short: s\n; full: f\n; message: m\n"
					"; help: h\n";
	char err[512];
	rule r;
	char *text = xasprintf("%s; keywords: SetValue & SCHANNEL, SecureProtocols &\n;   Enabled\n"
			       "(identifier) @x\n", kw_header);
	CHECK(rule_parse(&r, text, "k.scm", err, sizeof(err)) == 0);
	free(text);
	CHECK_UINT(r.nkeywords, 1);
	CHECK_STR(r.keywords[0], "SetValue");
	CHECK_UINT(r.nalso, 2);
	CHECK_UINT(r.also[0].len, 2);
	CHECK_STR(r.also[0].words[1], "SecureProtocols");
	CHECK_UINT(r.also[1].len, 1);
	CHECK_STR(r.also[1].words[0], "Enabled");
	matcher *m = matcher_new(false);
	keyword_expr e = { 0 };
	keyword_expr_add_group(&e, m, (const char *const *)r.keywords, r.nkeywords);
	for (size_t g = 0; g < r.nalso; g++)
		keyword_expr_add_group(&e, m, (const char *const *)r.also[g].words, r.also[g].len);
	matcher_build(m);
	match_result res = { 0 };
	const char *all = "k.SetValue(\"SecureProtocols\", 1); // Enabled";
	const char *two = "k.SetValue(\"SecureProtocols\", 1);";
	const char *none = "k.SetValue(\"Other\", 1); // Enabled";
	matcher_scan(m, all, strlen(all), false, &res);
	CHECK(keyword_expr_holds(&e, &res));
	matcher_scan(m, two, strlen(two), false, &res);
	CHECK(!keyword_expr_holds(&e, &res));
	matcher_scan(m, none, strlen(none), false, &res);
	CHECK(!keyword_expr_holds(&e, &res));
	CHECK(keyword_expr_in_group(&e, 1, matcher_add(m, "SCHANNEL")));
	CHECK(!keyword_expr_in_group(&e, 0, matcher_add(m, "SCHANNEL")));
	keyword_expr empty = { 0 };
	CHECK(keyword_expr_holds(&empty, &res)); /* no group: every file */
	match_result_release(&res);
	keyword_expr_release(&e);
	matcher_free(m);
	rule_release(&r);
	text = xasprintf("%s; keywords: SetValue & , & Enabled\n(identifier) @x\n", kw_header);
	CHECK(rule_parse(&r, text, "k.scm", err, sizeof(err)) < 0);
	CHECK(strstr(err, "k.scm:9: keywords: group 2 of") != NULL);
	free(text);
	text = xasprintf("%s; keywords: & Enabled\n(identifier) @x\n", kw_header);
	CHECK(rule_parse(&r, text, "k.scm", err, sizeof(err)) < 0);
	CHECK(strstr(err, "group 1 of") != NULL);
	free(text);
	/* keywords-alone: words of any group; a word of none is refused. */
	text = xasprintf("%s; keywords: -1 & curl, Enabled\n; keywords-alone: -1, curl\n"
			 "(identifier) @x\n", kw_header);
	CHECK(rule_parse(&r, text, "k.scm", err, sizeof(err)) == 0);
	CHECK_UINT(r.nkeywords_alone, 2);
	rule_release(&r);
	free(text);
	text = xasprintf("%s; keywords: -1 & curl\n; keywords-alone: wget\n(identifier) @x\n",
			 kw_header);
	CHECK(rule_parse(&r, text, "k.scm", err, sizeof(err)) < 0);
	CHECK(strstr(err, "keywords-alone: 'wget' is not a word of the keywords groups") != NULL);
	free(text);
}

void test_message_template(void)
{
	message_args a = { .versions = VERSION_TLS10 | VERSION_TLS11, .value_text = "A |\n   B",
			   .value_len = 8 };
	char *m = emit_format_message("'{value}' enables {versions}.", &a);
	CHECK_STR(m, "'A | B' enables TLS 1.0 and TLS 1.1.");
	free(m);
}

static char *suppression(language lang, const char *text, unsigned line, const char *id)
{
	source_file src;
	source_decode(&src, xstrdup(text), strlen(text));
	char *r = emit_find_suppression(&src, lang, line, id);
	source_release(&src);
	return r;
}

void test_suppression_comments(void)
{
	char *r = suppression(LANG_CSHARP, "x = 1; // tlslint-ignore: LT-CS-001 old device\n", 1,
			      "LT-CS-001");
	CHECK_STR(r, "old device");
	free(r);
	r = suppression(LANG_CSHARP, "// tlslint-ignore: LT-CS-001 above\nx = 1;\n", 2, "LT-CS-001");
	CHECK_STR(r, "above");
	free(r);
	r = suppression(LANG_CSHARP, "/* tlslint-ignore: LT-CS-001 why */ x = 1;\n", 1, "LT-CS-001");
	CHECK_STR(r, "why");
	free(r);
	CHECK(suppression(LANG_CSHARP, "// tlslint-ignore: LT-CS-0010 x\nx\n", 2, "LT-CS-001") == NULL);
	CHECK(suppression(LANG_CSHARP, "// tlslint-ignore: LT-CS-002 x\nx\n", 2, "LT-CS-001") == NULL);
	/* In a string, not a comment: no suppression. */
	CHECK(suppression(LANG_CSHARP, "s = \"tlslint-ignore: LT-CS-001 x\";\n", 1, "LT-CS-001") == NULL);
	/* Two lines above is too far. */
	CHECK(suppression(LANG_CSHARP, "// tlslint-ignore: LT-CS-001 x\n\nx\n", 3, "LT-CS-001") == NULL);
	r = suppression(LANG_PYTHON, "x = 1  # tlslint-ignore: LT-PY-001\n", 1, "LT-PY-001");
	CHECK_STR(r, "");
	free(r);
	r = suppression(LANG_DOTNET_CONFIG, "<!-- tlslint-ignore: LT-NET-002 ok -->\n<a/>\n", 2,
			"LT-NET-002");
	CHECK_STR(r, "ok");
	free(r);
}

void test_expectations(void)
{
	const char *text = "// ruleid: LT-CS-001 col 5, ruleid: LT-CS-002 col 9\n"
			   "// ok: LT-CS-003\n"
			   "\n"
			   "x = y;\n"
			   "z = w; // ok: LT-CS-001\n"
			   "// ruleid: LT-CS-001\n"
			   "q;\n";
	source_file src;
	source_decode(&src, xstrdup(text), strlen(text));
	expectation_list l = { 0 };
	char *err = NULL;
	expectations_read(&l, &src, &err);
	CHECK_UINT(l.len, 4);
	if (l.len == 4) {
		CHECK_STR(l.items[0].rule_id, "LT-CS-001");
		CHECK_UINT(l.items[0].line, 4);
		CHECK_UINT(l.items[0].col, 5);
		CHECK_UINT(l.items[1].col, 9);
		CHECK(l.items[2].kind == EXPECT_NONE && l.items[2].line == 4);
		CHECK(l.items[3].kind == EXPECT_NONE && l.items[3].line == 5);
	}
	CHECK(err && strstr(err, "line 6: 'LT-CS-001' needs a column"));
	free(err);
	expectation_list_release(&l);
	source_release(&src);
}

/* A standalone annotation after any language's comment opener applies to the next line; after
 * code, to its own line. */
void test_expectations_openers(void)
{
	const char *text = "# ok: LT-PY-001\n"           /* python: line 2 */
			   "a\n"
			   "<!-- ok: LT-NET-001 -->\n"   /* msbuild: line 4 */
			   "b\n"
			   "; ok: LT-REG-001\n"          /* reg: line 6 */
			   "c\n"
			   "REM ok: LT-NET-004\n"        /* batch: line 8 */
			   "d\n"
			   "e = 1 # ok: LT-PY-002\n";    /* after code: line 9 */
	source_file src;
	source_decode(&src, xstrdup(text), strlen(text));
	expectation_list l = { 0 };
	char *err = NULL;
	expectations_read(&l, &src, &err);
	CHECK_UINT(l.len, 5);
	static const unsigned want[] = { 2, 4, 6, 8, 9 };
	for (size_t i = 0; i < l.len && i < 5; i++)
		CHECK_UINT(l.items[i].line, want[i]);
	CHECK(err == NULL);
	free(err);
	expectation_list_release(&l);
	source_release(&src);
}

void test_uri_encode(void)
{
	char *u = report_uri_encode("dir with space/caf\xc3\xa9#1.cs");
	CHECK_STR(u, "dir%20with%20space/caf%C3%A9%231.cs");
	free(u);
}

void test_builtin_catalogue(void)
{
	catalogue cat = { 0 };
	char err[512];
	CHECK(catalogue_load_builtin(&cat, err, sizeof(err)) == 0);
	CHECK(catalogue_finish(&cat, err, sizeof(err)) == 0);
	CHECK(cat.len >= 1);
	CHECK(catalogue_find(&cat, "LT-CS-001") != NULL);
	CHECK(catalogue_find(&cat, "LT-ZZ-999") == NULL);
	for (size_t i = 1; i < cat.len; i++)
		CHECK(strcmp(cat.rules[i - 1]->id, cat.rules[i]->id) < 0);
	/* Every built-in rule's help says what to do: a fix example in a code block. */
	for (size_t i = 0; i < cat.len; i++)
		CHECK(strstr(cat.rules[i]->help, "```") != NULL);
	/* A rule that names a matcher has the patterns that matcher was written for: an edit of
	 * the .scm file needs the C code (and its digest) to follow. */
	size_t with_matcher = 0;
	for (size_t i = 0; i < cat.len; i++) {
		const rule *r = cat.rules[i];
		if (!r->matcher)
			continue;
		with_matcher++;
		language lang;
		CHECK(language_parse(r->language, &lang));
		const ts_native_matcher *const *m = language_get(lang)->matchers;
		for (; m && *m && strcmp((*m)->name, r->matcher) != 0; m++)
			;
		CHECK(m && *m);
		if (m && *m && (*m)->digest != ts_pattern_digest(r->pattern)) {
			fprintf(stderr, "%s: its pattern is not what matcher %s answers (digest "
					"0x%llxULL, the matcher's 0x%llxULL): change the C code, then "
					"its digest\n", r->id, r->matcher, ts_pattern_digest(r->pattern),
				(*m)->digest);
			unit_failed_checks++;
		}
	}
	CHECK_UINT(with_matcher, 8); /* LT-CS-001..003, LT-CS-006, LT-PY-001, LT-PY-003..005 */
	/* Whitespace and comments do not change a digest; a pattern does. */
	CHECK(ts_pattern_digest("((a) @x) ; one\n") == ts_pattern_digest("( (a)\n  @x )"));
	CHECK(ts_pattern_digest("((a) @x)") != ts_pattern_digest("((b) @x)"));
	CHECK(ts_pattern_digest("(#match? @x \"a b\")") != ts_pattern_digest("(#match? @x \"ab\")"));
	catalogue_release(&cat);
}

/* A pattern file adds a language's query to the rule of its id: the variant copies the rule's
 * header but for its language and keywords; a finding names the rule. */
static int load_rules_dir(const char *files[][2], size_t n, catalogue *cat, char *err,
			  size_t errlen)
{
	char *dir = unit_tempdir();
	for (size_t i = 0; i < n; i++)
		unit_write(dir, files[i][0], files[i][1], strlen(files[i][1]));
	int rc = catalogue_load_dir(cat, dir, err, errlen);
	if (rc == 0)
		rc = catalogue_finish(cat, err, errlen);
	unit_rmtree(dir);
	free(dir);
	return rc;
}

void test_pattern_files(void)
{
	static const char rule_text[] = "; id: LT-XX-001\n; name: Example\n"
					"; kind: explicit-legacy\n; language: java\n"
					"; short: s\n; full: f\n; message: m {versions}\n; help: h\n"
					"; keywords: JavaWord & Other\n(identifier) @value\n";
	static const char pattern_text[] = "; id: LT-XX-001\n; language: kotlin\n"
					   "; keywords: KotlinWord\n(identifier) @kt\n";
	char err[512] = "";
	catalogue cat = { 0 };
	const char *ok[][2] = { { "java/LT-XX-001.scm", rule_text },
				{ "kotlin/LT-XX-001.scm", pattern_text } };
	CHECK(load_rules_dir(ok, 2, &cat, err, sizeof(err)) == 0);
	CHECK_UINT(cat.len, 1);
	const rule *r = cat.len ? cat.rules[0] : NULL;
	CHECK(r && r->nvariants == 1 && !r->primary);
	if (r && r->nvariants == 1) {
		const rule *v = r->variants[0];
		CHECK(v->primary == r && rule_primary(v) == r);
		CHECK_STR(v->language, "kotlin");
		CHECK_STR(v->name, "Example");
		CHECK_STR(v->message, "m {versions}");
		CHECK(v->kind == KIND_EXPLICIT_LEGACY && v->level == r->level);
		CHECK_UINT(v->nkeywords, 1);
		CHECK_STR(v->nkeywords ? v->keywords[0] : NULL, "KotlinWord");
		CHECK_UINT(v->nalso, 0); /* its own keywords replace every group */
		CHECK_STR(v->pattern, "(identifier) @kt\n");
		CHECK(strstr(v->source_path, "kotlin/LT-XX-001.scm") != NULL);
		CHECK_STR(r->keywords[0], "JavaWord");
		/* the variant's pattern is part of the rule's audit digest */
		strbuf with = STRBUF_INIT, without = STRBUF_INIT;
		rule_digest(r, &with);
		rule_digest(v, &without);
		CHECK(strcmp(strbuf_str(&with), strbuf_str(&without)) != 0);
		CHECK(strstr(strbuf_str(&with), "@kt") != NULL);
		strbuf_release(&with);
		strbuf_release(&without);
	}
	catalogue_release(&cat);

	/* Without keywords of its own, a variant keeps the rule's. */
	static const char bare_text[] = "; id: LT-XX-001\n; language: kotlin\n(identifier) @kt\n";
	const char *bare[][2] = { { "java/LT-XX-001.scm", rule_text },
				  { "kotlin/LT-XX-001.scm", bare_text } };
	CHECK(load_rules_dir(bare, 2, &cat, err, sizeof(err)) == 0);
	if (cat.len == 1 && cat.rules[0]->nvariants == 1) {
		CHECK_STR(cat.rules[0]->variants[0]->keywords[0], "JavaWord");
		CHECK_UINT(cat.rules[0]->variants[0]->nalso, 1);
	} else {
		CHECK(!"the bare pattern file became a variant");
	}
	catalogue_release(&cat);

	const char *orphan[][2] = { { "kotlin/LT-XX-002.scm", pattern_text } };
	err[0] = '\0';
	CHECK(load_rules_dir(orphan, 1, &cat, err, sizeof(err)) < 0);
	CHECK(strstr(err, "a pattern file for LT-XX-001, which no rule file defines") != NULL);
	catalogue_release(&cat);

	static const char same_text[] = "; id: LT-XX-001\n; language: java\n(identifier) @j\n";
	const char *same[][2] = { { "java/LT-XX-001.scm", rule_text },
				  { "java2/LT-XX-001.scm", same_text } };
	err[0] = '\0';
	CHECK(load_rules_dir(same, 2, &cat, err, sizeof(err)) < 0);
	CHECK(strstr(err, "LT-XX-001 already has a pattern for language 'java'") != NULL);
	catalogue_release(&cat);

	static const char extra_text[] = "; id: LT-XX-001\n; language: kotlin\n"
					 "; kind: re-enable\n(identifier) @kt\n";
	const char *extra[][2] = { { "java/LT-XX-001.scm", rule_text },
				   { "kotlin/LT-XX-001.scm", extra_text } };
	err[0] = '\0';
	CHECK(load_rules_dir(extra, 2, &cat, err, sizeof(err)) < 0);
	CHECK(strstr(err, "takes only id, language and keywords, not 'kind'") != NULL);
	CHECK(strstr(err, ":3:") != NULL);
	catalogue_release(&cat);

	/* The built-in LT-JAVA-001 runs on Kotlin through rules/kotlin/LT-JAVA-001.scm. */
	CHECK(catalogue_load_builtin(&cat, err, sizeof(err)) == 0);
	CHECK(catalogue_finish(&cat, err, sizeof(err)) == 0);
	const rule *java = catalogue_find(&cat, "LT-JAVA-001");
	CHECK(java && java->nvariants == 1 && !strcmp(java->variants[0]->language, "kotlin") &&
	      java->variants[0]->builtin);
	catalogue_release(&cat);
}

/* A rule with every header key, and for each key another value: two rules that differ in one
 * key only must digest differently (an audit resumed under a changed rule rescans). */
static const struct {
	const char *key, *value, *other;
} every_key[] = {
	{ "id", "LT-XX-001", "LT-XX-002" },
	{ "name", "Example", "Other" },
	{ "kind", "explicit-legacy", "re-enable" },
	{ "language", "csharp", "python" },
	{ "short", "short text", "other short text" },
	{ "full", "full text", "other full text" },
	{ "help", "help", "other help" },
	{ "message", "enables {versions}.", "turns on {versions}." },
	{ "level", "warning", "note" },
	{ "security-severity", "5.0", "6.0" },
	{ "precision", "high", "low" },
	{ "tags", "a", "b" },
	{ "keywords", "K & M", "K & L" }, /* a later group changes the digest too */
	{ "files", "*.cs", "*.txt" },
	{ "value", "@v SecurityProtocolType", "@v SslProtocols" },
	{ "report-if", "enables-legacy", "pins-modern" },
	{ "spelling", "names", "numbers" },
	{ "report", "@r", "@s" },
	{ "enabled", "true", "false" },
	{ "narrow", "file", "statement" },
	{ "keywords-in", "text", "code" },
	{ "keywords-alone", "K", "" },
	{ "keywords-here", "H", "J" },
	{ "no-fix", "The value is computed.", "The value is read." },
	{ "matcher", "csharp-value-positions", "other-matcher" },
};

static char *rule_digest_of(size_t changed)
{
	strbuf text = STRBUF_INIT, digest = STRBUF_INIT;
	for (size_t i = 0; i < sizeof(every_key) / sizeof(every_key[0]); i++)
		strbuf_addf(&text, "; %s: %s\n", every_key[i].key,
			    i == changed ? every_key[i].other : every_key[i].value);
	strbuf_adds(&text, "(pattern)\n");
	rule r;
	char err[256] = "";
	if (rule_parse(&r, strbuf_str(&text), "t.scm", err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		unit_failed_checks++;
		strbuf_release(&text);
		return xstrdup("");
	}
	rule_digest(&r, &digest);
	rule_release(&r);
	strbuf_release(&text);
	return strbuf_detach(&digest);
}

/* `files`: globs separated by commas, any plain one and none of the `!` ones. */
void test_rule_files_globs(void)
{
	rule r;
	memset(&r, 0, sizeof(r));
	CHECK(rule_applies_to(&r, "src/a.c"));
	r.files = "appsettings*.json";
	CHECK(rule_applies_to(&r, "app/appsettings.Production.json"));
	CHECK(!rule_applies_to(&r, "app/settings.json"));
	r.files = "!*.c";
	CHECK(!rule_applies_to(&r, "src/tls.c"));
	CHECK(!rule_applies_to(&r, "src/TLS.C")); /* names compare without case */
	CHECK(rule_applies_to(&r, "src/tls.cc"));
	CHECK(rule_applies_to(&r, "src/tls.h"));
	CHECK(rule_applies_to(&r, "src/c"));
	r.files = " *.yml ,*.yaml, !docker-compose*";
	CHECK(rule_applies_to(&r, "ci/build.yaml"));
	CHECK(rule_applies_to(&r, "build.yml"));
	CHECK(!rule_applies_to(&r, "docker-compose.yml"));
	CHECK(!rule_applies_to(&r, "build.json"));
}

void test_rule_keys_digest(void)
{
	size_t n = sizeof(every_key) / sizeof(every_key[0]);
	CHECK_UINT(rule_nkeys, n); /* a new key needs a row above */
	for (size_t k = 0; k < rule_nkeys; k++) {
		size_t i = 0;
		while (i < n && strcmp(every_key[i].key, rule_keys[k].name) != 0)
			i++;
		if (i == n) {
			fprintf(stderr, "test_rule_keys_digest: no values for key '%s'\n",
				rule_keys[k].name);
			unit_failed_checks++;
		}
	}
	char *base = rule_digest_of(n);
	char *again = rule_digest_of(n);
	CHECK_STR(base, again);
	CHECK(strstr(base, "spelling ") != NULL);
	for (size_t i = 0; i < n; i++) {
		char *d = rule_digest_of(i);
		if (strcmp(d, base) == 0) {
			fprintf(stderr, "test_rule_keys_digest: '%s' does not change the digest\n",
				every_key[i].key);
			unit_failed_checks++;
		}
		free(d);
	}
	free(again);
	free(base);
}

/* rules/README.md's key table is the one the key table renders. */
void test_rule_keys_readme(void)
{
	char *path = xasprintf("%s/rules/README.md", TLSLINT_SOURCE_DIR);
	char *text = NULL;
	size_t len = 0;
	int rc = file_read_all(path, 1u << 20, &text, &len);
	CHECK(rc == 0);
	char *want = rule_keys_markdown();
	const char *start = rc == 0 ? strstr(text, "| key | required |") : NULL;
	CHECK(start != NULL);
	if (start) {
		const char *end = strstr(start, "\n\n");
		size_t n = end ? (size_t)(end - start) + 1 : strlen(start);
		if (strlen(want) != n || strncmp(start, want, n) != 0) {
			fprintf(stderr, "%s: the key table is not what rule_keys renders; it should "
					"read:\n%s", path, want);
			unit_failed_checks++;
		}
	}
	free(want);
	free(text);
	free(path);
}

/* The walks of one tree's matchers share its named nodes (ts_native_nodes): a second walk
 * visits exactly what a cursor walk visits, a walk that stopped early keeps none for the next,
 * and a walk of another tree does not read them. */
struct walk_record {
	TSNode seen[256];
	size_t len, stop_after;
};

static bool walk_record_visit(void *arg, TSNode n)
{
	struct walk_record *r = arg;
	if (r->len < sizeof(r->seen) / sizeof(r->seen[0]))
		r->seen[r->len] = n;
	r->len++;
	return !r->stop_after || r->len < r->stop_after;
}

static bool walk_same(const struct walk_record *a, const struct walk_record *b)
{
	if (a->len != b->len)
		return false;
	for (size_t i = 0; i < a->len && i < sizeof(a->seen) / sizeof(a->seen[0]); i++)
		if (!ts_node_eq(a->seen[i], b->seen[i]))
			return false;
	return true;
}

void test_native_walk_shared(void)
{
	static const char one[] = "import ssl\ndef f(p=ssl.PROTOCOL_TLSv1):\n    return g(p, x=[1, 2])\n";
	static const char two[] = "ctx.options &= ~ssl.OP_NO_TLSv1\n";
	TSParser *parser = ts_parser_new();
	CHECK(ts_parser_set_language(parser, ts_grammar_for(LANG_PYTHON)));
	TSTree *t1 = ts_parser_parse_string(parser, NULL, one, (uint32_t)strlen(one));
	TSTree *t2 = ts_parser_parse_string(parser, NULL, two, (uint32_t)strlen(two));
	TSNode r1 = ts_tree_root_node(t1), r2 = ts_tree_root_node(t2);

	ts_native_sink alone = { 0 };
	struct walk_record cursor = { 0 };
	ts_native_walk(r1, walk_record_visit, &cursor, &alone);
	CHECK(cursor.len > 10 && cursor.len < 256);

	ts_native_nodes kept = { 0 };
	ts_native_sink shared = { .nodes = &kept };
	struct walk_record first = { 0 }, second = { 0 };
	ts_native_walk(r1, walk_record_visit, &first, &shared);
	CHECK(kept.complete && kept.len == cursor.len);
	ts_native_walk(r1, walk_record_visit, &second, &shared);
	CHECK(walk_same(&cursor, &first) && walk_same(&cursor, &second));

	/* Another tree: walked with its own cursor, the kept nodes left as they are. */
	struct walk_record other = { 0 }, other_alone = { 0 };
	ts_native_walk(r2, walk_record_visit, &other, &shared);
	ts_native_walk(r2, walk_record_visit, &other_alone, &alone);
	CHECK(walk_same(&other, &other_alone) && ts_node_eq(kept.root, r1));
	ts_native_nodes_release(&kept);

	/* A walk told to stop after 3 nodes keeps nothing the next walk would trust. */
	struct walk_record stopped = { .stop_after = 3 }, after = { 0 };
	ts_native_walk(r1, walk_record_visit, &stopped, &shared);
	CHECK_UINT(stopped.len, 3);
	CHECK(!kept.complete);
	ts_native_walk(r1, walk_record_visit, &after, &shared);
	CHECK(walk_same(&cursor, &after));
	ts_native_nodes_release(&kept);

	ts_tree_delete(t1);
	ts_tree_delete(t2);
	ts_parser_delete(parser);
}

/* A file's parse in the region of engine/ts_arena.h gives the tree and the query matches
 * that malloc gives, also for a file large enough to need several chunks; a query compiled
 * while suspended outlives the region. */
static size_t arena_matches(const TSQuery *q, const char *text, size_t len, uint32_t *children)
{
	TSParser *parser = ts_parser_new();
	CHECK(ts_parser_set_language(parser, ts_grammar_for(LANG_PYTHON)));
	TSTree *tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
	TSNode root = ts_tree_root_node(tree);
	*children = ts_node_named_child_count(root);
	TSQueryCursor *cur = ts_query_cursor_new();
	ts_query_cursor_exec(cur, q, root);
	size_t n = 0;
	TSQueryMatch m;
	while (ts_query_cursor_next_match(cur, &m))
		n++;
	ts_query_cursor_delete(cur);
	ts_tree_delete(tree);
	ts_parser_delete(parser);
	return n;
}

void test_ts_arena(void)
{
	ts_arena_install();
	if (!ts_arena_enabled()) {
		CHECK(!ts_arena_begin()); /* ASan builds keep malloc */
		return;
	}
	strbuf src = STRBUF_INIT;
	for (int i = 0; i < 20000; i++)
		strbuf_addf(&src, "ctx%d = ssl.SSLContext(ssl.PROTOCOL_TLSv1 if x%d else [a, (b, c)])\n",
			    i, i);
	static const char pattern[] = "(call function: (attribute) @f arguments: (argument_list))";
	uint32_t off = 0;
	TSQueryError err = TSQueryErrorNone;
	CHECK(ts_arena_begin());
	CHECK(!ts_arena_begin()); /* one region at a time */
	ts_arena_suspend();
	TSQuery *q = ts_query_new(ts_grammar_for(LANG_PYTHON), pattern, sizeof(pattern) - 1, &off,
				  &err);
	ts_arena_resume();
	uint32_t in_arena = 0, with_malloc = 0;
	size_t n1 = arena_matches(q, src.buf, src.len, &in_arena);
	ts_arena_end();
	size_t n2 = arena_matches(q, src.buf, src.len, &with_malloc); /* outside: malloc */
	CHECK_UINT(n1, 20000);
	CHECK_UINT(n2, 20000);
	CHECK_UINT(in_arena, 20000);
	CHECK_UINT(with_malloc, 20000);
	/* The region is used again by the next file. */
	CHECK(ts_arena_begin());
	size_t n3 = arena_matches(q, src.buf, src.len, &in_arena);
	ts_arena_end();
	CHECK_UINT(n3, 20000);
	ts_query_delete(q);
	ts_arena_thread_release();
	strbuf_release(&src);
}

/* The plain-project reader (lang/dotnet/msbuild_reader.h): what it accepts tree-sitter-xml
 * parses without an error into the same elements and CharData runs; what it refuses it
 * leaves to the parser. */
static bool msbuild_compare_target(const char *name, size_t len)
{
	return len == 15 && strncmp(name, "TargetFramework", len) == 0;
}

void test_msbuild_reader(void)
{
	static const char *const accepted[] = {
		"<Project/>",
		"  <?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<!-- a - b -->\r\n<Project Sdk=\"X\">"
		"<PropertyGroup Condition=\" '$(C)' == 'Debug' \">\r\n    <TargetFrameworks> net45; "
		"net48 ;</TargetFrameworks>\n<TargetFramework>\n net45<!--c-->;net6.0 "
		"</TargetFramework><A/><B></B ></PropertyGroup>\n</Project>\n<!-- after -->\n",
		"<?xml version='1.0' standalone='yes'?><A x='a>b' y = \"\xc3\xa9\">a > b \xc3\xa9</A>",
		"<a.b-c:d e='1'\n f='2'>t<x>u</x>v</a.b-c:d>",
	};
	static const char *const refused[] = {
		"", "<?xml version=\"1.0\"?>", "<A/><B/>", "<A>x</A>y", "<A>&amp;</A>",
		"<A x=\"a&lt;\"/>", "<A><![CDATA[x]]></A>", "<A>x]]>y</A>", "<!-- a -- b --><A/>",
		"<!-- a ---><A/>", "<A x=\"1\"y=\"2\"/>", "<A></B>", "<A>", "<?pi x?><A/>",
		"<!DOCTYPE A><A/>", "\xef\xbb\xbf<A/>", "<:A/>", "<A>\x01</A>",
		"<?xml encoding=\"utf-8\" version=\"1.0\"?><A/>", "<?xml-stylesheet href=\"a\"?><A/>",
		"<?xml encoding=\"utf-8\"?><A/>", "<?xml version=\"2.0\"?><A/>", "<?xml version=\"1.a\"?><A/>",
	};
	TSParser *parser = ts_parser_new();
	for (size_t i = 0; i < sizeof(accepted) / sizeof(accepted[0]); i++) {
		int rc = msbuild_compare(parser, accepted[i], strlen(accepted[i]));
		if (rc != 0)
			fprintf(stderr, "msbuild reader: document %zu: %s\n", i,
				rc > 0 ? "refused" : "differs from tree-sitter-xml");
		CHECK(rc == 0);
	}
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		int rc = msbuild_compare(parser, refused[i], strlen(refused[i]));
		if (rc != 1)
			fprintf(stderr, "msbuild reader: '%s' accepted\n", refused[i]);
		CHECK(rc == 1);
	}
	/* Nesting deeper than the reader's limit is the parser's. */
	strbuf deep = STRBUF_INIT;
	for (int i = 0; i <= MSBUILD_READER_MAX_DEPTH; i++)
		strbuf_adds(&deep, "<a>");
	for (int i = 0; i <= MSBUILD_READER_MAX_DEPTH; i++)
		strbuf_adds(&deep, "</a>");
	CHECK(msbuild_compare(parser, deep.buf, deep.len) == 1);
	strbuf_release(&deep);
	/* Only the elements asked for are kept, with their runs around a comment. */
	static const char project[] = "<P><TargetFramework>net45<!--x-->;net48</TargetFramework>"
				      "<Other>y</Other></P>";
	msbuild_doc doc;
	CHECK(msbuild_read(project, sizeof(project) - 1, msbuild_compare_target, &doc));
	CHECK_UINT(doc.nelements, 1);
	CHECK_UINT(doc.nruns, 2);
	if (doc.nelements == 1 && doc.nruns == 2) {
		CHECK_UINT(doc.elements[0].first_run, 0);
		CHECK_UINT(doc.runs[0].next, 1);
		CHECK_UINT(doc.runs[1].next, MSBUILD_NO_RUN);
		CHECK(strncmp(project + doc.runs[1].start, ";net48", 6) == 0);
	}
	msbuild_doc_release(&doc);
	ts_parser_delete(parser);
}

/* ts_field_child() gives ts_node_child_by_field_name()'s node for every named node of two
 * grammars and every field name of each (a field the node lacks too), called twice so the
 * second call is served from the kept ids; a name in a buffer that is rewritten between calls
 * is looked up again. */
struct field_check {
	const TSLanguage *lang;
	size_t checked, bad;
};

static bool field_check_visit(void *arg, TSNode n)
{
	struct field_check *fc = arg;
	uint32_t nfields = ts_language_field_count(fc->lang);
	for (uint32_t f = 1; f <= nfields; f++) {
		const char *name = ts_language_field_name_for_id(fc->lang, (TSFieldId)f);
		uint32_t len = (uint32_t)strlen(name);
		TSNode want = ts_node_child_by_field_name(n, name, len);
		for (int round = 0; round < 2; round++) {
			fc->checked++;
			fc->bad += !ts_node_eq(ts_field_child(n, name, len), want);
		}
	}
	return true;
}

/* Every named node (anonymous ones have no children, so no fields). */
static size_t field_child_check(TSNode root, const TSLanguage *lang)
{
	struct field_check fc = { .lang = lang };
	ts_native_sink alone = { 0 };
	ts_native_walk(root, field_check_visit, &fc, &alone);
	CHECK_UINT(fc.bad, 0);
	return fc.checked;
}

void test_ts_field_child(void)
{
	static const char py[] = "import ssl\ndef f(p=ssl.PROTOCOL_TLSv1):\n"
				 "    return g(p, x=[1, 2]) if p else h[0]\n";
	static const char cs[] = "class A { int P => 1; void F(int x) { var c = new C(x) { "
				 "Protocols = SslProtocols.Tls }; if (x > 0) F(x - 1); } }\n";
	TSParser *parser = ts_parser_new();
	const TSLanguage *python = ts_grammar_for(LANG_PYTHON);
	const TSLanguage *csharp = ts_grammar_for(LANG_CSHARP);
	CHECK(ts_parser_set_language(parser, python));
	TSTree *t1 = ts_parser_parse_string(parser, NULL, py, (uint32_t)strlen(py));
	CHECK(ts_parser_set_language(parser, csharp));
	TSTree *t2 = ts_parser_parse_string(parser, NULL, cs, (uint32_t)strlen(cs));
	CHECK(field_child_check(ts_tree_root_node(t1), python) > 1000);
	CHECK(field_child_check(ts_tree_root_node(t2), csharp) > 1000);

	/* One buffer, three names: each call sees the buffer's text of the moment. */
	TSNode call = ts_node_named_child(ts_tree_root_node(t1), 1); /* the function_definition */
	char buf[16];
	static const char *const names[] = { "name", "body", "parameters", "name" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(buf, sizeof(buf), "%s", names[i]);
		uint32_t len = (uint32_t)strlen(buf);
		CHECK(!ts_node_is_null(ts_field_child(call, buf, len)));
		CHECK(ts_node_eq(ts_field_child(call, buf, len),
				 ts_node_child_by_field_name(call, buf, len)));
	}
	/* Same address, same length, another name ("body" then "name"). */
	snprintf(buf, sizeof(buf), "body");
	TSNode body = ts_field_child(call, buf, 4);
	snprintf(buf, sizeof(buf), "name");
	CHECK(!ts_node_eq(ts_field_child(call, buf, 4), body));
	CHECK(ts_node_eq(ts_field_child(call, buf, 4), ts_node_child_by_field_name(call, "name", 4)));
	ts_tree_delete(t1);
	ts_tree_delete(t2);
	ts_parser_delete(parser);
}
