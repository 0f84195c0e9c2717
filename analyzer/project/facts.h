/* facts.h: what the analysis of one file tells the analyses that span files.
 *
 * While a front end analyses a file it may record facts about it: "this element sets the
 * target framework to net462", "this value opts the machine into the OS default", "this code
 * sets TLS 1.2 explicitly". Facts are plain data; after every file has been analysed the
 * post-scan analyzers (post_scan.h) read the facts of the whole scan, in file order, so their
 * results never depend on thread timing. A fact_list owns its facts and their strings. */
#ifndef TLSLINT_FACTS_H
#define TLSLINT_FACTS_H

#include <stddef.h>

#include "core/finding.h"
#include "project/dotnet_target.h"
#include "source/source_file.h"
#include "core/language.h"

typedef enum fact_kind {
	FACT_TARGET = 1, /* sets a target framework: `target`, `origin` */
	FACT_OPT_IN,     /* opts into the OS default protocol versions: `opt_in`, `scope` */
	FACT_TLS12_CODE, /* code that sets TLS 1.2 (or 1.3) explicitly */
} fact_kind;

/* Where a FACT_TARGET comes from. */
typedef enum target_origin {
	TARGET_MSBUILD = 1,     /* TargetFrameworkVersion, TargetFramework(s) */
	TARGET_PACKAGES,        /* packages.config targetFramework */
	TARGET_HTTP_RUNTIME,    /* web.config httpRuntime / compilation targetFramework */
	TARGET_SUPPORTED_RUNTIME, /* app.config supportedRuntime sku */
} target_origin;

/* FACT_OPT_IN: which defaults are opted into (bits) ... */
enum {
	OPT_SYSTEM_DEFAULT = 1u << 0, /* DontEnableSystemDefaultTlsVersions=false, SystemDefaultTlsVersions=1 */
	OPT_STRONG_CRYPTO = 1u << 1,  /* DontEnableSchUseStrongCrypto=false, SchUseStrongCrypto=1 */
};
/* ... and for whom: the project owning the file, or every application on the machine (for a
 * runtime: the v2.0.50727 or the v4.0.30319 registry key). */
typedef enum opt_scope {
	OPT_SCOPE_PROJECT = 1,
	OPT_SCOPE_MACHINE_V2,
	OPT_SCOPE_MACHINE_V4,
} opt_scope;

typedef struct fact {
	fact_kind kind;
	language lang;       /* of the file */
	char *uri;           /* the file's scan-relative uri */
	size_t start, end;   /* byte range in the decoded file */
	region where;
	char *text;          /* the text of the range, for messages */
	dotnet_target target;  /* FACT_TARGET */
	target_origin origin;  /* FACT_TARGET */
	unsigned opt_in;       /* FACT_OPT_IN: OPT_* bits */
	opt_scope scope;       /* FACT_OPT_IN */
} fact;

typedef struct fact_list {
	fact *items;
	size_t len, cap;
} fact_list;

/* The machine-wide scope of a registry key path (`HKLM\SOFTWARE\[Wow6432Node\]Microsoft\
 * .NETFramework\v4.0.30319`, also as `HKLM:\...` or `Registry::HKEY_LOCAL_MACHINE\...`):
 * OPT_SCOPE_MACHINE_V4 or _V2, or 0 when the key is not a runtime's. */
opt_scope facts_netfx_key_scope(const char *key, size_t len);
/* Which opt-in a value name and number make there: OPT_* bits, or 0. */
unsigned facts_netfx_opt_in(const char *name, size_t len, unsigned long long value);

/* Appends a fact of `kind` covering bytes [start, end) of `src`, and returns it for the caller
 * to fill in the kind's fields. */
fact *fact_list_add(fact_list *fl, fact_kind kind, language lang, const char *uri,
		    const source_file *src, size_t start, size_t end);
/* Moves everything from `src` to the end of `dst`, leaving `src` empty. */
void fact_list_take(fact_list *dst, fact_list *src);
void fact_list_release(fact_list *fl);

#endif
