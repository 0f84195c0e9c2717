/* py_syntax.h: questions about Python syntax trees that query predicates ask.
 *
 * Used by the predicates #not-has-arg? and #not-in-rejection-test? (predicates.c). Both work on
 * tree-sitter-python node types; on another language's tree they find nothing of theirs (no
 * Python argument list, no `with` block) and answer accordingly. */
#ifndef TLSLINT_PY_SYNTAX_H
#define TLSLINT_PY_SYNTAX_H

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

/* May the call whose argument list is `args` pass the parameter `keyword`, either by keyword
 * or (when `position` >= 0) as the positional argument at that 0-based position? `*args` and
 * `**kwargs` may pass anything, so they answer true. `text` is the parsed source. */
bool py_syntax_may_pass(TSNode args, const char *text, const char *keyword, long position);

/* Is `node` part of a test that expects the code to fail? True inside the body of a
 * `with pytest.raises(...)` / `with self.assertRaises(...)` block (any exception), inside the
 * arguments of the callable form `self.assertRaises(E, f, ...)`, and anywhere in a function
 * named `test*` whose body expects an SSL error (`pytest.raises(ssl.SSLError)`,
 * `self.assertRaises(SSL.Error)`: the expected exception's text contains "SSL"). */
bool py_syntax_in_rejection_test(TSNode node, const char *text);

#endif
