/* php_syntax.h: questions about PHP files and their syntax trees that the language table, the
 * evaluator and the query predicates ask (the #not-in-rejection-test? answer is named in PHP's
 * row of the language table, so it only sees tree-sitter-php trees). */
#ifndef TLSLINT_PHP_SYNTAX_H
#define TLSLINT_PHP_SYNTAX_H

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

#include "values/evaluator.h"

/* Does the file hold PHP code: an open tag `<?php` (any case), `<?=`, or a short tag `<?`
 * followed by white space? (`.inc` files are PHP's only when they do; `<?xml` is not one.) */
bool php_sniff(const char *text, size_t len);

/* The value that the name `node` stands for in this file, or a null node:
 *  - a constant (`name`, `\NAME`, `Ns\NAME`): the value of `const NAME = ...;` outside a class
 *    or of `define('NAME', ...)`;
 *  - a class constant (`self::NAME`, `static::NAME`, `Foo::NAME`): the value of a
 *    `const NAME = ...;` in a class body (any class of the file: the nearest);
 *  - a variable (`$name`): the right-hand side of the nearest `$name = ...` before the use in
 *    the same function (or at the top level).
 * For constants the nearest declaration before the use wins, else the first after it (a class
 * constant declared below the method that reads it). */
TSNode php_syntax_declared_value(const eval_ctx *ctx, TSNode node);

/* Is `node` where libcurl's CURLOPT_SSLVERSION (or CURLOPT_PROXY_SSLVERSION) takes its value:
 * the third argument of `curl_setopt($h, CURLOPT_SSLVERSION, ...)`, or the value of a
 * `CURLOPT_SSLVERSION => ...` array element (`curl_setopt_array`, Guzzle's `'curl'` option)?
 * Bare numbers mean a protocol version only there. */
bool php_syntax_at_curl_sink(const char *text, TSNode node);

/* Is the value `node` a read rather than a setting of the code's own?
 *  - a translation: the value is chosen by a branch that compared an input with a legacy
 *    single-purpose constant (`if ($m === STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT) { $conf[...] =
 *    CURL_SSLVERSION_TLSv1_0; }`, a `case` of one, a `match` arm whose condition names one):
 *    a library mapping its caller's choice from one API's spelling to another's;
 *  - an element of an array passed to a membership test (`in_array($m, [...])`,
 *    `array_search`, `array_key_exists`, `assertContains`): validation of an input. */
bool php_syntax_is_read(const char *text, TSNode node);

/* Is `node` part of a test that expects the connection to fail? True inside the arguments of
 * `assertFalse(...)` (a handshake that must not succeed), and anywhere in a function or
 * method that calls `expectException(...)` / `setExpectedException(...)` with an exception of
 * the connection (a name holding Connect, Transport, Network, Request, Ssl, Tls, Crypto or
 * Handshake, any case), `expectExceptionMessage(...)` / `expectExceptionMessageMatches(...)`
 * naming SSL, TLS, crypto or a handshake, or `expectWarning()` / `expectError()` (the
 * warning a refused stream handshake raises). */
bool php_syntax_in_rejection_test(TSNode node, const char *text);

#endif
