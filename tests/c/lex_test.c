/* lex_test.c: our C/C++ tokenizer (lang/c/c_lex.h), which the token fallback uses when
 * libclang cannot analyse a file, gives the tokens libclang's tokenizer gives.
 *   lex_test FILE...   (C and C++ files; .cpp/.cc/.cxx/.hpp are C++)
 * Each file is tokenized both ways and the tokens (kind, offset, length) must be identical;
 * then a fixed sample checks kinds and spellings exactly, and pathological inputs (unclosed
 * comments and strings, 200,000 nested parentheses) must tokenize in linear time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lang/c/c_lex.h"
#include "lang/c/libclang.h"
#include "util/alloc.h"
#include "util/fileio.h"

static int failures;

static void expect(bool ok, const char *what)
{
	if (!ok) {
		printf("FAIL: %s\n", what);
		failures++;
	}
}

static const char kind_char[] = { 'P', 'K', 'I', 'L' };

/* libclang's tokens of `text`, as c_unit_tokenize() reads them. */
static void clang_tokens(const libclang_api *lc, CXIndex idx, const char *path, const char *text,
			 size_t len, bool cxx, c_tokens *out)
{
	struct CXUnsavedFile uf = { path, text, (unsigned long)len };
	const char *args[] = { "-x", cxx ? "c++" : "c", "-nostdinc", "-w" };
	CXTranslationUnit tu = NULL;
	if (lc->parseTranslationUnit2(idx, path, args, 4, &uf, 1,
				      CXTranslationUnit_SingleFileParse, &tu) != CXError_Success) {
		printf("FAIL: %s: libclang could not parse it\n", path);
		failures++;
		return;
	}
	CXFile f = lc->getFile(tu, path);
	CXSourceRange all = lc->getRange(lc->getLocationForOffset(tu, f, 0),
					 lc->getLocationForOffset(tu, f, (unsigned)len));
	CXToken *toks = NULL;
	unsigned n = 0;
	lc->tokenize(tu, all, &toks, &n);
	for (unsigned i = 0; i < n; i++) {
		CXTokenKind k = lc->getTokenKind(toks[i]);
		if (k == CXToken_Comment)
			continue;
		CXSourceRange r = lc->getTokenExtent(tu, toks[i]);
		unsigned s = 0, e = 0;
		lc->getFileLocation(lc->getRangeStart(r), NULL, NULL, NULL, &s);
		lc->getFileLocation(lc->getRangeEnd(r), NULL, NULL, NULL, &e);
		if (e < s || e > len)
			continue;
		GROW(out->toks, out->cap, out->len + 1);
		out->toks[out->len++] = (c_tok){ .kind = k == CXToken_Punctuation ? C_TOK_PUNCT
						 : k == CXToken_Keyword   ? C_TOK_KEYWORD
						 : k == CXToken_Identifier ? C_TOK_IDENT
									   : C_TOK_LITERAL,
						 .off = s, .len = e - s };
	}
	if (toks)
		lc->disposeTokens(tu, toks, n);
	lc->disposeTranslationUnit(tu);
}

static bool is_cxx(const char *path)
{
	const char *dot = strrchr(path, '.');
	return dot && (strcmp(dot, ".cpp") == 0 || strcmp(dot, ".cc") == 0 ||
		       strcmp(dot, ".cxx") == 0 || strcmp(dot, ".hpp") == 0);
}

static void compare_file(const libclang_api *lc, CXIndex idx, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	if (file_read_all(path, 1u << 24, &text, &len) < 0) {
		printf("FAIL: %s: cannot read it\n", path);
		failures++;
		return;
	}
	char abs[4096];
	snprintf(abs, sizeof(abs), "/lex-test/%s", path);
	c_tokens ours = { .text = text }, theirs = { .text = text };
	c_lex(&ours, len, is_cxx(path));
	clang_tokens(lc, idx, abs, text, len, is_cxx(path), &theirs);
	size_t n = ours.len < theirs.len ? ours.len : theirs.len;
	for (size_t i = 0; i < n; i++) {
		const c_tok *a = &ours.toks[i], *b = &theirs.toks[i];
		if (a->kind != b->kind || a->off != b->off || a->len != b->len) {
			printf("FAIL: %s: token %zu: ours %c '%.*s' at %zu, libclang's %c '%.*s' at %zu\n",
			       path, i, kind_char[a->kind], (int)a->len, text + a->off, a->off,
			       kind_char[b->kind], (int)b->len, text + b->off, b->off);
			failures++;
			break;
		}
	}
	if (ours.len != theirs.len) {
		printf("FAIL: %s: %zu tokens, libclang has %zu\n", path, ours.len, theirs.len);
		failures++;
	}
	c_tokens_release(&ours);
	c_tokens_release(&theirs);
	free(text);
}

