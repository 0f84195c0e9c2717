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

static void py_matcher_run(TSNode root, const char *text, const ts_native_sink *out)
{
	const TSLanguage *lang = ts_tree_language(root.tree);
	struct py_walk w = { text, ts_native_symbol(lang, "call"),
			     ts_native_symbol(lang, "identifier"),
			     ts_native_symbol(lang, "attribute"),
			     ts_native_symbol(lang, "argument_list"), out };
	if (w.call && w.identifier && w.attribute && w.argument_list)
		ts_native_walk(root, py_matcher__visit, &w, out);
}

/* #not-in-rejection-test? @value (capture 0 of every matcher here). */
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
	struct py_default_walk w = { ts_native_symbol(lang, "default_parameter"),
				     ts_native_symbol(lang, "typed_default_parameter"), out };
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

/* LT-PY-003's patterns, in this order (their pattern indexes):
 *
 *   0 (augmented_assignment
 *       left: (attribute attribute: (identifier) @property)
 *       operator: "&="
 *       right: (unary_operator operator: "~" argument: (_) @value))      @property = options
 *   1 (assignment
 *       left: (attribute attribute: (identifier) @property)
 *       right: (binary_operator operator: "&"
 *                right: (unary_operator operator: "~" argument: (_) @value)))  = options
 *   2 (call function: (attribute attribute: (identifier) @method)
 *       arguments: (argument_list . (_) @value))                         @method = clear_options
 *   3 the same                                          @method = set_ciphers, set_cipher_list
 *   4 (keyword_argument name: (identifier) @keyword value: (_) @value)   @keyword = ciphers
 *
 * each with (#not-in-rejection-test? @value). */
/* @value first, as in the other matchers: py_matcher_holds() reads capture 0. */
enum { CAP_OPT_VALUE, CAP_OPT_PROPERTY, CAP_OPT_METHOD, CAP_OPT_KEYWORD };
static const char *const py_options_captures[] = { "value", "property", "method", "keyword",
						   NULL };

struct py_options_walk {
	const char *text;
	TSSymbol augmented, assignment, call, keyword_argument, attribute, identifier,
		unary, binary, argument_list;
	const ts_native_sink *out;
};

/* `(attribute attribute: (identifier) @name)`: the identifier, or a null node. */
static TSNode py_options__attribute_name(const struct py_options_walk *w, TSNode n)
{
	if (ts_node_is_null(n) || ts_node_symbol(n) != w->attribute)
		return (TSNode){ 0 };
	TSNode name = ts_node_child_by_field_name(n, "attribute", 9);
	return !ts_node_is_null(name) && ts_node_symbol(name) == w->identifier ? name
									       : (TSNode){ 0 };
}

/* `(unary_operator operator: "~" argument: (_) @value)`: the argument, or a null node. */
static TSNode py_options__inverted(const struct py_options_walk *w, TSNode n)
{
	if (ts_node_is_null(n) || ts_node_symbol(n) != w->unary)
		return (TSNode){ 0 };
	TSNode op = ts_node_child_by_field_name(n, "operator", 8);
	TSNode arg = ts_node_child_by_field_name(n, "argument", 8);
	if (ts_node_is_null(op) || strcmp(ts_node_type(op), "~") != 0 || ts_node_is_null(arg) ||
	    !ts_node_is_named(arg))
		return (TSNode){ 0 };
	return arg;
}

static bool py_options__emit(const struct py_options_walk *w, uint16_t pattern, TSNode name,
			     uint32_t name_capture, TSNode value)
{
	TSQueryCapture caps[2] = { { name, name_capture }, { value, CAP_OPT_VALUE } };
	TSQueryMatch m = { .id = 0, .pattern_index = pattern, .capture_count = 2,
			   .captures = caps };
	return w->out->match(w->out->arg, &m);
}

static bool py_options__visit(void *arg, TSNode n)
{
	const struct py_options_walk *w = arg;
	TSSymbol sym = ts_node_symbol(n);
	if (sym == w->augmented || sym == w->assignment) {
		TSNode name = py_options__attribute_name(w, ts_node_child_by_field_name(n, "left", 4));
		if (ts_node_is_null(name) || !ts_native_text_is(w->text, name, "options"))
			return true;
		TSNode right = ts_node_child_by_field_name(n, "right", 5), value;
		if (sym == w->augmented) {
			TSNode op = ts_node_child_by_field_name(n, "operator", 8);
			if (ts_node_is_null(op) || strcmp(ts_node_type(op), "&=") != 0)
				return true;
			value = py_options__inverted(w, right);
		} else {
			if (ts_node_is_null(right) || ts_node_symbol(right) != w->binary)
				return true;
			TSNode op = ts_node_child_by_field_name(right, "operator", 8);
			if (ts_node_is_null(op) || strcmp(ts_node_type(op), "&") != 0)
				return true;
			value = py_options__inverted(w, ts_node_child_by_field_name(right, "right", 5));
		}
		return ts_node_is_null(value) ||
		       py_options__emit(w, sym == w->augmented ? 0 : 1, name, CAP_OPT_PROPERTY, value);
	}
	if (sym == w->call) {
		TSNode name = py_options__attribute_name(w, ts_node_child_by_field_name(n, "function", 8));
		TSNode args = ts_node_child_by_field_name(n, "arguments", 9);
		if (ts_node_is_null(name) || ts_node_is_null(args) ||
		    ts_node_symbol(args) != w->argument_list || !ts_node_named_child_count(args))
			return true;
		uint16_t pattern = ts_native_text_is(w->text, name, "clear_options") ? 2
				   : ts_native_text_is(w->text, name, "set_ciphers") ||
					     ts_native_text_is(w->text, name, "set_cipher_list")
				       ? 3
				       : UINT16_MAX;
		return pattern == UINT16_MAX ||
		       py_options__emit(w, pattern, name, CAP_OPT_METHOD, ts_node_named_child(args, 0));
	}
	if (sym == w->keyword_argument) {
		TSNode name = ts_node_child_by_field_name(n, "name", 4);
		TSNode value = ts_node_child_by_field_name(n, "value", 5);
		if (ts_node_is_null(name) || ts_node_symbol(name) != w->identifier ||
		    !ts_native_text_is(w->text, name, "ciphers") || ts_node_is_null(value) ||
		    !ts_node_is_named(value))
			return true;
		return py_options__emit(w, 4, name, CAP_OPT_KEYWORD, value);
	}
	return true;
}

static void py_options_run(TSNode root, const char *text, const ts_native_sink *out)
{
	const TSLanguage *lang = ts_tree_language(root.tree);
	struct py_options_walk w = {
		text,
		ts_native_symbol(lang, "augmented_assignment"),
		ts_native_symbol(lang, "assignment"),
		ts_native_symbol(lang, "call"),
		ts_native_symbol(lang, "keyword_argument"),
		ts_native_symbol(lang, "attribute"),
		ts_native_symbol(lang, "identifier"),
		ts_native_symbol(lang, "unary_operator"),
		ts_native_symbol(lang, "binary_operator"),
		ts_native_symbol(lang, "argument_list"),
		out,
	};
	if (w.augmented && w.assignment && w.call && w.keyword_argument && w.attribute &&
	    w.identifier && w.unary && w.binary && w.argument_list)
		ts_native_walk(root, py_options__visit, &w, out);
}

const ts_native_matcher py_cleared_options = {
	.name = "python-cleared-options",
	.digest = 0x12dc182e239dc056ULL, /* ts_pattern_digest() of LT-PY-003.scm's pattern (a unit test checks) */
	.captures = py_options_captures,
	.run = py_options_run,
	.holds = py_matcher_holds,
};
