/* py_matcher.c: patterns of Python rules as one walk of the tree each
 * (engine/native_matcher.h). LT-PY-005's:
 *
 *   (call
 *     function: [(identifier) (attribute)] @value
 *     arguments: (argument_list) @arguments
 *     (#not-has-arg? @arguments "ssl_version" "5")
 *     (#not-in-rejection-test? @value))
 *
 * The pattern matches every call of a file, and a query cursor walking a large tree for it
 * cost about a fifth of a Python scan; the walk here visits each node once and compares its
 * symbol. #not-has-arg? is applied here, #not-in-rejection-test? when the value is known. */
#include "lang/python/py_matcher.h"

#include <string.h>

#include "lang/python/py_syntax.h"

enum { CAP_VALUE, CAP_ARGUMENTS };
static const char *const py_matcher_captures[] = { "value", "arguments", NULL };

struct py_walk {
	const char *text;
	TSSymbol call, identifier, attribute, argument_list;
	const ts_native_sink *out;
};

/* The match of the node, if it is a call the pattern takes. False: the walk is to stop. */
static bool py_matcher__visit(void *arg, TSNode n)
{
	const struct py_walk *w = arg;
	if (ts_node_symbol(n) != w->call)
		return true;
	TSNode fn = ts_node_child_by_field_name(n, "function", 8);
	TSNode args = ts_node_child_by_field_name(n, "arguments", 9);
	if (ts_node_is_null(fn) || ts_node_is_null(args) || !ts_node_is_named(fn))
		return true;
	TSSymbol ft = ts_node_symbol(fn);
	if ((ft != w->identifier && ft != w->attribute) || ts_node_symbol(args) != w->argument_list)
		return true;
	if (py_syntax_may_pass(args, w->text, "ssl_version", 5))
		return true;
	TSQueryCapture caps[2] = { { fn, CAP_VALUE }, { args, CAP_ARGUMENTS } };
	TSQueryMatch m = { .id = 0, .pattern_index = 0, .capture_count = 2, .captures = caps };
	return w->out->match(w->out->arg, &m);
}

/* The grammar's symbol of the named node type `name` (0 when it has none). */
static TSSymbol py_matcher__symbol(const TSLanguage *lang, const char *name)
{
	return ts_language_symbol_for_name(lang, name, (uint32_t)strlen(name), true);
}

static void py_matcher_run(TSNode root, const char *text, const ts_native_sink *out)
{
	const TSLanguage *lang = ts_tree_language(root.tree);
	struct py_walk w = { text, py_matcher__symbol(lang, "call"),
			     py_matcher__symbol(lang, "identifier"),
			     py_matcher__symbol(lang, "attribute"),
			     py_matcher__symbol(lang, "argument_list"), out };
	if (w.call && w.identifier && w.attribute && w.argument_list)
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

/* LT-PY-004's patterns:
 *
 *   (default_parameter value: (_) @value (#not-in-rejection-test? @value))
 *   (typed_default_parameter value: (_) @value (#not-in-rejection-test? @value))
 *
 * A query cursor walks the whole tree for two node types that few files have; the walk here
 * compares symbols. */
enum { CAP_DEFAULT_VALUE };
static const char *const py_default_captures[] = { "value", NULL };

struct py_default_walk {
	TSSymbol plain, typed;
	const ts_native_sink *out;
};

static bool py_default__visit(void *arg, TSNode n)
{
	const struct py_default_walk *w = arg;
	TSSymbol sym = ts_node_symbol(n);
	if (sym != w->plain && sym != w->typed)
		return true;
	TSNode value = ts_node_child_by_field_name(n, "value", 5);
	if (ts_node_is_null(value) || !ts_node_is_named(value))
		return true;
	TSQueryCapture cap = { value, CAP_DEFAULT_VALUE };
	TSQueryMatch m = { .id = 0, .pattern_index = sym == w->plain ? 0 : 1, .capture_count = 1,
			   .captures = &cap };
	return w->out->match(w->out->arg, &m);
}

static void py_default_run(TSNode root, const char *text, const ts_native_sink *out)
{
	(void)text;
	const TSLanguage *lang = ts_tree_language(root.tree);
	struct py_default_walk w = { py_matcher__symbol(lang, "default_parameter"),
				     py_matcher__symbol(lang, "typed_default_parameter"), out };
	if (w.plain && w.typed)
		ts_native_walk(root, py_default__visit, &w, out);
}

const ts_native_matcher py_default_parameters = {
	.name = "python-default-parameters",
	.digest = 0xe7be350cb03c294aULL, /* ts_pattern_digest() of LT-PY-004.scm's pattern (a unit test checks) */
	.captures = py_default_captures,
	.run = py_default_run,
	.holds = py_matcher_holds,
};
