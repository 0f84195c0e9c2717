/* php_fix.c: fixes of LT-PHP-001 findings (php_fix.h). */
#include "lang/php/php_fix.h"

#include <stdlib.h>
#include <string.h>

#include "engine/emit.h"
#include "engine/ts_field.h"
#include "lang/php/php_syntax.h"
#include "util/strbuf.h"

#define PHP_FIX_PARTS 8
#define PHP_FIX_TLS12 "CURL_SSLVERSION_TLSv1_2"

static const char *const php_fix__floors[] = { "CURL_SSLVERSION_TLSv1", "CURL_SSLVERSION_TLSv1_0",
						"CURL_SSLVERSION_TLSv1_1", "CURL_SSLVERSION_SSLv2",
						"CURL_SSLVERSION_SSLv3", NULL };
static const char *const php_fix__caps[] = { "CURL_SSLVERSION_MAX_TLSv1_0",
					      "CURL_SSLVERSION_MAX_TLSv1_1", NULL };
static const char *const php_fix__kept[] = {
	"CURL_SSLVERSION_DEFAULT",     "CURL_SSLVERSION_TLSv1_2",     "CURL_SSLVERSION_TLSv1_3",
	"CURL_SSLVERSION_MAX_NONE",    "CURL_SSLVERSION_MAX_DEFAULT", "CURL_SSLVERSION_MAX_TLSv1_2",
	"CURL_SSLVERSION_MAX_TLSv1_3", NULL
};

static bool php_fix__type(TSNode n, const char *type)
{
	return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0;
}

static bool php_fix__in(const char *text, TSNode n, const char *const *names)
{
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
	for (const char *const *p = names; *p; p++)
		if (strlen(*p) == e - b && memcmp(text + b, *p, e - b) == 0)
			return true;
	return false;
}

/* The constant's own name: `CURL_X` or the last part of `\CURL_X`; else a null node. */
static TSNode php_fix__constant(TSNode n)
{
	if (php_fix__type(n, "name"))
		return n;
	if (php_fix__type(n, "qualified_name") && ts_node_named_child_count(n) > 0) {
		TSNode last = ts_node_named_child(n, ts_node_named_child_count(n) - 1);
		return php_fix__type(last, "name") ? last : (TSNode){ 0 };
	}
	return (TSNode){ 0 };
}

/* The operands of `a | b | ...` (parentheses too) in order; false for anything else. */
static bool php_fix__parts(const char *text, TSNode n, TSNode *parts, size_t *count)
{
	while (php_fix__type(n, "parenthesized_expression") && ts_node_named_child_count(n) == 1)
		n = ts_node_named_child(n, 0);
	if (php_fix__type(n, "binary_expression")) {
		TSNode op = ts_field_child(n, "operator", 8);
		if (ts_node_is_null(op) || ts_node_end_byte(op) - ts_node_start_byte(op) != 1 ||
		    text[ts_node_start_byte(op)] != '|' || ts_node_named_child_count(n) != 2)
			return false; /* other operators, or a comment between the operands */
		return php_fix__parts(text, ts_field_child(n, "left", 4), parts, count) &&
		       php_fix__parts(text, ts_field_child(n, "right", 5), parts, count);
	}
	if (ts_node_is_null(php_fix__constant(n)) || *count == PHP_FIX_PARTS)
		return false;
	parts[(*count)++] = n;
	return true;
}

/* A PHP integer literal 1..5 (the legacy floors libcurl reads from a number)? */
static bool php_fix__legacy_number(const char *text, TSNode n)
{
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
	return php_fix__type(n, "integer") && e - b == 1 && text[b] >= '1' && text[b] <= '5';
}

