/* py_fix.c: fixes of LT-PY-001 findings (py_fix.h).
 *
 * A legacy constant passed straight to ssl.SSLContext (or pyOpenSSL's SSL.Context) becomes the
 * client or the server protocol, and which one is read from the tree: the context's uses are
 * followed (the name or `self.` attribute it is bound to, within its function, class or
 * module) and each says a side or nothing:
 *  - a server's: `wrap_socket(..., server_side=True)` (or `wrap_bio`, `start_tls`), `ssl=ctx`
 *    given to a server's API (`asyncio.start_server`, `loop.create_server`, aiohttp's
 *    `run_app`/`TCPSite`, werkzeug's `run_simple`, ...), an SNI callback; pyOpenSSL: a
 *    `SSL.Connection(ctx, ...)` that calls `set_accept_state()` or `accept()`;
 *  - a client's: `wrap_socket` without `server_side` (or `server_side=False`), `context=ctx` /
 *    `ssl=ctx` given to a client's API (`http.client.HTTPSConnection`, `urlopen`,
 *    `asyncio.open_connection`, `smtplib.SMTP_SSL`, ...); pyOpenSSL: `set_connect_state()`,
 *    `connect()`, `set_tlsext_host_name()`;
 *  - nothing: the context's own settings (`load_default_certs()`, `options |= ...`).
 * A use that cannot be followed (the context returned, stored in a collection, passed to
 * another call, bound again, `server_side=<expression>`) leaves the side unknown, and so do
 * uses of both sides: then there is no fix, and the reason says what to choose. A context
 * whose uses say nothing is a client's unless the file serves TLS or the context loads a
 * certificate chain of its own. */
#include "lang/python/py_fix.h"

#include <stdint.h>
#include <string.h>

#include "engine/emit.h"
#include "engine/ts_field.h"
#include "util/alloc.h"

#define PY_FIX_DEPTH 6

static const char *const py_fix__protocols[] = { "PROTOCOL_SSLv2", "PROTOCOL_SSLv3",
						  "PROTOCOL_TLSv1", "PROTOCOL_TLSv1_1", NULL };
static const char *const py_fix__methods[] = { "SSLv2_METHOD", "SSLv3_METHOD", "TLSv1_METHOD",
						"TLSv1_1_METHOD", NULL };

/* Keywords that hand a context to a connection or a server. */
static const char *const py_fix__ctx_keywords[] = { "ssl",	   "ssl_context", "context",
						    "sslcontext",  "ssl_options", "tls_context",
						    NULL };
/* Calls whose context keyword serves connections. */
static const char *const py_fix__server_calls[] = {
	"start_server", "start_unix_server", "create_server", "create_unix_server",
	"serve",	"unix_serve",	     "run_app",	      "TCPSite",
	"UnixSite",	"SockSite",	     "run_simple",    "HTTPServer",
	"HTTPSServer",	"WSGIServer",	     "StreamServer",  NULL
};
/* Calls whose context keyword makes connections. */
static const char *const py_fix__client_calls[] = {
	"open_connection", "open_unix_connection", "create_connection", "create_unix_connection",
	"HTTPSConnection", "HTTPSConnectionPool",  "urlopen",		"HTTPSHandler",
	"SMTP_SSL",	   "starttls",		   "FTP_TLS",		"IMAP4_SSL",
	"POP3_SSL",	   "NNTP_SSL",		   "stls",		"connect",
	"TCPConnector",	   "PoolManager",	   "ProxyManager",	NULL
};

typedef enum use_kind {
	USE_SSL_CONTEXT,     /* an ssl.SSLContext */
	USE_OSSL_CONTEXT,    /* a pyOpenSSL SSL.Context */
	USE_OSSL_CONNECTION, /* a pyOpenSSL SSL.Connection made from it */
} use_kind;

