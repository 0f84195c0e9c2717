/* json_values.c: evaluating JSON values (appsettings.json) to protocol values.
 *
 * A string names enum members the way the .NET configuration binder reads them: a member
 * name, ignoring case, or several separated by commas ("Tls12, Tls13"); names are whole
 * tokens, so "Tls12" is never "Tls". A number is the numeric value. Anything else is unknown. */
#include <string.h>

#include "values/evaluator.h"

static bool json__space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool json__string(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (ts_node_named_child_count(node) != 1)
		return false; /* "" or escapes: not a member name */
	TSNode content = ts_node_named_child(node, 0);
	if (strcmp(ts_node_type(content), "string_content") != 0)
		return false;
	size_t len = 0;
	const char *s = eval_node_text(ctx, content, &len);
	long long v = 0;
	for (size_t i = 0; i <= len; i++) {
		size_t b = i;
		while (i < len && s[i] != ',')
			i++;
		size_t e = i; /* "Tls12," has an empty last name: not a value */
		while (b < e && json__space(s[b]))
			b++;
		while (e > b && json__space(s[e - 1]))
			e--;
		const value_member *m = value_type_member_nocase(type, s + b, e - b);
		if (!m)
			return false;
		v |= m->value;
	}
	out->value = v;
	return true;
}

static bool json__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	const char *kind = ts_node_type(node);
	bool ok = false;
	if (strcmp(kind, "string") == 0) {
		ok = json__string(ctx, node, type, out);
	} else if (strcmp(kind, "number") == 0) {
		size_t len = 0;
		const char *s = eval_node_text(ctx, node, &len);
		ok = eval_parse_integer(s, len, &out->value);
	}
	if (ok)
		out->versions = value_type_versions(type, out->value);
	return ok;
}

const value_evaluator json_evaluator = {
	.lang = LANG_JSON,
	.eval = json__eval,
};
