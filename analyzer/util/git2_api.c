/* git2_api.c: loading libgit2 at its first use (util/git2_api.h). */
#include "util/git2_api.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef TLSLINT_GIT2_SONAME
#error "TLSLINT_GIT2_SONAME (libgit2's soname, from the build) is not defined"
#endif

static git2_api api;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void git2__fail(const char *what, const char *why)
{
	fprintf(stderr, "tlslint: %s: %s; install libgit2 %s (Debian: libgit2-%s)\n", what,
		why ? why : "not found", TLSLINT_GIT2_VERSION, TLSLINT_GIT2_VERSION);
	exit(2);
}

static void git2__load(void)
{
	/* TLSLINT_LIBGIT2 names another copy (tests/cli/staged-diff.sh names a missing one). */
	const char *env = getenv("TLSLINT_LIBGIT2");
	void *h = dlopen(env && *env ? env : TLSLINT_GIT2_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		git2__fail("libgit2 could not be loaded", dlerror());
	const struct {
		const char *name;
		void **slot;
	} fns[] = {
#define GIT2_ROW(f) { #f, (void **)&api.p_##f },
		GIT2_FUNCTIONS(GIT2_ROW)
#undef GIT2_ROW
	};
	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
		*fns[i].slot = dlsym(h, fns[i].name);
		if (!*fns[i].slot)
			git2__fail(fns[i].name, "not in the loaded libgit2");
	}
}

const git2_api *git2_api_get(void)
{
	pthread_once(&once, git2__load);
	return &api;
}
