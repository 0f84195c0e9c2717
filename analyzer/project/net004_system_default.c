/* net004_system_default.c: LT-NET-004, a legacy .NET Framework project nothing opts into the
 * operating system's default protocol versions.
 *
 * For each project whose lowest target is .NET Framework below 4.7, the opt-ins are: the
 * AppContext switch `Switch.System.Net.DontEnableSystemDefaultTlsVersions=false` in a config
 * file the project owns (and, below 4.6, `DontEnableSchUseStrongCrypto=false`), the registry
 * values `SystemDefaultTlsVersions`=1 (and `SchUseStrongCrypto`=1) for the project's runtime
 * in a .reg file or PowerShell script of the repository, or C# code of the project that sets
 * TLS 1.2 explicitly. Without them the finding goes on the element that sets the target
 * framework, with the evidence looked at as related locations. Projects sharing that element
 * (a Directory.Build.props) share one finding. Machine-wide evidence counts for the projects
 * of its repository (project_model.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "project/post_scan.h"
#include "project/project_model.h"
#include "util/alloc.h"

#define MAX_RELATED 20

static const region file_start = { 1, 1, 1, 1 };

static bool net004__has_ext(const char *uri, const char *ext)
{
	size_t n = strlen(uri), e = strlen(ext);
	return n > e && strcasecmp(uri + n - e, ext) == 0;
}

static const char *net004__opt_names(unsigned bits)
{
	switch (bits) {
	case OPT_SYSTEM_DEFAULT:
		return "SystemDefaultTlsVersions";
	case OPT_STRONG_CRYPTO:
		return "SchUseStrongCrypto";
	case OPT_SYSTEM_DEFAULT | OPT_STRONG_CRYPTO:
		return "SystemDefaultTlsVersions and SchUseStrongCrypto";
	}
	return "nothing";
}

struct net004 {
	const post_scan_ctx *ctx;
	const project_model *model;
	char **fact_repo; /* per fact: its repository, for machine-wide opt-ins; else NULL */
	char **file_repo; /* per file: its repository, for .reg files; else NULL */
	const project **fact_owner; /* per fact: the project owning its file, or NULL */
	const project **file_owner; /* per file: the same, for configuration files */
};

/* Does the machine-wide evidence in repository `repo` count for project `p`? */
static bool net004__machine_applies(const char *repo, const project *p)
{
	return repo && project_model_in_repository(repo, p->uri);
}

/* Does opt-in fact `i` count for project `p` (whose runtime's registry key is `machine`)? */
static bool net004__opt_applies(const struct net004 *n, size_t i, const project *p,
				opt_scope machine)
{
	const fact *o = &n->ctx->facts->items[i];
	if (o->scope == OPT_SCOPE_PROJECT)
		return n->fact_owner[i] == p;
	return o->scope == machine && net004__machine_applies(n->fact_repo[i], p);
}

static void net004__related(finding *f, const char *uri, region where, const char *msg)
{
	if (f->nrelated < MAX_RELATED)
		finding_add_related(f, uri, where, msg);
}

static bool net004__listed(const finding *f, const char *uri)
{
	for (size_t i = 0; i < f->nrelated; i++)
		if (strcmp(f->related[i].uri, uri) == 0)
			return true;
	return false;
}

/* Adds what was looked at for project `p` to finding `f`. */
static void net004__evidence(const struct net004 *n, const project *p, finding *f, unsigned need,
			     opt_scope machine)
{
	const post_scan_ctx *ctx = n->ctx;
	char msg[512];
	if (strcmp(p->uri, f->uri) != 0) {
		snprintf(msg, sizeof(msg), "The project '%s' has no target framework of its own "
					   "and takes this one.", p->uri);
		net004__related(f, p->uri, file_start, msg);
	}
	for (size_t i = 0; i < ctx->facts->len; i++) {
		const fact *o = &ctx->facts->items[i];
		if (o->kind != FACT_OPT_IN || !net004__opt_applies(n, i, p, machine))
			continue;
		snprintf(msg, sizeof(msg), "Opts into %s only; %s is still missing.",
			 net004__opt_names(o->opt_in), net004__opt_names(need & ~o->opt_in));
		net004__related(f, o->uri, o->where, msg);
	}
	for (size_t i = 0; i < ctx->files->len; i++) {
		const walk_file *wf = &ctx->files->files[i];
		if (wf->lang != LANG_REG && wf->lang != LANG_DOTNET_CONFIG)
			continue; /* (tested first: the scan may hold many thousands of files) */
		if (net004__listed(f, wf->uri))
			continue; /* already there with its partial opt-in */
		if (wf->lang == LANG_REG && net004__machine_applies(n->file_repo[i], p)) {
			snprintf(msg, sizeof(msg), "Looked at: this registry file does not set %s=1 "
						   "for the project's runtime.",
				 net004__opt_names(need));
			net004__related(f, wf->uri, file_start, msg);
		} else if (wf->lang == LANG_DOTNET_CONFIG && !net004__has_ext(wf->uri, "packages.config") &&
			   n->file_owner[i] == p) {
			snprintf(msg, sizeof(msg), "Looked at: this configuration file does not set "
						   "'Switch.System.Net.DontEnableSystemDefaultTlsVersions=false'%s.",
				 need & OPT_STRONG_CRYPTO
					 ? " and 'Switch.System.Net.DontEnableSchUseStrongCrypto=false'"
					 : "");
			net004__related(f, wf->uri, file_start, msg);
		}
	}
}

