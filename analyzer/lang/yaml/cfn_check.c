/* cfn_check.c: LT-CFN-001, CloudFormation TLS policies (YAML or JSON templates).
 *
 * For each resource of a type in the table, each property the table names (anywhere under
 * `Properties`) is judged by the AWS policy tables shared with Terraform
 * (values/aws_policies.h). Values are followed through `!Ref` / `{"Ref": ...}` to a
 * parameter's `Default` (reported at the setting, the default as a related location), through
 * both branches of `!If` / `Fn::If`, and through a `!Sub` without substitutions; other
 * intrinsic functions are unknown and silent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/yaml/yaml_doc.h"
#include "util/alloc.h"
#include "values/aws_policies.h"

#define CFN_MAX_LEAVES 16
#define CFN_MAX_DEPTH 32

typedef struct cfn_setting {
	const char *type;     /* resource type */
	const char *property; /* property name, anywhere under Properties */
	const policy_spelling *values;
} cfn_setting;

static const cfn_setting settings[] = {
	{ "AWS::CloudFront::Distribution", "MinimumProtocolVersion", aws_cloudfront_min },
	{ "AWS::CloudFront::Distribution", "OriginSSLProtocols", aws_cloudfront_origin },
	{ "AWS::ElasticLoadBalancingV2::Listener", "SslPolicy", aws_elb_policies },
	{ "AWS::ApiGateway::DomainName", "SecurityPolicy", aws_apigw_policies },
	{ "AWS::ApiGatewayV2::DomainName", "SecurityPolicy", aws_apigw_policies },
	{ "AWS::Serverless::Api", "SecurityPolicy", aws_apigw_policies },
	{ "AWS::OpenSearchService::Domain", "TLSSecurityPolicy", aws_opensearch_policies },
	{ "AWS::Elasticsearch::Domain", "TLSSecurityPolicy", aws_opensearch_policies },
};

struct cfn_leaf {
	const ydoc *node;
	const char *param; /* the parameter it came from, or NULL */
};

struct cfn_walk {
	const file_ctx *ctx;
	const rule *rule;
	const ydoc *params;
	struct cfn_leaf leaves[CFN_MAX_LEAVES];
	size_t nleaves;
};

static bool cfn__tag(const ydoc *d, const char *tag)
{
	return d->tag && strlen(tag) == d->taglen && memcmp(d->tag, tag, d->taglen) == 0;
}

/* A mapping of one key `name` (JSON's {"Ref": "x"}, YAML's long form): its value. */
static const ydoc *cfn__fn(const ydoc *d, const char *name)
{
	return d->kind == YDOC_MAP && d->nkids == 2 && ydoc_is(d->kids[0], name) ? d->kids[1]
										  : NULL;
}

static void cfn__leaves(struct cfn_walk *w, const ydoc *d, const char *param, int depth)
{
	if (!d || depth > CFN_MAX_DEPTH || w->nleaves >= CFN_MAX_LEAVES)
		return;
	const ydoc *arg;
	if (d->kind == YDOC_SCALAR && cfn__tag(d, "!Ref")) {
		arg = d;
	} else if ((arg = cfn__fn(d, "Ref")) != NULL) {
	} else if (d->kind == YDOC_SEQ && cfn__tag(d, "!If")) {
		for (size_t i = 1; i < d->nkids; i++)
			cfn__leaves(w, d->kids[i], param, depth + 1);
		return;
	} else if ((arg = cfn__fn(d, "Fn::If")) != NULL) {
		for (size_t i = 1; arg->kind == YDOC_SEQ && i < arg->nkids; i++)
			cfn__leaves(w, arg->kids[i], param, depth + 1);
		return;
	} else if (d->kind == YDOC_SCALAR && cfn__tag(d, "!Sub")) {
		if (!strstr(d->s, "${"))
			w->leaves[w->nleaves++] = (struct cfn_leaf){ d, param };
		return;
	} else if ((arg = cfn__fn(d, "Fn::Sub")) != NULL) {
		if (arg->kind == YDOC_SCALAR && !strstr(arg->s, "${"))
			w->leaves[w->nleaves++] = (struct cfn_leaf){ arg, param };
		return;
	} else if (d->kind == YDOC_SEQ && !d->tag) {
		for (size_t i = 0; i < d->nkids; i++)
			cfn__leaves(w, d->kids[i], param, depth + 1);
		return;
	} else if (d->kind == YDOC_SCALAR && !d->tag) {
		w->leaves[w->nleaves++] = (struct cfn_leaf){ d, param };
		return;
	} else {
		return; /* other intrinsic functions: unknown */
	}
	/* Ref: a parameter's Default (a resource's Ref is not a policy name). */
	if (arg->kind != YDOC_SCALAR || param)
		return;
	const ydoc *p = ydoc_get(w->params, arg->s);
	if (p)
		cfn__leaves(w, ydoc_get(p, "Default"), arg->s, depth + 1);
}

