/* reg_frontend.c: Windows registry files (.reg): LT-REG-001, LT-REG-002, LT-REG-003.
 *
 * Every rule of the language is a native check (a `.rule` file without a pattern) named in
 * the table below. Values that opt the machine's .NET runtimes into the OS default
 * (`SystemDefaultTlsVersions`=1, `SchUseStrongCrypto`=1) are recorded as facts for LT-NET-004. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frontends/frontend.h"
#include "frontends/reg_parser.h"
#include "project/facts.h"
#include "util/alloc.h"

typedef struct reg_rules {
	const rule *schannel; /* LT-REG-001 */
	const rule *netfx;    /* LT-REG-002 */
	const rule *secure;   /* LT-REG-003 */
} reg_rules;

static const struct {
	const char *component; /* below SCHANNEL\Protocols */
	version_set version;
} schannel_protocols[] = {
	{ "SSL 2.0", VERSION_SSL2 },
	{ "SSL 3.0", VERSION_SSL3 },
	{ "TLS 1.0", VERSION_TLS10 },
	{ "TLS 1.1", VERSION_TLS11 },
};

/* The bits of WinHTTP DefaultSecureProtocols and Internet Settings SecureProtocols. */
static const struct {
	unsigned long long bit;
	version_set version;
} secure_protocol_bits[] = {
	{ 0x8, VERSION_SSL2 },
	{ 0x20, VERSION_SSL3 },
	{ 0x80, VERSION_TLS10 },
	{ 0x200, VERSION_TLS11 },
};

struct reg_walk {
	const reg_rules *rules;
	const file_ctx *ctx;
};

static bool reg__named(const reg_entry *e, const char *name)
{
	size_t n = strlen(name);
	return e->name_len == n && strncasecmp(e->name, name, n) == 0;
}

static void reg__report(const struct reg_walk *w, const rule *r, const reg_entry *e,
			version_set versions)
{
	message_args args = { .versions = versions, .value_text = w->ctx->src->text + e->start,
			      .value_len = e->end - e->start };
	emit_finding(w->ctx, r, e->start, e->end, &args);
}

/* SCHANNEL\Protocols\<protocol>\{Client,Server}: Enabled non-zero, DisabledByDefault 0. */
static void reg__schannel(const struct reg_walk *w, const reg_entry *e)
{
	for (size_t i = 0; i < sizeof(schannel_protocols) / sizeof(schannel_protocols[0]); i++) {
		for (int side = 0; side < 2; side++) {
			char suffix[64];
			snprintf(suffix, sizeof(suffix), "SCHANNEL\\Protocols\\%s\\%s",
				 schannel_protocols[i].component, side ? "Server" : "Client");
			if (!reg_key_ends_with(e, suffix))
				continue;
			if ((reg__named(e, "Enabled") && e->number != 0) ||
			    (reg__named(e, "DisabledByDefault") && e->number == 0))
				reg__report(w, w->rules->schannel, e, schannel_protocols[i].version);
			return;
		}
	}
}

/* .NETFramework\v2.0.50727 and \v4.0.30319 (also under Wow6432Node). */
static void reg__netfx(const struct reg_walk *w, const reg_entry *e)
{
	opt_scope scope = facts_netfx_key_scope(e->key, e->key_len);
	if (!scope ||
	    !(reg__named(e, "SystemDefaultTlsVersions") || reg__named(e, "SchUseStrongCrypto")))
		return;
	unsigned opt = facts_netfx_opt_in(e->name, e->name_len, e->number);
	if (e->number == 0) {
		if (w->rules->netfx)
			reg__report(w, w->rules->netfx, e, 0);
	} else if (opt && w->ctx->facts) {
		fact *f = fact_list_add(w->ctx->facts, FACT_OPT_IN, w->ctx->lang, w->ctx->uri,
					w->ctx->src, e->start, e->end);
		f->opt_in = opt;
		f->scope = scope;
	}
}

/* WinHttp DefaultSecureProtocols, Internet Settings SecureProtocols: legacy bits set. */
static void reg__secure_protocols(const struct reg_walk *w, const reg_entry *e)
{
	if (!((reg__named(e, "DefaultSecureProtocols") && reg_key_ends_with(e, "WinHttp")) ||
	      (reg__named(e, "SecureProtocols") && reg_key_ends_with(e, "Internet Settings"))))
		return;
	version_set v = 0;
	for (size_t i = 0; i < sizeof(secure_protocol_bits) / sizeof(secure_protocol_bits[0]); i++)
		if (e->number & secure_protocol_bits[i].bit)
			v |= secure_protocol_bits[i].version;
	if (v)
		reg__report(w, w->rules->secure, e, v);
}

static void reg__entry(void *arg, const reg_entry *e)
{
	const struct reg_walk *w = arg;
	if (!e->key || e->type != REG_DATA_NUMBER)
		return; /* deletions and strings never enable anything */
	if (w->rules->schannel)
		reg__schannel(w, e);
	reg__netfx(w, e);
	if (w->rules->secure)
		reg__secure_protocols(w, e);
}

static int reg_fe__prepare(void **state, language lang, const rule *const *rules, size_t nrules,
			   char *err, size_t errlen)
{
	(void)lang;
	reg_rules *rr = xcalloc(1, sizeof(*rr));
	for (size_t i = 0; i < nrules; i++) {
		const rule *r = rules[i];
		if (strcmp(r->id, "LT-REG-001") == 0)
			rr->schannel = r;
		else if (strcmp(r->id, "LT-REG-002") == 0)
			rr->netfx = r;
		else if (strcmp(r->id, "LT-REG-003") == 0)
			rr->secure = r;
		else {
			snprintf(err, errlen, "%s: %s is not a built-in check of reg files",
				 r->source_path, r->id);
			free(rr);
			return -1;
		}
	}
	*state = rr;
	return 0;
}

static void reg_fe__release(void *state)
{
	free(state);
}

static int reg_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			   size_t whylen)
{
	(void)worker, (void)why, (void)whylen;
	struct reg_walk w = { state, ctx };
	reg_parse(ctx->src->text, ctx->src->len, reg__entry, &w);
	return 0;
}

const frontend reg_frontend = {
	.name = "reg",
	.prepare = reg_fe__prepare,
	.release = reg_fe__release,
	.analyze = reg_fe__analyze,
};
