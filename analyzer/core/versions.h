/* versions.h: sets of SSL/TLS protocol versions, the unit every rule reasons in. */
#ifndef TLSLINT_VERSIONS_H
#define TLSLINT_VERSIONS_H

#include <stdbool.h>
#include <stddef.h>

typedef unsigned version_set;

enum {
	VERSION_SSL2 = 1u << 0,
	VERSION_SSL3 = 1u << 1,
	VERSION_TLS10 = 1u << 2,
	VERSION_TLS11 = 1u << 3,
	VERSION_TLS12 = 1u << 4,
	VERSION_TLS13 = 1u << 5,
	VERSION_DTLS10 = 1u << 6,
	VERSION_DTLS12 = 1u << 7,

	VERSIONS_LEGACY = VERSION_SSL2 | VERSION_SSL3 | VERSION_TLS10 | VERSION_TLS11 | VERSION_DTLS10,
	VERSIONS_LEGACY_TLS = VERSION_SSL2 | VERSION_SSL3 | VERSION_TLS10 | VERSION_TLS11,
	VERSIONS_MODERN = VERSION_TLS12 | VERSION_TLS13 | VERSION_DTLS12,
};

/* Writes "TLS 1.0 and TLS 1.1" (or "SSL 3.0, TLS 1.0 and TLS 1.1") for `set` into `out`. */
void versions_describe(version_set set, char *out, size_t outlen);

/* Parses a version name as rule files spell it ("ssl3", "tls1.0", "tls1.1", ...). */
bool versions_parse_one(const char *name, size_t len, version_set *out);

/* All versions from the lowest up to and including `v` (for floors and caps). */
version_set versions_at_most(version_set v);

#endif
