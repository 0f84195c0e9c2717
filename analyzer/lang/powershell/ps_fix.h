/* ps_fix.h: fixes of PowerShell findings, made from the syntax tree (core/language.h: fix). */
#ifndef TLSLINT_PS_FIX_H
#define TLSLINT_PS_FIX_H

#include <stdbool.h>
#include <tree_sitter/api.h>

struct file_ctx;
struct finding;

/* LT-PS-001 (SecurityProtocolType values): the legacy members leave a value written as
 * `[Net.SecurityProtocolType]::X` members joined by `-bor`, or as a string of member names
 * ('Tls,Tls11', also inside a `[Net.SecurityProtocolType]` cast); Tls12 is added when no TLS
 * 1.2 or 1.3 member is left. Only where the value is assigned with `=` or passed; a value
 * stored in a variable, added with `+=`, or computed (numbers, variables, expansions) says
 * why there is no fix. */
/* LT-PS-002 (registry writes): an integer literal written to SCHANNEL `Enabled` becomes 0,
 * `DisabledByDefault` 1, `SchUseStrongCrypto` / `SystemDefaultTlsVersions` 1, a WinHTTP or
 * Internet Settings mask loses its legacy bits; computed data, keys or names have none. */
void ps_fix(const struct file_ctx *ctx, struct finding *f, TSNode value, bool followed);

#endif
