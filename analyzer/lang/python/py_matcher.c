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
#define PCRE2_CODE_UNIT_WIDTH 8
#include "lang/python/py_matcher.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "engine/ts_field.h"
#include "lang/python/py_syntax.h"
#include "util/alloc.h"

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
	TSNode fn = ts_field_child(n, "function", 8);
	TSNode args = ts_field_child(n, "arguments", 9);
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
	TSNode value = ts_field_child(n, "value", 5);
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
	TSNode name = ts_field_child(n, "attribute", 9);
	return !ts_node_is_null(name) && ts_node_symbol(name) == w->identifier ? name
									       : (TSNode){ 0 };
}

/* `(unary_operator operator: "~" argument: (_) @value)`: the argument, or a null node. */
static TSNode py_options__inverted(const struct py_options_walk *w, TSNode n)
{
	if (ts_node_is_null(n) || ts_node_symbol(n) != w->unary)
		return (TSNode){ 0 };
	TSNode op = ts_field_child(n, "operator", 8);
	TSNode arg = ts_field_child(n, "argument", 8);
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
		TSNode name = py_options__attribute_name(w, ts_field_child(n, "left", 4));
		if (ts_node_is_null(name) || !ts_native_text_is(w->text, name, "options"))
			return true;
		TSNode right = ts_field_child(n, "right", 5), value;
		if (sym == w->augmented) {
			TSNode op = ts_field_child(n, "operator", 8);
			if (ts_node_is_null(op) || strcmp(ts_node_type(op), "&=") != 0)
				return true;
			value = py_options__inverted(w, right);
		} else {
			if (ts_node_is_null(right) || ts_node_symbol(right) != w->binary)
				return true;
			TSNode op = ts_field_child(right, "operator", 8);
			if (ts_node_is_null(op) || strcmp(ts_node_type(op), "&") != 0)
				return true;
			value = py_options__inverted(w, ts_field_child(right, "right", 5));
		}
		return ts_node_is_null(value) ||
		       py_options__emit(w, sym == w->augmented ? 0 : 1, name, CAP_OPT_PROPERTY, value);
	}
	if (sym == w->call) {
		TSNode name = py_options__attribute_name(w, ts_field_child(n, "function", 8));
		TSNode args = ts_field_child(n, "arguments", 9);
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
		TSNode name = ts_field_child(n, "name", 4);
		TSNode value = ts_field_child(n, "value", 5);
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

/* LT-PY-001's patterns, in this order (their pattern indexes), each with
 * (#not-in-rejection-test? @value):
 *
 *    0 (call function: [(identifier) (attribute)] @function
 *        arguments: (argument_list (_) @value))  #match? @function: SSLContext, wrap_socket, ...
 *    1 (keyword_argument name: (identifier) @keyword value: (_) @value)   #any-of? @keyword
 *    2 (assignment left: (subscript subscript: (string (string_content) @keyword))
 *        right: (_) @value)                                               #any-of? @keyword
 *    3 (pair key: (string (string_content) @keyword) value: (_) @value)   #any-of? @keyword
 *    4 (assignment left: (attribute) right: (_) @value)
 *    5 (class_definition body: (block (expression_statement
 *        (assignment left: (identifier) right: (_) @value))))
 *    6 (call function: (_) @sink arguments: (argument_list (_) @value))   #not-match? @sink x2
 *    7 (call function: (_) @sink
 *        arguments: (argument_list (keyword_argument value: (_) @value)))  #not-match? @sink x2
 *    8 (assignment left: (identifier) @sink right: (_) @value)
 *    9 (return_statement (_) @value)
 *   10 (assignment left: (_) @sink right: [(list (_) @value) (tuple (_) @value)
 *        (set (_) @value) (expression_list (_) @value)])
 *   11 (return_statement [(list (_) @value) ...the same])
 *
 * The patterns take nearly every value of a file, and a query cursor walking the tree for them
 * was a tenth of a Python scan. The matches are handed on in the query cursor's order: by the
 * @value node in document order, then outer patterns (a call around a keyword argument) before
 * inner ones, then by pattern index, as a finding keeps the related locations of its matches
 * in that order. The #match? tests of a callee's text run in py_constants_holds(), with the
 * costly predicate: only for values that are known. */
enum { CAP_CONST_VALUE, CAP_CONST_FUNCTION, CAP_CONST_KEYWORD, CAP_CONST_SINK };
static const char *const py_constants_captures[] = { "value", "function", "keyword", "sink",
						     NULL };

/* #any-of? @keyword of patterns 1 to 3. */
static const char *const py_constants_keywords[] = { "ssl_version", "method", "sslmethod",
						     "ssl_method", "version", "protocol", NULL };

enum { PYC_CALL, PYC_ARGUMENT_LIST, PYC_IDENTIFIER, PYC_ATTRIBUTE, PYC_KEYWORD_ARGUMENT,
       PYC_ASSIGNMENT, PYC_SUBSCRIPT, PYC_STRING, PYC_STRING_CONTENT, PYC_PAIR, PYC_CLASS,
       PYC_BLOCK, PYC_EXPRESSION_STATEMENT, PYC_RETURN, PYC_LIST, PYC_TUPLE, PYC_SET,
       PYC_EXPRESSION_LIST, PYC_COUNT };
static const char *const py_constants_symbols[PYC_COUNT] = {
	"call", "argument_list", "identifier", "attribute", "keyword_argument", "assignment",
	"subscript", "string", "string_content", "pair", "class_definition", "block",
	"expression_statement", "return_statement", "list", "tuple", "set", "expression_list",
};

struct py_const_match {
	uint32_t value_start, value_end, root_start, root_end, seq;
	uint16_t pattern, ncaps;
	TSQueryCapture caps[2];
};

struct py_constants_walk {
	const char *text;
	TSSymbol sym[PYC_COUNT];
	TSFieldId f_subscript;
	struct py_const_match *matches;
	size_t len, cap;
};

static bool py_constants__is(const struct py_constants_walk *w, TSNode n, int which)
{
	return !ts_node_is_null(n) && ts_node_symbol(n) == w->sym[which];
}

static void py_constants__add(struct py_constants_walk *w, uint16_t pattern, TSNode root,
			      TSNode value, TSNode other, uint32_t other_capture)
{
	if (ts_node_is_null(value) || !ts_node_is_named(value))
		return;
	GROW(w->matches, w->cap, w->len + 1);
	struct py_const_match *m = &w->matches[w->len];
	*m = (struct py_const_match){ ts_node_start_byte(value), ts_node_end_byte(value),
				      ts_node_start_byte(root), ts_node_end_byte(root),
				      (uint32_t)w->len, pattern, 1, { { value, CAP_CONST_VALUE } } };
	if (!ts_node_is_null(other)) {
		m->caps[1] = (TSQueryCapture){ other, other_capture };
		m->ncaps = 2;
	}
	w->len++;
}

/* Patterns whose @value is every named child of `parent`. */
static void py_constants__children(struct py_constants_walk *w, uint16_t pattern, TSNode root,
				   TSNode parent, TSNode other, uint32_t other_capture)
{
	uint32_t n = ts_node_named_child_count(parent);
	for (uint32_t i = 0; i < n; i++)
		py_constants__add(w, pattern, root, ts_node_named_child(parent, i), other,
				  other_capture);
}

/* `(string (string_content) @keyword)` with #any-of? @keyword: the content, or a null node. */
static TSNode py_constants__keyword_string(const struct py_constants_walk *w, TSNode s)
{
	if (!py_constants__is(w, s, PYC_STRING))
		return (TSNode){ 0 };
	uint32_t n = ts_node_named_child_count(s);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(s, i);
		if (ts_node_symbol(c) != w->sym[PYC_STRING_CONTENT])
			continue;
		for (size_t k = 0; py_constants_keywords[k]; k++)
			if (ts_native_text_is(w->text, c, py_constants_keywords[k]))
				return c;
	}
	return (TSNode){ 0 };
}

