/* project_model.c: projects, their directories and their target frameworks. */
#include "project_model.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rules/finding.h"
#include "util/alloc.h"

static bool pm__has_ext(const char *uri, const char *ext)
{
	size_t n = strlen(uri), e = strlen(ext);
	return n > e && strcasecmp(uri + n - e, ext) == 0;
}

static bool pm__is_project_file(const char *uri)
{
	return pm__has_ext(uri, ".csproj") || pm__has_ext(uri, ".vbproj") ||
	       pm__has_ext(uri, ".fsproj");
}

static const char *pm__base(const char *uri)
{
	const char *slash = strrchr(uri, '/');
	return slash ? slash + 1 : uri;
}

static char *pm__dir(const char *uri)
{
	return xstrndup(uri, (size_t)(pm__base(uri) - uri));
}

static void pm__add(project_model *m, const char *uri)
{
	GROW(m->items, m->cap, m->len + 1);
	project *p = &m->items[m->len++];
	memset(p, 0, sizeof(*p));
	p->uri = uri;
	p->dir = pm__dir(uri);
}

const project *project_model_owner(const project_model *m, const char *uri)
{
	const project *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < m->len; i++) {
		const project *p = &m->items[i];
		size_t n = strlen(p->dir);
		if (strncmp(uri, p->dir, n) == 0 && (!best || n > best_len)) {
			best = p;
			best_len = n;
		}
	}
	return best;
}

/* Takes the MSBuild targets set in `origin_uri`, or when NULL those of configuration files
 * owned by `p` of origin `origin`. */
static size_t pm__targets(const project **owners, project *p, const fact_list *facts,
			  const char *origin_uri, target_origin origin)
{
	size_t n = 0;
	bool modern = true;
	for (size_t i = 0; i < facts->len; i++) {
		const fact *f = &facts->items[i];
		if (f->kind != FACT_TARGET)
			continue;
		if (origin_uri ? (f->origin != TARGET_MSBUILD || strcmp(f->uri, origin_uri) != 0)
			       : (f->origin != origin || owners[i] != p))
			continue;
		n++;
		if (f->target.family == DOTNET_FRAMEWORK &&
		    (!p->lowest || f->target.version < p->lowest->target.version))
			p->lowest = f;
		if (!(f->target.family == DOTNET_CORE ||
		      (f->target.family == DOTNET_FRAMEWORK &&
		       f->target.version >= DOTNET_SYSTEM_DEFAULT_FROM)))
			modern = false;
	}
	p->all_modern = n > 0 && modern;
	return n;
}

/* The Directory.Build.props MSBuild imports for a project in `dir`: the nearest one at or
 * above it, among the `n` of the scan. */
static const char *pm__build_props(const char *const *props, size_t n, const char *dir)
{
	const char *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = (size_t)(pm__base(props[i]) - props[i]);
		if (strncmp(dir, props[i], len) == 0 && (!best || len > best_len)) {
			best = props[i];
			best_len = len;
		}
	}
	return best;
}

/* Does directory `path` ("" for the current one) hold a solution or a .git? */
static bool pm__is_repository(const char *path)
{
	DIR *d = opendir(*path ? path : ".");
	if (!d)
		return false;
	bool found = false;
	struct dirent *e;
	while (!found && (e = readdir(d)) != NULL)
		found = strcmp(e->d_name, ".git") == 0 || pm__has_ext(e->d_name, ".sln");
	closedir(d);
	return found;
}

/* What pm__is_repository() said of each directory already asked about: the projects of one
 * repository share their parent directories, and each answer costs a read of a directory. */
typedef struct pm_dirs {
	char **dirs; /* open addressing, NULL when free */
	bool *repo;
	size_t nslots, len;
} pm_dirs;

static size_t pm__dir_hash(const char *s)
{
	return (size_t)finding_text_hash(s, strlen(s));
}

static bool pm__is_repository_cached(pm_dirs *c, const char *dir)
{
	if (!c)
		return pm__is_repository(dir);
	if ((c->len + 1) * 2 > c->nslots) {
		size_t n = c->nslots ? c->nslots * 2 : 256;
		char **dirs = xcalloc(n, sizeof(*dirs));
		bool *repo = xcalloc(n, sizeof(*repo));
		for (size_t i = 0; i < c->nslots; i++) {
			if (!c->dirs[i])
				continue;
			size_t h = pm__dir_hash(c->dirs[i]) & (n - 1);
			while (dirs[h])
				h = (h + 1) & (n - 1);
			dirs[h] = c->dirs[i];
			repo[h] = c->repo[i];
		}
		free(c->dirs);
		free(c->repo);
		c->dirs = dirs;
		c->repo = repo;
		c->nslots = n;
	}
	size_t h = pm__dir_hash(dir) & (c->nslots - 1);
	for (; c->dirs[h]; h = (h + 1) & (c->nslots - 1))
		if (strcmp(c->dirs[h], dir) == 0)
			return c->repo[h];
	c->dirs[h] = xstrdup(dir);
	c->repo[h] = pm__is_repository(dir);
	c->len++;
	return c->repo[h];
}

