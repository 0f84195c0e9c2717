/* ps_facts.h: PowerShell scripts that opt the machine's .NET runtimes into the OS default.
 *
 * `Set-ItemProperty`/`New-ItemProperty` (named or positional -Path -Name -Value) and
 * `reg add KEY /v NAME /d DATA` writing `SystemDefaultTlsVersions`=1 or `SchUseStrongCrypto`=1
 * under `.NETFramework\v4.0.30319` or `v2.0.50727` are recorded as FACT_OPT_IN facts for
 * LT-NET-004, like the same values in a .reg file. Paths and values held in variables are not
 * followed: unknown is never evidence. */
#ifndef TLSLINT_PS_FACTS_H
#define TLSLINT_PS_FACTS_H

#include <tree_sitter/api.h>

#include "engine/emit.h"

/* A ts_tree_visitor: records the opt-ins of the PowerShell tree `root` in ctx->facts. */
void ps_facts_run(const void *unused, const file_ctx *ctx, TSNode root);

#endif
