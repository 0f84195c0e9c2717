/* go_syntax.c: tests that expect a TLS set-up to fail. */
#include "lang/go/go_syntax.h"

#include <string.h>

#include "engine/ts_field.h"

static bool gs__is(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

static bool gs__contains(const char *text, TSNode node, const char *needle)
{
	uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
	size_t n = strlen(needle);
	for (uint32_t i = s; i + n <= e; i++)
		if (memcmp(text + i, needle, n) == 0)
			return true;
	return false;
}

static bool gs__starts(const char *text, TSNode node, const char *prefix)
{
	uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
	size_t n = strlen(prefix);
	return e - s >= n && memcmp(text + s, prefix, n) == 0;
}

/* Does statement `st` check that an error happened? */
static bool gs__expects_error(TSNode st, const char *text)
{
	if (gs__is(st, "if_statement")) {
		TSNode cond = ts_field_child(st, "condition", 9);
		return !ts_node_is_null(cond) && gs__contains(text, cond, "err == nil");
	}
	if (gs__is(st, "expression_statement"))
		return gs__starts(text, st, "require.Error") || gs__starts(text, st, "assert.Error");
	return false;
}

bool go_syntax_in_rejection_test(TSNode node, const char *text)
{
	TSNode st = { 0 };
	for (TSNode n = node; !ts_node_is_null(n); n = ts_node_parent(n)) {
		TSNode parent = ts_node_parent(n);
		if (ts_node_is_null(parent))
			return false;
		if (ts_node_is_null(st) && gs__is(parent, "statement_list"))
			st = n;
		if (gs__is(parent, "function_declaration")) {
			TSNode name = ts_field_child(parent, "name", 4);
			if (ts_node_is_null(name) || !gs__starts(text, name, "Test") ||
			    ts_node_is_null(st))
				return false;
			break;
		}
	}
	if (ts_node_is_null(st))
		return false;
	TSNode next = st;
	for (int i = 0; i < 4; i++) {
		next = ts_node_next_named_sibling(next);
		if (ts_node_is_null(next))
			return false;
		if (gs__expects_error(next, text))
			return true;
	}
	return false;
}
