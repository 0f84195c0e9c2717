/* csharp_values_int.h: internals shared by the C# evaluator's files, each using only those
 * after it: csharp_evaluator.c (the evaluator row), csharp_strings.c (strings, registry keys
 * and registry writes), csharp_values.c (numbers), csharp_scope.c (declarations). Not for
 * callers outside analyzer/lang/csharp/: they go through evaluator_for(LANG_CSHARP). */
#ifndef TLSLINT_CSHARP_VALUES_INT_H
#define TLSLINT_CSHARP_VALUES_INT_H

#include "lang/csharp/csharp_scope.h"
#include "values/evaluator.h"

#define CS_MAX_DEPTH 32

/* The number `node` evaluates to as a value of `type` (not a registry write). */
bool cs_eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out);
/* The string `node` evaluates to, appended to `out`. */
bool cs_eval_string(eval_ctx *ctx, TSNode node, strbuf *out);
/* A registry write (`Registry.SetValue(key, name, data)`, `key.SetValue(name, data)`). */
bool cs_eval_registry(eval_ctx *ctx, TSNode node, eval_result *out);

#endif
