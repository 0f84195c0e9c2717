/* py_matcher.c: LT-PY-005's pattern as one walk of the tree (engine/native_matcher.h).
 *
 *   (call
 *     function: [(identifier) (attribute)] @value
 *     arguments: (argument_list) @arguments
 *     (#not-has-arg? @arguments "ssl_version" "5")
 *     (#not-in-rejection-test? @value))
 *
 * The pattern matches every call of a file, and a query cursor walking a large tree for it
 * cost about a fifth of a Python scan; the walk here visits each node once and tests its
 * type. #not-has-arg? is applied here, #not-in-rejection-test? when the value is known. */
#include "lang/python/py_matcher.h"

#include <string.h>

#include "lang/python/py_syntax.h"

enum { CAP_VALUE, CAP_ARGUMENTS };
static const char *const py_matcher_captures[] = { "value", "arguments", NULL };

struct py_walk {
	const char *text;
	const ts_native_sink *out;
};

/* The match of the node, if it is a call the pattern takes. False: the walk is to stop. */
static bool py_matcher__visit(void *arg, TSNode n)
{
	const struct py_walk *w = arg;
	if (strcmp(ts_node_type(n), "call") != 0)
		return true;
	TSNode fn = ts_node_child_by_field_name(n, "function", 8);
	TSNode args = ts_node_child_by_field_name(n, "arguments", 9);
	if (ts_node_is_null(fn) || ts_node_is_null(args) || !ts_node_is_named(fn))
		return true;
	const char *ft = ts_node_type(fn);
	if ((strcmp(ft, "identifier") != 0 && strcmp(ft, "attribute") != 0) ||
	    strcmp(ts_node_type(args), "argument_list") != 0)
		return true;
	if (py_syntax_may_pass(args, w->text, "ssl_version", 5))
		return true;
	TSQueryCapture caps[2] = { { fn, CAP_VALUE }, { args, CAP_ARGUMENTS } };
	TSQueryMatch m = { .id = 0, .pattern_index = 0, .capture_count = 2, .captures = caps };
	return w->out->match(w->out->arg, &m);
}

static void py_matcher_run(TSNode root, const char *text, const ts_native_sink *out)
{
	struct py_walk w = { text, out };
	ts_native_walk(root, py_matcher__visit, &w, out);
}

/* #not-in-rejection-test? @value. */
static bool py_matcher_holds(const TSQueryMatch *m, const char *text)
{
	TSNode value;
	return !ts_native_capture(m, CAP_VALUE, &value) ||
	       !py_syntax_in_rejection_test(value, text);
}

const ts_native_matcher py_unversioned_calls = {
	.name = "python-unversioned-calls",
	.digest = 0x78297cdb318d8021ULL, /* ts_pattern_digest() of LT-PY-005.scm's pattern (a unit test checks) */
	.captures = py_matcher_captures,
	.run = py_matcher_run,
	.holds = py_matcher_holds,
};
