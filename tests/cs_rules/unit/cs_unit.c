/* cs_unit.c: unit tests of the C# and PowerShell evaluators and of the registry policy, below
 * what fixtures show: exact values, named bits, strings, scoping, and evaluation with and
 * without per-file state. Built and run by tests/suites/cs_rules.cmake. */
#include <stdlib.h>
#include <string.h>

#include "engine/ts_grammars.h"
#include "unit.h"
#include "util/alloc.h"
#include "values/evaluator.h"
#include "values/registry_policy.h"

int unit_failed_checks;

/* A parsed snippet and the node spanning the n-th occurrence of a piece of its text. */
struct snippet {
	source_file src;
	TSParser *parser;
	TSTree *tree;
	language lang;
	void *state;
};

static void snippet_init(struct snippet *s, language lang, const char *code)
{
	memset(s, 0, sizeof(*s));
	s->lang = lang;
	source_decode(&s->src, xstrdup(code), strlen(code));
	s->parser = ts_parser_new();
	ts_parser_set_language(s->parser, ts_grammar_for(lang));
	s->tree = ts_parser_parse_string(s->parser, NULL, s->src.text, (uint32_t)s->src.len);
}

static void snippet_release(struct snippet *s)
{
	const value_evaluator *ev = evaluator_for(s->lang);
	if (s->state && ev->release_state)
		ev->release_state(s->state);
	ts_tree_delete(s->tree);
	ts_parser_delete(s->parser);
	source_release(&s->src);
}

/* The node a query would capture for the n-th occurrence of `piece`; a piece written as
 * "context|inner" names the first `inner` after the n-th `context`. */
static TSNode snippet_node(const struct snippet *s, const char *piece, unsigned nth)
{
	char *context = xstrdup(piece);
	char *bar = strchr(context, '|');
	const char *inner = bar ? bar + 1 : context;
	if (bar)
		*bar = '\0';
	const char *p = s->src.text;
	for (unsigned i = 0; p && i <= nth; i++)
		p = strstr(i ? p + 1 : p, context);
	if (p && bar)
		p = strstr(p, inner);
	TSNode n = { 0 };
	if (p) {
		uint32_t start = (uint32_t)(p - s->src.text), end = start + (uint32_t)strlen(inner);
		n = ts_node_named_descendant_for_byte_range(ts_tree_root_node(s->tree), start, end);
		/* Up to what a query captures: not the leaf token of a PowerShell string, not a
		 * C# argument. */
		for (TSNode up = ts_node_parent(n); !ts_node_is_null(up) &&
						     ts_node_start_byte(up) == start &&
						     ts_node_end_byte(up) == end &&
						     strcmp(ts_node_type(up), "argument") != 0;
		     up = ts_node_parent(up))
			n = up;
	}
	free(context);
	return n;
}

/* Evaluates `piece` as `type`; with per-file state when `keep_state`. */
static bool eval_piece(struct snippet *s, const char *piece, unsigned nth, const char *type,
		       bool keep_state, eval_result *out)
{
	eval_ctx ctx = { .src = &s->src, .root = ts_tree_root_node(s->tree), .lang = s->lang,
			 .state = keep_state ? &s->state : NULL };
	memset(out, 0, sizeof(*out));
	TSNode n = snippet_node(s, piece, nth);
	return !ts_node_is_null(n) &&
	       evaluator_for(s->lang)->eval(&ctx, n, value_type_find(type), out);
}

static char *string_piece(struct snippet *s, const char *piece, unsigned nth)
{
	eval_ctx ctx = { .src = &s->src, .root = ts_tree_root_node(s->tree), .lang = s->lang,
			 .state = &s->state };
	strbuf sb = STRBUF_INIT;
	TSNode n = snippet_node(s, piece, nth);
	if (ts_node_is_null(n) || !evaluator_for(s->lang)->eval_string(&ctx, n, &sb)) {
		strbuf_release(&sb);
		return xstrdup("(unknown)");
	}
	return strbuf_detach(&sb);
}

static void test_csharp_numbers(void)
{
	struct snippet s;
	snippet_init(&s, LANG_CSHARP,
		     "class A {\n"
		     "  const SecurityProtocolType Old = SecurityProtocolType.Tls;\n"
		     "  void M() { var p = (SecurityProtocolType)(int)768; Use(p); }\n"
		     "  void N() { var p = SecurityProtocolType.Tls | (SecurityProtocolType)3072; Use(p); }\n"
		     "  void O() { int n = 768; Use((int)SecurityProtocolType.Tls); Use(~SecurityProtocolType.Tls11); Use(Old); }\n"
		     "}\n");
	eval_result v;
	for (int keep = 0; keep < 2; keep++) {
		CHECK(eval_piece(&s, "(SecurityProtocolType)(int)768", 0, "SecurityProtocolType", keep, &v));
		CHECK_UINT(v.value, 768);
		CHECK_UINT(v.named, 0);
		CHECK_UINT(v.versions, VERSION_TLS11);
		/* Each `p` is its own method's local. */
		CHECK(eval_piece(&s, "Use(|p", 0, "SecurityProtocolType", keep, &v) && v.value == 768);
		CHECK(eval_piece(&s, "Use(|p", 1, "SecurityProtocolType", keep, &v) && v.value == 3264);
		CHECK_UINT(v.named, 192);
		CHECK(eval_piece(&s, "Use(|Old", 0, "SecurityProtocolType", keep, &v) && v.value == 192);
	}
	/* A number is not a SecurityProtocolType, nor an int cast of one. */
	CHECK(!eval_piece(&s, "n = |768", 0, "SecurityProtocolType", true, &v));
	CHECK(!eval_piece(&s, "(int)SecurityProtocolType.Tls", 0, "SecurityProtocolType", true, &v));
	CHECK(eval_piece(&s, "~SecurityProtocolType.Tls11", 0, "SecurityProtocolType", true, &v));
	CHECK(v.named == v.value && (v.versions & VERSION_TLS10) && !(v.versions & VERSION_TLS11));
	snippet_release(&s);
}

