/* post_scan.c: the table of post-scan analyzers and what they share. */
#include "post_scan.h"

#include <string.h>

void net004_run(const post_scan_ctx *ctx);
void cs006_run(const post_scan_ctx *ctx);
void net001_run(const post_scan_ctx *ctx);
void cs001_run(const post_scan_ctx *ctx);

/* The files whose front ends record project facts themselves (C# code contributes through
 * the evidence rules below), and the words such a file must contain. */
static const language project_langs[] = { LANG_MSBUILD, LANG_DOTNET_CONFIG, LANG_REG,
					  LANG_POWERSHELL, LANG_INSTALLER, LANG_NONE };
static const char *const project_keywords[] = {
	"TargetFramework", "targetFramework", "supportedRuntime", "AppContextSwitchOverrides",
	"SystemDefaultTlsVersions", "SchUseStrongCrypto", NULL,
};

/* The query rules whose evaluated values tell that code sets TLS 1.2 (FACT_TLS12_CODE). */
static const char *const tls12_code_rules[] = { "LT-CS-001", "LT-CS-006", NULL };

static const post_scan_analyzer analyzers[] = {
	{ "LT-CS-001", true, project_langs, project_keywords, NULL, cs001_run },
	{ "LT-CS-002", true, project_langs, project_keywords, NULL, cs001_run },
	{ "LT-CS-006", true, project_langs, project_keywords, NULL, cs006_run },
	{ "LT-NET-001", true, project_langs, project_keywords, NULL, net001_run },
	{ "LT-NET-004", false, project_langs, project_keywords, tls12_code_rules, net004_run },
};

const post_scan_analyzer *post_scan_for(const char *id)
{
	for (size_t i = 0; i < sizeof(analyzers) / sizeof(analyzers[0]); i++)
		if (strcmp(analyzers[i].rule_id, id) == 0)
			return &analyzers[i];
	return NULL;
}

static const walk_file *post_scan__file(const post_scan_ctx *ctx, const char *uri)
{
	return walk_list_find(ctx->files, uri);
}

const project_model *post_scan_model(const post_scan_ctx *ctx)
{
	if (!ctx->shared->built) {
		project_model_build(&ctx->shared->model, ctx->files, ctx->facts);
		ctx->shared->built = true;
	}
	return &ctx->shared->model;
}

void post_scan_shared_release(post_scan_shared *shared)
{
	if (shared->built)
		project_model_release(&shared->model);
	memset(shared, 0, sizeof(*shared));
}

const char *post_scan_path(const post_scan_ctx *ctx, const char *uri)
{
	const walk_file *wf = post_scan__file(ctx, uri);
	return wf ? wf->path : uri;
}

finding *post_scan_emit(const post_scan_ctx *ctx, const fact *at, const message_args *args)
{
	const walk_file *wf = post_scan__file(ctx, at->uri);
	if (!wf)
		return NULL;
	source_file src;
	char why[256];
	/* From where the scan read it: the file, or its blob for `scan --staged`. */
	if (walk_file_load(&src, wf, ctx->max_file_size, why, sizeof(why)) != SOURCE_OK)
		return NULL;
	file_ctx fctx = { .src = &src, .uri = wf->uri, .display_path = wf->path,
			  .lang = wf->lang, .out = ctx->out };
	finding *f = NULL;
	if (at->end <= src.len)
		f = emit_finding(&fctx, ctx->rule, at->start, at->end, args);
	source_release(&src);
	return f;
}
