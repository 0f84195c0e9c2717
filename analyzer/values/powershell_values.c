/* powershell_values.c: evaluating PowerShell expressions to protocol values and strings.
 *
 * Numbers: static members (`[Net.SecurityProtocolType]::Tls11`), casts
 * (`[Net.SecurityProtocolType]'Tls12'`, `[Net.SecurityProtocolType]3072`), integer literals,
 * string forms ('Tls,Tls11', "Tls, Tls12": member names or numbers, case-insensitive, as
 * PowerShell converts them), arrays of those, `-bor` (an unknown side, as in
 * `[Net.ServicePointManager]::SecurityProtocol -bor ...`, adds nothing), `-band`, `-bxor`,
 * `-bnot`, `+`, parentheses, `$true`/`$false` and variables assigned before the use.
 * Strings: quoted literals (with `$var` and `${var}` expanded when the variable is known),
 * bare command arguments and `+`. Registry writes: `Set-ItemProperty` / `New-ItemProperty`
 * (named or positional -Path, -Name, -Value) and `reg add KEY /v NAME /d DATA`.
 * PowerShell ignores case in names, so every comparison here does too. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/alloc.h"
#include "values/evaluator.h"
#include "values/registry_policy.h"

#define MAX_DEPTH 32

static bool ps__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out);
static bool ps__string(eval_ctx *ctx, TSNode node, strbuf *out);

static bool ps__kind(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

static bool ps__text_is(const eval_ctx *ctx, TSNode node, const char *s)
{
	size_t len = 0;
	const char *t = eval_node_text(ctx, node, &len);
	return strlen(s) == len && strncasecmp(t, s, len) == 0;
}

/* Skips the single-child layers the grammar wraps every expression in. */
static TSNode ps__unwrap(TSNode node)
{
	static const char *const layers[] = {
		"pipeline", "pipeline_chain", "logical_expression", "bitwise_expression",
		"comparison_expression", "additive_expression", "multiplicative_expression",
		"format_expression", "range_expression", "array_literal_expression",
		"unary_expression", "expression_with_unary_operator", "left_assignment_expression",
	};
	for (unsigned depth = 0; depth < 64 && !ts_node_is_null(node); depth++) {
		bool layer = false;
		for (size_t i = 0; i < sizeof(layers) / sizeof(layers[0]) && !layer; i++)
			layer = ps__kind(node, layers[i]);
		if (ps__kind(node, "parenthesized_expression") && ts_node_named_child_count(node) == 1)
			layer = true;
		else if (!layer || ts_node_child_count(node) != 1)
			return node;
		node = ts_node_named_child(node, 0);
	}
	return node;
}

/* The anonymous operator token of a binary or unary expression, or a null node. */
static TSNode ps__operator(TSNode node)
{
	uint32_t n = ts_node_child_count(node);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_child(node, i);
		if (!ts_node_is_named(c))
			return c;
	}
	TSNode none = { 0 };
	return none;
}

/* Does a `[Type.Name]` literal name `type` (its last dotted part)? */
static bool ps__type_literal_names(const eval_ctx *ctx, TSNode lit, const char *type)
{
	size_t len = 0;
	const char *t = eval_node_text(ctx, lit, &len);
	while (len && (t[len - 1] == ']' || isspace((unsigned char)t[len - 1])))
		len--;
	size_t start = len;
	while (start && t[start - 1] != '.' && t[start - 1] != '[')
		start--;
	return strlen(type) == len - start && strncasecmp(t + start, type, len - start) == 0;
}

/* The name of a variable node without `$`, `${ }` or a scope (`$script:x`). */
static const char *ps__variable_name(const eval_ctx *ctx, TSNode var, size_t *len)
{
	const char *t = eval_node_text(ctx, var, len);
	if (*len && t[0] == '$') {
		t++;
		(*len)--;
	}
	if (*len >= 2 && t[0] == '{' && t[*len - 1] == '}') {
		t++;
		*len -= 2;
	}
	const char *colon = memchr(t, ':', *len);
	if (colon) {
		*len -= (size_t)(colon + 1 - t);
		t = colon + 1;
	}
	return t;
}

/* The per-file index of `$name = value` assignments, sorted by name (ignoring case) and
 * position: resolving a variable is a binary search, not a walk of the script. */
typedef struct ps__assignment {
	const char *name;
	size_t len;
	uint32_t start;
	TSNode value;
} ps__assignment;

