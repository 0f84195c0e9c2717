/* py_fix.c: fixes of LT-PY-001 findings (py_fix.h). */
#include "lang/python/py_fix.h"

#include <string.h>

#include "engine/emit.h"

static const char *const py_fix__protocols[] = { "PROTOCOL_SSLv2", "PROTOCOL_SSLv3",
						  "PROTOCOL_TLSv1", "PROTOCOL_TLSv1_1", NULL };
static const char *const py_fix__methods[] = { "SSLv2_METHOD", "SSLv3_METHOD", "TLSv1_METHOD",
						"TLSv1_1_METHOD", NULL };

static bool py_fix__is(const char *text, TSNode n, const char *const *names)
{
	uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
	for (const char *const *p = names; *p; p++)
		if (strlen(*p) == e - s && memcmp(text + s, *p, e - s) == 0)
			return true;
	return false;
}

/* Does the callee `fn` end in `.name` or is it `name`? */
static bool py_fix__callee(const char *text, TSNode fn, const char *name)
{
	uint32_t s = ts_node_start_byte(fn), e = ts_node_end_byte(fn);
	size_t n = strlen(name);
	if (e - s < n || memcmp(text + e - n, name, n) != 0)
		return false;
	return e - s == n || text[e - n - 1] == '.';
}

/* The call whose first positional argument, or `protocol=` keyword, `value` is; else null. */
static TSNode py_fix__consumer(TSNode value, const char *text)
{
	TSNode none = { 0 };
	TSNode parent = ts_node_parent(value);
	if (!ts_node_is_null(parent) && strcmp(ts_node_type(parent), "keyword_argument") == 0) {
		TSNode name = ts_node_child_by_field_name(parent, "name", 4);
		uint32_t s = ts_node_start_byte(name), e = ts_node_end_byte(name);
		if (e - s != 8 || memcmp(text + s, "protocol", 8) != 0)
			return none;
		value = parent;
		parent = ts_node_parent(parent);
	} else if (ts_node_is_null(parent) || strcmp(ts_node_type(parent), "argument_list") != 0 ||
		   !ts_node_eq(ts_node_named_child(parent, 0), value)) {
		return none;
	}
	if (ts_node_is_null(parent) || strcmp(ts_node_type(parent), "argument_list") != 0)
		return none;
	TSNode call = ts_node_parent(parent);
	if (ts_node_is_null(call) || strcmp(ts_node_type(call), "call") != 0)
		return none;
	return ts_node_child_by_field_name(call, "function", 8);
}

void py_fix(const file_ctx *ctx, finding *f, TSNode value, bool followed)
{
	if (strcmp(f->rule->id, "LT-PY-001") != 0)
		return;
	const char *text = ctx->src->text;
	if (followed) {
		finding_set_no_fix(f, "The value is held in a name that other code may read too: "
				      "change it where the protocol is chosen.");
		return;
	}
	TSNode name = value;
	if (strcmp(ts_node_type(value), "attribute") == 0)
		name = ts_node_child_by_field_name(value, "attribute", 9);
	else if (strcmp(ts_node_type(value), "identifier") != 0)
		name = (TSNode){ 0 };
	bool protocol = !ts_node_is_null(name) && py_fix__is(text, name, py_fix__protocols);
	bool method = !ts_node_is_null(name) && py_fix__is(text, name, py_fix__methods);
	if (!protocol && !method) {
		finding_set_no_fix(f, "The value is computed: no single constant to replace.");
		return;
	}
	if (ts_node_eq(name, value)) {
		finding_set_no_fix(f, protocol ? "The constant is imported by name: replacing it "
						 "needs PROTOCOL_TLS_CLIENT imported too."
					       : "The constant is imported by name: replacing it "
						 "needs TLS_CLIENT_METHOD imported too.");
		return;
	}
	TSNode parent = ts_node_parent(value);
	if (!ts_node_is_null(parent) && strcmp(ts_node_type(parent), "assignment") == 0) {
		finding_set_no_fix(f, "The constant is stored in a name that other code may read "
				      "too: change it where the protocol is chosen.");
		return;
	}
	TSNode fn = py_fix__consumer(value, text);
	if (ts_node_is_null(fn) || !py_fix__callee(text, fn, protocol ? "SSLContext" : "Context")) {
		finding_set_no_fix(
			f, protocol ? "The constant is not passed straight to ssl.SSLContext, where "
				      "PROTOCOL_TLS_CLIENT keeps the code's meaning (ssl.wrap_socket "
				      "and ssl_version= callers turn certificate checks off, which "
				      "PROTOCOL_TLS_CLIENT refuses): pass a context from "
				      "ssl.create_default_context() instead."
				    : "The constant is not passed straight to SSL.Context: choose "
				      "TLS_CLIENT_METHOD or TLS_SERVER_METHOD where it is used.");
		return;
	}
	if (protocol)
		emit_replace(ctx, f,
			     "Use PROTOCOL_TLS_CLIENT: the runtime and OpenSSL choose the version. "
			     "Caveat: it also turns on check_hostname and certificate verification "
			     "(CERT_REQUIRED), so a client that connects without server_hostname or to "
			     "an unverified peer must say so (ctx.check_hostname = False before "
			     "ctx.verify_mode = ssl.CERT_NONE); a server context needs "
			     "PROTOCOL_TLS_SERVER instead.",
			     ts_node_start_byte(name), ts_node_end_byte(name), "PROTOCOL_TLS_CLIENT");
	else
		emit_replace(ctx, f,
			     "Use TLS_CLIENT_METHOD: OpenSSL negotiates the highest version both "
			     "sides support (a server context needs TLS_SERVER_METHOD instead).",
			     ts_node_start_byte(name), ts_node_end_byte(name), "TLS_CLIENT_METHOD");
}
