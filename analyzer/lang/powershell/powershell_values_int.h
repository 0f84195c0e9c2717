/* powershell_values_int.h: internals shared by the PowerShell evaluator's files, each using
 * only those after it: powershell_evaluator.c (the evaluator row), powershell_commands.c
 * (command arguments and registry writes), powershell_values.c (numbers),
 * powershell_strings.c (strings and variables), powershell_syntax.c (node questions). Callers
 * outside them go through evaluator_for(LANG_POWERSHELL). PowerShell ignores case in names,
 * so every comparison here does too. */
#ifndef TLSLINT_POWERSHELL_VALUES_INT_H
#define TLSLINT_POWERSHELL_VALUES_INT_H

#include "values/evaluator.h"

#define PS_MAX_DEPTH 32

bool ps_kind(TSNode node, const char *kind);
/* The node's text equals `s`, ignoring case. */
bool ps_text_is(const eval_ctx *ctx, TSNode node, const char *s);
/* Skips the single-child layers the grammar wraps every expression in. */
TSNode ps_unwrap(TSNode node);
/* The anonymous operator token of a binary or unary expression, or a null node. */
TSNode ps_operator(TSNode node);
/* Does a `[Type.Name]` literal name `type` (its last dotted part)? */
bool ps_type_literal_names(const eval_ctx *ctx, TSNode lit, const char *type);
/* The name of a variable node without `$`, `${ }` or a scope (`$script:x`). */
const char *ps_variable_name(const eval_ctx *ctx, TSNode var, size_t *len);

/* The number `node` evaluates to as a value of `type` (versions not set). */
bool ps_eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out);
/* The string `node` evaluates to, appended to `out`. */
bool ps_string(eval_ctx *ctx, TSNode node, strbuf *out);
/* The string of a quoted literal node (`string_literal`). */
bool ps_string_literal(eval_ctx *ctx, TSNode node, strbuf *out);
/* The value last assigned to `$name` before byte `before`. */
bool ps_resolve(eval_ctx *ctx, const char *name, size_t len, uint32_t before, TSNode *value);
/* Frees the per-file assignment index (the evaluator's release_state). */
void ps_index_free(void *state);
/* A registry write command (Set-ItemProperty, New-ItemProperty, reg add). */
bool ps_registry(eval_ctx *ctx, TSNode command, eval_result *out);
/* The key, value name and data arguments of such a command, as written; false when it is
 * not one or one of them is missing. */
bool ps_registry_parts(const eval_ctx *ctx, TSNode command, TSNode *key, TSNode *name,
		       TSNode *data);

#endif