/* What the uses of one context say. */
typedef struct sides {
	bool server, client, unknown;
	bool own_certificate; /* load_cert_chain / use_certificate*: a server's, or a client's */
	bool no_hostname;     /* a client's wrap without server_hostname */
	bool sets_check_hostname, check_hostname_true, sets_verify_mode;
	size_t first_check_hostname; /* where `.check_hostname =` is first written */
	size_t first_cert_none;	     /* where `.verify_mode =` first writes what may be CERT_NONE */
} sides;

static bool py_fix__type(TSNode n, const char *type)
{
	return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0;
}

static TSNode py_fix__field(TSNode n, const char *name)
{
	return ts_node_is_null(n) ? n : ts_field_child(n, name, (uint32_t)strlen(name));
}

static TSNode py_fix__parent(TSNode n)
{
	return ts_node_is_null(n) ? n : ts_node_parent(n);
}

static bool py_fix__text_is(const char *text, TSNode n, const char *s)
{
	if (ts_node_is_null(n))
		return false;
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
	return strlen(s) == e - b && memcmp(text + b, s, e - b) == 0;
}

static bool py_fix__is(const char *text, TSNode n, const char *const *names)
{
	for (const char *const *p = names; *p; p++)
		if (py_fix__text_is(text, n, *p))
			return true;
	return false;
}

/* The last name of a callee or attribute chain (`loop.create_server` -> `create_server`). */
static TSNode py_fix__last_name(TSNode fn)
{
	while (py_fix__type(fn, "attribute"))
		fn = py_fix__field(fn, "attribute");
	return py_fix__type(fn, "identifier") ? fn : (TSNode){ 0 };
}

static bool py_fix__callee_in(const char *text, TSNode call, const char *const *names)
{
	TSNode name = py_fix__last_name(py_fix__field(call, "function"));
	return !ts_node_is_null(name) && py_fix__is(text, name, names);
}

static bool py_fix__callee_is(const char *text, TSNode call, const char *name)
{
	const char *names[] = { name, NULL };
	return py_fix__callee_in(text, call, names);
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
		TSNode name = ts_field_child(parent, "name", 4);
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
	return ts_field_child(call, "function", 8);
}

/* Visits `root` and the nodes below it, depth first; `visit` returns whether to go below. */
static void py_fix__walk(TSNode root, bool (*visit)(TSNode n, void *arg), void *arg)
{
	TSTreeCursor c = ts_tree_cursor_new(root);
	for (;;) {
		if (visit(ts_tree_cursor_current_node(&c), arg) && ts_tree_cursor_goto_first_child(&c))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (!ts_tree_cursor_goto_parent(&c)) {
				ts_tree_cursor_delete(&c);
				return;
			}
		}
	}
}

/* The `server_side` of a call: the keyword, or positional argument `pos` (-1: keyword only);
 * absent means a client's. `host_pos`: where server_hostname may stand (-1: keyword only). */
static void py_fix__server_side(TSNode args, int pos, int host_pos, const char *text, sides *s)
{
	int positional = 0;
	TSNode value = { 0 };
	bool hostname = false;
	for (uint32_t i = 0; i < ts_node_named_child_count(args); i++) {
		TSNode a = ts_node_named_child(args, i);
		if (py_fix__type(a, "keyword_argument")) {
			TSNode name = py_fix__field(a, "name");
			if (py_fix__text_is(text, name, "server_side"))
				value = py_fix__field(a, "value");
			else if (py_fix__text_is(text, name, "server_hostname"))
				hostname = !py_fix__type(py_fix__field(a, "value"), "none");
		} else if (py_fix__type(a, "list_splat") || py_fix__type(a, "dictionary_splat")) {
			s->unknown = true;
			return;
		} else if (!py_fix__type(a, "comment")) {
			if (positional == pos)
				value = a;
			if (positional == host_pos)
				hostname = !py_fix__type(a, "none");
			positional++;
		}
	}
	if (ts_node_is_null(value) || py_fix__type(value, "false")) {
		s->client = true;
		if (!hostname)
			s->no_hostname = true;
	}
	else if (py_fix__type(value, "true"))
		s->server = true;
	else
		s->unknown = true;
}

static void py_fix__use(const char *text, TSNode node, use_kind kind, sides *s, int depth);

