/* cs_matcher.c: the value positions of C# (the patterns of rules/csharp/LT-CS-001.scm, shared
 * by LT-CS-002 and LT-CS-003) found by one walk of the tree, without compiling them.
 *
 * Each function below answers one pattern of the .scm file, in its order; the comment above
 * it quotes the pattern's shape. The walk yields what the query cursor yields for those
 * patterns: one match per (value, sink) pair, the value being the node the pattern captures as
 * @value. `TLSLINT_NO_NATIVE_MATCHERS=1` compiles the patterns instead, and tests/cli/speed.sh
 * compares every fixture's findings both ways. */
#include "lang/csharp/cs_matcher.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "engine/ts_field.h"
#include "lang/csharp/cs_syntax.h"

enum { CAP_VALUE, CAP_SINK, CAP_CALLEE };
static const char *const cs_matcher_captures[] = { "value", "sink", "callee", NULL };

/* The node kinds the patterns start from, and those they look for below them. */
enum cs_kind {
	K_NONE,
	K_ASSIGNMENT, K_VARIABLE_DECLARATOR, K_PROPERTY, K_PARAMETER, K_INVOCATION,
	K_OBJECT_CREATION, K_IMPLICIT_OBJECT_CREATION, K_RETURN, K_ARROW, K_LAMBDA,
	K_CONSTRUCTOR_INITIALIZER, K_ARRAY_CREATION, K_IMPLICIT_ARRAY_CREATION, K_COLLECTION,
	/* only below the above */
	K_ARGUMENT_LIST, K_ARGUMENT, K_INITIALIZER, K_TUPLE, K_COLLECTION_ELEMENT,
	K_EXPRESSION_ELEMENT,
	K_COUNT
};
static const char *const cs_kind_names[K_COUNT] = {
	[K_ASSIGNMENT] = "assignment_expression",
	[K_VARIABLE_DECLARATOR] = "variable_declarator",
	[K_PROPERTY] = "property_declaration",
	[K_PARAMETER] = "parameter",
	[K_INVOCATION] = "invocation_expression",
	[K_OBJECT_CREATION] = "object_creation_expression",
	[K_IMPLICIT_OBJECT_CREATION] = "implicit_object_creation_expression",
	[K_RETURN] = "return_statement",
	[K_ARROW] = "arrow_expression_clause",
	[K_LAMBDA] = "lambda_expression",
	[K_CONSTRUCTOR_INITIALIZER] = "constructor_initializer",
	[K_ARRAY_CREATION] = "array_creation_expression",
	[K_IMPLICIT_ARRAY_CREATION] = "implicit_array_creation_expression",
	[K_COLLECTION] = "collection_expression",
	[K_ARGUMENT_LIST] = "argument_list",
	[K_ARGUMENT] = "argument",
	[K_INITIALIZER] = "initializer_expression",
	[K_TUPLE] = "tuple_expression",
	[K_COLLECTION_ELEMENT] = "collection_element",
	[K_EXPRESSION_ELEMENT] = "expression_element",
};

enum cs_field { F_LEFT, F_RIGHT, F_OPERATOR, F_NAME, F_VALUE, F_FUNCTION, F_ARGUMENTS, F_TYPE,
		F_BODY, F_INITIALIZER, F_COUNT };
static const char *const cs_field_names[F_COUNT] = {
	"left", "right", "operator", "name", "value", "function", "arguments", "type", "body",
	"initializer",
};

/* The grammar's symbols and fields by kind, built once (the C# grammar is one table). */
static struct {
	const TSLanguage *grammar;
	uint8_t *kind_of; /* by symbol */
	uint32_t nsymbols;
	TSFieldId field[F_COUNT];
} cs_tables;
static pthread_once_t cs_tables_once = PTHREAD_ONCE_INIT;
const TSLanguage *tree_sitter_c_sharp(void);

