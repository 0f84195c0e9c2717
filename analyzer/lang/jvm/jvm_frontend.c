/* jvm_frontend.c: Java `*.properties` files and `java.security`: LT-JVM-001, a native check
 * (a `.rule` file without a pattern).
 *
 * The properties format is read by lang/jvm/jvm_properties.c. The protocol properties
 * (jdk.tls.client.protocols, jdk.tls.server.protocols, https.protocols) listing SSLv3, TLSv1
 * or TLSv1.1, and a jdk.tls.disabledAlgorithms that no longer lists TLSv1 and TLSv1.1, are
 * reported at the value (values/tls_options.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontends/frontend.h"
#include "lang/jvm/jvm_properties.h"
#include "util/alloc.h"
#include "values/tls_options.h"

struct jvm_walk {
	const file_ctx *ctx;
	const rule *r;
};

static void jvm__property(void *arg, const char *key, size_t klen, const char *value,
			  size_t vlen, size_t start, size_t end)
{
	const struct jvm_walk *w = arg;
	const file_ctx *ctx = w->ctx;
	const rule *r = w->r;
	version_set v;
	if (!jvm_property_versions(key, klen, value, vlen, &v) || !v)
		return;
	message_args args = { .versions = v, .value_text = ctx->src->text + start,
			      .value_len = end - start };
	emit_finding(ctx, r, start, end, &args);
}

static void jvm__read(const file_ctx *ctx, const rule *r)
{
	struct jvm_walk w = { ctx, r };
	jvm_properties_read(ctx->src->text, ctx->src->len, jvm__property, &w);
}

static int jvm_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			   size_t whylen)
{
	(void)worker;
	(void)why;
	(void)whylen;
	const rule *r = frontend_one_rule(state);
	if (r)
		jvm__read(ctx, r);
	return 0;
}

static int jvm_fe__prepare(void **state, language lang, const rule *const *rules,
				size_t nrules, char *err, size_t errlen)
{
	(void)lang;
	return frontend_one_rule_prepare(state, rules, nrules,
					 "LT-JVM-001", "Java properties files", err, errlen);
}

const frontend jvm_frontend = {
	.name = "jvm",
	.prepare = jvm_fe__prepare,
	.release = frontend_one_rule_release,
	.analyze = jvm_fe__analyze,
};
