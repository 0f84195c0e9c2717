/* go_syntax.h: questions about Go syntax trees that query predicates ask (named in Go's row
 * of the language table, so they only see tree-sitter-go trees). */
#ifndef TLSLINT_GO_SYNTAX_H
#define TLSLINT_GO_SYNTAX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

/* Is `node` part of a test that expects the code to fail? True in a function named `Test*`
 * when the statement holding `node`, or one of the three after it, is followed by a check that
 * an error happened: `if err == nil ...`, `require.Error(...)`, `assert.Error(...)` (and their
 * `ErrorContains` / `ErrorIs` forms). */
bool go_syntax_in_rejection_test(TSNode node, const char *text);

#endif
