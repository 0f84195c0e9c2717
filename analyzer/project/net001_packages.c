/* net001_packages.c: LT-NET-001, one finding per decision.
 *
 * packages.config repeats the project's target on every package line
 * (`targetFramework="net45"`); next to a project file that LT-NET-001 already reports, those
 * lines are evidence of the same decision, not decisions of their own. They become related
 * locations of the project's finding and are dropped. A packages.config with no reported
 * project file beside it keeps its findings (it is all the scan knows of that project). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "project/post_scan.h"
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

struct net001 {
	const rule *rule;
	const bool *merged; /* by index in the list */
	const finding *base;
};

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
	for (size_t i = 0; i < fl->len; i++) {
		finding *f = &fl->items[i];
		if (f->rule != ctx->rule || !net001__is(f->uri, "packages.config"))
			continue;
		finding *project = NULL;
		for (size_t j = 0; j < fl->len && !project; j++) {
			finding *g = &fl->items[j];
			if (g->rule == ctx->rule && net001__is_project(g->uri) &&
			    net001__same_dir(g->uri, f->uri))
				project = g;
		}
		if (!project)
			continue;
		finding_add_related(project, f->uri, f->where,
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