/* `node.name(...)`, `node.name = ...` or a read of `node.name`. */
static void py_fix__member(const char *text, TSNode attr, use_kind kind, sides *s)
{
	TSNode name = py_fix__field(attr, "attribute");
	TSNode up = ts_node_parent(attr);
	if (py_fix__type(up, "call") && ts_node_eq(py_fix__field(up, "function"), attr)) {
		TSNode args = py_fix__field(up, "arguments");
		if (kind == USE_SSL_CONTEXT) {
			if (py_fix__text_is(text, name, "wrap_socket"))
				py_fix__server_side(args, 1, 4, text, s);
			else if (py_fix__text_is(text, name, "wrap_bio"))
				py_fix__server_side(args, 2, 3, text, s);
			else if (py_fix__text_is(text, name, "load_cert_chain"))
				s->own_certificate = true;
			else if (py_fix__text_is(text, name, "set_servername_callback"))
				s->server = true;
		} else if (kind == USE_OSSL_CONTEXT) {
			static const char *const own[] = { "use_certificate",
							   "use_certificate_file",
							   "use_certificate_chain_file",
							   "use_privatekey",
							   "use_privatekey_file",
							   NULL };
			if (py_fix__is(text, name, own))
				s->own_certificate = true;
			else if (py_fix__text_is(text, name, "set_tlsext_servername_callback"))
				s->server = true;
		} else {
			static const char *const serving[] = { "set_accept_state", "accept", NULL };
			static const char *const connecting[] = { "set_connect_state", "connect",
								  "connect_ex",
								  "set_tlsext_host_name", NULL };
			if (py_fix__is(text, name, serving))
				s->server = true;
			else if (py_fix__is(text, name, connecting))
				s->client = true;
		}
		return;
	}
	if (py_fix__type(up, "assignment") && ts_node_eq(py_fix__field(up, "left"), attr)) {
		if (kind != USE_SSL_CONTEXT)
			return;
		TSNode right = py_fix__field(up, "right");
		size_t at = ts_node_start_byte(up);
		if (py_fix__text_is(text, name, "check_hostname")) {
			if (!s->sets_check_hostname || at < s->first_check_hostname)
				s->first_check_hostname = at;
			s->sets_check_hostname = true;
			if (py_fix__type(right, "true"))
				s->check_hostname_true = true;
		} else if (py_fix__text_is(text, name, "verify_mode")) {
			static const char *const verifying[] = { "CERT_REQUIRED", "CERT_OPTIONAL",
								 NULL };
			TSNode mode = py_fix__last_name(right);
			s->sets_verify_mode = true;
			if ((ts_node_is_null(mode) || !py_fix__is(text, mode, verifying)) &&
			    at < s->first_cert_none)
				s->first_cert_none = at;
		} else if (py_fix__text_is(text, name, "sni_callback")) {
			s->server = true;
		}
		return;
	}
	/* A setting changed in place (`ctx.options |= ...`) or read: nothing about the side, but
	 * a method taken away to be called elsewhere is a use that cannot be followed. */
	if (kind == USE_SSL_CONTEXT && (py_fix__text_is(text, name, "wrap_socket") ||
					py_fix__text_is(text, name, "wrap_bio")))
		s->unknown = true;
}

/* `node` given as `name=node` to a call. */
static void py_fix__keyword(const char *text, TSNode kw, use_kind kind, sides *s)
{
	TSNode name = py_fix__field(kw, "name");
	TSNode call = py_fix__parent(py_fix__parent(kw));
	if (kind != USE_SSL_CONTEXT || !py_fix__type(call, "call") ||
	    !py_fix__is(text, name, py_fix__ctx_keywords)) {
		s->unknown = true;
		return;
	}
	if (py_fix__callee_in(text, call, py_fix__server_calls) ||
	    (py_fix__callee_is(text, call, "run") && py_fix__text_is(text, name, "ssl_context")))
		s->server = true; /* Flask's app.run(ssl_context=...) */
	else if (py_fix__callee_in(text, call, py_fix__client_calls))
		s->client = true;
	else if (py_fix__callee_is(text, call, "start_tls"))
		py_fix__server_side(py_fix__field(call, "arguments"), -1, -1, text, s);
	else
		s->unknown = true;
}

