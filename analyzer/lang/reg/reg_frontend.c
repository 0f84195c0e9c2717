/* reg_frontend.c: Windows registry files (.reg): LT-REG-001, LT-REG-002, LT-REG-003.
 *
 * Every rule of the language is a native check (a `.rule` file without a pattern) named in
 * the table below. Values that opt the machine's .NET runtimes into the OS default
 * (`SystemDefaultTlsVersions`=1, `SchUseStrongCrypto`=1) are recorded as facts for LT-NET-004. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontends/frontend.h"
#include "lang/reg/reg_parser.h"
#include "project/facts.h"
#include "util/alloc.h"
#include "values/registry_policy.h"

typedef struct reg_rules {
	const rule *schannel; /* LT-REG-001 */
	const rule *netfx;    /* LT-REG-002 */
	const rule *secure;   /* LT-REG-003 */
} reg_rules;

struct reg_walk {
	const reg_rules *rules;
	const file_ctx *ctx;
};

static void reg__report(const struct reg_walk *w, const rule *r, const reg_entry *e,
			version_set versions)
{
	message_args args = { .versions = versions, .value_text = w->ctx->src->text + e->start,
			      .value_len = e->end - e->start };
	emit_finding(w->ctx, r, e->start, e->end, &args);
}

/* What a value enables is registry_policy's knowledge; this front end only picks the rule. A
 * .NET value that opts in instead is recorded as a fact for LT-NET-004. */
static void reg__entry(void *arg, const reg_entry *e)
{
	const struct reg_walk *w = arg;
	if (!e->key || e->type != REG_DATA_NUMBER)
		return; /* deletions and strings never enable anything */
	version_set enabled = 0;
	registry_setting setting = registry_policy_classify(e->key, e->key_len, e->name,
							    e->name_len, e->number, &enabled);
	const rule *r = setting == REGISTRY_SCHANNEL	     ? w->rules->schannel
			: setting == REGISTRY_NETFX	     ? w->rules->netfx
			: setting == REGISTRY_SECURE_PROTOCOLS ? w->rules->secure
							       : NULL;
	if (r && enabled) {
		reg__report(w, r, e, enabled);
	} else if (setting == REGISTRY_NETFX && !enabled && w->ctx->facts) {
		opt_scope scope = facts_netfx_key_scope(e->key, e->key_len);
		unsigned opt = facts_netfx_opt_in(e->name, e->name_len, e->number);
		if (scope && opt) {
			fact *f = fact_list_add(w->ctx->facts, FACT_OPT_IN, w->ctx->lang,
						w->ctx->uri, w->ctx->src, e->start, e->end);
			f->opt_in = opt;
			f->scope = scope;
		}
	}
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