static void cs_tables_build(void)
{
	const TSLanguage *g = tree_sitter_c_sharp();
	static uint8_t kinds[1u << 16];
	uint32_t n = ts_language_symbol_count(g);
	for (uint32_t s = 0; s < n && s < (1u << 16); s++) {
		if (ts_language_symbol_type(g, (TSSymbol)s) != TSSymbolTypeRegular)
			continue;
		const char *name = ts_language_symbol_name(g, (TSSymbol)s);
		for (int k = 1; k < K_COUNT; k++)
			if (strcmp(name, cs_kind_names[k]) == 0)
				kinds[s] = (uint8_t)k;
	}
	for (int f = 0; f < F_COUNT; f++)
		cs_tables.field[f] = ts_language_field_id_for_name(g, cs_field_names[f],
								   (uint32_t)strlen(cs_field_names[f]));
	cs_tables.kind_of = kinds;
	cs_tables.nsymbols = n;
	cs_tables.grammar = g;
}

static enum cs_kind cs_kind(TSNode n)
{
	if (ts_node_is_null(n))
		return K_NONE;
	TSSymbol s = ts_node_symbol(n);
	return s < cs_tables.nsymbols && ts_node_is_named(n) ? (enum cs_kind)cs_tables.kind_of[s]
							      : K_NONE;
}

static TSNode cs_field(TSNode n, enum cs_field f)
{
	return cs_tables.field[f] ? ts_node_child_by_field_id(n, cs_tables.field[f])
				  : (TSNode){ 0 };
}

struct cs_walk {
	const char *text;
	const ts_native_sink *out;
	bool stopped;
	/* Cursors over the children of a pattern's nodes, one per level below the node the
	 * pattern starts at (ts_node_named_child(n, i) costs i steps; a cursor one). */
	TSTreeCursor level[3];
};

/* Moves `c` to the first named child of `n` of kind `k` (any named child for K_NONE). */
static bool cs_first(TSTreeCursor *c, TSNode n, enum cs_kind k);
/* Moves `c` to the next named sibling of kind `k`. */
static bool cs_next(TSTreeCursor *c, enum cs_kind k);

static bool cs_is(TSTreeCursor *c, enum cs_kind k)
{
	TSNode n = ts_tree_cursor_current_node(c);
	return ts_node_is_named(n) && (k == K_NONE || cs_kind(n) == k);
}

static bool cs_next(TSTreeCursor *c, enum cs_kind k)
{
	while (ts_tree_cursor_goto_next_sibling(c))
		if (cs_is(c, k))
			return true;
	return false;
}

static bool cs_first(TSTreeCursor *c, TSNode n, enum cs_kind k)
{
	ts_tree_cursor_reset(c, n);
	if (!ts_tree_cursor_goto_first_child(c))
		return false;
	return cs_is(c, k) || cs_next(c, k);
}

/* `CS_EACH(w, depth, n, k, child) body`: runs `body` with `child` bound to each named child of
 * `n` of kind `k` (any for K_NONE), walking with the cursor of level `depth`; the inner `for`
 * only declares `child` for one pass of the body. */
