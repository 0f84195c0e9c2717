/* openssl_frontend.c: OpenSSL configuration (openssl.cnf and the SSL_CONF sections it names,
 * such as `[system_default_sect]`): LT-OSSL-001.
 *
 * `MinProtocol` at or below TLSv1.1 (a floor that lets legacy versions in), `MaxProtocol` at
 * or below TLSv1.1 (a cap that allows nothing newer), and a `CipherString` with
 * `@SECLEVEL=0`, which OpenSSL 3 needs before it will speak TLS 1.0 or 1.1 at all (a
 * re-enable). The format: `[section]`, `key = value`, `#` comments anywhere outside quotes,
 * `\` continues a line. `None` (no bound) and the DTLS names are left alone. A legacy
 * `MinProtocol` is fixed to TLSv1.2; a cap and `@SECLEVEL=0` have no safe edit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frontends/frontend.h"
#include "lang/openssl/openssl.h"
#include "util/alloc.h"
#include "util/directives.h"

struct openssl_walk {
	const rule *bounds; /* LT-OSSL-001 */
	const file_ctx *ctx;
};

static version_set openssl__bound(const char *buf, const directive_word *v, bool floor)
{
	static const struct {
		const char *name;
		version_set as_floor, as_cap;
	} names[] = {
		{ "SSLv3", VERSION_SSL3 | VERSION_TLS10 | VERSION_TLS11, VERSION_SSL3 },
		{ "TLSv1", VERSION_TLS10 | VERSION_TLS11, VERSION_TLS10 },
		{ "TLSv1.0", VERSION_TLS10 | VERSION_TLS11, VERSION_TLS10 },
		{ "TLSv1.1", VERSION_TLS11, VERSION_TLS10 | VERSION_TLS11 },
	};
	if (v->templated)
		return 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (directive_word_is(buf, v, names[i].name))
			return floor ? names[i].as_floor : names[i].as_cap;
	return 0;
}

static void openssl__directive(void *arg, const char *buf, const directive *d)
{
	const struct openssl_walk *w = arg;
	if (d->nwords < 3 || !directive_word_is(buf, &d->words[1], "="))
		return;
	const directive_word *key = &d->words[0], *value = &d->words[2];
	const directive_word *last = &d->words[d->nwords - 1];
	version_set v = 0;
	bool floor = directive_word_is(buf, key, "MinProtocol");
	if (floor || directive_word_is(buf, key, "MaxProtocol")) {
		v = openssl__bound(buf, value, floor);
	} else if (directive_word_is(buf, key, "CipherString")) {
		static const char mark[] = "@SECLEVEL=0";
		size_t n = last->end - value->start;
		const char *hit = memmem(buf + value->start, n, mark, sizeof(mark) - 1);
		size_t after = hit ? (size_t)(hit - buf) + sizeof(mark) - 1 : 0;
		/* `@SECLEVEL=0` itself, not `@SECLEVEL=01` (there is none) or a template. */
		if (hit && !value->templated && (after >= last->end || buf[after] == ':' ||
						 buf[after] == '"' || buf[after] == '\''))
			v = VERSION_TLS10 | VERSION_TLS11;
	}
	if (!v)
		return;
	message_args args = { .versions = v, .value_text = buf + key->start,
			      .value_len = last->end - key->start };
	finding *f = emit_finding(w->ctx, w->bounds, key->start, last->end, &args);
	if (floor)
		emit_replace(w->ctx, f, "Require TLS 1.2 as the minimum.", value->vstart,
			     value->vend, "TLSv1.2");
	else if (directive_word_is(buf, key, "MaxProtocol"))
		finding_set_no_fix(f, "A cap at a legacy version is there for a peer that speaks "
				      "nothing newer: raise it once that peer accepts TLS 1.2.");
	else
		finding_set_no_fix(f, "Raising the security level also refuses small keys and "
				      "SHA-1 signatures: choose the level the peers need "
				      "(OpenSSL's default is 1).");
}

static int openssl_fe__prepare(void **state, language lang, const rule *const *rules,
				size_t nrules, char *err, size_t errlen)
{
	(void)lang;
	return frontend_one_rule_prepare(state, rules, nrules,
					 "LT-OSSL-001", "OpenSSL configuration", err, errlen);
}

static int openssl_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			       size_t whylen)
{
	(void)worker, (void)why, (void)whylen;
	struct openssl_walk w = { frontend_one_rule(state), NULL };
	if (!w.bounds)
		return 0;
	w.ctx = ctx;
	static const directive_syntax openssl = { .hash_anywhere = true, .continuation = true,
						  .equals_word = true };
	directives_read(ctx->src->text, ctx->src->len, &openssl, openssl__directive, &w);
	return 0;
}

bool openssl_sniff(const char *text, size_t len)
{
	static const char *const keys[] = { "MinProtocol", "MaxProtocol", "CipherString" };
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
		if (memmem(text, len, keys[k], strlen(keys[k])))
			return true;
	return false;
}

const frontend openssl_frontend = {
	.name = "openssl",
	.prepare = openssl_fe__prepare,
	.release = frontend_one_rule_release,
	.analyze = openssl_fe__analyze,
};