static bool py_constants__is_collection(const struct py_constants_walk *w, TSNode n)
{
	return py_constants__is(w, n, PYC_LIST) || py_constants__is(w, n, PYC_TUPLE) ||
	       py_constants__is(w, n, PYC_SET) || py_constants__is(w, n, PYC_EXPRESSION_LIST);
}

static void py_constants__assignment(struct py_constants_walk *w, TSNode n)
{
	TSNode left = ts_field_child(n, "left", 4);
	TSNode right = ts_field_child(n, "right", 5);
	if (ts_node_is_null(left) || ts_node_is_null(right))
		return;
	if (py_constants__is(w, left, PYC_SUBSCRIPT)) {
		uint32_t nc = ts_node_child_count(left);
		for (uint32_t i = 0; i < nc; i++) {
			if (ts_node_field_name_for_child(left, i) == NULL ||
			    strcmp(ts_node_field_name_for_child(left, i), "subscript") != 0)
				continue;
			TSNode kw = py_constants__keyword_string(w, ts_node_child(left, i));
			if (!ts_node_is_null(kw))
				py_constants__add(w, 2, n, right, kw, CAP_CONST_KEYWORD);
		}
	}
	if (py_constants__is(w, left, PYC_ATTRIBUTE))
		py_constants__add(w, 4, n, right, (TSNode){ 0 }, 0);
	if (py_constants__is(w, left, PYC_IDENTIFIER))
		py_constants__add(w, 8, n, right, left, CAP_CONST_SINK);
	if (ts_node_is_named(left) && py_constants__is_collection(w, right))
		py_constants__children(w, 10, n, right, left, CAP_CONST_SINK);
}