typedef struct ps__index {
	ps__assignment *items;
	size_t len, cap;
} ps__index;

static void ps__index_free(void *memo)
{
	ps__index *ix = memo;
	free(ix->items);
	free(ix);
}

static int ps__name_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int c = strncasecmp(a, b, alen < blen ? alen : blen);
	if (c)
		return c;
	return alen < blen ? -1 : alen > blen;
}

static int ps__assignment_cmp(const void *a, const void *b)
{
	const ps__assignment *x = a, *y = b;
	int c = ps__name_cmp(x->name, x->len, y->name, y->len);
	return c ? c : x->start < y->start ? -1 : x->start > y->start;
}

static void ps__index_add(const eval_ctx *ctx, ps__index *ix, TSNode node)
{
	TSNode left = ps__unwrap(ts_node_named_child(node, 0));
	TSNode op = ts_node_named_child(node, 1);
	TSNode value = ts_node_child_by_field_name(node, "value", 5);
	if (ts_node_is_null(left) || !ps__kind(left, "variable") || ts_node_is_null(op) ||
	    !ps__text_is(ctx, op, "=") || ts_node_is_null(value))
		return;
	GROW(ix->items, ix->cap, ix->len + 1);
	ps__assignment *a = &ix->items[ix->len++];
	a->name = ps__variable_name(ctx, left, &a->len);
	a->start = ts_node_start_byte(node);
	a->value = value;
}

/* The file's index: kept in *ctx->state when the caller keeps per-file state, else built for
 * one lookup (then `*temporary` and the caller frees it). */
static ps__index *ps__index_get(eval_ctx *ctx, bool *temporary)
{
	*temporary = false;
	if (ctx->state && *ctx->state)
		return *ctx->state;
	ps__index *ix = xcalloc(1, sizeof(*ix));
	TSTreeCursor c = ts_tree_cursor_new(ctx->root);
	for (bool more = true; more;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		if (ps__kind(n, "assignment_expression"))
			ps__index_add(ctx, ix, n);
		if (ts_tree_cursor_goto_first_child(&c))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&c))
			if (!ts_tree_cursor_goto_parent(&c)) {
				more = false;
				break;
			}
	}
	ts_tree_cursor_delete(&c);
	if (ix->len)
		qsort(ix->items, ix->len, sizeof(*ix->items), ps__assignment_cmp);
	if (ctx->state)
		*ctx->state = ix;
	else
		*temporary = true;
	return ix;
}

/* The value last assigned to `$name` before byte `before`, in the order of the text (a
 * variable a loop or a pipeline sets, as `foreach ($v in ...)`, is not known). */
static bool ps__resolve(eval_ctx *ctx, const char *name, size_t len, uint32_t before,
			TSNode *value)
{
	bool temporary = false;
	ps__index *ix = ps__index_get(ctx, &temporary);
	size_t lo = 0, hi = ix->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ps__name_cmp(ix->items[mid].name, ix->items[mid].len, name, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	bool found = false;
	for (size_t i = lo; i < ix->len && ps__name_cmp(ix->items[i].name, ix->items[i].len, name,
						       len) == 0 && ix->items[i].start < before; i++) {
		*value = ix->items[i].value;
		found = true;
	}
	if (temporary)
		ps__index_free(ix);
	return found;
}

/* Appends the expansion of a double-quoted string body: `x` escapes, $name and ${name}. */
static bool ps__expand(eval_ctx *ctx, const char *s, size_t len, uint32_t at, strbuf *out)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '`' && i + 1 < len) {
			static const char from[] = "0abfnrtv", to[] = "\0\a\b\f\n\r\t\v";
			const char *p = memchr(from, s[++i], sizeof(from) - 1);
			if (!eval_string_add(out, p ? to + (p - from) : s + i, 1))
				return false;
			continue;
		}
		if (s[i] != '$' || i + 1 == len || !(isalnum((unsigned char)s[i + 1]) || s[i + 1] == '_' ||
						    s[i + 1] == '{')) {
			if (s[i] == '$' && i + 1 < len && s[i + 1] == '(')
				return false; /* $(...) runs code */
			if (!eval_string_add(out, s + i, 1))
				return false;
			continue;
		}
		size_t start = i + 1, end;
		if (s[start] == '{') {
			const char *close = memchr(s + start, '}', len - start);
			if (!close)
				return false;
			end = (size_t)(close - s);
			start++;
			i = end;
		} else {
			end = start;
			while (end < len && (isalnum((unsigned char)s[end]) || s[end] == '_' || s[end] == ':'))
				end++;
			i = end - 1;
		}
		const char *name = s + start;
		size_t nlen = end - start;
		const char *colon = memchr(name, ':', nlen);
		if (colon) {
			nlen -= (size_t)(colon + 1 - name);
			name = colon + 1;
		}
		TSNode value = { 0 };
		if (!ps__resolve(ctx, name, nlen, at, &value) || !ps__string(ctx, value, out))
			return false;
	}
	return true;
}