static void pm__dirs_release(pm_dirs *c)
{
	for (size_t i = 0; i < c->nslots; i++)
		free(c->dirs[i]);
	free(c->dirs);
	free(c->repo);
}

static char *pm__repository(pm_dirs *cache, const walk_list *files, const char *uri)
{
	const walk_file *wf = walk_list_find(files, uri);
	/* A blob of a git tree (`audit` of a bare repository) has no directory on disk to look
	 * at: the scan is that one repository's tree. */
	if (!wf || wf->odb)
		return xstrdup("");
	const char *path = wf->path;
	/* The path and the uri end alike: walk both up, one directory at a time. */
	size_t plen = (size_t)(pm__base(path) - path), ulen = (size_t)(pm__base(uri) - uri);
	for (;;) {
		char *dir = xstrndup(path, plen);
		bool found = pm__is_repository_cached(cache, dir);
		free(dir);
		if (found)
			return xstrndup(uri, ulen);
		if (plen == 0 || ulen == 0)
			return xstrdup("");
		plen--, ulen--; /* the trailing '/' */
		while (plen > 0 && path[plen - 1] != '/')
			plen--;
		while (ulen > 0 && uri[ulen - 1] != '/')
			ulen--;
		if (plen == 0 && path[0] == '/')
			return xstrdup(""); /* never above the file system's root */
	}
}

char *project_model_repository(const walk_list *files, const char *uri)
{
	return pm__repository(NULL, files, uri);
}

bool project_model_in_repository(const char *repository, const char *uri)
{
	return strncmp(uri, repository, strlen(repository)) == 0;
}

static int pm__cmp(const void *a, const void *b)
{
	return strcmp(((const project *)a)->uri, ((const project *)b)->uri);
}

void project_model_build(project_model *m, const walk_list *files, const fact_list *facts)
{
	memset(m, 0, sizeof(*m));
	for (size_t i = 0; i < files->len; i++)
		if (pm__is_project_file(files->files[i].uri))
			pm__add(m, files->files[i].uri);
	size_t nfiles = m->len;
	/* Web sites: a web.config with a target framework that no project file owns. */
	for (size_t i = 0; i < facts->len; i++) {
		const fact *f = &facts->items[i];
		if (f->kind != FACT_TARGET || f->origin != TARGET_HTTP_RUNTIME)
			continue;
		const project *owner = project_model_owner(m, f->uri);
		if (owner && (size_t)(owner - m->items) < nfiles)
			continue;
		char *dir = pm__dir(f->uri);
		bool known = owner && strcmp(owner->dir, dir) == 0;
		free(dir);
		if (!known)
			pm__add(m, f->uri);
	}
	if (m->len)
		qsort(m->items, m->len, sizeof(*m->items), pm__cmp);
	/* Once per file and fact, not per project: who owns it, and which props files exist. */
	const project **owners = xcalloc(facts->len + 1, sizeof(*owners));
	for (size_t i = 0; i < facts->len; i++)
		if (facts->items[i].kind == FACT_TARGET && facts->items[i].origin != TARGET_MSBUILD)
			owners[i] = project_model_owner(m, facts->items[i].uri);
	const char **props = xcalloc(files->len + 1, sizeof(*props));
	size_t nprops = 0;
	for (size_t i = 0; i < files->len; i++)
		if (strcasecmp(pm__base(files->files[i].uri), "Directory.Build.props") == 0)
			props[nprops++] = files->files[i].uri;
	/* Configuration files, most telling first: httpRuntime decides an ASP.NET application's
	 * defaults; packages.config only says what packages were installed for. */
	static const target_origin config_origins[] = { TARGET_HTTP_RUNTIME,
							TARGET_SUPPORTED_RUNTIME, TARGET_PACKAGES };
	pm_dirs dirs = { 0 };
	for (size_t i = 0; i < m->len; i++) {
		project *p = &m->items[i];
		p->repository = pm__repository(&dirs, files, p->uri);
		if (pm__is_project_file(p->uri)) {
			if (pm__targets(owners, p, facts, p->uri, TARGET_MSBUILD))
				continue;
			const char *from = pm__build_props(props, nprops, p->dir);
			if (from && pm__targets(owners, p, facts, from, TARGET_MSBUILD)) {
				p->inherited = true;
				continue;
			}
		}
		for (size_t k = 0; k < sizeof(config_origins) / sizeof(config_origins[0]); k++)
			if (pm__targets(owners, p, facts, NULL, config_origins[k]))
				break;
	}
	pm__dirs_release(&dirs);
	free(owners);
	free(props);
}

void project_model_release(project_model *m)
{
	for (size_t i = 0; i < m->len; i++) {
		free(m->items[i].dir);
		free(m->items[i].repository);
	}
	free(m->items);
	memset(m, 0, sizeof(*m));
}