/* A pyOpenSSL connection made from the context: once it has called set_accept_state() or
 * set_connect_state() (or accept/connect), its side is known, and where it goes next (it is
 * returned to the caller) does not change that. */
static void py_fix__connection(const char *text, TSNode call, sides *s, int depth)
{
	sides c = { .first_check_hostname = SIZE_MAX, .first_cert_none = SIZE_MAX };
	py_fix__use(text, call, USE_OSSL_CONNECTION, &c, depth + 1);
	s->server |= c.server;
	s->client |= c.client;
	if (!c.server && !c.client && c.unknown)
		s->unknown = true;
}

/* `node` given as a positional argument. */
static void py_fix__positional(const char *text, TSNode args, TSNode node, use_kind kind,
			       sides *s, int depth)
{
	TSNode call = ts_node_parent(args);
	int index = -1, positional = 0;
	for (uint32_t i = 0; i < ts_node_named_child_count(args); i++) {
		TSNode a = ts_node_named_child(args, i);
		if (ts_node_eq(a, node))
			index = positional;
		if (!py_fix__type(a, "keyword_argument") && !py_fix__type(a, "comment"))
			positional++;
	}
	if (!py_fix__type(call, "call"))
		s->unknown = true;
	else if (kind == USE_OSSL_CONTEXT && index == 0 && py_fix__callee_is(text, call, "Connection"))
		py_fix__connection(text, call, s, depth);
	else if (kind == USE_SSL_CONTEXT && index == 2 && py_fix__callee_is(text, call, "start_tls"))
		py_fix__server_side(args, -1, -1, text, s);
	else
		s->unknown = true;
}

/* Is the identifier `n` bound here (assigned, a parameter, a loop or `as` target, ...)? */
static bool py_fix__binds(TSNode n)
{
	TSNode p = ts_node_parent(n);
	if (ts_node_is_null(p))
		return false;
	const char *t = ts_node_type(p);
	if (!strcmp(t, "assignment") || !strcmp(t, "augmented_assignment") ||
	    !strcmp(t, "for_statement") || !strcmp(t, "for_in_clause"))
		return ts_node_eq(py_fix__field(p, "left"), n);
	if (!strcmp(t, "default_parameter") || !strcmp(t, "typed_default_parameter") ||
	    !strcmp(t, "named_expression") || !strcmp(t, "function_definition") ||
	    !strcmp(t, "class_definition"))
		return ts_node_eq(py_fix__field(p, "name"), n);
	if (!strcmp(t, "aliased_import"))
		return ts_node_eq(py_fix__field(p, "alias"), n);
	static const char *const binding[] = { "pattern_list",	    "tuple_pattern",
					       "list_pattern",	    "parameters",
					       "lambda_parameters", "typed_parameter",
					       "list_splat_pattern", "dictionary_splat_pattern",
					       "as_pattern_target", NULL };
	for (const char *const *b = binding; *b; b++)
		if (!strcmp(t, *b))
			return true;
	return false;
}

typedef struct follow {
	const char *text;
	TSNode def;	   /* the binding followed (an identifier or an attribute) */
	const char *name; /* its text */
	size_t len;
	use_kind kind;
	sides *s;
	int depth;
} follow;

static bool py_fix__same_text(const follow *f, TSNode n)
{
	if (ts_node_is_null(n))
		return false;
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
	return e - b == f->len && memcmp(f->text + b, f->name, f->len) == 0;
}

