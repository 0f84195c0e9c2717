/* c_lex.c: a C/C++ tokenizer of our own: the tokens of every C file (c_unit.c), and the token
 * fallback's when libclang fails. */
#include "c_lex.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

/* C11 and C++17 keywords with the GNU and Microsoft ones libclang knows (bsearch: keep sorted
 * bytewise), and whether only C++ has them. Casts and declarations are told from names by
 * these, as libclang's CXToken_Keyword does. */
static const struct c_lex_keyword {
	const char *word;
	bool cxx_only;
} c_lex__keywords[] = {
	{ "_Alignas", false }, { "_Alignof", false }, { "_Atomic", false }, { "_Bool", false },
	{ "_Complex", false }, { "_Generic", false }, { "_Imaginary", false },
	{ "_Noreturn", false }, { "_Static_assert", false }, { "_Thread_local", false },
	{ "__FUNCTION__", false }, { "__PRETTY_FUNCTION__", false }, { "__alignof", false },
	{ "__alignof__", false }, { "__asm", false }, { "__asm__", false },
	{ "__attribute", false }, { "__attribute__", false }, { "__auto_type", false },
	{ "__builtin_COLUMN", false }, { "__builtin_FILE", false },
	{ "__builtin_FUNCTION", false }, { "__builtin_LINE", false },
	{ "__builtin_available", false }, { "__builtin_offsetof", false },
	{ "__builtin_types_compatible_p", false }, { "__builtin_va_arg", false },
	{ "__cdecl", false }, { "__const", false }, { "__const__", false },
	{ "__extension__", false }, { "__fastcall", false }, { "__func__", false },
	{ "__imag__", false }, { "__inline", false }, { "__inline__", false },
	{ "__int128", false }, { "__label__", false }, { "__real__", false },
	{ "__restrict", false }, { "__restrict__", false }, { "__signed", false },
	{ "__signed__", false }, { "__stdcall", false }, { "__thiscall", false },
	{ "__thread", false }, { "__typeof", false }, { "__typeof__", false },
	{ "__vectorcall", false }, { "__volatile", false }, { "__volatile__", false },
	{ "alignas", true }, { "alignof", true }, { "and", true }, { "and_eq", true },
	{ "asm", false }, { "auto", false }, { "bitand", true }, { "bitor", true },
	{ "bool", true }, { "break", false }, { "case", false }, { "catch", true },
	{ "char", false }, { "char16_t", true }, { "char32_t", true }, { "class", true },
	{ "compl", true }, { "const", false }, { "const_cast", true }, { "constexpr", true },
	{ "continue", false }, { "decltype", true }, { "default", false }, { "delete", true },
	{ "do", false }, { "double", false }, { "dynamic_cast", true }, { "else", false },
	{ "enum", false }, { "explicit", true }, { "export", true }, { "extern", false },
	{ "false", true }, { "float", false }, { "for", false }, { "friend", true },
	{ "goto", false }, { "if", false }, { "inline", false }, { "int", false },
	{ "long", false }, { "mutable", true }, { "namespace", true }, { "new", true },
	{ "noexcept", true }, { "not", true }, { "not_eq", true }, { "nullptr", true },
	{ "operator", true }, { "or", true }, { "or_eq", true }, { "private", true },
	{ "protected", true }, { "public", true }, { "register", false },
	{ "reinterpret_cast", true }, { "restrict", false }, { "return", false },
	{ "short", false }, { "signed", false }, { "sizeof", false }, { "static", false },
	{ "static_assert", true }, { "static_cast", true }, { "struct", false },
	{ "switch", false }, { "template", true }, { "this", true }, { "thread_local", true },
	{ "throw", true }, { "true", true }, { "try", true }, { "typedef", false },
	{ "typeid", true }, { "typename", true }, { "typeof", false }, { "union", false },
	{ "unsigned", false }, { "using", true }, { "virtual", true }, { "void", false },
	{ "volatile", false }, { "wchar_t", true }, { "while", false }, { "xor", true },
	{ "xor_eq", true },
};

/* Punctuators of more than one character, longest first. */
static const char *const c_lex__puncts[] = {
	"<<=", ">>=", "...", "->*", "<=>", "::", "->", "++", "--", "<<", ">>", "<=", ">=", "==",
	"!=", "&&", "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", ".*",
};

static bool c_lex__ident_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '$' || c >= 0x80;
}

struct c_lex_word {
	const char *s;
	size_t n;
};

static int c_lex__cmp(const void *key, const void *elem)
{
	const struct c_lex_word *k = key;
	const char *kw = ((const struct c_lex_keyword *)elem)->word;
	int c = strncmp(k->s, kw, k->n);
	return c ? c : kw[k->n] ? -1 : 0;
}

