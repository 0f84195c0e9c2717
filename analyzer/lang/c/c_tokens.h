/* c_tokens.h: the main file of a translation unit as tokens, for what the AST cannot say.
 *
 * The tokens of the scanned file (never of headers), as libclang's tokenizer gives them
 * (c_lex.h), with byte offsets into the text tlslint read. They give the spelling of arguments (macro and enum names as written), the
 * string literals of a function, and the token-level fallback for calls clang dropped from
 * the AST (an argument of an unknown type makes clang discard the whole call). Tokens inside
 * preprocessor directives are marked, so a macro's definition is never a finding. */
#ifndef TLSLINT_C_TOKENS_H
#define TLSLINT_C_TOKENS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum c_tok_kind { C_TOK_PUNCT, C_TOK_KEYWORD, C_TOK_IDENT, C_TOK_LITERAL } c_tok_kind;

typedef struct c_tok {
	c_tok_kind kind;
	bool directive;   /* inside a #define, #if, ... line */
	size_t off, len;
	int block;        /* index of the outermost { } block holding it (a function body or an
			     initializer, never `extern "C" {` or a namespace), or -1 */
} c_tok;

typedef struct c_tokens {
	const char *text; /* the file's text (not owned) */
	c_tok *toks;
	size_t len, cap;
} c_tokens;

/* Marks directive tokens and top-level blocks once all tokens are added. */
void c_tokens_finish(c_tokens *t);
void c_tokens_release(c_tokens *t);
/* Index of the first token starting at or after `off`. */
size_t c_tokens_at(const c_tokens *t, size_t off);
bool c_tok_is(const c_tokens *t, size_t i, const char *s);
/* Decodes a string literal token (prefix, quotes and escapes removed). Newly allocated, or
 * NULL when the token is not a string literal. */
char *c_tok_string(const c_tokens *t, size_t i);

#endif