static bool py_fix__visit_name(TSNode n, void *arg)
{
	follow *f = arg;
	if (!py_fix__type(n, "identifier") || ts_node_eq(n, f->def) || !py_fix__same_text(f, n))
		return true;
	TSNode p = ts_node_parent(n);
	if ((py_fix__type(p, "keyword_argument") && ts_node_eq(py_fix__field(p, "name"), n)) ||
	    (py_fix__type(p, "attribute") && ts_node_eq(py_fix__field(p, "attribute"), n)) ||
	    py_fix__type(p, "global_statement") || py_fix__type(p, "nonlocal_statement"))
		return true;
	if (py_fix__binds(n))
		f->s->unknown = true; /* bound again: which value a use sees is not followed */
	else
		py_fix__use(f->text, n, f->kind, f->s, f->depth + 1);
	return true;
}

static bool py_fix__visit_attribute(TSNode n, void *arg)
{
	follow *f = arg;
	if (!py_fix__type(n, "attribute") || ts_node_eq(n, f->def) || !py_fix__same_text(f, n))
		return true;
	TSNode p = ts_node_parent(n);
	if ((py_fix__type(p, "assignment") || py_fix__type(p, "augmented_assignment")) &&
	    ts_node_eq(py_fix__field(p, "left"), n))
		f->s->unknown = true;
	else
		py_fix__use(f->text, n, f->kind, f->s, f->depth + 1);
	return false;
}

/* Outside the class that binds `self.<name>`: any `.<name>` is a use not followed. */
typedef struct outside {
	const char *text;
	TSNode cls, attr_name;
	bool *unknown;
} outside;

static bool py_fix__visit_outside(TSNode n, void *arg)
{
	outside *o = arg;
	if (ts_node_eq(n, o->cls))
		return false;
	if (py_fix__type(n, "attribute")) {
		TSNode a = py_fix__field(n, "attribute");
		uint32_t b = ts_node_start_byte(o->attr_name), e = ts_node_end_byte(o->attr_name);
		uint32_t ab = ts_node_start_byte(a), ae = ts_node_end_byte(a);
		if (ae - ab == e - b && memcmp(o->text + ab, o->text + b, e - b) == 0)
			*o->unknown = true;
	}
	return true;
}

/* The function, lambda, class or module whose names `n` sees first. */
static TSNode py_fix__scope(TSNode n)
{
	for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
		if (py_fix__type(p, "function_definition") || py_fix__type(p, "lambda") ||
		    py_fix__type(p, "class_definition") || py_fix__type(p, "module"))
			return p;
		n = p;
	}
	return n;
}

static TSNode py_fix__root(TSNode n)
{
	return ts_tree_root_node(n.tree);
}

/* `... = node`: follow what it is bound to. */
static void py_fix__bound(const char *text, TSNode assignment, use_kind kind, sides *s,
			  int depth)
{
	TSNode left = py_fix__field(assignment, "left");
	TSNode up = ts_node_parent(assignment);
	if (py_fix__type(up, "assignment")) { /* a = b = node */
		s->unknown = true;
		return;
	}
	uint32_t b = ts_node_start_byte(left);
	follow f = { .text = text, .def = left, .name = text + b, .len = ts_node_end_byte(left) - b,
		     .kind = kind, .s = s, .depth = depth };
	if (py_fix__type(left, "identifier")) {
		TSNode scope = py_fix__scope(assignment);
		if (py_fix__type(scope, "class_definition")) { /* a class attribute */
			s->unknown = true;
			return;
		}
		py_fix__walk(scope, py_fix__visit_name, &f);
		return;
	}
	TSNode object = py_fix__field(left, "object");
	if (!py_fix__type(left, "attribute") || !py_fix__type(object, "identifier")) {
		s->unknown = true;
		return;
	}
	TSNode scope = py_fix__root(assignment);
	if (py_fix__text_is(text, object, "self") || py_fix__text_is(text, object, "cls")) {
		for (TSNode p = ts_node_parent(assignment); !ts_node_is_null(p); p = ts_node_parent(p))
			if (py_fix__type(p, "class_definition")) {
				outside o = { text, p, py_fix__field(left, "attribute"), &s->unknown };
				py_fix__walk(scope, py_fix__visit_outside, &o);
				scope = p;
				break;
			}
	}
	py_fix__walk(scope, py_fix__visit_attribute, &f);
}

