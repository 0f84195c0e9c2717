/* rb_syntax.c: assignments of a Ruby file's names, the settings values are written to, and
 * tests that expect a failure. */
#include "lang/ruby/rb_syntax.h"

#include <string.h>

#include "engine/ts_field.h"

static bool rs__is(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

static bool rs__text_is(const char *text, TSNode node, const char *s, size_t len)
{
	uint32_t a = ts_node_start_byte(node), b = ts_node_end_byte(node);
	return b - a == len && memcmp(text + a, s, len) == 0;
}

static bool rs__contains(const char *text, TSNode node, const char *needle)
{
	uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
	size_t n = strlen(needle);
	for (uint32_t i = s; i + n <= e; i++)
		if (memcmp(text + i, needle, n) == 0)
			return true;
	return false;
}

static bool rs__name(TSNode n)
{
	return rs__is(n, "constant") || rs__is(n, "identifier") ||
	       rs__is(n, "instance_variable") || rs__is(n, "class_variable");
}

TSNode rb_syntax_assigned_value(const eval_ctx *ctx, TSNode name)
{
	TSNode none = { 0 };
	TSNode id = name;
	if (rs__is(name, "scope_resolution"))
		id = ts_field_child(name, "name", 4);
	if (ts_node_is_null(id) || !rs__name(id))
		return none;
	size_t len = 0;
	const char *s = eval_node_text(ctx, id, &len);
	const char *text = ctx->src->text;
	uint32_t use = ts_node_start_byte(name);
	TSNode before = none, after = none;
	TSTreeCursor cur = ts_tree_cursor_new(ctx->root);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		bool descend = true;
		if (rs__is(n, "assignment")) {
			TSNode left = ts_field_child(n, "left", 4);
			TSNode right = ts_field_child(n, "right", 5);
			if (!ts_node_is_null(left) && rs__is(left, "scope_resolution"))
				left = ts_field_child(left, "name", 4);
			if (!ts_node_is_null(left) && !ts_node_is_null(right) && rs__name(left) &&
			    rs__text_is(text, left, s, len) &&
			    !(ts_node_start_byte(n) <= use && use < ts_node_end_byte(n))) {
				if (ts_node_start_byte(n) < use)
					before = right;
				else if (ts_node_is_null(after))
					after = right;
			}
		} else if (ts_node_start_byte(n) > use && !ts_node_is_null(after)) {
			descend = false;
		}
		if (descend && ts_tree_cursor_goto_first_child(&cur))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&cur)) {
			if (!ts_tree_cursor_goto_parent(&cur)) {
				ts_tree_cursor_delete(&cur);
				return ts_node_is_null(before) ? after : before;
			}
		}
	}
}

/* The text of a hash key: `name:` (without the colon), `:name`, `"name"`. */
static bool rs__key(const char *text, TSNode key, const char **name, size_t *len)
{
	uint32_t a = ts_node_start_byte(key), b = ts_node_end_byte(key);
	if (rs__is(key, "hash_key_symbol") || rs__is(key, "identifier")) {
		*name = text + a;
		*len = b - a;
		return true;
	}
	if (rs__is(key, "simple_symbol") && b - a > 1) {
		*name = text + a + 1;
		*len = b - a - 1;
		return true;
	}
	if ((rs__is(key, "string") || rs__is(key, "delimited_symbol")) &&
	    ts_node_named_child_count(key) == 1) {
		TSNode c = ts_node_named_child(key, 0);
		if (!rs__is(c, "string_content"))
			return false;
		*name = text + ts_node_start_byte(c);
		*len = ts_node_end_byte(c) - ts_node_start_byte(c);
		return true;
	}
	return false;
}

static bool rs__method(const char *text, TSNode call, const char **name, size_t *len)
{
	TSNode m = ts_field_child(call, "method", 6);
	if (ts_node_is_null(m))
		return false;
	*name = text + ts_node_start_byte(m);
	*len = ts_node_end_byte(m) - ts_node_start_byte(m);
	return true;
}

bool rb_syntax_setting(const eval_ctx *ctx, TSNode value, const char **name, size_t *len)
{
	const char *text = ctx->src->text;
	TSNode parent = ts_node_parent(value);
	if (ts_node_is_null(parent))
		return false;
	if (rs__is(parent, "assignment")) {
		TSNode left = ts_field_child(parent, "left", 4);
		TSNode right = ts_field_child(parent, "right", 5);
		if (ts_node_is_null(left) || ts_node_is_null(right) || !ts_node_eq(right, value))
			return false;
		if (rs__is(left, "call"))
			return rs__method(text, left, name, len);
		if (rs__is(left, "element_reference") && ts_node_named_child_count(left) == 2)
			return rs__key(text, ts_node_named_child(left, 1), name, len);
		return false;
	}
	if (rs__is(parent, "pair")) {
		TSNode key = ts_field_child(parent, "key", 3);
		TSNode v = ts_field_child(parent, "value", 5);
		return !ts_node_is_null(key) && !ts_node_is_null(v) && ts_node_eq(v, value) &&
		       rs__key(text, key, name, len);
	}
	if (rs__is(parent, "argument_list")) {
		TSNode call = ts_node_parent(parent);
		return !ts_node_is_null(call) && rs__is(call, "call") &&
		       rs__method(text, call, name, len);
	}
	return false;
}

static const char *const rs__comparisons[] = {
	"eq", "eql", "equal", "include", "match", "contain_exactly", "match_array",
	"have_attributes", "assert_equal", "assert_includes", "assert_match", "refute_equal",
	"assert_not_equal", NULL
};

