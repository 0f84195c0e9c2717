/* powershell_evaluator.c: the PowerShell evaluator (values/evaluator.h): registry commands
 * (powershell_commands.c), numbers (powershell_values.c) and strings (powershell_strings.c). */
#include "lang/powershell/powershell_values_int.h"

static bool ps__eval_entry(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (type->kind == VALUE_REGISTRY)
		return ps_registry(ctx, node, out);
	eval_follow_start(ctx, node);
	if (!ps_eval(ctx, node, type, out))
		return false;
	out->versions = value_type_versions(type, out->value);
	eval_follow_result(ctx, out);
	return true;
}

const value_evaluator powershell_evaluator = {
	.lang = LANG_POWERSHELL,
	.eval = ps__eval_entry,
	.eval_string = ps_string,
	.release_state = ps_index_free,
};
