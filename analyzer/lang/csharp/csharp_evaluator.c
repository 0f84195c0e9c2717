/* csharp_evaluator.c: the C# evaluator (values/evaluator.h): registry writes
 * (csharp_strings.c), numbers (csharp_values.c) and strings, over the file's declarations
 * (csharp_scope.c). */
#include "lang/csharp/csharp_constants.h"
#include "lang/csharp/csharp_values_int.h"

static bool cs__eval_entry(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (type->kind == VALUE_REGISTRY)
		return cs_eval_registry(ctx, node, out);
	return cs_eval(ctx, node, type, out);
}

const value_evaluator csharp_evaluator = {
	.lang = LANG_CSHARP,
	.eval = cs__eval_entry,
	.eval_string = cs_eval_string,
	.release_state = cs_scope_release,
	.scan_index_new = cs_constants_new,
	.scan_index_record = cs_constants_record,
	.scan_index_seal = cs_constants_seal,
	.scan_index_answers = cs_constants_answers,
	.scan_index_free = cs_constants_free,
	.scan_index_reads = cs_constants_reads,
	.scan_index_mentioned = cs_constants_mentioned,
};
