/* php_syntax.c: PHP files, the declarations of their names, and tests that expect a failure. */
#include "lang/php/php_syntax.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "engine/ts_field.h"

bool php_sniff(const char *text, size_t len)
{
	for (const char *p = text, *end = text + len; p + 2 <= end;) {
		const char *q = memchr(p, '<', (size_t)(end - p));
		if (!q || q + 2 > end)
			return false;
		if (q[1] == '?') {
			const char *r = q + 2;
			if (r < end && (*r == '=' || *r == ' ' || *r == '\t' || *r == '\n' ||
					*r == '\r'))
				return true;
			if (r + 3 <= end && strncasecmp(r, "php", 3) == 0 &&
			    (r + 3 == end || isspace((unsigned char)r[3])))
				return true;
		}
		p = q + 1;
	}
	return false;
}

static bool ps__is(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

static bool ps__text_is(const char *text, TSNode node, const char *s, size_t len, bool nocase)
{
	uint32_t a = ts_node_start_byte(node), b = ts_node_end_byte(node);
	if (b - a != len)
		return false;
	return nocase ? strncasecmp(text + a, s, len) == 0 : memcmp(text + a, s, len) == 0;
}

/* The last `name` of a name, a qualified name (`\Ns\NAME`) or a class constant access
 * (`self::NAME`); a null node for anything else. */
static TSNode ps__last_name(TSNode node)
{
	TSNode none = { 0 };
	if (ps__is(node, "name"))
		return node;
	if (ps__is(node, "qualified_name") || ps__is(node, "class_constant_access_expression")) {
		uint32_t n = ts_node_named_child_count(node);
		if (n == 0)
			return none;
		TSNode last = ts_node_named_child(node, n - 1);
		return ps__is(last, "name") ? last : none;
	}
	return none;
}

/* The function, method or closure that `node` is in, or the root. */
static TSNode ps__scope(TSNode node)
{
	TSNode last = node;
	for (TSNode n = ts_node_parent(node); !ts_node_is_null(n); n = ts_node_parent(n)) {
		if (ps__is(n, "function_definition") || ps__is(n, "method_declaration") ||
		    ps__is(n, "anonymous_function") || ps__is(n, "arrow_function"))
			return n;
		last = n;
	}
	return last;
}

/* The only string_content of a plain string literal ('NAME' or "NAME"), or a null node. */
static TSNode ps__string_content(TSNode s)
{
	TSNode none = { 0 };
	if (!(ps__is(s, "string") || ps__is(s, "encapsed_string")) ||
	    ts_node_named_child_count(s) != 1)
		return none;
	TSNode c = ts_node_named_child(s, 0);
	return ps__is(c, "string_content") ? c : none;
}

/* For `define('NAME', VALUE)`: the node of NAME's text and VALUE. */
static bool ps__define(const char *text, TSNode call, TSNode *name, TSNode *value)
{
	TSNode fn = ts_field_child(call, "function", 8);
	TSNode args = ts_field_child(call, "arguments", 9);
	if (ts_node_is_null(fn) || ts_node_is_null(args))
		return false;
	TSNode last = ps__last_name(fn);
	if (ts_node_is_null(last) || !ps__text_is(text, last, "define", 6, true) ||
	    ts_node_named_child_count(args) < 2)
		return false;
	TSNode a0 = ts_node_named_child(args, 0), a1 = ts_node_named_child(args, 1);
	if (!ps__is(a0, "argument") || !ps__is(a1, "argument") ||
	    ts_node_named_child_count(a0) != 1 || ts_node_named_child_count(a1) != 1)
		return false;
	*name = ps__string_content(ts_node_named_child(a0, 0));
	*value = ts_node_named_child(a1, 0);
	return !ts_node_is_null(*name);
}

static TSNode ps__declared(const eval_ctx *ctx, TSNode root, TSNode node)
{
	TSNode none = { 0 };
	const char *text = ctx->src->text;
	bool variable = ps__is(node, "variable_name");
	bool class_const = ps__is(node, "class_constant_access_expression");
	TSNode id = variable ? node : ps__last_name(node);
	if (ts_node_is_null(id))
		return none;
	size_t len = 0;
	const char *s = eval_node_text(ctx, id, &len);
	uint32_t use = ts_node_start_byte(node);
	TSNode scope = variable ? ps__scope(node) : none;
	TSNode before = none, after = none;
	TSTreeCursor cur = ts_tree_cursor_new(root);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		TSNode dn = none, dv = none;
		bool descend = true;
		if (variable && ps__is(n, "assignment_expression")) {
			dn = ts_field_child(n, "left", 4);
			dv = ts_field_child(n, "right", 5);
			if (ts_node_start_byte(n) >= use)
				descend = false;
			if (!ts_node_is_null(dn) && !ps__is(dn, "variable_name"))
				dn = none;
			if (!ts_node_is_null(dn) && !ts_node_is_null(dv) &&
			    !(ts_node_start_byte(n) < use && use < ts_node_end_byte(n)) &&
			    ps__text_is(text, dn, s, len, false) &&
			    !ts_node_eq(ps__scope(n), scope))
				dn = none;
		} else if (!variable && ps__is(n, "const_element") &&
			   ts_node_named_child_count(n) >= 2) {
			TSNode decl = ts_node_parent(n);
			TSNode body = ts_node_is_null(decl) ? none : ts_node_parent(decl);
			bool in_class = !ts_node_is_null(body) && ps__is(body, "declaration_list");
			if (in_class == class_const) {
				dn = ts_node_named_child(n, 0);
				dv = ts_node_named_child(n, ts_node_named_child_count(n) - 1);
			}
		} else if (!variable && !class_const && ps__is(n, "function_call_expression")) {
			if (!ps__define(text, n, &dn, &dv))
				dn = none;
		} else if (ts_node_start_byte(n) > use && (variable || !ts_node_is_null(after))) {
			descend = false;
		}
		if (!ts_node_is_null(dn) && !ts_node_is_null(dv) &&
		    ps__text_is(text, dn, s, len, false) &&
		    !(ts_node_start_byte(dv) <= use && use < ts_node_end_byte(dv))) {
			if (ts_node_start_byte(n) < use)
				before = dv;
			else if (ts_node_is_null(after) && !variable)
				after = dv;
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

TSNode php_syntax_declared_value(const eval_ctx *ctx, TSNode node)
{
	return ps__declared(ctx, ctx->root, node);
}

/* Is `node` (a name or qualified name) the constant CURLOPT_SSLVERSION or
 * CURLOPT_PROXY_SSLVERSION? */
static bool ps__is_sslversion_option(const char *text, TSNode node)
{
	TSNode last = ps__last_name(node);
	if (ts_node_is_null(last) || ps__is(node, "class_constant_access_expression"))
		return false;
	return ps__text_is(text, last, "CURLOPT_SSLVERSION", 18, false) ||
	       ps__text_is(text, last, "CURLOPT_PROXY_SSLVERSION", 24, false);
}

bool php_syntax_at_curl_sink(const char *text, TSNode node)
{
	TSNode parent = ts_node_parent(node);
	if (ts_node_is_null(parent))
		return false;
	if (ps__is(parent, "array_element_initializer")) {
		/* KEY => VALUE: node is the second of two named children */
		if (ts_node_named_child_count(parent) != 2 ||
		    !ts_node_eq(ts_node_named_child(parent, 1), node))
			return false;
		return ps__is_sslversion_option(text, ts_node_named_child(parent, 0));
	}
	if (!ps__is(parent, "argument"))
		return false;
	TSNode args = ts_node_parent(parent);
	TSNode call = ts_node_is_null(args) ? args : ts_node_parent(args);
	if (ts_node_is_null(call) || !ps__is(call, "function_call_expression") ||
	    ts_node_named_child_count(args) < 3 || !ts_node_eq(ts_node_named_child(args, 2), parent))
		return false;
	TSNode fn = ps__last_name(ts_field_child(call, "function", 8));
	if (ts_node_is_null(fn) || !ps__text_is(text, fn, "curl_setopt", 11, true))
		return false;
	TSNode option = ts_node_named_child(args, 1);
	return ts_node_named_child_count(option) == 1 &&
	       ps__is_sslversion_option(text, ts_node_named_child(option, 0));
}

/* The name of a call of a function, method or static method, or a null node. */
static TSNode ps__call_name(TSNode call)
{
	TSNode none = { 0 };
	if (ps__is(call, "function_call_expression"))
		return ps__last_name(ts_field_child(call, "function", 8));
	if (ps__is(call, "member_call_expression") || ps__is(call, "scoped_call_expression") ||
	    ps__is(call, "nullsafe_member_call_expression")) {
		TSNode n = ts_field_child(call, "name", 4);
		return !ts_node_is_null(n) && ps__is(n, "name") ? n : none;
	}
	return none;
}

static bool ps__contains_nocase(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i + n <= len; i++)
		if (strncasecmp(s + i, word, n) == 0)
			return true;
	return false;
}

/* Does the call `call` (one of the expectations above) expect the connection to fail? */
static bool ps__expects_refusal(const char *text, TSNode call, TSNode name)
{
	static const char *const exceptions[] = { "Connect", "Transport", "Network", "Request",
						  "Ssl", "Tls", "Crypto", "Handshake", NULL };
	static const char *const messages[] = { "ssl", "tls", "crypto", "handshake", NULL };
	TSNode args = ts_field_child(call, "arguments", 9);
	uint32_t a = ts_node_is_null(args) ? 0 : ts_node_start_byte(args);
	size_t alen = ts_node_is_null(args) ? 0 : ts_node_end_byte(args) - a;
	const char *const *words = NULL;
	if (ps__text_is(text, name, "expectWarning", 13, true) ||
	    ps__text_is(text, name, "expectError", 11, true))
		return true;
	if (ps__text_is(text, name, "expectException", 15, true) ||
	    ps__text_is(text, name, "setExpectedException", 20, true))
		words = exceptions;
	else if (ps__text_is(text, name, "expectExceptionMessage", 22, true) ||
		 ps__text_is(text, name, "expectExceptionMessageMatches", 29, true))
		words = messages;
	if (!words)
		return false;
	for (size_t i = 0; words[i]; i++)
		if (ps__contains_nocase(text + a, alen, words[i]))
			return true;
	return false;
}

/* Does the function body `body` call one of the expectations of a refusal? */
static bool ps__body_expects_refusal(const char *text, TSNode body)
{
	TSTreeCursor cur = ts_tree_cursor_new(body);
	bool found = false;
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		bool descend = true;
		if (ps__is(n, "anonymous_function") || ps__is(n, "arrow_function") ||
		    ps__is(n, "function_definition") || ps__is(n, "class_declaration")) {
			descend = ts_node_eq(n, body);
		} else {
			TSNode name = ps__call_name(n);
			if (!ts_node_is_null(name) && ps__expects_refusal(text, n, name)) {
				found = true;
				break;
			}
		}
		if (descend && ts_tree_cursor_goto_first_child(&cur))
			continue;
		bool up = false;
		while (!ts_tree_cursor_goto_next_sibling(&cur)) {
			if (!ts_tree_cursor_goto_parent(&cur) ||
			    ts_node_eq(ts_tree_cursor_current_node(&cur), body)) {
				up = true;
				break;
			}
		}
		if (up)
			break;
	}
	ts_tree_cursor_delete(&cur);
	return found;
}

bool php_syntax_in_rejection_test(TSNode node, const char *text)
{
	for (TSNode n = ts_node_parent(node); !ts_node_is_null(n); n = ts_node_parent(n)) {
		if (ps__is(n, "arguments")) {
			TSNode call = ts_node_parent(n);
			TSNode name = ts_node_is_null(call) ? call : ps__call_name(call);
			if (!ts_node_is_null(name) && ps__text_is(text, name, "assertFalse", 11, true))
				return true;
		} else if (ps__is(n, "method_declaration") || ps__is(n, "function_definition")) {
			TSNode body = ts_field_child(n, "body", 4);
			return !ts_node_is_null(body) && ps__body_expects_refusal(text, body);
		}
	}
	return false;
}

/* Does [a, b) of the text name a legacy single-purpose constant (whole words)? */
static bool ps__names_legacy(const char *text, uint32_t a, uint32_t b)
{
	static const char *const prefixes[] = { "STREAM_CRYPTO_METHOD_", "CURL_SSLVERSION_", NULL };
	static const char *const legacy[] = { "SSLv2_CLIENT", "SSLv3_CLIENT", "TLSv1_0_CLIENT",
					      "TLSv1_1_CLIENT", "SSLv2_SERVER", "SSLv3_SERVER",
					      "TLSv1_0_SERVER", "TLSv1_1_SERVER", "TLSv1", "TLSv1_0",
					      "TLSv1_1", "SSLv2", "SSLv3", "MAX_TLSv1_0",
					      "MAX_TLSv1_1", NULL };
	for (uint32_t i = a; i < b; i++) {
		if (i > a && (isalnum((unsigned char)text[i - 1]) || text[i - 1] == '_'))
			continue;
		for (size_t p = 0; prefixes[p]; p++) {
			size_t pn = strlen(prefixes[p]);
			if (i + pn > b || memcmp(text + i, prefixes[p], pn) != 0)
				continue;
			uint32_t j = i + (uint32_t)pn, k = j;
			while (k < b && (isalnum((unsigned char)text[k]) || text[k] == '_'))
				k++;
			for (size_t l = 0; legacy[l]; l++)
				if (strlen(legacy[l]) == k - j && memcmp(text + j, legacy[l], k - j) == 0)
					return true;
		}
	}
	return false;
}

static bool ps__within(TSNode outer, TSNode node)
{
	return !ts_node_is_null(outer) && ts_node_start_byte(outer) <= ts_node_start_byte(node) &&
	       ts_node_end_byte(node) <= ts_node_end_byte(outer);
}

/* A condition that compares with a legacy constant: `==`, `===`, or a membership test. */
static bool ps__compares_legacy(const char *text, TSNode cond)
{
	uint32_t a = ts_node_start_byte(cond), b = ts_node_end_byte(cond);
	if (!ps__names_legacy(text, a, b))
		return false;
	for (uint32_t i = a; i + 1 < b; i++)
		if (text[i] == '=' && text[i + 1] == '=')
			return true;
	return ps__contains_nocase(text + a, b - a, "in_array");
}

bool php_syntax_is_read(const char *text, TSNode node)
{
	static const char *const membership[] = { "in_array", "array_search", "array_key_exists",
						  "assertContains", "assertNotContains", NULL };
	TSNode el = ts_node_parent(node);
	TSNode arr = ts_node_is_null(el) ? el : ts_node_parent(el);
	TSNode arg = ts_node_is_null(arr) ? arr : ts_node_parent(arr);
	TSNode args = ts_node_is_null(arg) ? arg : ts_node_parent(arg);
	TSNode call = ts_node_is_null(args) ? args : ts_node_parent(args);
	if (!ts_node_is_null(call) && ps__is(el, "array_element_initializer") &&
	    ps__is(arr, "array_creation_expression") && ps__is(arg, "argument")) {
		TSNode name = ps__call_name(call);
		for (size_t i = 0; membership[i] && !ts_node_is_null(name); i++)
			if (ps__text_is(text, name, membership[i], strlen(membership[i]), true))
				return true;
	}
	for (TSNode n = ts_node_parent(node); !ts_node_is_null(n); n = ts_node_parent(n)) {
		if (ps__is(n, "function_definition") || ps__is(n, "method_declaration") ||
		    ps__is(n, "anonymous_function") || ps__is(n, "arrow_function") ||
		    ps__is(n, "class_declaration") || ps__is(n, "program"))
			return false;
		if (ps__is(n, "match_conditional_expression")) {
			TSNode conds = ts_field_child(n, "conditional_expressions", 23);
			TSNode ret = ts_field_child(n, "return_expression", 17);
			if (ps__within(ret, node) && !ts_node_is_null(conds) &&
			    ps__names_legacy(text, ts_node_start_byte(conds), ts_node_end_byte(conds)))
				return true;
		} else if (ps__is(n, "case_statement")) {
			TSNode value = ts_field_child(n, "value", 5);
			if (!ts_node_is_null(value) && !ps__within(value, node) &&
			    ps__names_legacy(text, ts_node_start_byte(value), ts_node_end_byte(value)))
				return true;
		} else if (ps__is(n, "if_statement") || ps__is(n, "else_if_clause")) {
			TSNode cond = ts_field_child(n, "condition", 9);
			TSNode body = ts_field_child(n, "body", 4);
			if (ps__within(body, node) && !ts_node_is_null(cond) &&
			    ps__compares_legacy(text, cond))
				return true;
		}
	}
	return false;
}