/* What the use of the value `node` (a context, or a pyOpenSSL connection) says. */
static void py_fix__use(const char *text, TSNode node, use_kind kind, sides *s, int depth)
{
	if (depth > PY_FIX_DEPTH) {
		s->unknown = true;
		return;
	}
	TSNode p = ts_node_parent(node);
	while (py_fix__type(p, "parenthesized_expression")) {
		node = p;
		p = ts_node_parent(p);
	}
	if (ts_node_is_null(p)) {
		s->unknown = true;
		return;
	}
	const char *t = ts_node_type(p);
	if (!strcmp(t, "attribute") && ts_node_eq(py_fix__field(p, "object"), node))
		py_fix__member(text, p, kind, s);
	else if (!strcmp(t, "keyword_argument") && ts_node_eq(py_fix__field(p, "value"), node))
		py_fix__keyword(text, p, kind, s);
	else if (!strcmp(t, "argument_list"))
		py_fix__positional(text, p, node, kind, s, depth);
	else if (!strcmp(t, "assignment") && ts_node_eq(py_fix__field(p, "right"), node))
		py_fix__bound(text, p, kind, s, depth);
	else if (!strcmp(t, "expression_statement") || !strcmp(t, "comparison_operator") ||
		 !strcmp(t, "not_operator"))
		return; /* dropped, compared or tested */
	else if ((!strcmp(t, "if_statement") || !strcmp(t, "elif_clause") ||
		  !strcmp(t, "while_statement")) &&
		 ts_node_eq(py_fix__field(p, "condition"), node))
		return;
	else
		s->unknown = true; /* returned, yielded, listed, ... */
}

/* Does the file serve TLS anywhere: `server_side=` not False, a context handed to a server's
 * API, PROTOCOL_TLS_SERVER, TLS_SERVER_METHOD, Purpose.CLIENT_AUTH, set_accept_state? */
typedef struct serving {
	const char *text;
	bool found;
} serving;

static bool py_fix__visit_serving(TSNode n, void *arg)
{
	serving *sv = arg;
	if (sv->found)
		return false;
	if (py_fix__type(n, "keyword_argument")) {
		TSNode name = py_fix__field(n, "name");
		TSNode call = py_fix__parent(py_fix__parent(n));
		if (py_fix__text_is(sv->text, name, "server_side"))
			sv->found = !py_fix__type(py_fix__field(n, "value"), "false");
		else if (py_fix__is(sv->text, name, py_fix__ctx_keywords) &&
			 py_fix__type(call, "call") &&
			 py_fix__callee_in(sv->text, call, py_fix__server_calls))
			sv->found = true;
	} else if (py_fix__type(n, "identifier")) {
		static const char *const names[] = { "PROTOCOL_TLS_SERVER", "TLS_SERVER_METHOD",
						     "CLIENT_AUTH", "set_accept_state", NULL };
		sv->found = py_fix__is(sv->text, n, names);
	}
	return !sv->found;
}

