/* cs_fix.h: fixes of C# findings, made from the syntax tree (core/language.h: fix). */
#ifndef TLSLINT_CS_FIX_H
#define TLSLINT_CS_FIX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

struct file_ctx;
struct finding;

/* LT-CS-001 (SecurityProtocolType members): the legacy members leave the `|` expression
 * (SecurityProtocolType.Tls12 when nothing else remains); LT-CS-003 (SslProtocols members):
 * the value becomes SslProtocols.None, the operating system's choice. Only values written as
 * members joined by `|`, where they are assigned, initialised, passed or returned; anything
 * else says why there is no fix. */
void cs_fix(const struct file_ctx *ctx, struct finding *f, TSNode value, bool followed);

#endif