static bool ps__string_literal(eval_ctx *ctx, TSNode node, strbuf *out)
{
	TSNode c = ts_node_named_child(node, 0);
	size_t len = 0;
	const char *t = eval_node_text(ctx, c, &len);
	if (ps__kind(c, "verbatim_string_characters")) {
		if (len < 2)
			return false;
		for (size_t i = 1; i + 1 < len; i++) {
			if (t[i] == '\'' && t[i + 1] == '\'')
				i++;
			if (!eval_string_add(out, t + i, 1))
				return false;
		}
		return true;
	}
	if (ps__kind(c, "expandable_string_literal") && len >= 2)
		return ps__expand(ctx, t + 1, len - 2, ts_node_start_byte(node), out);
	return false; /* here-strings */
}

static bool ps__string(eval_ctx *ctx, TSNode node, strbuf *out)
{
	node = ps__unwrap(node);
	if (ts_node_is_null(node) || ctx->depth > MAX_DEPTH)
		return false;
	ctx->depth++;
	bool ok = false;
	size_t len = 0;
	const char *t = eval_node_text(ctx, node, &len);
	if (ps__kind(node, "string_literal")) {
		ok = ps__string_literal(ctx, node, out);
	} else if (ps__kind(node, "generic_token") || ps__kind(node, "decimal_integer_literal") ||
		   ps__kind(node, "hexadecimal_integer_literal") || ps__kind(node, "integer_literal")) {
		ok = eval_string_add(out, t, len);
	} else if (ps__kind(node, "variable")) {
		size_t nlen = 0;
		const char *name = ps__variable_name(ctx, node, &nlen);
		TSNode value = { 0 };
		ok = ps__resolve(ctx, name, nlen, ts_node_start_byte(node), &value) &&
		     ps__string(ctx, value, out);
	} else if (ps__kind(node, "additive_expression") && ts_node_named_child_count(node) == 2) {
		TSNode op = ps__operator(node);
		ok = !ts_node_is_null(op) && ps__text_is(ctx, op, "+") &&
		     ps__string(ctx, ts_node_named_child(node, 0), out) &&
		     ps__string(ctx, ts_node_named_child(node, 1), out);
	}
	ctx->depth--;
	return ok;
}

/* 'Tls,Tls11': comma-separated member names or numbers. */
static bool ps__enum_string(const value_type *type, const char *s, size_t len, eval_result *out)
{
	out->value = out->named = 0;
	size_t i = 0, items = 0;
	while (i <= len) {
		size_t start = i;
		while (i < len && s[i] != ',')
			i++;
		size_t a = start, b = i;
		while (a < b && isspace((unsigned char)s[a]))
			a++;
		while (b > a && isspace((unsigned char)s[b - 1]))
			b--;
		long long v = 0;
		const value_member *m = value_type_member_nocase(type, s + a, b - a);
		if (m) {
			out->value |= m->value;
			out->named |= m->value;
		} else if (b > a && eval_parse_integer(s + a, b - a, &v)) {
			out->value |= v;
		} else {
			return false;
		}
		items++;
		i++;
	}
	return items > 0;
}

