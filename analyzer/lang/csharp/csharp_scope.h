/* csharp_scope.h: the declarations of a C# file and which one a name refers to. */
#ifndef TLSLINT_CSHARP_SCOPE_H
#define TLSLINT_CSHARP_SCOPE_H

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

#include "values/evaluator.h"

/* The initialiser of the declaration of `name` visible at `use`: the innermost enclosing
 * scope's declaration (locals before the use, fields anywhere). A null `use` asks for the
 * field of that name of any class (`Settings.Name`), when only one class has it. False when
 * there is none. The first call indexes the file's declarations in *ctx->state. */
bool cs_resolve(eval_ctx *ctx, TSNode use, const char *name, size_t len, TSNode *value);
/* Frees the index cs_resolve() kept in *ctx->state (the evaluator's release_state). */
void cs_scope_release(void *state);
/* The last identifier of a dotted name (`System.Net.SecurityProtocolType` gives the last). */
const char *cs_last_name(const eval_ctx *ctx, TSNode node, size_t *len);

#endif
