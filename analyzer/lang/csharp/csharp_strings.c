/* csharp_strings.c: evaluating C# expressions to strings, registry keys and registry writes.
 *
 * Strings: regular, verbatim and raw literals, `$"..."` without holes, `+` concatenation,
 * parentheses and constants or variables visible at the use (`const string S = "..."`).
 * A `RegistryKey` expression evaluates to its path: `Registry.LocalMachine` is
 * "HKEY_LOCAL_MACHINE", `RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, ...)` too, and
 * `k.CreateSubKey(p)` / `k.OpenSubKey(p)` append `\p`. */
#include <string.h>

#include "engine/ts_field.h"
#include "lang/csharp/csharp_values_int.h"
#include "values/registry_policy.h"

static bool cs__string(eval_ctx *ctx, TSNode node, strbuf *out);

/* Decodes one escape sequence of a regular string literal. */
static bool cs__escape(const char *t, size_t len, strbuf *out)
{
	static const char from[] = "\\\"'0abfnrtv", to[] = "\\\"'\0\a\b\f\n\r\t\v";
	if (len == 2) {
		const char *p = memchr(from, t[1], sizeof(from) - 1);
		if (p)
			return eval_string_add(out, to + (p - from), 1);
	}
	return false; /* \u, \x: not in the names this evaluates */
}

static bool cs__regular_literal(eval_ctx *ctx, TSNode node, strbuf *out)
{
	uint32_t n = ts_node_named_child_count(node);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(node, i);
		const char *kind = ts_node_type(c);
		size_t len = 0;
		const char *t = eval_node_text(ctx, c, &len);
		if (strcmp(kind, "string_literal_content") == 0 ||
		    strcmp(kind, "raw_string_content") == 0 || strcmp(kind, "string_content") == 0) {
			if (!eval_string_add(out, t, len))
				return false;
		} else if (strcmp(kind, "escape_sequence") == 0) {
			if (!cs__escape(t, len, out))
				return false;
		} else if (strcmp(kind, "interpolation") == 0) {
			return false;
		}
	}
	return true;
}

/* @"..." with "" for a quote. */
static bool cs__verbatim_literal(eval_ctx *ctx, TSNode node, strbuf *out)
{
	size_t len = 0;
	const char *t = eval_node_text(ctx, node, &len);
	if (len < 3 || t[0] != '@' || t[1] != '"' || t[len - 1] != '"')
		return false;
	for (size_t i = 2; i + 1 < len; i++) {
		if (t[i] == '"')
			i++; /* "" */
		if (!eval_string_add(out, t + i, 1))
			return false;
	}
	return true;
}

static bool cs__name_is(const eval_ctx *ctx, TSNode node, const char *name)
{
	size_t len = 0;
	const char *n = cs_last_name(ctx, node, &len);
	return strlen(name) == len && memcmp(n, name, len) == 0;
}

static const struct {
	const char *member; /* Registry.<member> and RegistryHive.<member> */
	const char *hive;
} hives[] = {
	{ "LocalMachine", "HKEY_LOCAL_MACHINE" }, { "CurrentUser", "HKEY_CURRENT_USER" },
	{ "Users", "HKEY_USERS" },                { "ClassesRoot", "HKEY_CLASSES_ROOT" },
	{ "CurrentConfig", "HKEY_CURRENT_CONFIG" },
};

static bool cs__hive(const eval_ctx *ctx, TSNode member, strbuf *out)
{
	for (size_t i = 0; i < sizeof(hives) / sizeof(hives[0]); i++)
		if (eval_node_is(ctx, member, hives[i].member))
			return eval_string_add(out, hives[i].hive, strlen(hives[i].hive));
	return false;
}

/* The n-th argument's expression of an invocation (positional), or a null node. */
static TSNode cs__argument(TSNode call, uint32_t n)
{
	TSNode args = ts_field_child(call, "arguments", 9);
	TSNode none = { 0 };
	if (ts_node_is_null(args) || n >= ts_node_named_child_count(args))
		return none;
	TSNode arg = ts_node_named_child(args, n);
	uint32_t k = ts_node_named_child_count(arg);
	if (!ts_node_is_null(ts_field_child(arg, "name", 4)) || !k)
		return none;
	return ts_node_named_child(arg, k - 1);
}

/* Registry key paths: `Registry.LocalMachine`, `OpenBaseKey(RegistryHive.X, ...)`,
 * `k.CreateSubKey(p)`, `k.OpenSubKey(p, ...)`. */
