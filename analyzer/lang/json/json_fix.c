/* json_fix.c: fixes of LT-NET-005 (Kestrel's SslProtocols in appsettings.json), from the JSON
 * tree (json_fix.h). */
#include "lang/json/json_fix.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "engine/emit.h"
#include "rules/finding.h"
#include "util/strbuf.h"

enum { JF_UNKNOWN = 0, JF_LEGACY = 1, JF_MODERN = 2 };

static bool jf__is(TSNode n, const char *type)
{
	return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0;
}

/* What the names of one element ("Tls11", "Tls, Tls11") enable: JF_LEGACY and JF_MODERN bits;
 * JF_UNKNOWN when a name is not an SslProtocols member this fix knows (or there is none).
 * `modern_names` gets the element's modern names, joined by ", ". */
static int jf__names(const char *text, TSNode str, strbuf *modern_names)
{
	static const char *const legacy[] = { "Ssl2", "Ssl3", "Tls", "Tls11", "Default", NULL };
	static const char *const modern[] = { "Tls12", "Tls13", NULL };
	uint32_t b = ts_node_start_byte(str), e = ts_node_end_byte(str);
	if (e - b < 2 || text[b] != '"' || text[e - 1] != '"' || memchr(text + b, '\\', e - b))
		return JF_UNKNOWN;
	b++, e--;
	int kinds = 0;
	while (b < e) {
		while (b < e && (text[b] == ' ' || text[b] == ','))
			b++;
		uint32_t w = b;
		while (b < e && text[b] != ' ' && text[b] != ',')
			b++;
		if (b == w)
			break;
		size_t len = b - w;
		int kind = JF_UNKNOWN;
		for (size_t i = 0; legacy[i] && !kind; i++)
			if (strlen(legacy[i]) == len && strncasecmp(text + w, legacy[i], len) == 0)
				kind = JF_LEGACY;
		for (size_t i = 0; modern[i] && !kind; i++)
			if (strlen(modern[i]) == len && strncasecmp(text + w, modern[i], len) == 0)
				kind = JF_MODERN;
		if (!kind)
			return JF_UNKNOWN;
		if (kind == JF_MODERN && modern_names) {
			if (modern_names->len)
				strbuf_adds(modern_names, ", ");
			strbuf_add(modern_names, text + w, len);
		}
		kinds |= kind;
	}
	return kinds;
}

/* Deletes the array element `el` with one comma next to it (the one after it, else the one
 * before), and the blanks and line break that then stand alone. */
static void jf__drop(const file_ctx *ctx, finding *f, TSNode el, const char *why)
{
	const char *t = ctx->src->text;
	size_t b = ts_node_start_byte(el), e = ts_node_end_byte(el);
	TSNode next = ts_node_next_sibling(el), prev = ts_node_prev_sibling(el);
	if (jf__is(next, ",")) {
		e = ts_node_end_byte(next);
		while (e < ctx->src->len && (t[e] == ' ' || t[e] == '\t'))
			e++;
	} else if (jf__is(prev, ",")) {
		b = ts_node_start_byte(prev);
	}
	/* A line that held only the element goes whole. */
	size_t ls = b;
	while (ls > 0 && (t[ls - 1] == ' ' || t[ls - 1] == '\t'))
		ls--;
	if ((ls == 0 || t[ls - 1] == '\n') && e < ctx->src->len && (t[e] == '\n' || t[e] == '\r')) {
		b = ls;
		if (t[e] == '\r')
			e++;
		if (e < ctx->src->len && t[e] == '\n')
			e++;
	}
	emit_replace(ctx, f, why, b, e, "");
}

void json_fix(const file_ctx *ctx, finding *f, TSNode value, bool followed)
{
	if (strcmp(f->rule->id, "LT-NET-005") != 0)
		return;
	const char *text = ctx->src->text;
	TSNode array = ts_node_parent(value);
	if (followed || !jf__is(value, "string") || !jf__is(array, "array")) {
		finding_set_no_fix(f, "The value is not a string of Kestrel's SslProtocols list.");
		return;
	}
	/* The whole list decides: its elements' names, and which legacy element comes first. */
	bool modern_elsewhere = false, legacy_before = false;
	uint32_t n = ts_node_named_child_count(array);
	for (uint32_t i = 0; i < n; i++) {
		TSNode el = ts_node_named_child(array, i);
		if (jf__is(el, "comment"))
			continue;
		int k = jf__is(el, "string") ? jf__names(text, el, NULL) : JF_UNKNOWN;
		if (k == JF_UNKNOWN) {
			finding_set_no_fix(f, "The list names something this fix does not know: list "
					      "only \"Tls12\" and \"Tls13\", or remove the setting so the "
					      "operating system chooses.");
			return;
		}
		if (ts_node_eq(el, value))
			continue;
		modern_elsewhere |= (k & JF_MODERN) != 0;
		if ((k & JF_LEGACY) && ts_node_start_byte(el) < ts_node_start_byte(value))
			legacy_before = true;
	}
	strbuf names = STRBUF_INIT;
	int k = jf__names(text, value, &names);
	if (k & JF_MODERN) {
		/* "Tls11, Tls12": only the modern names stay. */
		strbuf s = STRBUF_INIT;
		strbuf_adds(&s, "\"");
		strbuf_add(&s, names.buf, names.len);
		strbuf_adds(&s, "\"");
		emit_replace(ctx, f, "Keep only the element's modern versions.",
			     ts_node_start_byte(value), ts_node_end_byte(value), strbuf_str(&s));
		strbuf_release(&s);
	} else if (modern_elsewhere || legacy_before) {
		jf__drop(ctx, f, value,
			 modern_elsewhere ? "Drop the legacy version from the list."
					  : "Drop the legacy version (the list's first one becomes "
					    "\"None\": the operating system chooses).");
	} else {
		emit_replace(ctx, f, "Use \"None\": the operating system chooses the versions.",
			     ts_node_start_byte(value), ts_node_end_byte(value), "\"None\"");
	}
	strbuf_release(&names);
}