/* Appends `sentence` to the finding's message. */
static void py_fix__append_message(finding *f, const char *sentence)
{
	size_t a = strlen(f->message), b = strlen(sentence);
	char *m = xmalloc(a + b + 2);
	memcpy(m, f->message, a);
	m[a] = ' ';
	memcpy(m + a + 1, sentence, b + 1);
	free(f->message);
	f->message = m;
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
		name = ts_field_child(value, "attribute", 9);
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

	/* Which side is the context on? */
	sides s = { .first_check_hostname = SIZE_MAX, .first_cert_none = SIZE_MAX };
	py_fix__use(text, ts_node_parent(fn), protocol ? USE_SSL_CONTEXT : USE_OSSL_CONTEXT, &s, 0);
	const char *choose = protocol ? " choose PROTOCOL_TLS_SERVER for a server's context, "
					"PROTOCOL_TLS_CLIENT for a client's."
				      : " choose TLS_SERVER_METHOD for a server's context, "
					"TLS_CLIENT_METHOD for a client's.";
	const char *why = NULL;
	if (s.server && s.client)
		why = "The context both serves and connects (one use is a server's, another a "
		      "client's), and no one protocol suits both: give each side its own context;";
	else if (s.unknown)
		why = "Not every use of the context can be followed (it is returned, stored, passed "
		      "on, bound again, or server_side is computed), so which side it is on is not "
		      "known:";
	else if (!s.server && !s.client) {
		serving sv = { text, false };
		py_fix__walk(py_fix__root(value), py_fix__visit_serving, &sv);
		if (sv.found)
			why = "The file serves TLS, and the context's uses do not show which side it "
			      "is on:";
		else if (s.own_certificate)
			why = "The context loads a certificate of its own, but its uses do not show "
			      "whether it serves or connects:";
	}
	if (why) {
		size_t a = strlen(why), b = strlen(choose);
		char *reason = xmalloc(a + b + 1);
		memcpy(reason, why, a);
		memcpy(reason + a, choose, b + 1);
		finding_set_no_fix(f, reason);
		free(reason);
		return;
	}
	size_t start = ts_node_start_byte(name), end = ts_node_end_byte(name);
	if (!protocol) {
		if (s.server)
			emit_replace(ctx, f,
				     "Use TLS_SERVER_METHOD: the context accepts connections, and "
				     "OpenSSL negotiates the highest version both sides support.",
				     start, end, "TLS_SERVER_METHOD");
		else
			emit_replace(ctx, f,
				     "Use TLS_CLIENT_METHOD: OpenSSL negotiates the highest version "
				     "both sides support (a server context needs TLS_SERVER_METHOD "
				     "instead).",
				     start, end, "TLS_CLIENT_METHOD");
		return;
	}
	if (s.server) {
		/* PROTOCOL_TLS_SERVER starts as the legacy protocols did: CERT_NONE, no host
		 * name check. */
		emit_replace(ctx, f,
			     "Use PROTOCOL_TLS_SERVER: the context serves connections, and the "
			     "runtime and OpenSSL choose the version. Certificate checks stay as they "
			     "were (verify_mode CERT_NONE, check_hostname off, unless the code sets "
			     "them).",
			     start, end, "PROTOCOL_TLS_SERVER");
		return;
	}
	if (s.first_cert_none < s.first_check_hostname) {
		finding_set_no_fix(f, "The code sets verify_mode before check_hostname: with "
				      "PROTOCOL_TLS_CLIENT check_hostname starts on, and ssl refuses "
				      "CERT_NONE then: set ctx.check_hostname = False first, then use "
				      "PROTOCOL_TLS_CLIENT.");
		return;
	}
	if (s.no_hostname && !(s.sets_check_hostname && !s.check_hostname_true)) {
		finding_set_no_fix(f, "The context wraps a socket without server_hostname: "
				      "PROTOCOL_TLS_CLIENT checks the host name and refuses that: pass "
				      "server_hostname= (or set ctx.check_hostname = False), then use "
				      "PROTOCOL_TLS_CLIENT.");
		return;
	}
	emit_replace(ctx, f,
		     "Use PROTOCOL_TLS_CLIENT: the runtime and OpenSSL choose the version. "
		     "Caveat: it also turns on check_hostname and certificate verification "
		     "(CERT_REQUIRED), so a client that connects without server_hostname or to "
		     "an unverified peer must say so (ctx.check_hostname = False before "
		     "ctx.verify_mode = ssl.CERT_NONE); a server context needs "
		     "PROTOCOL_TLS_SERVER instead.",
		     start, end, "PROTOCOL_TLS_CLIENT");
	/* Where the code does not set both checks itself, the fix turns them on: say so where
	 * the finding is read, not only in the fix. (check_hostname = True turns on
	 * CERT_REQUIRED as well.) */
	if (!(s.sets_check_hostname && (s.sets_verify_mode || s.check_hostname_true)))
		py_fix__append_message(f, "Caveat: PROTOCOL_TLS_CLIENT also turns on certificate "
					  "verification and check_hostname, which this context "
					  "leaves off.");
}
