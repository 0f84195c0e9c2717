/* cs_syntax.c: rejection tests in tree-sitter-c-sharp trees. */
#include "cs_syntax.h"

#include <string.h>

#include "engine/ts_field.h"


static bool cs_syntax__is(TSNode n, const char *kind)
{
	return !ts_node_is_null(n) && strcmp(ts_node_type(n), kind) == 0;
}

/* The last identifier of a callee: `Assert.Throws<E>` gives "Throws". */
static const char *cs_syntax__callee_name(TSNode fn, const char *text, size_t *len)
{
	if (cs_syntax__is(fn, "member_access_expression"))
		fn = ts_field_child(fn, "name", 4);
	if (cs_syntax__is(fn, "generic_name") && ts_node_named_child_count(fn))
		fn = ts_node_named_child(fn, 0);
	if (!cs_syntax__is(fn, "identifier"))
		return NULL;
	uint32_t b = ts_node_start_byte(fn), e = ts_node_end_byte(fn);
	*len = e - b;
	return text + b;
}

static bool cs_syntax__name_in(const char *name, size_t len, const char *const *names)
{
	for (; *names; names++)
		if (strlen(*names) == len && memcmp(*names, name, len) == 0)
			return true;
	return false;
}

/* Does the call expect its delegate argument to throw? */
static bool cs_syntax__expects_exception(TSNode call, const char *text)
{
	static const char *const throwing[] = {
		"Throws", "ThrowsAsync", "ThrowsException", "ThrowsExceptionAsync", "ThrowsAny",
		"ThrowsAnyAsync", "Catch", "CatchAsync", "Exception", "ExceptionAsync", NULL,
	};
	if (!cs_syntax__is(call, "invocation_expression"))
		return false;
	size_t len = 0;
	const char *name = cs_syntax__callee_name(ts_field_child(call, "function", 8),
						  text, &len);
	if (!name)
		return false;
	if (cs_syntax__name_in(name, len, throwing))
		return true;
	if (len != 4 || memcmp(name, "That", 4) != 0)
		return false;
	/* NUnit: Assert.That(() => ..., Throws.TypeOf<E>()) */
	TSNode args = ts_field_child(call, "arguments", 9);
	uint32_t n = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
	for (uint32_t i = 0; i < n; i++) {
		TSNode a = ts_node_named_child(args, i);
		uint32_t b = ts_node_start_byte(a), e = ts_node_end_byte(a);
		const char *t = memmem(text + b, e - b, "Throws.", 7);
		if (t && (t == text + b || t[-1] == '.')) /* Throws. or NUnit.Framework.Throws. */
			return true;
	}
	return false;
}

/* Is the method marked [ExpectedException(...)]? */
static bool cs_syntax__expected_exception(TSNode method, const char *text)
{
	uint32_t n = ts_node_named_child_count(method);
	for (uint32_t i = 0; i < n; i++) {
		TSNode list = ts_node_named_child(method, i);
		if (!cs_syntax__is(list, "attribute_list"))
			continue;
		uint32_t m = ts_node_named_child_count(list);
		for (uint32_t j = 0; j < m; j++) {
			TSNode attr = ts_node_named_child(list, j);
			TSNode name = ts_field_child(attr, "name", 4);
			if (ts_node_is_null(name))
				continue;
			uint32_t b = ts_node_start_byte(name), e = ts_node_end_byte(name);
			const char *s = text + b;
			size_t len = e - b;
			const char *dot = memchr(s, '.', len);
			while (dot) { /* the last dotted part */
				len -= (size_t)(dot + 1 - s);
				s = dot + 1;
				dot = memchr(s, '.', len);
			}
			if ((len == 17 && memcmp(s, "ExpectedException", 17) == 0) ||
			    (len == 26 && memcmp(s, "ExpectedExceptionAttribute", 26) == 0))
				return true;
		}
	}
	return false;
}

bool cs_syntax_in_rejection_test(TSNode node, const char *text)
{
	for (TSNode p = ts_node_parent(node); !ts_node_is_null(p); p = ts_node_parent(p)) {
		if (cs_syntax__is(p, "lambda_expression") ||
		    cs_syntax__is(p, "anonymous_method_expression")) {
			TSNode arg = ts_node_parent(p);
			TSNode list = cs_syntax__is(arg, "argument") ? ts_node_parent(arg) : arg;
			if (cs_syntax__is(list, "argument_list") &&
			    cs_syntax__expects_exception(ts_node_parent(list), text))
				return true;
		} else if (cs_syntax__is(p, "method_declaration") ||
			   cs_syntax__is(p, "local_function_statement")) {
			return cs_syntax__expected_exception(p, text);
		}
	}
	return false;
}
