/* cs006_filter.c: LT-CS-006 (hardcoded TLS 1.2/1.3) only where SystemDefault exists.
 *
 * The rule's query reports every pinned modern value per file; this post-scan analyzer keeps
 * a finding only when the project that owns the file targets .NET Framework 4.7 or later, or
 * .NET (Core), with every one of its targets. On older targets, and where the target is not
 * known, hardcoding TLS 1.2 is the recommended fix and is never reported. */
#include <string.h>

#include "project/post_scan.h"
#include "project/project_model.h"

struct cs006 {
	const rule *rule;
	const project_model *model;
};

static bool cs006__drop(const finding *f, const void *arg)
{
	const struct cs006 *c = arg;
	if (f->rule != c->rule)
		return false;
	const project *p = project_model_owner(c->model, f->uri);
	return !p || !p->all_modern;
}

void cs006_run(const post_scan_ctx *ctx);
void cs006_run(const post_scan_ctx *ctx)
{
	struct cs006 c = { ctx->rule, post_scan_model(ctx) };
	finding_list_drop_if(ctx->out, cs006__drop, &c);
}
