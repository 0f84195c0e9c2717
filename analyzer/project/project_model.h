/* project_model.h: which .NET project owns which file, and what it targets.
 *
 * Every project file (.csproj, .vbproj, .fsproj) owns the files below its directory, up to
 * the next project file. Its target frameworks are the TargetFramework(s)/
 * TargetFrameworkVersion it sets; failing that, those of the nearest Directory.Build.props at
 * or above it (MSBuild imports that one); failing that, those its own configuration files say
 * (web.config httpRuntime/compilation, supportedRuntime, packages.config). A web.config that
 * sets `httpRuntime targetFramework` where no project file owns it is a web site: a project of
 * its own. The model is built from the scan's file list and facts, so it is deterministic.
 *
 * Machine-wide evidence (a .reg file, an installer script) counts for the projects of its
 * repository: the nearest directory above it that holds a solution (`*.sln`) or a `.git`,
 * else the whole scan. */
#ifndef TLSLINT_PROJECT_MODEL_H
#define TLSLINT_PROJECT_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "project/facts.h"
#include "walk/walker.h"

typedef struct project {
	const char *uri;     /* the project file, or the web.config of a web site */
	char *dir;           /* its directory with a trailing '/'; "" at the top */
	const fact *lowest;  /* the .NET Framework target with the lowest version, or NULL */
	bool all_modern;     /* known targets, each .NET Framework >= 4.7 or .NET (Core) */
	bool inherited;      /* the targets come from a Directory.Build.props */
	char *repository;    /* project_model_repository() of its file */
} project;

typedef struct project_model {
	project *items; /* sorted by uri */
	size_t len, cap;
} project_model;

void project_model_build(project_model *m, const walk_list *files, const fact_list *facts);
/* The project that owns the file `uri`, or NULL. */
const project *project_model_owner(const project_model *m, const char *uri);
void project_model_release(project_model *m);

/* The repository directory of the file `uri` of the scan (uri form, trailing '/'; "" for the
 * scan's top): the nearest directory at or above the file's that holds a `*.sln` or `.git`
 * entry on disk. Newly allocated. */
char *project_model_repository(const walk_list *files, const char *uri);
/* True when the file `uri` is inside the repository directory `repository`. */
bool project_model_in_repository(const char *repository, const char *uri);

#endif
