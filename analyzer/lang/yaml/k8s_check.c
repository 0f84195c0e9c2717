/* k8s_check.c: LT-K8S-001, ingress-nginx TLS protocols in Kubernetes manifests: a ConfigMap's
 * `ssl-protocols` data key (the controller's configuration) and the
 * `nginx.ingress.kubernetes.io/proxy-ssl-protocols` annotation on any object, listing SSLv2,
 * SSLv3, TLSv1 or TLSv1.1 (values/tls_options.h; `TLSv1.2 TLSv1.3` is silent). A string
 * written at the key is fixed to `TLSv1.2 TLSv1.3`. */
#include <string.h>

#include "lang/yaml/yaml_doc.h"
#include "values/tls_options.h"

static void k8s__judge(const file_ctx *ctx, const rule *r, const ydoc *key, const ydoc *value)
{
	if (!value || value->kind != YDOC_SCALAR || !value->s)
		return;
	version_set v = tls_protocol_list_versions(value->s, value->len);
	if (!v)
		return;
	message_args args = { .versions = v, .value_text = ctx->src->text + key->start,
			      .value_len = value->end - key->start };
	finding *f = emit_finding(ctx, r, value->start, value->end, &args);
	/* The fix: the list becomes the modern pair, as nginx's own fix writes it. */
	if (value->tag || !ydoc_literal_in_place(value, ctx->src->text))
		finding_set_no_fix(f, "The value is not a plain string written at the key (a "
				      "block scalar, a tag or escapes): write 'TLSv1.2 TLSv1.3' "
				      "there.");
	else if (strstr(value->s, "{{") || strstr(value->s, "${"))
		finding_set_no_fix(f, "The value is templated: edit the template so it writes "
				      "'TLSv1.2 TLSv1.3'.");
	else
		emit_replace(ctx, f, "Offer only TLS 1.2 and TLS 1.3.", value->cstart, value->cend,
			     "TLSv1.2 TLSv1.3");
}

static void k8s__key(const file_ctx *ctx, const rule *r, const ydoc *map, const char *key)
{
	if (!map || map->kind != YDOC_MAP)
		return;
	for (size_t i = 0; i + 1 < map->nkids; i += 2)
		if (ydoc_is(map->kids[i], key))
			k8s__judge(ctx, r, map->kids[i], map->kids[i + 1]);
}

void k8s_check(const file_ctx *ctx, const ydoc *doc, const rule *k8s)
{
	if (!k8s || !doc || doc->kind != YDOC_MAP)
		return;
	const ydoc *meta = ydoc_get(doc, "metadata");
	k8s__key(ctx, k8s, ydoc_get(meta, "annotations"),
		 "nginx.ingress.kubernetes.io/proxy-ssl-protocols");
	if (ydoc_is(ydoc_get(doc, "kind"), "ConfigMap"))
		k8s__key(ctx, k8s, ydoc_get(doc, "data"), "ssl-protocols");
}
