/* py_fix.h: fixes of Python findings, made from the syntax tree (core/language.h: fix). */
#ifndef TLSLINT_PY_FIX_H
#define TLSLINT_PY_FIX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

struct file_ctx;
struct finding;

/* LT-PY-001: a legacy constant passed straight to ssl.SSLContext (PROTOCOL_*) or pyOpenSSL's
 * SSL.Context (*_METHOD) becomes PROTOCOL_TLS_SERVER / TLS_SERVER_METHOD where the context's
 * uses in the tree serve connections, PROTOCOL_TLS_CLIENT / TLS_CLIENT_METHOD where they
 * make them (or say nothing, in a file that does not serve TLS), the module qualifier kept;
 * where PROTOCOL_TLS_CLIENT turns certificate and host name checks on, the message says so.
 * Uses of both sides, uses not followed, and anywhere else: the finding says why there is no
 * fix. */
void py_fix(const struct file_ctx *ctx, struct finding *f, TSNode value, bool followed);

#endif
