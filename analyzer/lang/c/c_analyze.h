/* c_analyze.h: running C rules over one parsed translation unit.
 *
 * The AST pass (c_ast.c) looks at every call and member assignment located in the scanned
 * file (macro expansions count at their use site), evaluates the argument the rule names with
 * clang, follows a local variable to the value assigned to it earlier in the function, and
 * records which calls it saw. The token pass (c_fallback.c) then reads the calls and
 * assignments the AST does not have (clang drops a call when one of its arguments has an
 * unknown type) from the file's tokens. Both add to the same merged list of findings. */
#ifndef TLSLINT_C_ANALYZE_H
#define TLSLINT_C_ANALYZE_H

#include <stdbool.h>
#include <stddef.h>

#include "lang/c/c_match.h"
#include "lang/c/c_rules.h"
#include "lang/c/c_tokens.h"
#include "lang/c/libclang.h"

typedef struct c_unit {
	const libclang_api *lc;
	CXTranslationUnit tu;
	CXFile main;
	c_tokens toks;
	const c_rule *const *rules;
	size_t nrules;
	c_hits hits;
	size_t *seen;   /* end offsets of calls, offsets of assigned members the AST saw */
	size_t nseen, seencap;
	bool no_fallback;
} c_unit;

/* Tokenizes the main file into u->toks (C++ keywords and punctuators when `cxx`). */
void c_unit_tokenize(c_unit *u, size_t len, bool cxx);
void c_unit_seen(c_unit *u, size_t off);
/* Sorts what the AST pass saw; c_unit_was_seen() needs it. */
void c_unit_seen_done(c_unit *u);
bool c_unit_was_seen(const c_unit *u, size_t off);
void c_ast_run(c_unit *u);
void c_fallback_run(c_unit *u);
/* Single-purpose constants (patterns marked `anywhere`) wherever they are written. */
void c_anywhere_run(c_unit *u);
void c_unit_release(c_unit *u);

#endif
