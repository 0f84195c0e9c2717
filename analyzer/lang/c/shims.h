/* shims.h: declaration shims for the TLS APIs, compiled into the binary.
 *
 * When a C or C++ file's headers are not found (no Windows SDK on a Linux runner, no OpenSSL
 * headers, no compilation database), clang drops every function body that uses an unknown
 * type. The shims (analyzer/lang/c/shims/, one header per API, named as the real one) declare
 * the public names and values the C rules look at. They are handed to libclang as unsaved
 * files under a virtual directory that is searched last (-idirafter), so real headers always
 * win when they are found. */
#ifndef TLSLINT_SHIMS_H
#define TLSLINT_SHIMS_H

#include <stddef.h>

struct clang_shim {
	const char *path;  /* relative to the shim directory: "openssl/ssl.h" */
	const char *text;
	size_t size;
};

/* The virtual directory the shims live in. */
#define CLANG_SHIM_DIR "/tlslint-shims"

extern const struct clang_shim clang_shims[];
extern const size_t clang_shims_count;

#endif
