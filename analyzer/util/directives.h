/* directives.h: reading line-oriented configuration (Apache httpd, HAProxy, OpenSSL) into
 * directives: one logical line, split into words.
 *
 * The formats differ in three ways, which `directive_syntax` says:
 *  - comments: `#` starts one only at the start of a line (Apache: `SSLProtocol all #x` passes
 *    `#x` as an argument) or anywhere outside quotes (HAProxy, OpenSSL);
 *  - continuation: a `\` at the end of a line joins the next one (Apache, OpenSSL; HAProxy
 *    has none);
 *  - `key = value` (OpenSSL): `=` is a word of its own, so `MinProtocol=TLSv1` is three words.
 * Words are separated by blanks; "..." and '...' quote a word (a backslash escapes the next
 * byte inside quotes). A word that holds template syntax (`{{`, `{%`, `<%`, `${`) is marked,
 * so a checker can tell a literal value from a computed one; lines of a template's own
 * syntax (`{% if %}`) are read like any other, so every branch of a conditional counts.
 *
 * The reader never fails and never reads outside the buffer: an unterminated quote ends at
 * the end of its logical line. */
#ifndef TLSLINT_DIRECTIVES_H
#define TLSLINT_DIRECTIVES_H

#include <stdbool.h>
#include <stddef.h>

#define DIRECTIVE_MAX_WORDS 64 /* further words of one line are dropped */

typedef struct directive_syntax {
	bool hash_anywhere;  /* `#` outside quotes starts a comment anywhere on the line */
	bool continuation;   /* `\` before the line break joins the next line */
	bool equals_word;    /* `=` outside quotes is a word of its own */
} directive_syntax;

typedef struct directive_word {
	size_t start, end;   /* bytes of the word in the buffer, quotes included */
	size_t vstart, vend; /* its value: inside the quotes (escapes not undone) */
	bool quoted;
	bool templated;      /* holds template syntax: not a literal value */
} directive_word;

typedef struct directive {
	directive_word words[DIRECTIVE_MAX_WORDS];
	size_t nwords;
	size_t line;         /* 1-based line where it starts */
} directive;

typedef void (*directive_fn)(void *arg, const char *buf, const directive *d);

/* Reads `len` bytes of `buf` and calls `fn` for every logical line that has a word. Returns
 * the number of such lines. */
size_t directives_read(const char *buf, size_t len, const directive_syntax *sx, directive_fn fn,
		       void *arg);

/* Is word `w` of `buf` equal to `s`, ignoring ASCII case? */
bool directive_word_is(const char *buf, const directive_word *w, const char *s);

#endif