static bool c_lex__is_keyword(const char *s, size_t n, bool cxx)
{
	/* Every keyword starts with '_' or a lowercase letter and has 2 to 28 bytes: most names
	 * of TLS code (SSL_CTX_new, CURLOPT_SSLVERSION) are told apart without a search. */
	if (n < 2 || n > 28 || !(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z')))
		return false;
	struct c_lex_word key = { s, n };
	const struct c_lex_keyword *kw =
		bsearch(&key, c_lex__keywords, sizeof(c_lex__keywords) / sizeof(*c_lex__keywords),
			sizeof(*c_lex__keywords), c_lex__cmp);
	return kw && (cxx || !kw->cxx_only);
}

/* A string prefix: L, u, U, u8, each optionally followed by R, or R alone. */
static bool c_lex__string_prefix(const char *s, size_t n, bool *raw)
{
	*raw = n > 0 && s[n - 1] == 'R';
	if (*raw)
		n--;
	return n == 0 ? *raw
	       : n == 1 ? s[0] == 'L' || s[0] == 'u' || s[0] == 'U'
			: n == 2 && s[0] == 'u' && s[1] == '8';
}

/* The end of a quoted literal whose quote is at `i` (an unterminated one ends at the line). */
static size_t c_lex__quoted(const char *s, size_t len, size_t i)
{
	char q = s[i++];
	while (i < len && s[i] != q && s[i] != '\n') {
		if (s[i] == '\\' && i + 1 < len)
			i++;
		i++;
	}
	return i < len && s[i] == q ? i + 1 : i;
}

/* The end of a raw string R"delim( ... )delim" whose quote is at `i`. */
static size_t c_lex__raw(const char *s, size_t len, size_t i)
{
	size_t d = i + 1;
	while (d < len && d - i - 1 < 16 && s[d] != '(' && s[d] != '"' && s[d] != '\n' &&
	       s[d] != ' ' && s[d] != '\\')
		d++;
	if (d >= len || s[d] != '(')
		return c_lex__quoted(s, len, i); /* not a raw string after all */
	size_t dn = d - i - 1;
	for (size_t k = d + 1; k < len; k++)
		if (s[k] == ')' && k + 1 + dn < len &&
		    memcmp(s + k + 1, s + i + 1, dn) == 0 && s[k + 1 + dn] == '"')
			return k + dn + 2;
	return len;
}

static void c_lex__push(c_tokens *t, c_tok_kind kind, size_t off, size_t len)
{
	GROW(t->toks, t->cap, t->len + 1);
	c_tok *k = &t->toks[t->len++];
	k->kind = kind;
	k->off = off;
	k->len = len;
	k->directive = false;
	k->block = -1;
}

void c_lex(c_tokens *t, size_t len, bool cxx)
{
	const char *s = t->text;
	size_t i = 0;
	/* A line continuation right before a token belongs to it, as in libclang's extents. */
	size_t splice = SIZE_MAX;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3; /* a byte order mark */
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t before = t->len;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
		    c == '\0') {
			i++;
			splice = SIZE_MAX;
			continue;
		} else if (c == '\\' && i + 1 < len && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
			if (splice == SIZE_MAX)
				splice = i;
			i += s[i + 1] == '\r' && i + 2 < len && s[i + 2] == '\n' ? 3 : 2;
			continue;
		} else if (c == '/' && i + 1 < len && s[i + 1] == '/') {
			while (i < len && s[i] != '\n')
				i++;
		} else if (c == '/' && i + 1 < len && s[i + 1] == '*') {
			const char *e = len - i > 2 ? memmem(s + i + 2, len - i - 2, "*/", 2) : NULL;
			i = e ? (size_t)(e - s) + 2 : len;
		} else if (c_lex__ident_char(c) && !(c >= '0' && c <= '9')) {
			size_t b = i;
			while (i < len && c_lex__ident_char((unsigned char)s[i]))
				i++;
			bool raw;
			if (i < len && (s[i] == '"' || s[i] == '\'') &&
			    c_lex__string_prefix(s + b, i - b, &raw)) {
				i = raw && s[i] == '"' ? c_lex__raw(s, len, i) : c_lex__quoted(s, len, i);
				c_lex__push(t, C_TOK_LITERAL, b, i - b);
			} else {
				c_lex__push(t, c_lex__is_keyword(s + b, i - b, cxx) ? C_TOK_KEYWORD : C_TOK_IDENT,
					    b, i - b);
			}
		} else if ((c >= '0' && c <= '9') ||
			   (c == '.' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')) {
			/* A preprocessing number: digits, letters, '.', digit separators, and a sign
			 * after an exponent. */
			size_t b = i++;
			while (i < len) {
				char p = s[i - 1], d = s[i];
				if (c_lex__ident_char((unsigned char)d) || d == '.' ||
				    (d == '\'' && i + 1 < len && c_lex__ident_char((unsigned char)s[i + 1])))
					i++;
				else if ((d == '+' || d == '-') &&
					 (p == 'e' || p == 'E' || p == 'p' || p == 'P'))
					i++;
				else
					break;
			}
			c_lex__push(t, C_TOK_LITERAL, b, i - b);
		} else if (c == '"' || c == '\'') {
			size_t b = i;
			i = c_lex__quoted(s, len, i);
			c_lex__push(t, C_TOK_LITERAL, b, i - b);
		} else {
			size_t n = 1;
			for (size_t k = 0; k < sizeof(c_lex__puncts) / sizeof(*c_lex__puncts); k++) {
				const char *p = c_lex__puncts[k];
				if (p[0] != (char)c)
					continue;
				size_t pl = strlen(p);
				if (pl > len - i || memcmp(s + i, p, pl) != 0)
					continue;
				if (!cxx && (strcmp(p, "::") == 0 || strcmp(p, "->*") == 0 ||
					     strcmp(p, ".*") == 0 || strcmp(p, "<=>") == 0))
					continue; /* C++ only */
				n = pl;
				break;
			}
			c_lex__push(t, C_TOK_PUNCT, i, n);
			i += n;
		}
		if (splice != SIZE_MAX && t->len > before) {
			c_tok *k = &t->toks[before];
			k->len += k->off - splice;
			k->off = splice;
		}
		splice = SIZE_MAX;
	}
	c_tokens_finish(t);
}
