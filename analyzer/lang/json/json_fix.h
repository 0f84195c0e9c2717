/* json_fix.h: fixes of JSON findings, made from the syntax tree (core/language.h: fix). */
#ifndef TLSLINT_JSON_FIX_H
#define TLSLINT_JSON_FIX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

struct file_ctx;
struct finding;

/* LT-NET-005 (Kestrel's SslProtocols list in appsettings.json): a legacy element leaves the
 * list when another names TLS 1.2 or 1.3; in a list of legacy versions only, the first becomes
 * "None" (the operating system chooses) and the others leave; an element that names both keeps
 * its modern names. A list with a name the fix does not know says why there is no fix. */
void json_fix(const struct file_ctx *ctx, struct finding *f, TSNode value, bool followed);

#endif
