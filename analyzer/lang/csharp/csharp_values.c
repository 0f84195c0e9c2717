/* csharp_values.c: evaluating C# expressions to protocol values.
 *
 * Handles enum members (`SecurityProtocolType.Tls`, `System.Net.SecurityProtocolType.Tls`,
 * a bare `Tls` under `using static`), integer literals in any base, casts
 * (`(SecurityProtocolType)768`), parentheses, `|` (an unknown side, as in
 * `ServicePointManager.SecurityProtocol | Tls11`, adds nothing), `+`, `&`, `^`, `~`, `?:`
 * (either branch may be written), identifiers bound to an initialised declaration visible at
 * the use (constants, fields and locals) and `Class.Name` fields of the file. As in C# itself, a value of an enum type must name its type
 * (a member or a cast): a bare `768` is a number, never a SecurityProtocolType. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/ts_field.h"
#include "util/alloc.h"
#include "lang/csharp/csharp_constants.h"
#include "lang/csharp/csharp_values_int.h"

static bool cs__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out,
		     bool *typed);

static bool cs__names_type(const eval_ctx *ctx, TSNode node, const value_type *type)
{
	size_t len = 0;
	const char *n = cs_last_name(ctx, node, &len);
	return strlen(type->name) == len && memcmp(n, type->name, len) == 0;
}

static bool cs__member(const value_type *type, const char *name, size_t len, eval_result *out)
{
	const value_member *m = value_type_member(type, name, len);
	if (!m)
		return false;
	out->value = m->value;
	out->named = m->value;
	return true;
}

/* Is `node` a `using static <...>.TypeName;` directive? */
static bool cs__is_using_static(eval_ctx *ctx, TSNode node, const value_type *type)
{
	if (strcmp(ts_node_type(node), "using_directive") != 0)
		return false;
	size_t len = 0;
	const char *t = eval_node_text(ctx, node, &len);
	uint32_t k = ts_node_named_child_count(node);
	return k && memmem(t, len, "static", 6) &&
	       cs__names_type(ctx, ts_node_named_child(node, k - 1), type);
}

/* Is `using static <...>.TypeName;` in the file (at the top or in a namespace)? */
static bool cs__using_static(eval_ctx *ctx, const value_type *type)
{
	uint32_t n = 0;
	TSNode *top = eval_named_children(ctx->root, &n);
	bool found = false;
	for (uint32_t i = 0; i < n && !found; i++) {
		const char *kind = ts_node_type(top[i]);
		if (strcmp(kind, "namespace_declaration") == 0 ||
		    strcmp(kind, "file_scoped_namespace_declaration") == 0) {
			TSNode body = ts_field_child(top[i], "body", 4);
			uint32_t m = 0;
			TSNode *inner = eval_named_children(ts_node_is_null(body) ? top[i] : body, &m);
			for (uint32_t j = 0; j < m && !found; j++)
				found = cs__is_using_static(ctx, inner[j], type);
			free(inner);
		} else {
			found = cs__is_using_static(ctx, top[i], type);
		}
	}
	free(top);
	return found;
}

static bool cs__identifier(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out,
			   bool *typed)
{
	size_t len = 0;
	const char *name = eval_node_text(ctx, node, &len);
	if (type->nmembers && value_type_member(type, name, len) && cs__using_static(ctx, type)) {
		*typed = true;
		return cs__member(type, name, len, out);
	}
	TSNode value = { 0 };
	if (!cs_resolve(ctx, node, name, len, &value))
		return false;
	eval_follow(ctx, node, value, true);
	return cs__eval(ctx, value, type, out, typed);
}

static bool cs__binary(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out,
		       bool *typed)
{
	TSNode l = ts_field_child(node, "left", 4);
	TSNode r = ts_field_child(node, "right", 5);
	TSNode op = ts_field_child(node, "operator", 8);
	if (ts_node_is_null(l) || ts_node_is_null(r) || ts_node_is_null(op))
		return false;
	eval_result a = { 0 }, b = { 0 };
	bool ka = cs__eval(ctx, l, type, &a, typed), kb = cs__eval(ctx, r, type, &b, typed);
	/* Comparisons and logical operators fold to a bool: `1 == 1 ? false : true`. */
	static const char *const folds[] = { "==", "!=", "<", ">", "<=", ">=", "&&", "||" };
	for (size_t i = 0; i < sizeof(folds) / sizeof(folds[0]); i++) {
		if (!eval_node_is(ctx, op, folds[i]))
			continue;
		if (!ka || !kb)
			return false;
		long long x = a.value, y = b.value;
		bool folded[] = { x == y, x != y, x < y, x > y, x <= y, x >= y, x && y, x || y };
		out->value = folded[i];
		out->named = 0;
		return true;
	}
	static const struct {
		const char *text;
		eval_op op;
	} ops[] = { { "|", EVAL_OP_OR }, { "+", EVAL_OP_ADD }, { "&", EVAL_OP_AND },
		    { "^", EVAL_OP_XOR } };
	eval_op o = EVAL_OP_NONE;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]) && !o; i++)
		if (eval_node_is(ctx, op, ops[i].text))
			o = ops[i].op;
	/* `SecurityProtocol | Tls11` enables at least what the known side names. */
	return eval_fold_binary(o, true, a, ka, b, kb, out);
}

