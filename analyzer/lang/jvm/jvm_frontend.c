/* jvm_frontend.c: Java `*.properties` files and `java.security`: LT-JVM-001, a native check
 * (a `.rule` file without a pattern).
 *
 * A small reader of the properties format (java.util.Properties): `#` and `!` start comment
 * lines; the key ends at the first unescaped `=`, `:` or blank; a line ending in an odd number
 * of `\` continues on the next, whose leading blanks are dropped. The protocol properties
 * (jdk.tls.client.protocols, jdk.tls.server.protocols, https.protocols) listing SSLv3, TLSv1
 * or TLSv1.1, and a jdk.tls.disabledAlgorithms that no longer lists TLSv1 and TLSv1.1, are
 * reported at the value (values/tls_options.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontends/frontend.h"
#include "util/alloc.h"
#include "values/tls_options.h"

#define JVM_MAX_KEY 256

typedef struct jvm_state {
	const rule *rule;
} jvm_state;

static size_t jvm__eol(const char *text, size_t len, size_t i)
{
	const char *nl = memchr(text + i, '\n', len - i);
	return nl ? (size_t)(nl - text) : len;
}

/* A line [b, e) ends with an odd number of backslashes (a CR before the newline ignored). */
static bool jvm__continues(const char *text, size_t b, size_t *e)
{
	if (*e > b && text[*e - 1] == '\r')
		(*e)--;
	size_t n = 0;
	while (*e - n > b && text[*e - 1 - n] == '\\')
		n++;
	return n % 2 == 1;
}

static void jvm__property(const file_ctx *ctx, const rule *r, const char *key, size_t klen,
			  const char *value, size_t vlen, size_t start, size_t end)
{
	version_set v;
	if (!jvm_property_versions(key, klen, value, vlen, &v) || !v)
		return;
	message_args args = { .versions = v, .value_text = ctx->src->text + start,
			      .value_len = end - start };
	emit_finding(ctx, r, start, end, &args);
}

static void jvm__read(const file_ctx *ctx, const rule *r)
{
	const char *text = ctx->src->text;
	size_t len = ctx->src->len, i = 0;
	char *value = xmalloc(len + 1);
	while (i < len) {
		size_t e = jvm__eol(text, len, i), b = i;
		while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\f'))
			b++;
		if (b >= e || text[b] == '#' || text[b] == '!' || text[b] == '\r') {
			i = e + 1;
			continue;
		}
		/* The key. */
		char key[JVM_MAX_KEY];
		size_t klen = 0, k = b;
		size_t line_end = e;
		bool cont = jvm__continues(text, b, &line_end);
		size_t content_end = cont ? line_end - 1 : line_end;
		while (k < content_end && text[k] != '=' && text[k] != ':' && text[k] != ' ' &&
		       text[k] != '\t') {
			if (text[k] == '\\' && k + 1 < content_end)
				k++;
			if (klen + 1 < sizeof(key))
				key[klen++] = text[k];
			k++;
		}
		while (k < content_end && (text[k] == ' ' || text[k] == '\t'))
			k++;
		if (k < content_end && (text[k] == '=' || text[k] == ':'))
			k++;
		while (k < content_end && (text[k] == ' ' || text[k] == '\t'))
			k++;
		/* The value, over its continuation lines. */
		size_t vlen = 0, vstart = k, vend = content_end;
		for (;;) {
			memcpy(value + vlen, text + k, content_end - k);
			vlen += content_end - k;
			vend = content_end;
			if (!cont || e >= len)
				break;
			i = e + 1;
			e = jvm__eol(text, len, i);
			k = i;
			while (k < e && (text[k] == ' ' || text[k] == '\t' || text[k] == '\f'))
				k++;
			line_end = e;
			cont = jvm__continues(text, i, &line_end);
			content_end = cont ? line_end - 1 : line_end;
			if (k > content_end)
				k = content_end;
		}
		if (vend > vstart)
			jvm__property(ctx, r, key, klen, value, vlen, vstart, vend);
		i = e + 1;
	}
	free(value);
}

static int jvm_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			   size_t whylen)
{
	(void)worker;
	(void)why;
	(void)whylen;
	const jvm_state *st = state;
	if (st->rule)
		jvm__read(ctx, st->rule);
	return 0;
}

static int jvm_fe__prepare(void **state, language lang, const rule *const *rules,
			   size_t nrules, char *err, size_t errlen)
{
	(void)lang;
	jvm_state *st = xcalloc(1, sizeof(*st));
	for (size_t i = 0; i < nrules; i++) {
		if (strcmp(rules[i]->id, "LT-JVM-001") == 0) {
			st->rule = rules[i];
		} else {
			snprintf(err, errlen, "%s: %s is not a built-in check of Java properties files",
				 rules[i]->source_path, rules[i]->id);
			free(st);
			return -1;
		}
	}
	*state = st;
	return 0;
}

static void jvm_fe__release(void *state)
{
	free(state);
}

const frontend jvm_frontend = {
	.name = "jvm",
	.prepare = jvm_fe__prepare,
	.release = jvm_fe__release,
	.analyze = jvm_fe__analyze,
};