static bool ps__binary(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	TSNode op = ps__operator(node);
	if (ts_node_is_null(op) || ts_node_named_child_count(node) != 2)
		return false;
	eval_result a = { 0 }, b = { 0 };
	bool ka = ps__eval(ctx, ts_node_named_child(node, 0), type, &a);
	bool kb = ps__eval(ctx, ts_node_named_child(node, 1), type, &b);
	if (!ka)
		a = (eval_result){ 0 };
	if (!kb)
		b = (eval_result){ 0 };
	if (ps__text_is(ctx, op, "-bor") && (ka || kb)) {
		out->value = a.value | b.value;
		out->named = a.named | b.named;
		return true;
	}
	if (!ka || !kb)
		return false;
	if (ps__text_is(ctx, op, "-bor"))
		out->value = a.value | b.value;
	else if (ps__text_is(ctx, op, "+"))
		out->value = a.value + b.value;
	else if (ps__text_is(ctx, op, "-band"))
		out->value = a.value & b.value;
	else if (ps__text_is(ctx, op, "-bxor"))
		out->value = a.value ^ b.value;
	else
		return false;
	out->named = out->value & (a.named | b.named);
	return true;
}

/* An array ('Tls', 'Tls11') converts to a flags value as the union of its items. */
static bool ps__array(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	uint32_t n = ts_node_named_child_count(node);
	out->value = out->named = 0;
	for (uint32_t i = 0; i < n; i++) {
		eval_result item = { 0 };
		if (!ps__eval(ctx, ts_node_named_child(node, i), type, &item))
			return false;
		out->value |= item.value;
		out->named |= item.named;
	}
	return n > 0 && type->kind == VALUE_FLAGS;
}

static bool ps__eval_node(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	size_t len = 0;
	const char *t = eval_node_text(ctx, node, &len);
	if (ps__kind(node, "integer_literal") || ps__kind(node, "decimal_integer_literal") ||
	    ps__kind(node, "hexadecimal_integer_literal")) {
		out->named = 0;
		return eval_parse_integer(t, len, &out->value);
	}
	if (ps__kind(node, "string_literal")) {
		strbuf sb = STRBUF_INIT;
		bool ok = ps__string_literal(ctx, node, &sb) &&
			  (type->nmembers ? ps__enum_string(type, strbuf_str(&sb), sb.len, out)
					  : eval_parse_integer(strbuf_str(&sb), sb.len, &out->value));
		strbuf_release(&sb);
		return ok;
	}
	if (ps__kind(node, "member_access") && ts_node_named_child_count(node) == 2) {
		TSNode lit = ts_node_named_child(node, 0), name = ts_node_named_child(node, 1);
		if (!ps__kind(lit, "type_literal") || !ps__type_literal_names(ctx, lit, type->name))
			return false;
		size_t nlen = 0;
		const char *n = eval_node_text(ctx, name, &nlen);
		const value_member *m = value_type_member_nocase(type, n, nlen);
		if (!m)
			return false;
		out->value = out->named = m->value;
		return true;
	}
	if (ps__kind(node, "cast_expression") && ts_node_named_child_count(node) == 2) {
		TSNode lit = ts_node_named_child(node, 0);
		bool own = ps__type_literal_names(ctx, lit, type->name);
		if (!own && !ps__type_literal_names(ctx, lit, "int") &&
		    !ps__type_literal_names(ctx, lit, "Int32") && !ps__type_literal_names(ctx, lit, "uint32"))
			return false;
		return ps__eval(ctx, ts_node_named_child(node, 1), type, out);
	}
	if (ps__kind(node, "variable")) {
		size_t nlen = 0;
		const char *name = ps__variable_name(ctx, node, &nlen);
		if (type->kind == VALUE_BOOL && (nlen == 4 || nlen == 5) &&
		    (strncasecmp(name, "true", nlen) == 0 || strncasecmp(name, "false", nlen) == 0)) {
			out->value = nlen == 4;
			out->named = 0;
			return true;
		}
		TSNode value = { 0 };
		return ps__resolve(ctx, name, nlen, ts_node_start_byte(node), &value) &&
		       ps__eval(ctx, value, type, out);
	}
	if (ps__kind(node, "bitwise_expression") || ps__kind(node, "additive_expression"))
		return ps__binary(ctx, node, type, out);
	if (ps__kind(node, "array_literal_expression"))
		return ps__array(ctx, node, type, out);
	if (ps__kind(node, "expression_with_unary_operator") && ts_node_named_child_count(node) == 1) {
		TSNode op = ps__operator(node);
		if (ts_node_is_null(op) || !ps__text_is(ctx, op, "-bnot") ||
		    !ps__eval(ctx, ts_node_named_child(node, 0), type, out))
			return false;
		out->value = ~out->value;
		out->named = out->named ? out->value : 0;
		return true;
	}
	return false;
}

