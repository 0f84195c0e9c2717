/* kotlin_syntax.h: questions about Kotlin syntax trees (tree-sitter-grammars' Kotlin grammar)
 * that the evaluator and the query predicates ask; the #not-in-rejection-test? answer is named
 * in Kotlin's row of the language table, so it only sees Kotlin trees. */
#ifndef TLSLINT_KOTLIN_SYNTAX_H
#define TLSLINT_KOTLIN_SYNTAX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

#include "values/evaluator.h"

/* The initialiser of the `val` or `const val` property or local that `name` (an identifier,
 * or a navigation `this.X` / `Owner.X` / `Companion.X` whose last name is declared in the file)
 * names: the nearest declaration of that name before the use, else the first after it (a
 * companion object's constant below its use). `var`s, which may be reassigned, and
 * destructuring declarations are not followed. A null node when the file declares no such
 * `val` with an initialiser. */
TSNode kotlin_syntax_declared_value(const eval_ctx *ctx, TSNode name);

/* The function name of a call_expression: `f` in `f(...)`, `x.f(...)`, `f<T>(...)` and
 * `f { ... }`; a null node when the callee is something else. */
TSNode kotlin_syntax_callee_name(TSNode call);

/* Is `node` part of a test that expects the code to fail? True inside a lambda passed to
 * `assertFailsWith`, `assertThrows`, `assertThrowsExactly`, `expectThrows`, `shouldThrow`,
 * `shouldThrowExactly`, `shouldThrowAny`, `assertThatThrownBy`, `isThrownBy`,
 * `catchThrowable` or `assertThatCode` (with a type argument, `assertFailsWith<E> { }`, too),
 * in a function annotated `@Test(expected = ...)`, and anywhere in a function that asserts an
 * SSL, handshake or I/O exception (`assertFailsWith<SSLHandshakeException> { ... }`,
 * `assertThrows(SSLException::class.java) { ... }`). */
bool kotlin_syntax_in_rejection_test(TSNode node, const char *text);

#endif
