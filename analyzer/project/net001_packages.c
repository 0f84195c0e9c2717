/* net001_packages.c: LT-NET-001, one finding per decision.
 *
 * packages.config repeats the project's target on every package line
 * (`targetFramework="net45"`); next to a project file that LT-NET-001 already reports, those
 * lines are evidence of the same decision, not decisions of their own. They become related
 * locations of the finding that made the decision, and are dropped: the project file's own
 * finding, or, when the project inherits its target, the finding in the Directory.Build.props
 * that MSBuild imports for it (the nearest one above the project). A packages.config with no
 * project file beside it keeps its findings (it is all the scan knows of that project).
 * A configuration file (app.config's supportedRuntime) of a project whose every target is
 * .NET (Core) or .NET Framework 4.7 and later is a leftover the runtime ignores: dropped. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "project/post_scan.h"
#include "project/project_model.h"
#include "util/alloc.h"

/* The length of the directory part of `uri` ("a/b/packages.config": 3). */
static size_t net001__dir_len(const char *uri)
{
	const char *slash = strrchr(uri, '/');
	return slash ? (size_t)(slash - uri) : 0;
}

static bool net001__is(const char *uri, const char *base)
{
	const char *slash = strrchr(uri, '/');
	return strcasecmp(slash ? slash + 1 : uri, base) == 0;
}

static bool net001__is_project(const char *uri)
{
	const char *dot = strrchr(uri, '.');
	return dot && (strcasecmp(dot, ".csproj") == 0 || strcasecmp(dot, ".vbproj") == 0 ||
		       strcasecmp(dot, ".fsproj") == 0);
}

static bool net001__same_dir(const char *a, const char *b)
{
	size_t n = net001__dir_len(a);
	return n == net001__dir_len(b) && strncmp(a, b, n) == 0;
}

/* Is there a project file in the directory of `uri` among the scanned files? */
static bool net001__has_project(const post_scan_ctx *ctx, const char *uri)
{
	size_t n = net001__dir_len(uri), first, end;
	char *prefix = n ? xasprintf("%.*s/", (int)n, uri) : xstrdup("");
	walk_list_prefix_range(ctx->files, prefix, &first, &end);
	free(prefix);
	for (size_t i = first; i < end; i++)
		if (net001__is_project(ctx->files->files[i].uri) &&
		    net001__same_dir(ctx->files->files[i].uri, uri))
			return true;
	return false;
}

/* Is `props` a Directory.Build.props in the directory of `uri` or above it? The length of
 * its directory (longer: nearer), or -1. */
static long net001__props_above(const char *props, const char *uri)
{
	if (!net001__is(props, "Directory.Build.props"))
		return -1;
	size_t n = net001__dir_len(props);
	if (n == 0)
		return 0; /* at the top: above everything */
	return strncmp(props, uri, n) == 0 && uri[n] == '/' ? (long)n : -1;
}

struct net001 {
	const rule *rule;
	const bool *merged; /* by index in the list */
	const finding *base;
};

static bool net001__is_config(const char *uri)
{
	const char *dot = strrchr(uri, '.');
	return dot && strcasecmp(dot, ".config") == 0 && !net001__is(uri, "packages.config");
}

static bool net001__drop(const finding *f, const void *arg)
{
	const struct net001 *c = arg;
	return c->merged[f - c->base];
}

void net001_run(const post_scan_ctx *ctx);
void net001_run(const post_scan_ctx *ctx)
{
	finding_list *fl = ctx->out;
	bool *merged = NULL;
	const project_model *m = post_scan_model(ctx);
	for (size_t i = 0; i < fl->len; i++) {
		finding *f = &fl->items[i];
		/* Only <supportedRuntime>: an ASP.NET site's <httpRuntime targetFramework> does
		 * set the runtime's compatibility behaviour, whatever the project targets. */
		if (f->rule == ctx->rule && net001__is_config(f->uri) && f->snippet &&
		    strstr(f->snippet, "supportedRuntime")) {
			const project *p = project_model_owner(m, f->uri);
			if (p && p->all_modern && p->uri && !net001__is_config(p->uri)) {
				if (!merged)
					merged = xcalloc(fl->len, sizeof(*merged));
				merged[i] = true;
			}
			continue;
		}
		if (f->rule != ctx->rule || !net001__is(f->uri, "packages.config"))
			continue;
		finding *owner = NULL, *props = NULL;
		long nearest = -1;
		for (size_t j = 0; j < fl->len && !owner; j++) {
			finding *g = &fl->items[j];
			if (g->rule != ctx->rule)
				continue;
			long above = net001__props_above(g->uri, f->uri);
			if (net001__is_project(g->uri) && net001__same_dir(g->uri, f->uri))
				owner = g;
			else if (above > nearest)
				props = g, nearest = above;
		}
		if (!owner && props && net001__has_project(ctx, f->uri))
			owner = props;
		if (!owner)
			continue;
		finding_add_related(owner, f->uri, f->where,
				    "packages.config restores this package for the same target.");
		if (!merged)
			merged = xcalloc(fl->len, sizeof(*merged));
		merged[i] = true;
	}
	if (merged) {
		struct net001 c = { ctx->rule, merged, fl->items };
		finding_list_drop_if(fl, net001__drop, &c);
		free(merged);
	}
}