static region cfn__region(const file_ctx *ctx, uint32_t b, uint32_t e)
{
	region r;
	source_position(ctx->src, b, &r.start_line, &r.start_col);
	source_position(ctx->src, e, &r.end_line, &r.end_col);
	return r;
}

/* The fix of a finding: API Gateway's `TLS_1_0` written at the setting (a string, a `!Sub`
 * without substitutions, a branch of `!If`) becomes `TLS_1_2`. A parameter's Default, a
 * policy name (CloudFront, ELB, OpenSearch: they differ by service) or a list of origin
 * protocols has none. */
static void cfn__fix(const struct cfn_walk *w, const cfn_setting *s, finding *f,
		     const version_set *v)
{
	for (size_t i = 0; i < w->nleaves; i++) {
		if (v[i] && w->leaves[i].param) {
			finding_set_no_fix(f, "The value is the Default of a parameter that other "
					      "resources may use too: change it there.");
			return;
		}
	}
	if (s->values == aws_cloudfront_origin) {
		finding_set_no_fix(f, "The origin protocols are a list: remove its legacy entries "
				      "and keep 'TLSv1.2'.");
		return;
	}
	if (s->values != aws_apigw_policies) {
		finding_set_no_fix(f, "Policy names differ by service: choose its TLS 1.2 policy.");
		return;
	}
	for (size_t i = 0; i < w->nleaves; i++) {
		const ydoc *l = w->leaves[i].node;
		if (!v[i])
			continue;
		if (!ydoc_literal_in_place(l, w->ctx->src->text)) {
			finding_set_no_fix(f, "The value is not a plain string written at the "
					      "setting: write 'TLS_1_2' there.");
			return;
		}
		emit_replace(w->ctx, f, "Require TLS 1.2 as the minimum.", l->cstart, l->cend,
			     "TLS_1_2");
	}
}

static void cfn__setting(struct cfn_walk *w, const cfn_setting *s, const ydoc *key,
			 const ydoc *value)
{
	w->nleaves = 0;
	cfn__leaves(w, value, NULL, 0);
	version_set enabled = 0;
	version_set v[CFN_MAX_LEAVES];
	for (size_t i = 0; i < w->nleaves; i++) {
		const ydoc *l = w->leaves[i].node;
		v[i] = policy_spelling_versions(s->values, l->s, l->len);
		enabled |= v[i];
	}
	if (!enabled)
		return;
	const char *text = w->ctx->src->text;
	message_args args = { .versions = enabled, .value_text = text + key->start,
			      .value_len = value->end - key->start };
	finding *f = emit_finding(w->ctx, w->rule, value->start, value->end, &args);
	cfn__fix(w, s, f, v);
	for (size_t i = 0; i < w->nleaves; i++) {
		const struct cfn_leaf *l = &w->leaves[i];
		if (!v[i] || !l->param)
			continue;
		char *msg = xasprintf("The value '%s' is the Default of parameter '%s'.", l->node->s,
				      l->param);
		finding_add_related(f, w->ctx->uri, cfn__region(w->ctx, l->node->start, l->node->end),
				    msg);
		free(msg);
	}
}

static void cfn__props(struct cfn_walk *w, const char *type, const ydoc *d, int depth)
{
	if (!d || depth > CFN_MAX_DEPTH)
		return;
	if (d->kind == YDOC_SEQ) {
		for (size_t i = 0; i < d->nkids; i++)
			cfn__props(w, type, d->kids[i], depth + 1);
		return;
	}
	if (d->kind != YDOC_MAP)
		return;
	for (size_t i = 0; i + 1 < d->nkids; i += 2) {
		const ydoc *k = d->kids[i], *v = d->kids[i + 1];
		const cfn_setting *hit = NULL;
		for (size_t s = 0; s < sizeof(settings) / sizeof(settings[0]) && !hit; s++)
			if (strcmp(settings[s].type, type) == 0 && ydoc_is(k, settings[s].property))
				hit = &settings[s];
		if (hit)
			cfn__setting(w, hit, k, v);
		else
			cfn__props(w, type, v, depth + 1);
	}
}

void cfn_check(const file_ctx *ctx, const ydoc *doc, const rule *cfn)
{
	const ydoc *resources = ydoc_get(doc, "Resources");
	if (!cfn || !resources || resources->kind != YDOC_MAP)
		return;
	struct cfn_walk w = { .ctx = ctx, .rule = cfn, .params = ydoc_get(doc, "Parameters") };
	for (size_t i = 0; i + 1 < resources->nkids; i += 2) {
		const ydoc *r = resources->kids[i + 1];
		const ydoc *type = ydoc_get(r, "Type");
		if (type && type->kind == YDOC_SCALAR)
			cfn__props(&w, type->s, ydoc_get(r, "Properties"), 0);
	}
}
