/* js_syntax.c: names followed to their declarations, object properties, and tests that expect
 * a failure, in JavaScript and TypeScript trees. */
#include "lang/js/js_syntax.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "engine/ts_field.h"

static bool js__is(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

static bool js__text_is(const char *text, TSNode node, const char *s, size_t len)
{
	uint32_t a = ts_node_start_byte(node), b = ts_node_end_byte(node);
	return b - a == len && memcmp(text + a, s, len) == 0;
}

TSNode js_syntax_unwrap(TSNode node)
{
	for (int guard = 0; guard < 32 && !ts_node_is_null(node); guard++) {
		if (js__is(node, "parenthesized_expression") || js__is(node, "as_expression") ||
		    js__is(node, "satisfies_expression") || js__is(node, "non_null_expression")) {
			node = ts_node_named_child(node, 0);
		} else if (js__is(node, "type_assertion")) {
			/* <T>x: the type comes first */
			uint32_t n = ts_node_named_child_count(node);
			node = n ? ts_node_named_child(node, n - 1) : (TSNode){ 0 };
		} else {
			break;
		}
	}
	return node;
}

TSNode js_syntax_declared_value(const eval_ctx *ctx, TSNode name)
{
	TSNode none = { 0 };
	if (!js__is(name, "identifier") && !js__is(name, "shorthand_property_identifier"))
		return none;
	size_t len = 0;
	const char *s = eval_node_text(ctx, name, &len);
	const char *text = ctx->src->text;
	uint32_t use = ts_node_start_byte(name);
	TSNode before = none, after = none;
	TSTreeCursor cur = ts_tree_cursor_new(ctx->root);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		bool descend = true;
		if (js__is(n, "variable_declarator")) {
			TSNode dn = ts_field_child(n, "name", 4);
			TSNode dv = ts_field_child(n, "value", 5);
			if (!ts_node_is_null(dn) && !ts_node_is_null(dv) && js__is(dn, "identifier") &&
			    js__text_is(text, dn, s, len) &&
			    !(ts_node_start_byte(dv) <= use && use < ts_node_end_byte(dv))) {
				if (ts_node_start_byte(n) < use)
					before = dv;
				else if (ts_node_is_null(after))
					after = dv;
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

/* Is the key of a pair the property `key`: a name, or a string of it? */
static bool js__key_is(const char *text, TSNode k, const char *key, size_t len)
{
	if (js__is(k, "property_identifier"))
		return js__text_is(text, k, key, len);
	if (js__is(k, "string")) {
		uint32_t a = ts_node_start_byte(k), b = ts_node_end_byte(k);
		return b - a == len + 2 && memcmp(text + a + 1, key, len) == 0;
	}
	return false;
}

TSNode js_syntax_property(const eval_ctx *ctx, TSNode object, const char *key, size_t len)
{
	TSNode found = { 0 };
	const char *text = ctx->src->text;
	if (ts_node_is_null(object) || !js__is(object, "object"))
		return found;
	uint32_t n = 0;
	TSNode *kids = eval_named_children(object, &n);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = kids[i];
		if (js__is(c, "pair")) {
			TSNode k = ts_field_child(c, "key", 3);
			if (!ts_node_is_null(k) && js__key_is(text, k, key, len))
				found = ts_field_child(c, "value", 5);
		} else if (js__is(c, "shorthand_property_identifier") &&
			   js__text_is(text, c, key, len)) {
			found = c;
		}
	}
	free(kids);
	return found;
}

/* Does the text of `node` hold `needle` (ASCII case ignored)? */
static bool js__contains(const char *text, TSNode node, const char *needle)
{
	uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
	size_t n = strlen(needle);
	for (uint32_t i = s; i + n <= e; i++) {
		size_t k = 0;
		while (k < n && tolower((unsigned char)text[i + k]) == needle[k])
			k++;
		if (k == n)
			return true;
	}
	return false;
}

static bool js__contains_any(const char *text, TSNode node, const char *const *needles)
{
	for (size_t i = 0; needles[i]; i++)
		if (js__contains(text, node, needles[i]))
			return true;
	return false;
}

/* The last name of a callee: `throws` for `assert.throws`, `it` for `it.only`'s object. */
static bool js__callee_ends(const char *text, TSNode fn, const char *name)
{
	if (js__is(fn, "member_expression"))
		fn = ts_field_child(fn, "property", 8);
	return !ts_node_is_null(fn) && js__text_is(text, fn, name, strlen(name));
}

/* `it(...)`, `test(...)`, `it.only(...)`, `test.skip(...)`, `specify(...)`. */
static bool js__is_test_call(const char *text, TSNode fn)
{
	if (js__is(fn, "member_expression"))
		fn = ts_field_child(fn, "object", 6);
	return !ts_node_is_null(fn) && js__is(fn, "identifier") &&
	       (js__text_is(text, fn, "it", 2) || js__text_is(text, fn, "test", 4) ||
		js__text_is(text, fn, "specify", 7));
}

/* expect(x)...: does the chain the call starts go on to expect a throw or a rejection? */
static bool js__expects_failure(const char *text, TSNode call)
{
	TSNode top = call;
	for (TSNode p = ts_node_parent(call); !ts_node_is_null(p); p = ts_node_parent(p)) {
		if (!js__is(p, "member_expression") && !js__is(p, "call_expression") &&
		    !js__is(p, "await_expression"))
			break;
		top = p;
	}
	static const char *const words[] = { "tothrow", ".rejects", ".throw", "rejected", NULL };
	return js__contains_any(text, top, words);
}

static const char *const js__refusing[] = {
	"reject", "refuse", "fail", "not support", "unsupported", "not allow", "disallow",
	"not accept", "not connect", "cannot connect", "can't connect", "throw", "error",
	"deny", "denies", "not negotiate", NULL,
};

/* Is `call` (a call_expression) a test whose title says the set-up is refused? */
static bool js__refusing_test(const char *text, TSNode call)
{
	TSNode fn = ts_field_child(call, "function", 8);
	TSNode args = ts_field_child(call, "arguments", 9);
	if (ts_node_is_null(fn) || ts_node_is_null(args) || !js__is_test_call(text, fn) ||
	    ts_node_named_child_count(args) < 1)
		return false;
	TSNode title = ts_node_named_child(args, 0);
	return (js__is(title, "string") || js__is(title, "template_string")) &&
	       js__contains_any(text, title, js__refusing);
}

/* `beforeEach(...)`, `before(...)`, `beforeAll(...)`: the set-up of the tests beside it. */
static bool js__is_hook(const char *text, TSNode fn)
{
	return js__is(fn, "identifier") &&
	       (js__text_is(text, fn, "beforeEach", 10) || js__text_is(text, fn, "before", 6) ||
		js__text_is(text, fn, "beforeAll", 9));
}

/* Does the block holding the hook call `hook` also hold a test that expects a refusal (the
 * hook then sets up the legacy peer that those tests are refused by)? */
static bool js__hook_for_refusals(const char *text, TSNode hook)
{
	TSNode st = ts_node_parent(hook);
	if (ts_node_is_null(st) || !js__is(st, "expression_statement"))
		return false;
	TSNode block = ts_node_parent(st);
	if (ts_node_is_null(block))
		return false;
	uint32_t n = 0;
	TSNode *kids = eval_named_children(block, &n);
	bool found = false;
	for (uint32_t i = 0; i < n && !found; i++) {
		if (!js__is(kids[i], "expression_statement") ||
		    ts_node_named_child_count(kids[i]) < 1)
			continue;
		TSNode call = ts_node_named_child(kids[i], 0);
		found = js__is(call, "call_expression") && js__refusing_test(text, call);
	}
	free(kids);
	return found;
}

bool js_syntax_in_rejection_test(TSNode node, const char *text)
{
	static const char *const looks_for_error[] = { "error", "reject", "throw", "err_", NULL };
	for (TSNode n = ts_node_parent(node); !ts_node_is_null(n); n = ts_node_parent(n)) {
		if (!js__is(n, "arguments"))
			continue;
		TSNode call = ts_node_parent(n);
		if (ts_node_is_null(call) || !js__is(call, "call_expression"))
			continue;
		TSNode fn = ts_field_child(call, "function", 8);
		if (ts_node_is_null(fn))
			continue;
		if (js__callee_ends(text, fn, "throws") || js__callee_ends(text, fn, "rejects") ||
		    js__callee_ends(text, fn, "assertThrows") ||
		    js__callee_ends(text, fn, "expectsError"))
			return true;
		if (js__is(fn, "identifier") && js__text_is(text, fn, "expect", 6) &&
		    js__expects_failure(text, call))
			return true;
		if (js__is_hook(text, fn))
			return js__hook_for_refusals(text, call);
		if (js__is_test_call(text, fn) && ts_node_named_child_count(n) >= 2) {
			TSNode body = ts_node_named_child(n, ts_node_named_child_count(n) - 1);
			/* a test that expects the set-up to work when it says nothing of a refusal */
			return js__refusing_test(text, call) &&
			       js__contains_any(text, body, looks_for_error);
		}
	}
	return false;
}
