/* java_syntax.h: questions about Java syntax trees that the evaluator and the query
 * predicates ask (the #not-in-rejection-test? answer is named in Java's row of the language
 * table, so it only sees tree-sitter-java trees). */
#ifndef TLSLINT_JAVA_SYNTAX_H
#define TLSLINT_JAVA_SYNTAX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

#include "values/evaluator.h"

/* The initial value of the variable or field that `name` (an identifier, or a field access
 * `this.X` / `Owner.X` whose field is declared in the file) names: the value of the nearest
 * declaration of that name before the use, else of the first after it (a field declared below
 * its use). A null node when the file declares no such name with a value. */
TSNode java_syntax_declared_value(const eval_ctx *ctx, TSNode name);

/* Is `node` part of a test that expects the code to fail? True inside a lambda or method
 * reference passed to `assertThrows`, `assertThrowsExactly`, `expectThrows`,
 * `assertThatThrownBy`, `assertThatExceptionOfType(...)....isThrownBy` or `catchThrowable`,
 * inside a method annotated `@Test(expected = ...)`, and anywhere in a method that asserts an
 * SSL, handshake or I/O exception (`assertThrows(SSLHandshakeException.class, ...)`). */
bool java_syntax_in_rejection_test(TSNode node, const char *text);

#endif