/* The tokens of `text` as "K:spelling" joined by spaces. */
static char *render(const char *text, bool cxx)
{
	c_tokens t = { .text = text };
	c_lex(&t, strlen(text), cxx);
	size_t cap = strlen(text) * 4 + 16;
	char *out = xmalloc(cap), *p = out;
	*p = '\0';
	for (size_t i = 0; i < t.len; i++)
		p += snprintf(p, cap - (size_t)(p - out), "%s%c%s:%.*s", i ? " " : "",
			      kind_char[t.toks[i].kind], t.toks[i].directive ? "#" : "",
			      (int)t.toks[i].len, text + t.toks[i].off);
	c_tokens_release(&t);
	return out;
}

static void expect_render(const char *text, bool cxx, const char *want)
{
	char *got = render(text, cxx);
	if (strcmp(got, want) != 0) {
		printf("FAIL: tokens of \"%s\":\n  got  %s\n  want %s\n", text, got, want);
		failures++;
	}
	free(got);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	const libclang_api *lc = libclang_get();
	if (!lc) {
		printf("FAIL: %s\n", libclang_error());
		return 1;
	}
	CXIndex idx = lc->createIndex(0, 0);
	for (int i = 1; i < argc; i++)
		compare_file(lc, idx, argv[i]);
	lc->disposeIndex(idx);

	expect_render("#define V TLS1_VERSION\nf(a, \"s\\\"q\", 'c', 0x1fULL, 1.5e+3);",
		      false,
		      "P#:# I#:define I#:V I#:TLS1_VERSION I:f P:( I:a P:, L:\"s\\\"q\" P:, "
		      "L:'c' P:, L:0x1fULL P:, L:1.5e+3 P:) P:;");
	expect_render("x->y <<= 2; a::b(); /* c */ // d\nL\"w\" u8\"u\" R\"(r)\" ...", true,
		      "I:x P:-> I:y P:<<= L:2 P:; I:a P::: I:b P:( P:) P:; L:L\"w\" L:u8\"u\" "
		      "L:R\"(r)\" P:...");
	expect_render("class new; int bool;", false, "I:class I:new P:; K:int I:bool P:;");
	expect_render("class new; int bool;", true, "K:class K:new P:; K:int K:bool P:;");
	/* The bounds of the keyword look-up's fast rejection: the shortest and longest keywords,
	 * one with '_' first, the last in order; a name like one with a capital first. */
	expect_render("do _Bool __builtin_types_compatible_p xor_eq Do __builtin_types_compatible_px",
		      true, "K:do K:_Bool K:__builtin_types_compatible_p K:xor_eq I:Do "
		      "I:__builtin_types_compatible_px");
	expect_render("a::b(x ? y : z); __asm__(\"\" ::: \"memory\");", false,
		      "I:a P:: P:: I:b P:( I:x P:? I:y P:: I:z P:) P:; K:__asm__ P:( L:\"\" P:: P:: "
		      "P:: L:\"memory\" P:) P:;");
	expect_render("#define F(x) \\\n{x;\\\n}", false, "P#:# I#:define I#:F P#:( I#:x P#:) "
		      "P#:\\\n{ I#:x P#:; P#:\\\n}");
	expect_render("\xEF\xBB\xBFint x;", false, "K:int I:x P:;");
	expect_render("a \\\n b /* unclosed", false, "I:a I:b");
	expect_render("\"unclosed\nx", false, "L:\"unclosed I:x");
	expect_render("1'000'000 .5f 0x1p-3", true, "L:1'000'000 L:.5f L:0x1p-3");

	/* Hostile input: deep nesting and long runs tokenize in linear time. */
	size_t n = 200000;
	char *deep = xmalloc(2 * n + 2);
	memset(deep, '(', n);
	memset(deep + n, ')', n);
	deep[2 * n] = '\0';
	double t0 = now();
	c_tokens t = { .text = deep };
	c_lex(&t, 2 * n, false);
	expect(t.len == 2 * n, "200,000 nested parentheses are 400,000 tokens");
	c_tokens_release(&t);
	memset(deep, '!', 2 * n);
	t = (c_tokens){ .text = deep };
	c_lex(&t, 2 * n, false);
	expect(t.len == 2 * n && t.toks[0].len == 1, "'!' after '!' is one token each ('!=' aside)");
	c_tokens_release(&t);
	expect(now() - t0 < 60.0, "hostile inputs tokenize in linear time (within 60 s, ASan on a loaded machine)");
	free(deep);

	if (!failures)
		printf("lex: all checks passed (%d files compared with libclang)\n", argc - 1);
	return failures ? 1 : 0;
}
