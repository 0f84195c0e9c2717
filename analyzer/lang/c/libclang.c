/* libclang.c: finding and loading libclang once, and resolving its functions by name. */
#include "libclang.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Tried in order; TLSLINT_LIBCLANG names a library to use instead. */
static const char *const candidates[] = {
	"libclang.so.1",
	"libclang-14.so.1",
	"/usr/lib/llvm-14/lib/libclang.so.1",
	"libclang-15.so.1",
	"libclang-16.so.1",
	"libclang.so",
};

static libclang_api api;
static const libclang_api *loaded;
static char load_error[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Each row: the name libclang exports and where its address goes. */
#define LC_FN(name) { "clang_" #name, (void **)&api.name }

static void libclang__load(void)
{
	void *h = NULL;
	const char *env = getenv("TLSLINT_LIBCLANG");
	if (env && *env) {
		h = dlopen(env, RTLD_NOW | RTLD_LOCAL);
	} else {
		for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]) && !h; i++)
			h = dlopen(candidates[i], RTLD_NOW | RTLD_LOCAL);
	}
	if (!h) {
		const char *why = dlerror();
		snprintf(load_error, sizeof(load_error),
			 "libclang could not be loaded (%s); install libclang (Debian: libclang1-14) "
			 "or set TLSLINT_LIBCLANG to its path", why ? why : "not found");
		return;
	}
	const struct {
		const char *name;
		void **slot;
	} fns[] = {
		LC_FN(createIndex), LC_FN(disposeIndex), LC_FN(parseTranslationUnit2),
		LC_FN(disposeTranslationUnit), LC_FN(getTranslationUnitCursor),
		LC_FN(visitChildren), LC_FN(getCursorSpelling), LC_FN(getCString),
		LC_FN(disposeString), LC_FN(getCursorLocation), LC_FN(getCursorExtent),
		LC_FN(getRangeStart), LC_FN(getRangeEnd), LC_FN(getFileLocation),
		LC_FN(Location_isFromMainFile), LC_FN(Cursor_getNumArguments),
		LC_FN(Cursor_getArgument), LC_FN(Cursor_Evaluate), LC_FN(EvalResult_getKind),
		LC_FN(EvalResult_getAsLongLong), LC_FN(EvalResult_isUnsignedInt),
		LC_FN(EvalResult_getAsUnsigned), LC_FN(EvalResult_getAsStr),
		LC_FN(EvalResult_dispose), LC_FN(getCursorReferenced),
		LC_FN(getCursorSemanticParent), LC_FN(getNullCursor), LC_FN(equalCursors),
		LC_FN(Cursor_isNull), LC_FN(getNumDiagnostics), LC_FN(getDiagnostic),
		LC_FN(getDiagnosticSpelling), LC_FN(getDiagnosticSeverity),
		LC_FN(disposeDiagnostic), LC_FN(tokenize), LC_FN(getTokenSpelling),
		LC_FN(getTokenKind), LC_FN(disposeTokens), LC_FN(getFile), LC_FN(File_isEqual),
		LC_FN(getLocationForOffset), LC_FN(getRange), LC_FN(getTokenExtent),
	};
	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
		void *p = dlsym(h, fns[i].name);
		if (!p) {
			snprintf(load_error, sizeof(load_error),
				 "the libclang that was loaded has no '%s'; it is too old", fns[i].name);
			dlclose(h);
			return;
		}
		memcpy(fns[i].slot, &p, sizeof(p)); /* object to function pointer, as POSIX allows */
	}
	/* The library stays loaded until the process exits. */
	loaded = &api;
}

const libclang_api *libclang_get(void)
{
	pthread_once(&once, libclang__load);
	return loaded;
}

const char *libclang_error(void)
{
	return load_error;
}
