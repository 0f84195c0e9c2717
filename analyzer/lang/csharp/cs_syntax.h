/* cs_syntax.h: questions about C# syntax trees that query predicates ask.
 *
 * Used by the predicate #not-in-rejection-test? (predicates.c) on C# trees; py_syntax.h
 * answers it on Python trees. */
#ifndef TLSLINT_CS_SYNTAX_H
#define TLSLINT_CS_SYNTAX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

/* Is `node` in a C# tree? */
bool cs_syntax_is_csharp(TSNode node);

/* Is `node` part of a test that expects the code to fail? True inside a lambda or anonymous
 * method passed to an assertion that expects an exception (`Assert.Throws<E>(() => ...)`,
 * `ThrowsAsync`, `ThrowsException`, `ThrowsAny`, `Assert.Catch`, `Record.Exception`, NUnit's
 * `Assert.That(() => ..., Throws....)`), and anywhere in a method marked
 * `[ExpectedException(...)]`. `text` is the parsed source. */
bool cs_syntax_in_rejection_test(TSNode node, const char *text);

#endif