static bool py_constants__visit(void *arg, TSNode n)
{
	struct py_constants_walk *w = arg;
	TSSymbol sym = ts_node_symbol(n);
	if (sym == w->sym[PYC_CALL]) {
		TSNode fn = ts_field_child(n, "function", 8);
		TSNode args = ts_field_child(n, "arguments", 9);
		if (ts_node_is_null(fn) || !ts_node_is_named(fn) ||
		    !py_constants__is(w, args, PYC_ARGUMENT_LIST))
			return true;
		if (py_constants__is(w, fn, PYC_IDENTIFIER) || py_constants__is(w, fn, PYC_ATTRIBUTE))
			py_constants__children(w, 0, n, args, fn, CAP_CONST_FUNCTION);
		py_constants__children(w, 6, n, args, fn, CAP_CONST_SINK);
		uint32_t na = ts_node_named_child_count(args);
		for (uint32_t i = 0; i < na; i++) {
			TSNode kw = ts_node_named_child(args, i);
			if (ts_node_symbol(kw) == w->sym[PYC_KEYWORD_ARGUMENT])
				py_constants__add(w, 7, n, ts_field_child(kw, "value", 5),
						  fn, CAP_CONST_SINK);
		}
	} else if (sym == w->sym[PYC_KEYWORD_ARGUMENT]) {
		TSNode name = ts_field_child(n, "name", 4);
		if (!py_constants__is(w, name, PYC_IDENTIFIER))
			return true;
		for (size_t k = 0; py_constants_keywords[k]; k++)
			if (ts_native_text_is(w->text, name, py_constants_keywords[k])) {
				py_constants__add(w, 1, n, ts_field_child(n, "value", 5),
						  name, CAP_CONST_KEYWORD);
				break;
			}
	} else if (sym == w->sym[PYC_ASSIGNMENT]) {
		py_constants__assignment(w, n);
	} else if (sym == w->sym[PYC_PAIR]) {
		TSNode kw = py_constants__keyword_string(w, ts_field_child(n, "key", 3));
		if (!ts_node_is_null(kw))
			py_constants__add(w, 3, n, ts_field_child(n, "value", 5), kw,
					  CAP_CONST_KEYWORD);
	} else if (sym == w->sym[PYC_CLASS]) {
		TSNode body = ts_field_child(n, "body", 4);
		if (!py_constants__is(w, body, PYC_BLOCK))
			return true;
		uint32_t nb = ts_node_named_child_count(body);
		for (uint32_t i = 0; i < nb; i++) {
			TSNode st = ts_node_named_child(body, i);
			if (ts_node_symbol(st) != w->sym[PYC_EXPRESSION_STATEMENT])
				continue;
			uint32_t ns = ts_node_named_child_count(st);
			for (uint32_t j = 0; j < ns; j++) {
				TSNode a = ts_node_named_child(st, j);
				if (ts_node_symbol(a) != w->sym[PYC_ASSIGNMENT] ||
				    !py_constants__is(w, ts_field_child(a, "left", 4),
						      PYC_IDENTIFIER))
					continue;
				py_constants__add(w, 5, n, ts_field_child(a, "right", 5),
						  (TSNode){ 0 }, 0);
			}
		}
	} else if (sym == w->sym[PYC_RETURN]) {
		py_constants__children(w, 9, n, n, (TSNode){ 0 }, 0);
		uint32_t nr = ts_node_named_child_count(n);
		for (uint32_t i = 0; i < nr; i++) {
			TSNode c = ts_node_named_child(n, i);
			if (py_constants__is_collection(w, c))
				py_constants__children(w, 11, n, c, (TSNode){ 0 }, 0);
		}
	}
	return true;
}

/* The query cursor's order (see above). */
static int py_constants__cmp(const void *a, const void *b)
{
	const struct py_const_match *x = a, *y = b;
#define PYC_CMP(f, asc) \
	if (x->f != y->f) \
		return (x->f < y->f) == (asc) ? -1 : 1;
	PYC_CMP(value_start, true)
	PYC_CMP(value_end, false)
	PYC_CMP(root_start, true)
	PYC_CMP(root_end, false)
	PYC_CMP(pattern, true)
	PYC_CMP(seq, true)
#undef PYC_CMP
	return 0;
}

