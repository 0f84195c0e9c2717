/* java_syntax.c: declarations of a Java file's names, and tests that expect a failure. */
#include "lang/java/java_syntax.h"

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

TSNode java_syntax_declared_value(const eval_ctx *ctx, TSNode name)
{
	TSNode none = { 0 };
	TSNode id = name;
	if (js__is(name, "field_access")) {
		TSNode object = ts_field_child(name, "object", 6);
		id = ts_field_child(name, "field", 5);
		if (ts_node_is_null(object) || ts_node_is_null(id) ||
		    !(js__is(object, "this") || js__is(object, "identifier")))
			return none;
	}
	if (ts_node_is_null(id) || !js__is(id, "identifier"))
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
		if (js__is(n, "variable_declarator")) {
			TSNode dn = ts_field_child(n, "name", 4);
			TSNode dv = ts_field_child(n, "value", 5);
			if (!ts_node_is_null(dn) && !ts_node_is_null(dv) &&
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

static bool js__name_in(const char *text, TSNode name, const char *const *names)
{
	if (ts_node_is_null(name))
		return false;
	uint32_t a = ts_node_start_byte(name), b = ts_node_end_byte(name);
	for (size_t i = 0; names[i]; i++)
		if (strlen(names[i]) == b - a && memcmp(text + a, names[i], b - a) == 0)
			return true;
	return false;
}

/* A method declaration annotated @Test(expected = ...). */
static bool js__expects_exception(TSNode method, const char *text)
{
	uint32_t n = ts_node_named_child_count(method);
	for (uint32_t i = 0; i < n; i++) {
		TSNode mods = ts_node_named_child(method, i);
		if (!js__is(mods, "modifiers"))
			continue;
		for (uint32_t j = 0; j < ts_node_named_child_count(mods); j++) {
			TSNode a = ts_node_named_child(mods, j);
			if (!js__is(a, "annotation"))
				continue;
			uint32_t s = ts_node_start_byte(a), e = ts_node_end_byte(a);
			const char *p = text + s;
			size_t len = e - s;
			if (len <= 5 || memcmp(p, "@Test", 5) != 0)
				continue;
			for (size_t k = 5; k + 8 <= len; k++)
				if (memcmp(p + k, "expected", 8) == 0)
					return true;
		}
	}
	return false;
}

/* A test method whose body asserts that something throws an SSL, handshake or I/O exception
 * (`assertThrows(SSLHandshakeException.class, ...)`): its set-up expects a refusal. */
static bool js__asserts_refusal(TSNode method, const char *text)
{
	TSNode body = ts_field_child(method, "body", 4);
	if (ts_node_is_null(body))
		return false;
	static const char *const calls[] = { "assertThrows(", "assertThrowsExactly(",
					     "expectThrows(", NULL };
	uint32_t s = ts_node_start_byte(body), e = ts_node_end_byte(body);
	for (uint32_t i = s; i < e; i++) {
		for (size_t c = 0; calls[c]; c++) {
			size_t n = strlen(calls[c]);
			if (i + n > e || memcmp(text + i, calls[c], n) != 0)
				continue;
			/* the expected exception's name, up to ".class" */
			uint32_t j = i + (uint32_t)n, k = j;
			while (k < e && k - j < 80 && text[k] != ',' && text[k] != ')')
				k++;
			for (uint32_t m = j; m + 3 <= k; m++)
				if (memcmp(text + m, "SSL", 3) == 0 ||
				    (m + 9 <= k && memcmp(text + m, "Handshake", 9) == 0) ||
				    (m + 11 <= k && memcmp(text + m, "IOException", 11) == 0))
					return true;
		}
	}
	return false;
}

bool java_syntax_in_rejection_test(TSNode node, const char *text)
{
	static const char *const throwing[] = { "assertThrows", "assertThrowsExactly",
						"expectThrows", "assertThatThrownBy", "isThrownBy",
						"catchThrowable", "assertThatCode", NULL };
	bool in_lambda = false;
	for (TSNode n = ts_node_parent(node); !ts_node_is_null(n); n = ts_node_parent(n)) {
		if (js__is(n, "lambda_expression") || js__is(n, "method_reference")) {
			in_lambda = true;
		} else if (in_lambda && js__is(n, "method_invocation")) {
			if (js__name_in(text, ts_field_child(n, "name", 4), throwing))
				return true;
		} else if (js__is(n, "method_declaration")) {
			return js__expects_exception(n, text) || js__asserts_refusal(n, text);
		}
	}
	return false;
}
