/* csharp_values_int.h: internals shared by the C# evaluator's files (csharp_values.c for
 * numbers, csharp_strings.c for strings, registry keys and registry writes). Not for callers
 * outside analyzer/values/csharp_*.c: they go through evaluator_for(LANG_CSHARP). */
#ifndef TLSLINT_CSHARP_VALUES_INT_H
#define TLSLINT_CSHARP_VALUES_INT_H

#include "values/evaluator.h"

#define CS_MAX_DEPTH 32

/* The initialiser of the declaration of `name` visible at `use`: the innermost enclosing
 * scope's declaration (locals before the use, fields anywhere). A null `use` asks for the
 * field of that name of any class (`Settings.Name`), when only one class has it. False when
 * there is none. The first call indexes the file's declarations in *ctx->state. */
bool cs_resolve(eval_ctx *ctx, TSNode use, const char *name, size_t len, TSNode *value);
/* The last identifier of a dotted name (`System.Net.SecurityProtocolType` gives the last). */
const char *cs_last_name(const eval_ctx *ctx, TSNode node, size_t *len);
/* The number `node` evaluates to as a value of `type` (the evaluator's entry point). */
bool cs_eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out);
/* The string `node` evaluates to, appended to `out`. */
bool cs_eval_string(eval_ctx *ctx, TSNode node, strbuf *out);
/* A registry write (`Registry.SetValue(key, name, data)`, `key.SetValue(name, data)`). */
bool cs_eval_registry(eval_ctx *ctx, TSNode node, eval_result *out);

#endif