static bool ps__eval(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	node = ps__unwrap(node);
	if (ts_node_is_null(node) || ctx->depth > MAX_DEPTH)
		return false;
	ctx->depth++;
	bool ok = ps__eval_node(ctx, node, type, out);
	ctx->depth--;
	return ok;
}

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
		if (ps__text_is(ctx, param, switches[i]))
			return true;
	return false;
}

static void ps__command_args(const eval_ctx *ctx, TSNode elements, struct ps__args *a)
{
	memset(a, 0, sizeof(*a));
	uint32_t n = ts_node_named_child_count(elements);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(elements, i);
		if (ps__kind(c, "command_argument_sep"))
			continue;
		if (ps__kind(c, "command_parameter")) {
			if (ps__is_switch(ctx, c) || a->nnamed == MAX_ARGS)
				continue;
			uint32_t j = i + 1;
			while (j < n && ps__kind(ts_node_named_child(elements, j), "command_argument_sep"))
				j++;
			if (j == n || ps__kind(ts_node_named_child(elements, j), "command_parameter"))
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
			if (ps__text_is(ctx, a->named_param[i], *n))
				return a->named_value[i];
	TSNode none = { 0 };
	return position < a->npositional ? a->positional[position] : none;
}

/* Set-ItemProperty / New-ItemProperty -Path -Name -Value; reg add KEY /v NAME /d DATA. */
static bool ps__registry(eval_ctx *ctx, TSNode command, eval_result *out)
{
	if (!ps__kind(command, "command"))
		return false;
	TSNode name = ts_node_child_by_field_name(command, "command_name", 12);
	TSNode elements = ts_node_child_by_field_name(command, "command_elements", 16);
	if (ts_node_is_null(name) || ts_node_is_null(elements))
		return false;
	if (ps__kind(name, "command_name_expr") && ts_node_named_child_count(name) == 1)
		name = ts_node_named_child(name, 0);
	struct ps__args a;
	ps__command_args(ctx, elements, &a);
	TSNode key = { 0 }, value_name = { 0 }, data = { 0 };
	if (ps__text_is(ctx, name, "Set-ItemProperty") || ps__text_is(ctx, name, "New-ItemProperty")) {
		static const char *const path[] = { "-Path", "-LiteralPath", "-PSPath", NULL };
		static const char *const vname[] = { "-Name", NULL };
		static const char *const value[] = { "-Value", NULL };
		key = ps__arg(ctx, &a, path, 0);
		value_name = ps__arg(ctx, &a, vname, 1);
		data = ps__arg(ctx, &a, value, 2);
	} else if (ps__text_is(ctx, name, "reg") || ps__text_is(ctx, name, "reg.exe")) {
		/* reg's switches are positional tokens: add KEY /v NAME /t TYPE /d DATA /f */
		if (a.npositional < 2 || !ps__text_is(ctx, a.positional[0], "add"))
			return false;
		key = a.positional[1];
		for (size_t i = 2; i + 1 < a.npositional; i++) {
			if (ps__text_is(ctx, a.positional[i], "/v"))
				value_name = a.positional[i + 1];
			else if (ps__text_is(ctx, a.positional[i], "/d"))
				data = a.positional[i + 1];
		}
	} else {
		return false;
	}
	strbuf k = STRBUF_INIT, n = STRBUF_INIT;
	eval_result d = { 0 };
	bool ok = !ts_node_is_null(key) && !ts_node_is_null(value_name) && !ts_node_is_null(data) &&
		  ps__string(ctx, key, &k) && ps__string(ctx, value_name, &n) &&
		  ps__eval(ctx, data, value_type_find("int"), &d);
	if (ok) {
		out->value = d.value;
		out->named = 0;
		out->versions = registry_policy_versions(strbuf_str(&k), k.len, strbuf_str(&n), n.len,
							 d.value);
	}
	strbuf_release(&k);
	strbuf_release(&n);
	return ok;
}

static bool ps__eval_entry(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out)
{
	if (type->kind == VALUE_REGISTRY)
		return ps__registry(ctx, node, out);
	if (!ps__eval(ctx, node, type, out))
		return false;
	out->versions = value_type_versions(type, out->value);
	return true;
}

const value_evaluator powershell_evaluator = {
	.lang = LANG_POWERSHELL,
	.eval = ps__eval_entry,
	.eval_string = ps__string,
	.release_state = ps__index_free,
};