#define CS_EACH(w, depth, n, k, child)                                                      \
	for (bool more_##child = cs_first(&(w)->level[depth], n, k); more_##child;            \
	     more_##child = cs_next(&(w)->level[depth], k))                                    \
		for (TSNode child = ts_tree_cursor_current_node(&(w)->level[depth]),            \
			    *once_##child = &child; once_##child; once_##child = NULL)

static void cs_emit(struct cs_walk *w, uint16_t pattern, TSNode value, TSNode sink, TSNode callee)
{
	if (w->stopped || ts_node_is_null(value))
		return;
	TSQueryCapture caps[3];
	uint16_t n = 0;
	caps[n++] = (TSQueryCapture){ value, CAP_VALUE };
	if (!ts_node_is_null(sink))
		caps[n++] = (TSQueryCapture){ sink, CAP_SINK };
	if (!ts_node_is_null(callee))
		caps[n++] = (TSQueryCapture){ callee, CAP_CALLEE };
	TSQueryMatch m = { .id = 0, .pattern_index = pattern, .capture_count = n, .captures = caps };
	if (!w->out->match(w->out->arg, &m))
		w->stopped = true;
}

static TSNode cs_null(void)
{
	return (TSNode){ 0 };
}

/* The last named child: `(_) @value .`. */
static TSNode cs_last_named(TSNode n)
{
	uint32_t c = ts_node_named_child_count(n);
	return c ? ts_node_named_child(n, c - 1) : cs_null();
}

/* `(parent (argument (_) @value .))` over `list`'s arguments, with the sink given; `list` is a
 * child of the node the pattern starts at. */
static void cs_arguments(struct cs_walk *w, uint16_t pattern, TSNode list, TSNode sink,
			 TSNode callee)
{
	CS_EACH(w, 1, list, K_ARGUMENT, arg)
		cs_emit(w, pattern, cs_last_named(arg), sink, callee);
}

/* `(n (_) @value)`: every named child of `n`, at `depth` below the pattern's node. */
static void cs_children(struct cs_walk *w, uint16_t pattern, TSNode n, int depth)
{
	CS_EACH(w, depth, n, K_NONE, child)
		cs_emit(w, pattern, child, cs_null(), cs_null());
}

/* Whether text[from..end) is `name` followed by the end or by `<...>` without a line break:
 * the tail `(<.*>)?$` of the callee patterns. `prefix`: `name[A-Za-z]*`. */
static bool cs_name_at(const char *s, size_t from, size_t end, const char *name, bool prefix)
{
	size_t len = strlen(name);
	if (end - from < len || memcmp(s + from, name, len) != 0)
		return false;
	size_t p = from + len;
	if (prefix)
		while (p < end && ((s[p] >= 'A' && s[p] <= 'Z') || (s[p] >= 'a' && s[p] <= 'z')))
			p++;
	if (p == end)
		return true;
	if (s[p] != '<' || s[end - 1] != '>' || end - p < 2)
		return false;
	return memchr(s + p, '\n', end - p) == NULL;
}

/* The callee filters of the invocation pattern: true when the call only reads, compares,
 * logs or formats its arguments (the two #not-match? predicates). */
static bool cs_callee_reads(const char *text, TSNode callee)
{
	static const char *const names[] = {
		"HasFlag", "Equals", "ReferenceEquals", "CompareTo", "ToString", "GetName", "GetNames",
		"IsDefined", "Format", "Concat", "Join", "Write", "WriteLine", "WriteIf",
		"WriteLineIf", "Print", "Append", "AppendLine", "AppendFormat", "Add", "TryAdd",
		"Contains", "ContainsKey", "DoesNotContain", "IndexOf", "Remove", "nameof", "Debug",
		"Info", "Information", "Warn", "Warning", "Error", "Fatal", "Verbose", "AreEqual",
		"AreNotEqual", "Equal", "NotEqual", "EqualTo", "EquivalentTo", "Same", "NotSame",
		"That", "Be", "NotBe", "Verify", NULL,
	};
	static const char *const prefixes[] = { "Log", "Trace", "Assert", "Should", "Expect", NULL };
	static const char *const receivers[] = {
		"Assert", "CollectionAssert", "Console", "Debug", "Trace", "Log", "Logger", "log",
		"logger", "_log", "_logger", "Is", "Has", "Does", NULL,
	};
	uint32_t start = ts_node_start_byte(callee), end = ts_node_end_byte(callee);
	const char *s = text + start;
	size_t len = end - start;
	for (size_t at = 0; at < len; at++) {
		if (at && s[at - 1] != '.')
			continue;
		for (size_t i = 0; names[i]; i++)
			if (cs_name_at(s, at, len, names[i], false))
				return true;
		for (size_t i = 0; prefixes[i]; i++)
			if (cs_name_at(s, at, len, prefixes[i], true))
				return true;
		for (size_t i = 0; receivers[i]; i++) {
			size_t rl = strlen(receivers[i]);
			if (len - at > rl && memcmp(s + at, receivers[i], rl) == 0 && s[at + rl] == '.')
				return true;
		}
	}
	return false;
}

/* One node: the patterns that start at its kind. The numbers are the patterns' order in the
 * .scm file. */
static void cs_visit(struct cs_walk *w, TSNode n)
{
	switch (cs_kind(n)) {
	case K_ASSIGNMENT: {
		/* (assignment_expression left: (_) @sink operator: ["=" "|="] right: (_) @value) */
		TSNode op = cs_field(n, F_OPERATOR), left = cs_field(n, F_LEFT),
		       right = cs_field(n, F_RIGHT);
		const char *t = ts_node_is_null(op) ? "" : ts_node_type(op);
		if (!ts_node_is_null(left) && !ts_node_is_null(right) && ts_node_is_named(left) &&
		    ts_node_is_named(right) && (strcmp(t, "=") == 0 || strcmp(t, "|=") == 0))
			cs_emit(w, 0, right, left, cs_null());
		/* (assignment_expression right: (tuple_expression (argument (_) @value .))) */
		if (!ts_node_is_null(right) && cs_kind(right) == K_TUPLE)
			cs_arguments(w, 13, right, cs_null(), cs_null());
		break;
	}
	case K_VARIABLE_DECLARATOR:
	case K_PARAMETER: {
		/* (variable_declarator name: (_) @sink (_) @value .), the same for parameter */
		TSNode name = cs_field(n, F_NAME), last = cs_last_named(n);
		bool declarator = cs_kind(n) == K_VARIABLE_DECLARATOR;
		if (!ts_node_is_null(name) && ts_node_is_named(name) && !ts_node_is_null(last) &&
		    ts_node_start_byte(last) >= ts_node_end_byte(name) && !ts_node_eq(last, name))
			cs_emit(w, declarator ? 1 : 3, last, name, cs_null());
		if (!declarator)
			break;
		/* (variable_declarator (initializer_expression (_) @value)) */
		CS_EACH(w, 0, n, K_INITIALIZER, init)
			cs_children(w, 11, init, 1);
		/* (variable_declarator (tuple_expression (argument (_) @value .)) .) */
		if (!ts_node_is_null(last) && cs_kind(last) == K_TUPLE)
			cs_arguments(w, 14, last, cs_null(), cs_null());
		break;
	}
	case K_PROPERTY: {
		/* (property_declaration name: (_) @sink value: (_) @value) */
		TSNode name = cs_field(n, F_NAME), value = cs_field(n, F_VALUE);
		if (!ts_node_is_null(name) && ts_node_is_named(name) && !ts_node_is_null(value) &&
		    ts_node_is_named(value))
			cs_emit(w, 2, value, name, cs_null());
		break;
	}
	case K_INVOCATION: {
		/* (invocation_expression function: (_) @callee @sink
		 *   arguments: (argument_list (argument (_) @value .))), unless the callee reads */
		TSNode fn = cs_field(n, F_FUNCTION), args = cs_field(n, F_ARGUMENTS);
		if (!ts_node_is_null(fn) && ts_node_is_named(fn) && !ts_node_is_null(args) &&
		    cs_kind(args) == K_ARGUMENT_LIST && !cs_callee_reads(w->text, fn))
			cs_arguments(w, 4, args, fn, fn);
		break;
	}
	case K_OBJECT_CREATION: {
		/* (object_creation_expression type: (_) @sink
		 *   arguments: (argument_list (argument (_) @value .))) */
		TSNode type = cs_field(n, F_TYPE), args = cs_field(n, F_ARGUMENTS),
		       init = cs_field(n, F_INITIALIZER);
		if (!ts_node_is_null(type) && ts_node_is_named(type) && !ts_node_is_null(args) &&
		    cs_kind(args) == K_ARGUMENT_LIST)
			cs_arguments(w, 5, args, type, cs_null());
		/* (object_creation_expression initializer: (initializer_expression (_) @value)) */
		if (!ts_node_is_null(init) && cs_kind(init) == K_INITIALIZER)
			cs_children(w, 11, init, 0);
		break;
	}
	case K_IMPLICIT_OBJECT_CREATION:
		/* (implicit_object_creation_expression (argument_list (argument (_) @value .))) */
		CS_EACH(w, 0, n, K_ARGUMENT_LIST, list)
			cs_arguments(w, 6, list, cs_null(), cs_null());
		/* (implicit_object_creation_expression (initializer_expression (_) @value)) */
		CS_EACH(w, 0, n, K_INITIALIZER, init)
			cs_children(w, 11, init, 1);
		break;
	case K_RETURN:
	case K_ARROW: {
		/* (return_statement (_) @value), (arrow_expression_clause (_) @value) */
		bool ret = cs_kind(n) == K_RETURN;
		cs_children(w, ret ? 7 : 8, n, 0);
		/* (return_statement (tuple_expression (argument (_) @value .))), the same for
		 * arrow_expression_clause */
		CS_EACH(w, 0, n, K_TUPLE, tuple)
			cs_arguments(w, ret ? 15 : 16, tuple, cs_null(), cs_null());
		break;
	}
	case K_LAMBDA: {
		/* (lambda_expression body: (_) @value) */
		TSNode body = cs_field(n, F_BODY);
		if (!ts_node_is_null(body) && ts_node_is_named(body))
			cs_emit(w, 9, body, cs_null(), cs_null());
		break;
	}
	case K_CONSTRUCTOR_INITIALIZER:
		/* (constructor_initializer (argument_list (argument (_) @value .))) */
		CS_EACH(w, 0, n, K_ARGUMENT_LIST, list)
			cs_arguments(w, 10, list, cs_null(), cs_null());
		break;
	case K_ARRAY_CREATION:
	case K_IMPLICIT_ARRAY_CREATION:
		/* (array_creation_expression (initializer_expression (_) @value)), the same for
		 * implicit_array_creation_expression */
		CS_EACH(w, 0, n, K_INITIALIZER, init)
			cs_children(w, 11, init, 1);
		break;
	case K_COLLECTION:
		/* (collection_expression (collection_element (expression_element (_) @value))) */
		CS_EACH(w, 0, n, K_COLLECTION_ELEMENT, element)
			CS_EACH(w, 1, element, K_EXPRESSION_ELEMENT, expr)
				cs_children(w, 12, expr, 2);
		break;
	default:
		break;
	}
}

static bool cs_visit_node(void *arg, TSNode n)
{
	struct cs_walk *w = arg;
	cs_visit(w, n);
	return !w->stopped;
}

static void cs_matcher_run(TSNode root, const char *text, const ts_native_sink *out)
{
	pthread_once(&cs_tables_once, cs_tables_build);
	if (cs_tables.grammar != ts_tree_language(root.tree))
		return; /* not the C# grammar: no pattern of C# applies */
	struct cs_walk w = { text, out, false, { { 0 } } };
	for (int i = 0; i < 3; i++)
		w.level[i] = ts_tree_cursor_new(root);
	ts_native_walk(root, cs_visit_node, &w, out);
	for (int i = 0; i < 3; i++)
		ts_tree_cursor_delete(&w.level[i]);
}

/* #not-in-rejection-test? @value, of every pattern. */
static bool cs_matcher_holds(const TSQueryMatch *m, const char *text)
{
	TSNode value;
	return !ts_native_capture(m, CAP_VALUE, &value) ||
	       !cs_syntax_in_rejection_test(value, text);
}

const ts_native_matcher cs_value_positions = {
	.name = "csharp-value-positions",
	.digest = 0x68ac9b7b7fa1a396ULL, /* ts_pattern_digest() of LT-CS-001.scm's patterns (a unit test checks) */
	.captures = cs_matcher_captures,
	.run = cs_matcher_run,
	.holds = cs_matcher_holds,
};

/* LT-CS-006's pattern:
 *
 *   (assignment_expression
 *     left: (member_access_expression expression: (_) @class name: (identifier) @property)
 *     operator: "="
 *     right: (_) @value
 *     (#match? @class "(^|\\.)ServicePointManager$")
 *     (#eq? @property "SecurityProtocol"))
 *
 * Compiling it against the C# grammar took 25 ms, a third of a one-file scan; the walk here
 * reads the tree's nodes that LT-CS-001's walk of the same file kept (ts_native_walk). */
enum { CAP_PIN_CLASS, CAP_PIN_PROPERTY, CAP_PIN_VALUE };
static const char *const cs_pinned_captures[] = { "class", "property", "value", NULL };

struct cs_pinned_walk {
	const char *text;
	TSSymbol assignment, member_access, identifier;
	const ts_native_sink *out;
};

static bool cs_pinned__visit(void *arg, TSNode n)
{
	const struct cs_pinned_walk *w = arg;
	if (ts_node_symbol(n) != w->assignment)
		return true;
	TSNode left = ts_field_child(n, "left", 4);
	TSNode op = ts_field_child(n, "operator", 8);
	TSNode right = ts_field_child(n, "right", 5);
	if (ts_node_is_null(left) || ts_node_symbol(left) != w->member_access || ts_node_is_null(op) ||
	    strcmp(ts_node_type(op), "=") != 0 || ts_node_is_null(right) || !ts_node_is_named(right))
		return true;
	TSNode cls = ts_field_child(left, "expression", 10);
	TSNode prop = ts_field_child(left, "name", 4);
	if (ts_node_is_null(cls) || !ts_node_is_named(cls) || ts_node_is_null(prop) ||
	    ts_node_symbol(prop) != w->identifier ||
	    !ts_native_text_is(w->text, prop, "SecurityProtocol"))
		return true;
	/* #match? @class "(^|\\.)ServicePointManager$" */
	static const char cls_name[] = "ServicePointManager";
	const size_t cl = sizeof(cls_name) - 1;
	uint32_t b = ts_node_start_byte(cls), e = ts_node_end_byte(cls);
	if (e - b < cl || memcmp(w->text + e - cl, cls_name, cl) != 0 ||
	    (e - b > cl && w->text[e - cl - 1] != '.'))
		return true;
	TSQueryCapture caps[3] = { { cls, CAP_PIN_CLASS }, { prop, CAP_PIN_PROPERTY },
				   { right, CAP_PIN_VALUE } };
	TSQueryMatch m = { .id = 0, .pattern_index = 0, .capture_count = 3, .captures = caps };
	return w->out->match(w->out->arg, &m);
}

static void cs_pinned_run(TSNode root, const char *text, const ts_native_sink *out)
{
	const TSLanguage *lang = ts_tree_language(root.tree);
	struct cs_pinned_walk w = {
		text,
		ts_native_symbol(lang, "assignment_expression"),
		ts_native_symbol(lang, "member_access_expression"),
		ts_native_symbol(lang, "identifier"),
		out,
	};
	if (w.assignment && w.member_access && w.identifier)
		ts_native_walk(root, cs_pinned__visit, &w, out);
}

const ts_native_matcher cs_pinned_protocol = {
	.name = "csharp-pinned-security-protocol",
	.digest = 0xb8dadc0707e68817ULL, /* ts_pattern_digest() of LT-CS-006.scm's pattern (a unit test checks) */
	.captures = cs_pinned_captures,
	.run = cs_pinned_run,
	.holds = NULL, /* the pattern has no costly predicate */
};