static bool cs__registry_key(eval_ctx *ctx, TSNode node, strbuf *out, bool *handled)
{
	const char *kind = ts_node_type(node);
	*handled = true;
	if (strcmp(kind, "member_access_expression") == 0) {
		TSNode expr = ts_field_child(node, "expression", 10);
		TSNode name = ts_field_child(node, "name", 4);
		if (!ts_node_is_null(expr) && cs__name_is(ctx, expr, "Registry"))
			return cs__hive(ctx, name, out);
	} else if (strcmp(kind, "invocation_expression") == 0) {
		TSNode fn = ts_field_child(node, "function", 8);
		if (!ts_node_is_null(fn) && strcmp(ts_node_type(fn), "member_access_expression") == 0) {
			TSNode recv = ts_field_child(fn, "expression", 10);
			TSNode name = ts_field_child(fn, "name", 4);
			if (eval_node_is(ctx, name, "OpenBaseKey") && cs__name_is(ctx, recv, "RegistryKey")) {
				TSNode hive = cs__argument(node, 0);
				return !ts_node_is_null(hive) &&
				       strcmp(ts_node_type(hive), "member_access_expression") == 0 &&
				       cs__hive(ctx, ts_field_child(hive, "name", 4), out);
			}
			if (eval_node_is(ctx, name, "OpenSubKey") || eval_node_is(ctx, name, "CreateSubKey"))
				return cs__string(ctx, recv, out) && eval_string_add(out, "\\", 1) &&
				       cs__string(ctx, cs__argument(node, 0), out);
		}
	}
	*handled = false;
	return false;
}

static bool cs__string(eval_ctx *ctx, TSNode node, strbuf *out)
{
	if (ts_node_is_null(node) || ctx->depth > CS_MAX_DEPTH)
		return false;
	ctx->depth++;
	bool ok = false, handled = false;
	const char *kind = ts_node_type(node);
	if (strcmp(kind, "string_literal") == 0 || strcmp(kind, "raw_string_literal") == 0 ||
	    strcmp(kind, "interpolated_string_expression") == 0) {
		ok = cs__regular_literal(ctx, node, out);
	} else if (strcmp(kind, "verbatim_string_literal") == 0) {
		ok = cs__verbatim_literal(ctx, node, out);
	} else if (strcmp(kind, "parenthesized_expression") == 0 &&
		   ts_node_named_child_count(node) == 1) {
		ok = cs__string(ctx, ts_node_named_child(node, 0), out);
	} else if (strcmp(kind, "binary_expression") == 0) {
		TSNode op = ts_field_child(node, "operator", 8);
		ok = !ts_node_is_null(op) && eval_node_is(ctx, op, "+") &&
		     cs__string(ctx, ts_field_child(node, "left", 4), out) &&
		     cs__string(ctx, ts_field_child(node, "right", 5), out);
	} else if (strcmp(kind, "identifier") == 0) {
		size_t len = 0;
		const char *name = eval_node_text(ctx, node, &len);
		TSNode value = { 0 };
		ok = cs_resolve(ctx, node, name, len, &value) && cs__string(ctx, value, out);
	} else {
		ok = cs__registry_key(ctx, node, out, &handled);
		if (!handled && strcmp(kind, "member_access_expression") == 0) {
			/* Settings.SwitchName: a constant of another class of the file. */
			TSNode name = ts_field_child(node, "name", 4);
			size_t len = 0;
			const char *n = ts_node_is_null(name) ? NULL : eval_node_text(ctx, name, &len);
			TSNode value = { 0 }, anywhere = { 0 };
			ok = n && cs_resolve(ctx, anywhere, n, len, &value) &&
			     cs__string(ctx, value, out);
		}
	}
	ctx->depth--;
	return ok;
}

bool cs_eval_string(eval_ctx *ctx, TSNode node, strbuf *out)
{
	return cs__string(ctx, node, out);
}

/* `Registry.SetValue(key, name, data[, kind])` or `<key>.SetValue(name, data[, kind])`. */
bool cs_eval_registry(eval_ctx *ctx, TSNode node, eval_result *out)
{
	if (strcmp(ts_node_type(node), "invocation_expression") != 0)
		return false;
	TSNode fn = ts_field_child(node, "function", 8);
	if (ts_node_is_null(fn) || strcmp(ts_node_type(fn), "member_access_expression") != 0 ||
	    !eval_node_is(ctx, ts_field_child(fn, "name", 4), "SetValue"))
		return false;
	TSNode recv = ts_field_child(fn, "expression", 10);
	strbuf key = STRBUF_INIT, name = STRBUF_INIT;
	bool ok = false, known_key = true;
	uint32_t first = 0;
	if (cs__name_is(ctx, recv, "Registry")) {
		first = 1; /* the static Registry.SetValue(keyName, ...) */
		known_key = cs__string(ctx, cs__argument(node, 0), &key);
	} else {
		known_key = cs__string(ctx, recv, &key);
	}
	eval_result data = { 0 };
	const value_type *num = value_type_find("int");
	if (!cs__string(ctx, cs__argument(node, first), &name) ||
	    !cs_eval(ctx, cs__argument(node, first + 1), num, &data))
		goto cleanup;
	out->value = data.value;
	out->named = 0;
	/* A key the helper receives (`void Harden(RegistryKey k) { k.SetValue(...) }`): the value
	 * name alone can identify the setting. */
	out->versions = known_key ? registry_policy_versions(key.buf ? key.buf : "", key.len,
							     strbuf_str(&name), name.len, data.value)
				  : registry_policy_versions_any_key(strbuf_str(&name), name.len,
								     data.value);
	out->detail = known_key ? NULL : " (key: computed)";
	ok = true;
cleanup:
	strbuf_release(&key);
	strbuf_release(&name);
	return ok;
}
