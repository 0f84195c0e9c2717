/* versions.c: naming and parsing protocol version sets. */
#include "versions.h"

#include <stdio.h>
#include <string.h>

static const struct {
	version_set bit;
	const char *rule_name;
	const char *display;
} version_names[] = {
	{ VERSION_SSL2, "ssl2", "SSL 2.0" },   { VERSION_SSL3, "ssl3", "SSL 3.0" },
	{ VERSION_TLS10, "tls1.0", "TLS 1.0" }, { VERSION_TLS11, "tls1.1", "TLS 1.1" },
	{ VERSION_TLS12, "tls1.2", "TLS 1.2" }, { VERSION_TLS13, "tls1.3", "TLS 1.3" },
	{ VERSION_DTLS10, "dtls1.0", "DTLS 1.0" }, { VERSION_DTLS12, "dtls1.2", "DTLS 1.2" },
};
#define N_VERSIONS (sizeof(version_names) / sizeof(version_names[0]))

void versions_describe(version_set set, char *out, size_t outlen)
{
	size_t count = 0, seen = 0, used = 0;
	for (size_t i = 0; i < N_VERSIONS; i++)
		if (set & version_names[i].bit)
			count++;
	if (outlen)
		out[0] = '\0';
	if (count == 0) {
		snprintf(out, outlen, "no protocol version");
		return;
	}
	for (size_t i = 0; i < N_VERSIONS && used < outlen; i++) {
		if (!(set & version_names[i].bit))
			continue;
		const char *sep = seen == 0 ? "" : (seen + 1 == count ? " and " : ", ");
		int n = snprintf(out + used, outlen - used, "%s%s", sep, version_names[i].display);
		if (n < 0)
			break;
		used += (size_t)n;
		seen++;
	}
}

bool versions_parse_one(const char *name, size_t len, version_set *out)
{
	for (size_t i = 0; i < N_VERSIONS; i++) {
		if (strlen(version_names[i].rule_name) == len &&
		    strncmp(version_names[i].rule_name, name, len) == 0) {
			*out = version_names[i].bit;
			return true;
		}
	}
	return false;
}

version_set versions_at_most(version_set v)
{
	version_set all = 0;
	static const version_set order[] = { VERSION_SSL2, VERSION_SSL3, VERSION_TLS10,
					     VERSION_TLS11, VERSION_TLS12, VERSION_TLS13 };
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		all |= order[i];
		if (order[i] & v)
			return all;
	}
	return all;
}
