/* cs_syntax.h: questions about C# syntax trees that query predicates ask.
 *
 * C#'s answer to the predicate #not-in-rejection-test? (engine/predicates.c), named in its row
 * of the language table (lang/languages.c); py_syntax.h answers it for Python. */
#ifndef TLSLINT_CS_SYNTAX_H
#define TLSLINT_CS_SYNTAX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

/* Is `node` part of a test that expects the code to fail? True inside a lambda or anonymous
 * method passed to an assertion that expects an exception (`Assert.Throws<E>(() => ...)`,
 * `ThrowsAsync`, `ThrowsException`, `ThrowsAny`, `Assert.Catch`, `Record.Exception`, NUnit's
 * `Assert.That(() => ..., Throws....)`), and anywhere in a method marked
 * `[ExpectedException(...)]`. `text` is the parsed source. */
bool cs_syntax_in_rejection_test(TSNode node, const char *text);

#endif
