/* dotnet_checks.h: the native checks of MSBuild and .NET configuration files.
 *
 * One walk over a parsed XML file reports LT-NET-001 (each legacy target framework, graded:
 * error up to 4.5.2, warning for 4.6-4.6.2), LT-NET-002 (AppContextSwitchOverrides turning a
 * TLS opt-out switch on) and LT-NET-003 (WCF sslProtocols with a legacy version), and records
 * the facts of the project model: every target framework it sets and every switch that opts
 * into the operating system's defaults. */
#ifndef TLSLINT_DOTNET_CHECKS_H
#define TLSLINT_DOTNET_CHECKS_H

#include <stdbool.h>
#include <tree_sitter/api.h>

#include "engine/emit.h"
#include "rules/rule.h"

/* The enabled native rules; NULL when a rule does not run (facts are recorded anyway). */
typedef struct dotnet_rules {
	const rule *target;   /* LT-NET-001 */
	const rule *switches; /* LT-NET-002 */
	const rule *wcf;      /* LT-NET-003 */
} dotnet_rules;

/* Checks the XML tree `root` of ctx's file; a ts_tree_visitor over a dotnet_rules. */
void dotnet_checks_run(const void *rules, const file_ctx *ctx, TSNode root);
/* The same checks of an MSBuild project of the plain form (msbuild_reader.h), without a parse;
 * false when the file is not one (then nothing was done). */
bool dotnet_checks_plain_project(const void *rules, const file_ctx *ctx);

#endif