static void py_constants_run(TSNode root, const char *text, const ts_native_sink *out)
{
	const TSLanguage *lang = ts_tree_language(root.tree);
	struct py_constants_walk w = { .text = text };
	for (int i = 0; i < PYC_COUNT; i++)
		if (!(w.sym[i] = ts_native_symbol(lang, py_constants_symbols[i])))
			return;
	ts_native_walk(root, py_constants__visit, &w, out);
	if (w.len > 1)
		qsort(w.matches, w.len, sizeof(*w.matches), py_constants__cmp);
	for (size_t i = 0; i < w.len; i++) {
		TSQueryMatch m = { .id = 0, .pattern_index = w.matches[i].pattern,
				   .capture_count = w.matches[i].ncaps,
				   .captures = w.matches[i].caps };
		if (!out->match(out->arg, &m))
			break;
	}
	free(w.matches);
}

/* The #match? / #not-match? tests of patterns 0, 6 and 7, compiled as predicates.c compiles
 * the query's. */
enum { PYC_RE_CONTEXT, PYC_RE_READER, PYC_RE_LOGGER, PYC_RE_WRITER, PYC_RE_LOGGER_KW,
       PYC_RE_COUNT };
static const char *const py_constants_regex_text[PYC_RE_COUNT] = {
	"(^|\\.)(SSLContext|wrap_socket|get_server_certificate|Context)$",
	"(^|\\.)(print|repr|str|type|format|isinstance|issubclass|getattr|hasattr|id|hash|len|"
	"sorted|index|count|remove|discard|__contains__|__eq__|Log[A-Za-z_]*|log[a-z_]*|debug|"
	"info|warning|warn|error|exception|critical|assert[A-Za-z_]*|skip[A-Za-z_]*|xfail|"
	"expect[A-Za-z_]*)$",
	"(^|\\.)(log|logger|_log|_logger|LOG|LOGGER|logging|warnings|self\\.assert[A-Za-z]*)\\.",
	"(^|\\.)(print|format|Log[A-Za-z_]*|log[a-z_]*|debug|info|warning|warn|error|exception|"
	"critical|assert[A-Za-z_]*)$",
	"(^|\\.)(log|logger|_log|_logger|LOG|LOGGER|logging|warnings)\\.",
};
static pcre2_code *py_constants_regex[PYC_RE_COUNT];
static pthread_once_t py_constants_once = PTHREAD_ONCE_INIT;

static void py_constants__compile(void)
{
	for (int i = 0; i < PYC_RE_COUNT; i++) {
		int code = 0;
		PCRE2_SIZE offset = 0;
		py_constants_regex[i] = pcre2_compile((PCRE2_SPTR)py_constants_regex_text[i],
						      PCRE2_ZERO_TERMINATED, PCRE2_UTF, &code,
						      &offset, NULL);
	}
}

static bool py_constants__matches(int which, const char *text, TSNode n)
{
	const pcre2_code *re = py_constants_regex[which];
	if (!re)
		return false;
	uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	int rc = pcre2_match(re, (PCRE2_SPTR)(text + s), e - s, 0, 0, md, NULL);
	pcre2_match_data_free(md);
	return rc >= 0;
}

static bool py_constants_holds(const TSQueryMatch *m, const char *text)
{
	pthread_once(&py_constants_once, py_constants__compile);
	TSNode n;
	if (m->pattern_index == 0 && ts_native_capture(m, CAP_CONST_FUNCTION, &n) &&
	    !py_constants__matches(PYC_RE_CONTEXT, text, n))
		return false;
	if (m->pattern_index == 6 && ts_native_capture(m, CAP_CONST_SINK, &n) &&
	    (py_constants__matches(PYC_RE_READER, text, n) ||
	     py_constants__matches(PYC_RE_LOGGER, text, n)))
		return false;
	if (m->pattern_index == 7 && ts_native_capture(m, CAP_CONST_SINK, &n) &&
	    (py_constants__matches(PYC_RE_WRITER, text, n) ||
	     py_constants__matches(PYC_RE_LOGGER_KW, text, n)))
		return false;
	return py_matcher_holds(m, text);
}

const ts_native_matcher py_legacy_constants = {
	.name = "python-legacy-constants",
	.digest = 0xba7885202545b305ULL, /* ts_pattern_digest() of LT-PY-001.scm's pattern (a unit test checks) */
	.captures = py_constants_captures,
	.run = py_constants_run,
	.holds = py_constants_holds,
};
