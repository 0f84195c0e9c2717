/* cs001_modern.c: LT-CS-001's and LT-CS-002's fix on projects that defer to the operating
 * system.
 *
 * The C# front end gives a `ServicePointManager.SecurityProtocol` assignment two fixes: the
 * legacy members dropped (right everywhere), and the assignment removed (right only where the
 * runtime defers to the operating system's protocol defaults: .NET Framework 4.7 or later, or
 * .NET). A single file does not tell which, the project model does: a finding in a file owned
 * by a project whose every known target is modern gets the removal, every other keeps the
 * first fix (or its reason for none). */
#include "project/post_scan.h"
#include "project/project_model.h"

void cs001_run(const post_scan_ctx *ctx);
void cs001_run(const post_scan_ctx *ctx)
{
	const project_model *m = post_scan_model(ctx);
	for (size_t i = 0; i < ctx->out->len; i++) {
		finding *f = &ctx->out->items[i];
		if (f->rule != ctx->rule || !f->modern_fix)
			continue;
		const project *p = project_model_owner(m, f->uri);
		finding_choose_modern_fix(f, p && p->all_modern);
	}
}
