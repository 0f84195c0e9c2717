/* js_syntax.h: questions about JavaScript and TypeScript syntax trees that the evaluator and
 * the query predicates ask (the trees of tree-sitter-javascript, -typescript and -tsx, whose
 * expression nodes are the same). */
#ifndef TLSLINT_JS_SYNTAX_H
#define TLSLINT_JS_SYNTAX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

#include "values/evaluator.h"

/* `node` without the TypeScript wrappers that do not change its value (`x as T`,
 * `x satisfies T`, `x!`, `<T>x`) and parentheses. */
TSNode js_syntax_unwrap(TSNode node);

/* The initial value of the variable `name` (an identifier, or a shorthand property `{ name }`)
 * names: the value of the nearest `const`/`let`/`var` declarator of that name before the use,
 * else of the first after it. A null node when the file declares no such name with a value. */
TSNode js_syntax_declared_value(const eval_ctx *ctx, TSNode name);

/* The value of the property `key` (`len` bytes) in the object literal `object`: the last pair
 * or shorthand property of that name (a later one overrides an earlier one and a spread). A
 * null node when the object states none. */
TSNode js_syntax_property(const eval_ctx *ctx, TSNode object, const char *key, size_t len);

/* Is `node` part of a test that expects the code to fail? True inside the arguments of
 * `assert.throws`, `assert.rejects`, `expect(...)` followed by `.toThrow...`, `.rejects` or
 * `.to.throw`/`.to.be.rejected...`, and inside a test (`it`, `test`) whose title says the
 * connection is refused, rejected or fails, and whose body looks for an error; and inside a
 * `beforeEach`/`before`/`beforeAll` hook beside such a test (it sets up the legacy peer that
 * the test is refused by). */
bool js_syntax_in_rejection_test(TSNode node, const char *text);

#endif