static void test_csharp_strings(void)
{
	struct snippet s;
	snippet_init(&s, LANG_CSHARP,
		     "class A {\n"
		     "  const string B = @\"b\"\"c\";\n"
		     "  const string S = \"a\\t\" + B;\n"
		     "  void M() {\n"
		     "    Use(S);\n"
		     "    Use(Registry.LocalMachine.CreateSubKey(@\"SYSTEM\\A\").OpenSubKey(\"B\", true));\n"
		     "    Use(RegistryKey.OpenBaseKey(RegistryHive.CurrentUser, RegistryView.Default));\n"
		     "    Use(Other.Name + \"\\u0041\");\n"
		     "  }\n"
		     "}\n"
		     "static class Other { internal const string Name = \"n\"; }\n");
	char *t = string_piece(&s, "Use(|S", 0);
	CHECK_STR(t, "a\tb\"c");
	free(t);
	t = string_piece(&s, "Registry.LocalMachine.CreateSubKey(@\"SYSTEM\\A\").OpenSubKey(\"B\", true)", 0);
	CHECK_STR(t, "HKEY_LOCAL_MACHINE\\SYSTEM\\A\\B");
	free(t);
	t = string_piece(&s, "RegistryKey.OpenBaseKey(RegistryHive.CurrentUser, RegistryView.Default)", 0);
	CHECK_STR(t, "HKEY_CURRENT_USER");
	free(t);
	t = string_piece(&s, "Other.Name", 0);
	CHECK_STR(t, "n");
	free(t);
	/* \u escapes are not decoded: unknown, never a wrong string. */
	t = string_piece(&s, "Other.Name + \"\\u0041\"", 0);
	CHECK_STR(t, "(unknown)");
	free(t);
	snippet_release(&s);
}

static void test_powershell(void)
{
	struct snippet s;
	snippet_init(&s, LANG_POWERSHELL,
		     "$base = 'HKLM:\\SOFTWARE'\n"
		     "$key = \"$base\\TLS 1.0\\${leaf}\"\n"
		     "$leaf2 = \"$base\\TLS 1.1\"\n"
		     "Use 'tls11, TLS' 'Tls13x' ([Net.SecurityProtocolType]'Tls12') (-bnot 0) $leaf2\n");
	eval_result v;
	CHECK(eval_piece(&s, "'tls11, TLS'", 0, "SecurityProtocolType", true, &v));
	CHECK_UINT(v.value, 960);
	CHECK_UINT(v.named, 960);
	CHECK(!eval_piece(&s, "'Tls13x'", 0, "SecurityProtocolType", true, &v));
	CHECK(eval_piece(&s, "[Net.SecurityProtocolType]'Tls12'", 0, "SecurityProtocolType", false, &v));
	CHECK_UINT(v.versions, VERSION_TLS12);
	char *t = string_piece(&s, ") |$leaf2", 0);
	CHECK_STR(t, "HKLM:\\SOFTWARE\\TLS 1.1");
	free(t);
	/* ${leaf} is never assigned: the key is unknown. */
	t = string_piece(&s, "\"$base\\TLS 1.0\\${leaf}\"", 0);
	CHECK_STR(t, "(unknown)");
	free(t);
	snippet_release(&s);
}

static version_set reg(const char *key, const char *name, long long data)
{
	return registry_policy_versions(key, strlen(key), name, strlen(name), data);
}

static void test_registry_policy(void)
{
	const char *tls10 = "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server";
	CHECK_UINT(reg(tls10, "Enabled", 1), VERSION_TLS10);
	CHECK_UINT(reg(tls10, "enabled", 0xffffffffLL), VERSION_TLS10);
	CHECK_UINT(reg(tls10, "Enabled", 0), 0);
	CHECK_UINT(reg(tls10, "DisabledByDefault", 0), VERSION_TLS10);
	CHECK_UINT(reg(tls10, "DisabledByDefault", 1), 0);
	CHECK_UINT(reg("HKEY_LOCAL_MACHINE/SYSTEM/x/schannel/protocols/ssl 2.0/client/", "Enabled", 1),
		   VERSION_SSL2);
	CHECK_UINT(reg("HKLM\\SYSTEM\\x\\SCHANNEL\\Protocols\\TLS 1.2\\Client", "Enabled", 1), 0);
	CHECK_UINT(reg("HKLM\\SYSTEM\\x\\SCHANNEL\\Protocols\\TLS 1.0", "Enabled", 1), 0);
	CHECK_UINT(reg("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319",
		       "SchUseStrongCrypto", 0), VERSION_SSL3 | VERSION_TLS10);
	CHECK_UINT(reg("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727", "SystemDefaultTlsVersions",
		       1), 0);
	CHECK_UINT(reg("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.8", "SchUseStrongCrypto", 0), 0);
	CHECK_UINT(reg("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp",
		       "DefaultSecureProtocols", 0xAA8), VERSIONS_LEGACY_TLS);
	CHECK_UINT(reg("HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings",
		       "SecureProtocols", 0x2800), 0);
	CHECK_UINT(reg("HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings",
		       "DefaultSecureProtocols", 0x80), 0);
}

int main(void)
{
	test_csharp_numbers();
	test_csharp_strings();
	test_powershell();
	test_registry_policy();
	printf("cs_unit: %d failed checks\n", unit_failed_checks);
	return unit_failed_checks ? 1 : 0;
}