/* Does anything opt project `p` in? */
static bool net004__opted_in(const struct net004 *n, const project *p, unsigned need,
			     opt_scope machine)
{
	unsigned have = 0;
	for (size_t i = 0; i < n->ctx->facts->len; i++) {
		const fact *o = &n->ctx->facts->items[i];
		if (o->kind == FACT_OPT_IN && net004__opt_applies(n, i, p, machine))
			have |= o->opt_in;
		else if (o->kind == FACT_TLS12_CODE && o->lang == LANG_CSHARP &&
			 n->fact_owner[i] == p)
			return true;
	}
	return (have & need) == need;
}

void net004_run(const post_scan_ctx *ctx);
void net004_run(const post_scan_ctx *ctx)
{
	struct net004 n = { .ctx = ctx };
	n.model = post_scan_model(ctx);
	const project_model *m = n.model;
	/* Owners and repositories once, not per project. */
	n.fact_repo = xcalloc(ctx->facts->len + 1, sizeof(char *));
	n.fact_owner = xcalloc(ctx->facts->len + 1, sizeof(*n.fact_owner));
	for (size_t i = 0; i < ctx->facts->len; i++) {
		const fact *o = &ctx->facts->items[i];
		if (o->kind == FACT_OPT_IN && o->scope != OPT_SCOPE_PROJECT)
			n.fact_repo[i] = project_model_repository(ctx->files, o->uri);
		else if (o->kind != FACT_TARGET)
			n.fact_owner[i] = project_model_owner(m, o->uri);
	}
	n.file_repo = xcalloc(ctx->files->len + 1, sizeof(char *));
	n.file_owner = xcalloc(ctx->files->len + 1, sizeof(*n.file_owner));
	for (size_t i = 0; i < ctx->files->len; i++) {
		const walk_file *wf = &ctx->files->files[i];
		if (wf->lang == LANG_REG)
			n.file_repo[i] = project_model_repository(ctx->files, wf->uri);
		else if (wf->lang == LANG_DOTNET_CONFIG)
			n.file_owner[i] = project_model_owner(m, wf->uri);
	}
	/* The finding made for each target element, by index into ctx->out. */
	const fact **at = xcalloc(m->len ? m->len : 1, sizeof(*at));
	size_t *index = xcalloc(m->len ? m->len : 1, sizeof(*index));
	size_t nat = 0;
	for (size_t i = 0; i < m->len; i++) {
		const project *p = &m->items[i];
		if (!p->lowest || !dotnet_target_is_legacy(&p->lowest->target))
			continue;
		unsigned v = p->lowest->target.version;
		unsigned need = OPT_SYSTEM_DEFAULT | (v < DOTNET_STRONG_CRYPTO_FROM ? OPT_STRONG_CRYPTO : 0);
		opt_scope machine = v < 400 ? OPT_SCOPE_MACHINE_V2 : OPT_SCOPE_MACHINE_V4;
		if (net004__opted_in(&n, p, need, machine))
			continue;
		finding *f = NULL;
		for (size_t k = 0; k < nat && !f; k++)
			if (at[k] == p->lowest)
				f = &ctx->out->items[index[k]];
		if (!f) {
			message_args args = { .versions = dotnet_target_default_legacy(&p->lowest->target),
					      .value_text = p->lowest->text,
					      .value_len = strlen(p->lowest->text) };
			f = post_scan_emit(ctx, p->lowest, &args);
			if (!f)
				continue;
			at[nat] = p->lowest;
			index[nat++] = (size_t)(f - ctx->out->items);
		}
		net004__evidence(&n, p, f, need, machine);
	}
	free(at);
	free(index);
	for (size_t i = 0; i < ctx->facts->len; i++)
		free(n.fact_repo[i]);
	free(n.fact_repo);
	for (size_t i = 0; i < ctx->files->len; i++)
		free(n.file_repo[i]);
	free(n.file_repo);
	free(n.fact_owner);
	free(n.file_owner);
}