/* A condition that folds to a constant (`1 == 1`, `2 > 3`, `!true`, `DEBUG && false`): 1 or
 * 0 in *out; false when it depends on anything not constant. */
static bool cs__condition(eval_ctx *ctx, TSNode node, long long *out)
{
	eval_result c = { 0 };
	bool typed = false;
	if (!cs__eval(ctx, node, value_type_find("int"), &c, &typed))
		return false;
	*out = c.value != 0;
	return true;
}

/* `c ? a : b`: the branch a constant condition picks; else either branch may be written, the
 * union of the branches that are known. */
static bool cs__conditional(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out,
			    bool *typed)
{
	TSNode cons = ts_field_child(node, "consequence", 11);
	TSNode alt = ts_field_child(node, "alternative", 11);
	long long cond = 0;
	if (cs__condition(ctx, ts_field_child(node, "condition", 9), &cond))
		return cs__eval(ctx, cond ? cons : alt, type, out, typed);
	eval_result a = { 0 }, b = { 0 };
	bool ta = false, tb = false;
	bool ka = cs__eval(ctx, cons, type, &a, &ta);
	bool kb = cs__eval(ctx, alt, type, &b, &tb);
	if (!ka && !kb)
		return false;
	out->value = (ka ? a.value : 0) | (kb ? b.value : 0);
	out->named = (ka ? a.named : 0) | (kb ? b.named : 0);
	*typed = *typed || (ka && ta) || (kb && tb);
	return true;
}

/* `(T)x`: a cast to the value's own type names it; a cast to a built-in integer type passes
 * the number through; any other cast is another type. */
static bool cs__cast(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out,
		     bool *typed)
{
	TSNode t = ts_field_child(node, "type", 4);
	if (ts_node_is_null(t))
		return false;
	bool own = cs__names_type(ctx, t, type);
	if (!own && strcmp(ts_node_type(t), "predefined_type") != 0 &&
	    (type->kind == VALUE_FLAGS || type->kind == VALUE_ENUM) && !ctx->numeric)
		return false;
	/* Under a cast to the value's own type, a cast to another enum passes its number
	 * through too: `(SecurityProtocolType)_Tls10` with `const SslProtocols _Tls10 =
	 * (SslProtocols)0x300` is 768. */
	bool inner = false, numeric = ctx->numeric;
	ctx->numeric = numeric || own;
	bool ok = cs__eval(ctx, ts_field_child(node, "value", 5), type, out, &inner);
	ctx->numeric = numeric;
	if (!ok)
		return false;
	/* `(int)SecurityProtocolType.Tls` is an int, `(SecurityProtocolType)(int)x` is not. */
	*typed = *typed || own;
	return true;
}

/* `Class.Name` defined in another file of the scan (`SecurityProtocolTypeExtensions.Tls11`). */
static bool cs__other_file(eval_ctx *ctx, TSNode cls, const char *name, size_t nlen,
			   const value_type *type, eval_result *out, bool *typed)
{
	size_t clen = 0;
	const char *c = cs_last_name(ctx, cls, &clen);
	const char *uri = NULL;
	region where;
	if (!ctx->scan_index)
		return false;
	if (!cs_constants_sealed(ctx->scan_index)) {
		/* The scan is still filling the index: asked again once it is complete. */
		if (ctx->lookups)
			index_lookups_add(ctx->lookups, cs_constants_key(c, clen, name, nlen, type));
		return false;
	}
	if (!cs_constants_find(ctx->scan_index, c, clen, name, nlen, type, out, &uri, &where))
		return false;
	*typed = true; /* indexed only as a value of its type */
	ctx->defined_uri = uri;
	ctx->defined_at = where;
	return true;
}

/* `bool.Parse("true")`, `Boolean.Parse(...)`, `Convert.ToBoolean("True")` of a string
 * that is known: 1 or 0 (as .NET, ignoring case and surrounding white space). */