static bool rs__call_named(const char *text, TSNode n, const char *const *names);

bool rb_syntax_in_comparison(const eval_ctx *ctx, TSNode node)
{
	const char *text = ctx->src->text;
	for (TSNode n = node, p = ts_node_parent(n); !ts_node_is_null(p);
	     n = p, p = ts_node_parent(p)) {
		if (rs__is(p, "binary")) {
			TSNode op = ts_field_child(p, "operator", 8);
			return !ts_node_is_null(op) &&
			       (eval_node_is(ctx, op, "==") || eval_node_is(ctx, op, "!=") ||
				eval_node_is(ctx, op, "===") || eval_node_is(ctx, op, "=~"));
		}
		if (rs__is(p, "argument_list")) {
			TSNode call = ts_node_parent(p);
			return !ts_node_is_null(call) && rs__is(call, "call") &&
			       rs__call_named(text, call, rs__comparisons);
		}
		if (!rs__is(p, "pair") && !rs__is(p, "hash") && !rs__is(p, "array") &&
		    !rs__is(p, "parenthesized_statements"))
			return false;
	}
	return false;
}

/* The method name of a `call` node, or of a bare `identifier` statement. */
static bool rs__call_named(const char *text, TSNode n, const char *const *names)
{
	TSNode m = rs__is(n, "call") ? ts_field_child(n, "method", 6) : n;
	if (ts_node_is_null(m) || !rs__is(m, "identifier"))
		return false;
	for (size_t i = 0; names[i]; i++)
		if (rs__text_is(text, m, names[i], strlen(names[i])))
			return true;
	return false;
}

static const char *const rs__assert_raises[] = {
	"assert_raise", "assert_raises", "assert_raise_with_message", "assert_raise_kind_of",
	"assert_handshake_error", NULL
};
static const char *const rs__expectations[] = { "to", "should", NULL };
static const char *const rs__raise_matchers[] = { "raise_error", "raise_exception", NULL };
static const char *const rs__blocks[] = { "expect", "lambda", "proc", NULL };
static const char *const rs__tests[] = { "it", "specify", "test", "scenario", "example", NULL };

/* `expect { ... }.to raise_error(...)`: `call` is the `expect { ... }` call (or a lambda). */
static bool rs__expects_raise(const char *text, TSNode call)
{
	TSNode outer = ts_node_parent(call);
	if (ts_node_is_null(outer) || !rs__is(outer, "call") ||
	    !rs__call_named(text, outer, rs__expectations))
		return false;
	TSNode recv = ts_field_child(outer, "receiver", 8);
	TSNode args = ts_field_child(outer, "arguments", 9);
	if (ts_node_is_null(recv) || !ts_node_eq(recv, call) || ts_node_is_null(args) ||
	    ts_node_named_child_count(args) < 1)
		return false;
	TSNode matcher = ts_node_named_child(args, 0);
	return rs__call_named(text, matcher, rs__raise_matchers);
}

/* Does the test body `body` assert an SSL or connection error? */
static bool rs__asserts_ssl_error(const char *text, TSNode body)
{
	bool found = false;
	TSTreeCursor cur = ts_tree_cursor_new(body);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		if (rs__is(n, "call") && (rs__call_named(text, n, rs__assert_raises) ||
					  rs__call_named(text, n, rs__raise_matchers))) {
			TSNode args = ts_field_child(n, "arguments", 9);
			if (rs__call_named(text, n, (const char *const[]){ "assert_handshake_error",
									   NULL }) ||
			    (!ts_node_is_null(args) &&
			     (rs__contains(text, args, "SSL") || rs__contains(text, args, "ECONNRESET") ||
			      rs__contains(text, args, "Handshake")))) {
				found = true;
				break;
			}
		} else if (rs__is(n, "identifier") &&
			   rs__text_is(text, n, "assert_handshake_error", 22)) {
			found = true;
			break;
		}
		if (ts_tree_cursor_goto_first_child(&cur))
			continue;
		bool done = false;
		while (!ts_tree_cursor_goto_next_sibling(&cur)) {
			if (!ts_tree_cursor_goto_parent(&cur) ||
			    ts_node_eq(ts_tree_cursor_current_node(&cur), body)) {
				done = true;
				break;
			}
		}
		if (done)
			break;
	}
	ts_tree_cursor_delete(&cur);
	return found;
}

bool rb_syntax_in_rejection_test(TSNode node, const char *text)
{
	for (TSNode n = node; !ts_node_is_null(n); n = ts_node_parent(n)) {
		TSNode parent = ts_node_parent(n);
		if (ts_node_is_null(parent))
			return false;
		bool block = rs__is(n, "block") || rs__is(n, "do_block");
		if (block && rs__is(parent, "call")) {
			if (rs__call_named(text, parent, rs__assert_raises))
				return true;
			if (rs__call_named(text, parent, rs__blocks) && rs__expects_raise(text, parent))
				return true;
			if (rs__call_named(text, parent, rs__tests) && rs__asserts_ssl_error(text, n))
				return true;
		}
		/* -> { ... }.should raise_error */
		if (rs__is(n, "lambda") && rs__expects_raise(text, n))
			return true;
		if (rs__is(n, "method")) {
			TSNode name = ts_field_child(n, "name", 4);
			uint32_t a = ts_node_is_null(name) ? 0 : ts_node_start_byte(name);
			uint32_t b = ts_node_is_null(name) ? 0 : ts_node_end_byte(name);
			return b - a > 5 && memcmp(text + a, "test_", 5) == 0 &&
			       rs__asserts_ssl_error(text, n);
		}
	}
	return false;
}
