/* rb_syntax.h: questions about Ruby syntax trees that the evaluator and the query predicates
 * ask (the #not-in-rejection-test? answer is named in Ruby's row of the language table, so it
 * only sees tree-sitter-ruby trees). */
#ifndef TLSLINT_RB_SYNTAX_H
#define TLSLINT_RB_SYNTAX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

#include "values/evaluator.h"

/* The value last assigned to the constant or variable that `name` names (a `constant`, an
 * `identifier`, an `@instance` or `@@class` variable, or the last part of `Owner::NAME`): the
 * right side of the nearest `NAME = value` of the file before the use, else of the first one
 * after it (a constant of the class body below a method that reads it). A null node when the
 * file assigns no such name, or only in an assignment that holds the use. */
TSNode rb_syntax_assigned_value(const eval_ctx *ctx, TSNode name);

/* The name of the setting that `value` is written to, as Ruby code spells it: `ssl_version`
 * for `ctx.ssl_version = value`, `opts[:ssl_version] = value`, `ssl_version: value`,
 * `:ssl_version => value` and `ssl_version value`; `new` for `SSLContext.new(value)`. Written
 * to `*name`/`*len` (not NUL-terminated); false when `value` is not written to a named
 * setting. */
bool rb_syntax_setting(const eval_ctx *ctx, TSNode value, const char **name, size_t *len);

/* Is `node` compared rather than written: an operand of `==`, `!=`, `===` or `=~`, or (through
 * the hashes, arrays and pairs around it) an argument of a matcher or assertion that
 * compares (`eq`, `eql`, `equal`, `include`, `match`, `assert_equal`, `assert_includes`,
 * `refute_equal`)? */
bool rb_syntax_in_comparison(const eval_ctx *ctx, TSNode node);

/* Is `node` part of a test that expects the code to fail? True inside the block of
 * `assert_raise(...)`, `assert_raises(...)`, `assert_raise_with_message`,
 * `assert_raise_kind_of` or `assert_handshake_error`, inside `expect { ... }` or
 * `lambda { ... }` / `-> { ... }` followed by `.to raise_error` / `raise_exception` (also
 * `.should`), and anywhere in a test (`def test_*`, an `it`/`specify`/`test` block) that
 * asserts an SSL or connection error (`assert_raise(OpenSSL::SSL::SSLError)`,
 * `raise_error(OpenSSL::SSL::SSLError)`, `assert_handshake_error`). */
bool rb_syntax_in_rejection_test(TSNode node, const char *text);

#endif