static bool cs__parse_bool(eval_ctx *ctx, TSNode node, eval_result *out)
{
	TSNode fn = ts_field_child(node, "function", 8);
	TSNode args = ts_field_child(node, "arguments", 9);
	if (ts_node_is_null(fn) || ts_node_is_null(args) ||
	    strcmp(ts_node_type(fn), "member_access_expression") != 0 ||
	    ts_node_named_child_count(args) != 1)
		return false;
	static const char *const parsers[] = { "bool.Parse", "Boolean.Parse", "System.Boolean.Parse",
					       "Convert.ToBoolean", "System.Convert.ToBoolean" };
	bool parser = false;
	for (size_t i = 0; i < sizeof(parsers) / sizeof(parsers[0]); i++)
		parser = parser || eval_node_is_n(ctx, fn, parsers[i], strlen(parsers[i]));
	TSNode arg = ts_node_named_child(args, 0);
	if (!parser || ts_node_named_child_count(arg) != 1)
		return false;
	strbuf s = STRBUF_INIT;
	bool ok = cs_eval_string(ctx, ts_node_named_child(arg, 0), &s);
	const char *t = strbuf_str(&s);
	size_t n = s.len;
	while (ok && n && (*t == ' ' || *t == '\t')) {
		t++;
		n--;
	}
	while (ok && n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (ok && n == 4 && strncasecmp(t, "true", 4) == 0)
		out->value = 1;
	else if (ok && n == 5 && strncasecmp(t, "false", 5) == 0)
		out->value = 0;
	else
		ok = false;
	out->named = 0;
	strbuf_release(&s);
	return ok;
}

static bool cs__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out,
		     bool *typed)
{
	if (ts_node_is_null(node) || ctx->depth > CS_MAX_DEPTH)
		return false;
	ctx->depth++;
	bool ok = false;
	const char *kind = ts_node_type(node);
	size_t len = 0;
	const char *text = eval_node_text(ctx, node, &len);

	if ((strcmp(kind, "parenthesized_expression") == 0 ||
	     strcmp(kind, "checked_expression") == 0) && ts_node_named_child_count(node) == 1) {
		/* (x), unchecked(x), checked(x) */
		eval_follow(ctx, node, ts_node_named_child(node, 0), false);
		ok = cs__eval(ctx, ts_node_named_child(node, 0), type, out, typed);
	} else if (strcmp(kind, "cast_expression") == 0) {
		ok = cs__cast(ctx, node, type, out, typed);
	} else if (strcmp(kind, "integer_literal") == 0) {
		ok = eval_parse_integer(text, len, &out->value);
		out->named = 0;
	} else if (strcmp(kind, "boolean_literal") == 0) {
		out->value = len == 4 && memcmp(text, "true", 4) == 0;
		out->named = 0;
		ok = true;
	} else if (strcmp(kind, "member_access_expression") == 0) {
		TSNode expr = ts_field_child(node, "expression", 10);
		TSNode name = ts_field_child(node, "name", 4);
		size_t nlen = 0;
		const char *n = ts_node_is_null(name) ? NULL : eval_node_text(ctx, name, &nlen);
		TSNode value = { 0 }, anywhere = { 0 };
		if (!ts_node_is_null(expr) && n && cs__names_type(ctx, expr, type)) {
			ok = cs__member(type, n, nlen, out);
			*typed = *typed || ok;
		} else if (n && cs_resolve(ctx, anywhere, n, nlen, &value)) {
			eval_follow(ctx, node, value, true);
			ok = cs__eval(ctx, value, type, out, typed); /* TlsDefaults.Legacy */
		} else if (n && !ts_node_is_null(expr)) {
			ok = cs__other_file(ctx, expr, n, nlen, type, out, typed);
		}
	} else if (strcmp(kind, "identifier") == 0) {
		ok = cs__identifier(ctx, node, type, out, typed);
	} else if (strcmp(kind, "binary_expression") == 0) {
		ok = cs__binary(ctx, node, type, out, typed);
	} else if (strcmp(kind, "conditional_expression") == 0) {
		ok = cs__conditional(ctx, node, type, out, typed);
	} else if (strcmp(kind, "prefix_unary_expression") == 0 && len > 1 && text[0] == '!' &&
		   ts_node_named_child_count(node) == 1) {
		ok = cs__eval(ctx, ts_node_named_child(node, 0), type, out, typed);
		out->value = !out->value;
		out->named = 0;
	} else if (strcmp(kind, "invocation_expression") == 0) {
		ok = cs__parse_bool(ctx, node, out);
	} else if (strcmp(kind, "prefix_unary_expression") == 0 && len > 1 && text[0] == '~' &&
		   ts_node_named_child_count(node) == 1) {
		ok = cs__eval(ctx, ts_node_named_child(node, 0), type, out, typed);
		out->value = ~out->value;
		out->named = out->named ? out->value : 0;
	}
	ctx->depth--;
	return ok;
}

bool cs_eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	bool typed = false;
	eval_follow_start(ctx, node);
	if (!cs__eval(ctx, node, type, out, &typed))
		return false;
	eval_follow_result(ctx, out);
	if ((type->kind == VALUE_FLAGS || type->kind == VALUE_ENUM) && !typed)
		return false; /* a number that C# would not let be a value of this type */
	out->versions = value_type_versions(type, out->value);
	return true;
}
