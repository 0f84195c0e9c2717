/* ps_facts.c: registry writes in PowerShell that opt .NET Framework into the OS default. */
#include "ps_facts.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "engine/ts_field.h"
#include "project/facts.h"
#include "values/evaluator.h"

#define MAX_DEPTH 200
#define MAX_ARGS 32

struct text {
	const char *s;
	size_t len;
};

static struct text ps__text(const file_ctx *ctx, TSNode n)
{
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
	return (struct text){ ctx->src->text + b, e - b };
}

static bool ps__is(struct text t, const char *word)
{
	size_t n = strlen(word);
	return t.len == n && strncasecmp(t.s, word, n) == 0;
}

/* A literal argument's value: quotes removed; false for anything computed ($var, "$x"). */
static bool ps__literal(struct text t, struct text *out)
{
	if (t.len >= 2 && (t.s[0] == '\'' || t.s[0] == '"') && t.s[t.len - 1] == t.s[0]) {
		t.s++;
		t.len -= 2;
		if (t.s[-1] == '"' && memchr(t.s, '$', t.len))
			return false;
	} else if (memchr(t.s, '$', t.len) || memchr(t.s, '(', t.len)) {
		return false;
	}
	*out = t;
	return t.len > 0;
}

/* Records the write of `name`=`value` under `key`, if it is an opt-in. */
static void ps__write(const file_ctx *ctx, TSNode command, struct text key, struct text name,
		      struct text value)
{
	struct text k, n, v;
	long long number = 0;
	if (!ps__literal(key, &k) || !ps__literal(name, &n) || !ps__literal(value, &v) ||
	    !eval_parse_integer(v.s, v.len, &number) || number < 0)
		return;
	opt_scope scope = facts_netfx_key_scope(k.s, k.len);
	unsigned opt = facts_netfx_opt_in(n.s, n.len, (unsigned long long)number);
	if (!scope || !opt)
		return;
	fact *f = fact_list_add(ctx->facts, FACT_OPT_IN, ctx->lang, ctx->uri, ctx->src,
				ts_node_start_byte(command), ts_node_end_byte(command));
	f->opt_in = opt;
	f->scope = scope;
}

/* The arguments of a command, separators left out. */
static size_t ps__args(const file_ctx *ctx, TSNode elements, struct text *args, bool *is_param)
{
	size_t n = 0;
	uint32_t k = ts_node_named_child_count(elements);
	for (uint32_t i = 0; i < k && n < MAX_ARGS; i++) {
		TSNode c = ts_node_named_child(elements, i);
		const char *type = ts_node_type(c);
		if (strcmp(type, "command_argument_sep") == 0)
			continue;
		is_param[n] = strcmp(type, "command_parameter") == 0;
		args[n++] = ps__text(ctx, c);
	}
	return n;
}

/* Set-ItemProperty / New-ItemProperty [-Path] P [-Name] N [-Value] V */
static void ps__item_property(const file_ctx *ctx, TSNode command, const struct text *args,
			      const bool *is_param, size_t n)
{
	static const char *const valued[] = { "-type", "-propertytype", "-erroraction",
					      "-warningaction", "-credential", "-filter",
					      "-include", "-exclude" };
	struct text slot[3] = { { NULL, 0 }, { NULL, 0 }, { NULL, 0 } }; /* path, name, value */
	size_t positional = 0;
	for (size_t i = 0; i < n; i++) {
		if (!is_param[i]) {
			while (positional < 3 && slot[positional].s)
				positional++;
			if (positional < 3)
				slot[positional++] = args[i];
			continue;
		}
		struct text p = args[i];
		if (p.len && p.s[p.len - 1] == ':')
			p.len--;
		int target = ps__is(p, "-path") || ps__is(p, "-literalpath") || ps__is(p, "-pspath") ? 0
			     : ps__is(p, "-name")                                                  ? 1
			     : ps__is(p, "-value")                                                 ? 2
												   : -1;
		bool takes_value = target >= 0;
		for (size_t v = 0; v < sizeof(valued) / sizeof(valued[0]) && !takes_value; v++)
			takes_value = ps__is(p, valued[v]);
		if (takes_value && i + 1 < n && !is_param[i + 1]) {
			if (target >= 0)
				slot[target] = args[i + 1];
			i++;
		}
	}
	if (slot[0].s && slot[1].s && slot[2].s)
		ps__write(ctx, command, slot[0], slot[1], slot[2]);
}

/* reg add KEY /v NAME [/t REG_DWORD] /d DATA [/f] [/reg:64] */
static void ps__reg_add(const file_ctx *ctx, TSNode command, const struct text *args, size_t n)
{
	if (n < 2 || !ps__is(args[0], "add"))
		return;
	struct text name = { NULL, 0 }, data = { NULL, 0 };
	for (size_t i = 2; i + 1 < n; i++) {
		if (ps__is(args[i], "/v"))
			name = args[++i];
		else if (ps__is(args[i], "/d"))
			data = args[++i];
	}
	if (name.s && data.s)
		ps__write(ctx, command, args[1], name, data);
}

static void ps__command(const file_ctx *ctx, TSNode command)
{
	TSNode name_node = ts_field_child(command, "command_name", 12);
	TSNode elements = ts_field_child(command, "command_elements", 16);
	if (ts_node_is_null(name_node) || ts_node_is_null(elements))
		return;
	struct text name = ps__text(ctx, name_node);
	struct text args[MAX_ARGS];
	bool is_param[MAX_ARGS];
	size_t n = ps__args(ctx, elements, args, is_param);
	if (ps__is(name, "Set-ItemProperty") || ps__is(name, "New-ItemProperty") ||
	    ps__is(name, "sp"))
		ps__item_property(ctx, command, args, is_param, n);
	else if (ps__is(name, "reg") || ps__is(name, "reg.exe"))
		ps__reg_add(ctx, command, args, n);
}

static void ps__walk(const file_ctx *ctx, TSNode node, unsigned depth)
{
	if (depth > MAX_DEPTH)
		return;
	if (strcmp(ts_node_type(node), "command") == 0) {
		ps__command(ctx, node);
		return;
	}
	uint32_t n = ts_node_named_child_count(node);
	for (uint32_t i = 0; i < n; i++)
		ps__walk(ctx, ts_node_named_child(node, i), depth + 1);
}

void ps_facts_run(const void *unused, const file_ctx *ctx, TSNode root)
{
	(void)unused;
	if (ctx->facts)
		ps__walk(ctx, root, 0);
}
