/* powershell_commands.c: the arguments of PowerShell commands, and registry writes.
 *
 * `Set-ItemProperty` / `New-ItemProperty` take -Path, -Name and -Value by name or position;
 * `reg add KEY /v NAME /d DATA` takes reg.exe's switches. values/registry_policy.h says which
 * legacy versions the write turns back on. */
#include <string.h>

#include "engine/ts_field.h"
#include "lang/powershell/powershell_values_int.h"
#include "values/registry_policy.h"

/* The arguments of a command: named (`-Name value`) and positional, in order. */
#define MAX_ARGS 32
struct ps__args {
	TSNode positional[MAX_ARGS];
	size_t npositional;
	TSNode named_param[MAX_ARGS], named_value[MAX_ARGS];
	size_t nnamed;
};

/* Parameters that take no value. */
static bool ps__is_switch(const eval_ctx *ctx, TSNode param)
{
	static const char *const switches[] = { "-Force", "-PassThru", "-WhatIf", "-Confirm",
						"-Verbose", "-Debug" };
	for (size_t i = 0; i < sizeof(switches) / sizeof(switches[0]); i++)
		if (ps_text_is(ctx, param, switches[i]))
			return true;
	return false;
}

static void ps__command_args(const eval_ctx *ctx, TSNode elements, struct ps__args *a)
{
	memset(a, 0, sizeof(*a));
	uint32_t n = ts_node_named_child_count(elements);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(elements, i);
		if (ps_kind(c, "command_argument_sep"))
			continue;
		if (ps_kind(c, "command_parameter")) {
			if (ps__is_switch(ctx, c) || a->nnamed == MAX_ARGS)
				continue;
			uint32_t j = i + 1;
			while (j < n && ps_kind(ts_node_named_child(elements, j), "command_argument_sep"))
				j++;
			if (j == n || ps_kind(ts_node_named_child(elements, j), "command_parameter"))
				continue;
			a->named_param[a->nnamed] = c;
			a->named_value[a->nnamed++] = ts_node_named_child(elements, j);
			i = j;
		} else if (a->npositional < MAX_ARGS) {
			a->positional[a->npositional++] = c;
		}
	}
}

/* The value of the first of the named parameters `names` (case-insensitive), or the
 * positional argument `position`. */
static TSNode ps__arg(const eval_ctx *ctx, const struct ps__args *a, const char *const *names,
		      size_t position)
{
	for (size_t i = 0; i < a->nnamed; i++)
		for (const char *const *n = names; *n; n++)
			if (ps_text_is(ctx, a->named_param[i], *n))
				return a->named_value[i];
	TSNode none = { 0 };
	return position < a->npositional ? a->positional[position] : none;
}

bool ps_registry_parts(const eval_ctx *ctx, TSNode command, TSNode *key_out,
		       TSNode *name_out, TSNode *data_out)
{
	if (!ps_kind(command, "command"))
		return false;
	TSNode name = ts_field_child(command, "command_name", 12);
	TSNode elements = ts_field_child(command, "command_elements", 16);
	if (ts_node_is_null(name) || ts_node_is_null(elements))
		return false;
	if (ps_kind(name, "command_name_expr") && ts_node_named_child_count(name) == 1)
		name = ts_node_named_child(name, 0);
	struct ps__args a;
	ps__command_args(ctx, elements, &a);
	TSNode key = { 0 }, value_name = { 0 }, data = { 0 };
	if (ps_text_is(ctx, name, "Set-ItemProperty") || ps_text_is(ctx, name, "New-ItemProperty")) {
		static const char *const path[] = { "-Path", "-LiteralPath", "-PSPath", NULL };
		static const char *const vname[] = { "-Name", NULL };
		static const char *const value[] = { "-Value", NULL };
		key = ps__arg(ctx, &a, path, 0);
		value_name = ps__arg(ctx, &a, vname, 1);
		data = ps__arg(ctx, &a, value, 2);
	} else if (ps_text_is(ctx, name, "reg") || ps_text_is(ctx, name, "reg.exe")) {
		/* reg's switches are positional tokens: add KEY /v NAME /t TYPE /d DATA /f */
		if (a.npositional < 2 || !ps_text_is(ctx, a.positional[0], "add"))
			return false;
		key = a.positional[1];
		for (size_t i = 2; i + 1 < a.npositional; i++) {
			if (ps_text_is(ctx, a.positional[i], "/v"))
				value_name = a.positional[i + 1];
			else if (ps_text_is(ctx, a.positional[i], "/d"))
				data = a.positional[i + 1];
		}
	} else {
		return false;
	}
	*key_out = key, *name_out = value_name, *data_out = data;
	return !ts_node_is_null(key) && !ts_node_is_null(value_name) && !ts_node_is_null(data);
}

/* Set-ItemProperty / New-ItemProperty -Path -Name -Value; reg add KEY /v NAME /d DATA. */
bool ps_registry(eval_ctx *ctx, TSNode command, eval_result *out)
{
	TSNode key, value_name, data;
	if (!ps_registry_parts(ctx, command, &key, &value_name, &data))
		return false;
	strbuf k = STRBUF_INIT, n = STRBUF_INIT;
	eval_result d = { 0 };
	bool ok = ps_string(ctx, value_name, &n) && ps_eval(ctx, data, value_type_find("int"), &d);
	bool known_key = ok && ps_string(ctx, key, &k);
	if (ok) {
		out->value = d.value;
		out->named = 0;
		out->versions = known_key ? registry_policy_versions(strbuf_str(&k), k.len,
								     strbuf_str(&n), n.len, d.value)
					  : registry_policy_versions_any_key(strbuf_str(&n), n.len,
									     d.value);
		out->detail = known_key ? NULL : " (key: computed)";
	}
	strbuf_release(&k);
	strbuf_release(&n);
	return ok;
}