void php_fix(const file_ctx *ctx, finding *f, TSNode value, bool followed)
{
	if (strcmp(f->rule->id, "LT-PHP-001") != 0)
		return;
	const char *text = ctx->src->text;
	uint32_t vb = ts_node_start_byte(value), ve = ts_node_end_byte(value);
	bool curl = memmem(text + vb, ve - vb, "CURL_SSLVERSION_", 16) != NULL;
	TSNode parent = ts_node_parent(value);
	if (followed || php_fix__type(parent, "const_element") ||
	    php_fix__type(parent, "assignment_expression")) {
		finding_set_no_fix(f, "The value is held in a constant or variable that other code "
				      "may read too: change it where it is declared.");
		return;
	}
	if (!php_syntax_at_curl_sink(text, value)) {
		if (curl)
			finding_set_no_fix(f, "The value is not written where CURLOPT_SSLVERSION is "
					      "set (it is declared, stored, returned or passed to a "
					      "helper that other code may use too): set "
					      "'CURL_SSLVERSION_TLSv1_2' where the option is set.");
		return; /* stream crypto methods and transports: no automatic edit */
	}
	if (php_fix__legacy_number(text, value)) {
		emit_replace(ctx, f,
			     "Use CURL_SSLVERSION_TLSv1_2: TLS 1.2 is the lowest version the "
			     "transfer may use, and libcurl and OpenSSL may choose TLS 1.3.",
			     vb, ve, PHP_FIX_TLS12);
		return;
	}
	TSNode parts[PHP_FIX_PARTS];
	size_t n = 0;
	bool known = php_fix__parts(text, value, parts, &n);
	for (size_t i = 0; known && i < n; i++) {
		TSNode c = php_fix__constant(parts[i]);
		known = php_fix__in(text, c, php_fix__floors) || php_fix__in(text, c, php_fix__caps) ||
			php_fix__in(text, c, php_fix__kept);
	}
	if (!known || n == 0) {
		finding_set_no_fix(f, "The value is computed (not curl's constants joined by '|'): "
				      "set 'CURL_SSLVERSION_TLSv1_2' where it is chosen.");
		return;
	}
	if (n == 1) {
		TSNode c = php_fix__constant(parts[0]);
		emit_replace(ctx, f,
			     php_fix__in(text, c, php_fix__caps)
				     ? "Use CURL_SSLVERSION_TLSv1_2 instead of the legacy cap: TLS 1.2 "
				       "is the lowest version the transfer may use, and no cap keeps "
				       "it from TLS 1.3."
				     : "Use CURL_SSLVERSION_TLSv1_2: TLS 1.2 is the lowest version the "
				       "transfer may use, and libcurl and OpenSSL may choose TLS 1.3.",
			     ts_node_start_byte(c), ts_node_end_byte(c), PHP_FIX_TLS12);
		return;
	}
	/* Constants joined by '|': floors raised, legacy caps dropped, the rest kept (written
	 * again joined by ' | '). */
	strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		TSNode c = php_fix__constant(parts[i]);
		if (php_fix__in(text, c, php_fix__caps))
			continue;
		if (sb.len)
			strbuf_adds(&sb, " | ");
		uint32_t pb = ts_node_start_byte(parts[i]), cb = ts_node_start_byte(c);
		if (php_fix__in(text, c, php_fix__floors)) {
			strbuf_add(&sb, text + pb, cb - pb); /* a leading `\` */
			strbuf_adds(&sb, PHP_FIX_TLS12);
		} else {
			strbuf_add(&sb, text + pb, ts_node_end_byte(parts[i]) - pb);
		}
	}
	if (!sb.len)
		strbuf_adds(&sb, PHP_FIX_TLS12);
	emit_replace(ctx, f,
		     "Raise a legacy floor to CURL_SSLVERSION_TLSv1_2 and drop a legacy cap "
		     "(CURL_SSLVERSION_MAX_TLSv1_0, _MAX_TLSv1_1): the transfer may then use TLS 1.2 "
		     "and TLS 1.3.",
		     vb, ve, strbuf_str(&sb));
	strbuf_release(&sb);
}
