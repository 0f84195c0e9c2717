/* kotlin_syntax.c: declarations of a Kotlin file's names, and tests that expect a failure. */
#include "lang/kotlin/kotlin_syntax.h"

#include <string.h>

#include "engine/ts_field.h"

static bool ks__is(TSNode node, const char *kind)
{
	return strcmp(ts_node_type(node), kind) == 0;
}

static bool ks__text_is(const char *text, TSNode node, const char *s, size_t len)
{
	uint32_t a = ts_node_start_byte(node), b = ts_node_end_byte(node);
	return b - a == len && memcmp(text + a, s, len) == 0;
}

/* The last named child of `node`, or a null node. */
static TSNode ks__last_named(TSNode node)
{
	uint32_t n = ts_node_named_child_count(node);
	return n ? ts_node_named_child(node, n - 1) : (TSNode){ 0 };
}

/* A `val` property_declaration's name and initialiser (the expression after `=`); false for
 * `var`, destructuring, delegates (`by lazy`) and declarations without one. */
static bool ks__val_decl(TSNode decl, TSNode *name, TSNode *value)
{
	bool is_val = false, after_eq = false;
	*name = *value = (TSNode){ 0 };
	uint32_t n = ts_node_child_count(decl);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_child(decl, i);
		const char *t = ts_node_type(c);
		if (!ts_node_is_named(c)) {
			if (strcmp(t, "val") == 0)
				is_val = true;
			else if (strcmp(t, "=") == 0)
				after_eq = true;
			continue;
		}
		if (strcmp(t, "variable_declaration") == 0) {
			TSNode id = ts_node_named_child(c, 0);
			if (!ts_node_is_null(id) && ks__is(id, "identifier"))
				*name = id;
		} else if (after_eq && ts_node_is_null(*value)) {
			*value = c;
		}
	}
	return is_val && !ts_node_is_null(*name) && !ts_node_is_null(*value);
}

