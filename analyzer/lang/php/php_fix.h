/* php_fix.h: fixes of PHP findings, made from the syntax tree (core/language.h: fix). */
#ifndef TLSLINT_PHP_FIX_H
#define TLSLINT_PHP_FIX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

struct file_ctx;
struct finding;

/* LT-PHP-001: a legacy curl floor written where CURLOPT_SSLVERSION (or
 * CURLOPT_PROXY_SSLVERSION) takes it, in curl_setopt() or a `CURLOPT_SSLVERSION => ...` array
 * element: `CURL_SSLVERSION_TLSv1`, `_TLSv1_0`, `_TLSv1_1`, `_SSLv2`, `_SSLv3` or the numbers
 * 1 to 5 become `CURL_SSLVERSION_TLSv1_2`; a legacy cap (`CURL_SSLVERSION_MAX_TLSv1_0`,
 * `_MAX_TLSv1_1`) joined by `|` is dropped, the other constants kept (a cap alone becomes
 * `CURL_SSLVERSION_TLSv1_2`). A value held in a constant or variable, computed, or not written
 * at the option says why there is no fix; stream crypto methods and transports have none. */
void php_fix(const struct file_ctx *ctx, struct finding *f, TSNode value, bool followed);

#endif
