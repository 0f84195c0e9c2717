/* py_syntax.c: argument lists and rejection tests in tree-sitter-python trees. */
#include "py_syntax.h"

#include <string.h>

#include "engine/ts_field.h"


static bool py_syntax__text_is(TSNode n, const char *text, const char *s)
{
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
	return strlen(s) == e - b && memcmp(text + b, s, e - b) == 0;
}

static bool py_syntax__is(TSNode n, const char *kind)
{
	return !ts_node_is_null(n) && strcmp(ts_node_type(n), kind) == 0;
}

bool py_syntax_may_pass(TSNode args, const char *text, const char *keyword, long position)
{
	if (!py_syntax__is(args, "argument_list"))
		return false;
	long positional = 0;
	for (uint32_t i = 0; i < ts_node_named_child_count(args); i++) {
		TSNode a = ts_node_named_child(args, i);
		const char *kind = ts_node_type(a);
		if (strcmp(kind, "comment") == 0)
			continue;
		if (strcmp(kind, "list_splat") == 0 || strcmp(kind, "dictionary_splat") == 0)
			return true;
		if (strcmp(kind, "keyword_argument") == 0) {
			TSNode name = ts_field_child(a, "name", 4);
			if (!ts_node_is_null(name) && py_syntax__text_is(name, text, keyword))
				return true;
			continue;
		}
		if (position >= 0 && positional++ == position)
			return true;
	}
	return false;
}

/* A call to `pytest.raises`, `raises`, `self.assertRaises`, `self.assertRaisesRegex`, ... */
static bool py_syntax__is_raises_call(TSNode call, const char *text)
{
	if (!py_syntax__is(call, "call"))
		return false;
	TSNode fn = ts_field_child(call, "function", 8);
	if (py_syntax__is(fn, "attribute"))
		fn = ts_field_child(fn, "attribute", 9);
	if (!py_syntax__is(fn, "identifier"))
		return false;
	uint32_t b = ts_node_start_byte(fn), e = ts_node_end_byte(fn);
	static const char assert_raises[] = "assertRaises";
	return py_syntax__text_is(fn, text, "raises") ||
	       (e - b >= sizeof(assert_raises) - 1 &&
		memcmp(text + b, assert_raises, sizeof(assert_raises) - 1) == 0);
}

/* Does the raises call expect an SSL error (its first argument's text contains "SSL")? */
static bool py_syntax__expects_ssl_error(TSNode call, const char *text)
{
	TSNode args = ts_field_child(call, "arguments", 9);
	if (!py_syntax__is(args, "argument_list") || ts_node_named_child_count(args) == 0)
		return false;
	TSNode first = ts_node_named_child(args, 0);
	uint32_t b = ts_node_start_byte(first), e = ts_node_end_byte(first);
	return memmem(text + b, e - b, "SSL", 3) != NULL;
}

/* Is a `with` statement's context manager a raises call? */
static bool py_syntax__with_raises(TSNode with, const char *text)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(with); i++) {
		TSNode clause = ts_node_named_child(with, i);
		if (!py_syntax__is(clause, "with_clause"))
			continue;
		for (uint32_t j = 0; j < ts_node_named_child_count(clause); j++) {
			TSNode v = ts_field_child(ts_node_named_child(clause, j), "value", 5);
			if (py_syntax__is(v, "as_pattern") && ts_node_named_child_count(v))
				v = ts_node_named_child(v, 0);
			if (py_syntax__is_raises_call(v, text))
				return true;
		}
	}
	return false;
}

/* Does the body of a test function expect an SSL error anywhere? */
static bool py_syntax__body_expects_ssl_error(TSNode body, const char *text)
{
	bool found = false;
	TSTreeCursor c = ts_tree_cursor_new(body);
	for (bool more = true; more && !found;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		found = py_syntax__is_raises_call(n, text) && py_syntax__expects_ssl_error(n, text);
		if (ts_tree_cursor_goto_first_child(&c))
			continue;
		while (!(more = ts_tree_cursor_goto_next_sibling(&c)) &&
		       ts_tree_cursor_goto_parent(&c))
			;
	}
	ts_tree_cursor_delete(&c);
	return found;
}

bool py_syntax_in_rejection_test(TSNode node, const char *text)
{
	TSNode child = node;
	for (TSNode p = ts_node_parent(node); !ts_node_is_null(p); child = p, p = ts_node_parent(p)) {
		const char *kind = ts_node_type(p);
		if (strcmp(kind, "with_statement") == 0) {
			TSNode body = ts_field_child(p, "body", 4);
			if (ts_node_eq(body, child) && py_syntax__with_raises(p, text))
				return true;
		} else if (strcmp(kind, "argument_list") == 0) {
			if (py_syntax__is_raises_call(ts_node_parent(p), text))
				return true;
		} else if (strcmp(kind, "function_definition") == 0) {
			TSNode body = ts_field_child(p, "body", 4);
			TSNode name = ts_field_child(p, "name", 4);
			if (ts_node_is_null(name) || !ts_node_eq(body, child))
				continue;
			uint32_t b = ts_node_start_byte(name), e = ts_node_end_byte(name);
			if (e - b >= 4 && memcmp(text + b, "test", 4) == 0 &&
			    py_syntax__body_expects_ssl_error(body, text))
				return true;
		}
	}
	return false;
}