TSNode kotlin_syntax_declared_value(const eval_ctx *ctx, TSNode name)
{
	TSNode none = { 0 };
	TSNode id = name;
	if (ks__is(name, "navigation_expression")) {
		/* this.X, Owner.X, Owner.Companion.X: only names, no calls in between */
		TSNode object = ts_node_named_child(name, 0);
		id = ks__last_named(name);
		if (ts_node_is_null(object) || ts_node_named_child_count(name) != 2 ||
		    !(ks__is(object, "this_expression") || ks__is(object, "identifier") ||
		      ks__is(object, "navigation_expression")))
			return none;
	}
	if (ts_node_is_null(id) || !ks__is(id, "identifier"))
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
		TSNode dn, dv;
		if (ks__is(n, "property_declaration") && ks__val_decl(n, &dn, &dv) &&
		    ks__text_is(text, dn, s, len) &&
		    !(ts_node_start_byte(dv) <= use && use < ts_node_end_byte(dv))) {
			if (ts_node_start_byte(n) < use)
				before = dv;
			else if (ts_node_is_null(after))
				after = dv;
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

TSNode kotlin_syntax_callee_name(TSNode call)
{
	TSNode none = { 0 };
	if (ts_node_is_null(call) || !ks__is(call, "call_expression"))
		return none;
	TSNode callee = ts_node_named_child(call, 0);
	if (ts_node_is_null(callee))
		return none;
	if (ks__is(callee, "identifier"))
		return callee;
	if (ks__is(callee, "navigation_expression")) {
		TSNode last = ks__last_named(callee);
		return !ts_node_is_null(last) && ks__is(last, "identifier") ? last : none;
	}
	/* f<T>(...) { ... }: the inner call holds the name */
	if (ks__is(callee, "call_expression"))
		return kotlin_syntax_callee_name(callee);
	return none;
}

static bool ks__name_in(const char *text, TSNode name, const char *const *names)
{
	if (ts_node_is_null(name))
		return false;
	uint32_t a = ts_node_start_byte(name), b = ts_node_end_byte(name);
	for (size_t i = 0; names[i]; i++)
		if (strlen(names[i]) == b - a && memcmp(text + a, names[i], b - a) == 0)
			return true;
	return false;
}

static const char *const ks__throwing[] = { "assertFailsWith", "assertThrows",
					    "assertThrowsExactly", "expectThrows", "shouldThrow",
					    "shouldThrowExactly", "shouldThrowAny",
					    "shouldThrowUnit", "assertThatThrownBy", "isThrownBy",
					    "catchThrowable", "assertThatCode", NULL };

/* `assertFailsWith<E> { ... }` where the grammar reads `a < E > { ... }` as comparisons: the
 * lambda is the right operand of `>`, whose left operand is `assertFailsWith < E`. */
static bool ks__generic_lambda_call(TSNode lambda, const char *text)
{
	TSNode gt = ts_node_parent(lambda);
	if (ts_node_is_null(gt) || !ks__is(gt, "binary_expression"))
		return false;
	TSNode right = ts_field_child(gt, "right", 5);
	TSNode left = ts_field_child(gt, "left", 4);
	if (ts_node_is_null(right) || !ts_node_eq(right, lambda) || ts_node_is_null(left) ||
	    !ks__is(left, "binary_expression"))
		return false;
	TSNode name = ts_field_child(left, "left", 4);
	return !ts_node_is_null(name) && ks__is(name, "identifier") &&
	       ks__name_in(text, name, ks__throwing);
}

/* A function annotated @Test(expected = ...). */
static bool ks__expects_exception(TSNode fn, const char *text)
{
	uint32_t n = ts_node_named_child_count(fn);
	for (uint32_t i = 0; i < n; i++) {
		TSNode mods = ts_node_named_child(fn, i);
		if (!ks__is(mods, "modifiers"))
			continue;
		for (uint32_t j = 0; j < ts_node_named_child_count(mods); j++) {
			TSNode a = ts_node_named_child(mods, j);
			if (!ks__is(a, "annotation"))
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

/* A function whose body asserts that something throws an SSL, handshake or I/O exception
 * (`assertFailsWith<SSLHandshakeException> { }`, `assertThrows(SSLException::class.java)`):
 * its set-up expects a refusal. */
static bool ks__asserts_refusal(TSNode fn, const char *text)
{
	TSNode body = { 0 };
	for (uint32_t i = 0; i < ts_node_named_child_count(fn); i++)
		if (ks__is(ts_node_named_child(fn, i), "function_body"))
			body = ts_node_named_child(fn, i);
	if (ts_node_is_null(body))
		return false;
	uint32_t s = ts_node_start_byte(body), e = ts_node_end_byte(body);
	for (uint32_t i = s; i < e; i++) {
		for (size_t c = 0; ks__throwing[c]; c++) {
			size_t n = strlen(ks__throwing[c]);
			if (i + n >= e || memcmp(text + i, ks__throwing[c], n) != 0 ||
			    (text[i + n] != '<' && text[i + n] != '('))
				continue;
			/* the expected exception's name, up to `>`, `,`, `)` or `{` */
			uint32_t j = i + (uint32_t)n + 1, k = j;
			while (k < e && k - j < 80 && !strchr(">,){", text[k]))
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

bool kotlin_syntax_in_rejection_test(TSNode node, const char *text)
{
	bool in_lambda = false;
	for (TSNode n = ts_node_parent(node); !ts_node_is_null(n); n = ts_node_parent(n)) {
		if (ks__is(n, "lambda_literal") || ks__is(n, "callable_reference")) {
			if (ks__generic_lambda_call(n, text))
				return true;
			in_lambda = true;
		} else if (in_lambda && ks__is(n, "call_expression")) {
			if (ks__name_in(text, kotlin_syntax_callee_name(n), ks__throwing))
				return true;
		} else if (ks__is(n, "function_declaration")) {
			return ks__expects_exception(n, text) || ks__asserts_refusal(n, text);
		}
	}
	return false;
}
