/* c_lex.h: tokenizing C and C++ without libclang.
 *
 * Every C file's token passes read these tokens: those of the files libclang parses
 * (c_unit.c; clang_tokenize() gave the same in five times the time), and those of the files it
 * cannot analyse (it crashed or ran out of time in its parser process, see clang/c_server.h),
 * which only the token fallback (c_fallback.c) reads. The passes need the same tokens
 * libclang's tokenizer gives: identifiers, keywords, literals (with
 * their L/u/U/u8/R prefixes) and punctuators, comments dropped, byte offsets into the text.
 * The lexer is iterative and linear in the text, whatever the text holds. */
#ifndef TLSLINT_C_LEX_H
#define TLSLINT_C_LEX_H

#include <stdbool.h>
#include <stddef.h>

#include "lang/c/c_tokens.h"

/* Fills `t` (empty, t->text already set) with the tokens of its first `len` bytes, C++
 * keywords only when `cxx`, then marks directives and blocks (c_tokens_finish). */
void c_lex(c_tokens *t, size_t len, bool cxx);

#endif
