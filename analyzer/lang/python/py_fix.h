/* py_fix.h: fixes of Python findings, made from the syntax tree (core/language.h: fix). */
#ifndef TLSLINT_PY_FIX_H
#define TLSLINT_PY_FIX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

struct file_ctx;
struct finding;

/* LT-PY-001: a legacy constant passed straight to ssl.SSLContext (PROTOCOL_*) or pyOpenSSL's
 * SSL.Context (*_METHOD) becomes PROTOCOL_TLS_CLIENT / TLS_CLIENT_METHOD, the module
 * qualifier kept; anywhere else the finding says why there is no fix. */
void py_fix(const struct file_ctx *ctx, struct finding *f, TSNode value, bool followed);

#endif
