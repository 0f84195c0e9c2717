/* frontend.h: the interface every language front end implements.
 *
 * A front end turns the files of some languages into findings. It is prepared once per
 * language from that language's enabled rules (single-threaded, at start-up), gets one worker
 * state per scanning thread, and analyses one decoded file at a time. Adding a front end is one
 * new file plus its name in the `frontend` of its languages' rows (lang/languages.c). */
#ifndef TLSLINT_FRONTEND_H
#define TLSLINT_FRONTEND_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/emit.h"
#include "rules/rule.h"
#include "core/language.h"

/* Whether C/C++ parsing reads the installed system headers. */
typedef enum system_headers_mode {
	SYSTEM_HEADERS_AUTO = 0, /* only for files whose flags come from a compilation database */
	SYSTEM_HEADERS_ALWAYS,   /* --system-headers */
	SYSTEM_HEADERS_NEVER,    /* --no-system-headers: as if no header were installed */
} system_headers_mode;

/* Scan-wide settings a front end may take (only the C/C++ front end does so far). */
typedef struct frontend_config {
	const char *compile_commands; /* --compile-commands; NULL: look in the root and build/ */
	const char *root;             /* the scan base directory */
	system_headers_mode system_headers;
	bool no_shims;                /* no declaration shims (to measure what they add) */
	bool no_fallback;             /* no token fallback (to measure what it adds) */
	bool compile_all;             /* compile every rule now, not at a file's first need */
} frontend_config;

typedef struct frontend {
	const char *name;
	/* Builds the shared, read-only state for `lang` from its rules. */
	int (*prepare)(void **state, language lang, const rule *const *rules, size_t nrules,
		       char *err, size_t errlen);
	void (*release)(void *state);
	/* Per-thread scratch state (parsers, cursors); may be NULL. */
	void *(*worker_new)(unsigned timeout_ms);
	void (*worker_free)(void *worker);
	/* Analyses one file. Returns 0, or -1 with a sentence in `why`: the file then becomes a
	 * notification, and the findings already added are kept. */
	int (*analyze)(const void *state, void *worker, const file_ctx *ctx, char *why,
		       size_t whylen);
	/* Optional: takes the scan's settings after prepare(). Returns 0, or -1 with `err`. */
	int (*configure)(void *state, const frontend_config *cfg, char *err, size_t errlen);
} frontend;

/* Front ends whose one check is a single built-in rule (nginx, Apache, HAProxy, OpenSSL, Java
 * properties) keep that rule as their state: prepare() finds rule `id` among `rules` (any
 * other is a load error saying it is not a built-in check of `what`); the rule is NULL when it
 * is disabled. */
int frontend_one_rule_prepare(void **state, const rule *const *rules, size_t nrules,
			      const char *id, const char *what, char *err, size_t errlen);
void frontend_one_rule_release(void *state);
const rule *frontend_one_rule(const void *state);

/* The front end that analyses `lang`, or NULL. */
static inline const frontend *frontend_for(language lang)
{
	return language_get(lang)->frontend;
}

#endif
