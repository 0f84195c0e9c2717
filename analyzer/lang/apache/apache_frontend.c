/* apache_frontend.c: Apache httpd configuration: LT-APA-001.
 *
 * `SSLProtocol` and `SSLProxyProtocol` (names compared ignoring case, as httpd does) take a
 * list of `all`, `SSLv3`, `TLSv1`, `TLSv1.1`, `TLSv1.2`, `TLSv1.3`, each optionally prefixed
 * with `+` or `-`. httpd (modules/ssl/ssl_engine_config.c) computes the set word by word: `+X`
 * adds X, `-X` removes it, and a word without a sign replaces the set with X (httpd warns
 * that it "overrides already set parameter(s)"). `all` is every version the library offers,
 * SSLv3 included where OpenSSL still has it. The legacy versions left at the end are the
 * finding: `SSLProtocol all -SSLv3` still enables TLS 1.0 and TLS 1.1. Apache has no trailing
 * comments (`#` only starts one at the beginning of a line) and continues lines with `\`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frontends/frontend.h"
#include "lang/apache/apache.h"
#include "util/alloc.h"
#include "util/directives.h"

#define APACHE_ALL (VERSION_SSL3 | VERSION_TLS10 | VERSION_TLS11 | VERSION_TLS12 | VERSION_TLS13)

struct apache_walk {
	const rule *protocols; /* LT-APA-001 */
	const file_ctx *ctx;
};

/* The versions a protocol word names (without its sign), or 0 for an unknown word. */
static version_set apache__versions(const char *buf, const directive_word *w, size_t skip)
{
	static const struct {
		const char *name;
		version_set v;
	} names[] = {
		{ "all", APACHE_ALL },        { "SSLv2", VERSION_SSL2 },    { "SSLv3", VERSION_SSL3 },
		{ "TLSv1", VERSION_TLS10 },   { "TLSv1.0", VERSION_TLS10 }, { "TLSv1.1", VERSION_TLS11 },
		{ "TLSv1.2", VERSION_TLS12 }, { "TLSv1.3", VERSION_TLS13 },
	};
	directive_word name = *w;
	name.vstart += skip;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (directive_word_is(buf, &name, names[i].name))
			return names[i].v;
	return 0;
}

static void apache__directive(void *arg, const char *buf, const directive *d)
{
	const struct apache_walk *w = arg;
	if (d->nwords < 2 || d->words[0].quoted ||
	    !(directive_word_is(buf, &d->words[0], "SSLProtocol") ||
	      directive_word_is(buf, &d->words[0], "SSLProxyProtocol")))
		return;
	version_set set = 0;
	for (size_t i = 1; i < d->nwords; i++) {
		const directive_word *a = &d->words[i];
		if (a->templated) {
			/* A template expression may add or reset anything: what is known
			 * enabled is what the literal words after the last one add. */
			set = 0;
			continue;
		}
		char sign = a->vend > a->vstart ? buf[a->vstart] : 0;
		bool signed_ = sign == '+' || sign == '-';
		version_set v = apache__versions(buf, a, signed_ ? 1 : 0);
		if (!v)
			continue; /* httpd refuses the line; nothing to judge */
		if (sign == '+')
			set |= v;
		else if (sign == '-')
			set &= ~v;
		else
			set = v;
	}
	version_set legacy = set & VERSIONS_LEGACY_TLS;
	if (!legacy)
		return;
	size_t start = d->words[1].start, end = d->words[d->nwords - 1].end;
	message_args args = { .versions = legacy, .value_text = buf + start,
			      .value_len = end - start };
	emit_finding(w->ctx, w->protocols, start, end, &args);
}

static int apache_fe__prepare(void **state, language lang, const rule *const *rules,
				size_t nrules, char *err, size_t errlen)
{
	(void)lang;
	return frontend_one_rule_prepare(state, rules, nrules,
					 "LT-APA-001", "Apache files", err, errlen);
}

static int apache_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			      size_t whylen)
{
	(void)worker, (void)why, (void)whylen;
	struct apache_walk w = { frontend_one_rule(state), NULL };
	if (!w.protocols)
		return 0;
	w.ctx = ctx;
	static const directive_syntax apache = { .hash_anywhere = false, .continuation = true };
	directives_read(ctx->src->text, ctx->src->len, &apache, apache__directive, &w);
	return 0;
}

/* Is this text Apache configuration: a line that starts with an SSLProtocol directive? */
bool apache_sniff(const char *text, size_t len)
{
	static const char *const names[] = { "SSLProtocol", "SSLProxyProtocol" };
	for (size_t i = 0; i < len;) {
		while (i < len && (text[i] == ' ' || text[i] == '\t'))
			i++;
		for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
			size_t n = strlen(names[k]);
			if (len - i > n && strncasecmp(text + i, names[k], n) == 0 &&
			    (text[i + n] == ' ' || text[i + n] == '\t'))
				return true;
		}
		const char *nl = memchr(text + i, '\n', len - i);
		i = nl ? (size_t)(nl - text) + 1 : len;
	}
	return false;
}

const frontend apache_frontend = {
	.name = "apache",
	.prepare = apache_fe__prepare,
	.release = frontend_one_rule_release,
	.analyze = apache_fe__analyze,
};
