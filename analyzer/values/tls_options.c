/* tls_options.c: protocol lists, Java TLS properties and command-line TLS flags
 * (values/tls_options.h). */
#include "values/tls_options.h"

#include <string.h>
#include <strings.h>

#define FLOOR10 (VERSION_TLS10 | VERSION_TLS11)

static bool opt__eq(const char *s, size_t len, const char *lit)
{
	return strlen(lit) == len && strncasecmp(s, lit, len) == 0;
}

static bool opt__sep(char c)
{
	return c == ' ' || c == '\t' || c == ',' || c == ':' || c == ';' || c == '\n' ||
	       c == '\r' || c == '"' || c == '\'';
}

/* The version one token names, or 0. */
static version_set opt__token(const char *s, size_t len)
{
	if (opt__eq(s, len, "SSLv2"))
		return VERSION_SSL2;
	if (opt__eq(s, len, "SSLv3"))
		return VERSION_SSL3;
	if (opt__eq(s, len, "TLSv1") || opt__eq(s, len, "TLSv1.0"))
		return VERSION_TLS10;
	if (opt__eq(s, len, "TLSv1.1"))
		return VERSION_TLS11;
	return 0;
}

version_set tls_protocol_list_versions(const char *s, size_t len)
{
	version_set v = 0;
	size_t i = 0;
	while (i < len) {
		while (i < len && opt__sep(s[i]))
			i++;
		size_t b = i;
		while (i < len && !opt__sep(s[i]))
			i++;
		if (i > b)
			v |= opt__token(s + b, i - b);
	}
	return v;
}

/* Is `name` (`nlen` bytes) one entry of the comma-separated list `s`? An entry is compared
 * by its first word (`DH keySize < 1024` is the entry "DH"). */
static bool opt__lists(const char *s, size_t len, const char *name)
{
	size_t i = 0;
	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == ',' || s[i] == '"' ||
				   s[i] == '\n' || s[i] == '\r'))
			i++;
		size_t b = i;
		while (i < len && s[i] != ',' && s[i] != ' ' && s[i] != '\t' && s[i] != '"' &&
		       s[i] != '\n' && s[i] != '\r')
			i++;
		if (i > b && opt__eq(s + b, i - b, name))
			return true;
		while (i < len && s[i] != ',')
			i++;
	}
	return false;
}

bool jvm_property_versions(const char *key, size_t klen, const char *value, size_t vlen,
			   version_set *versions)
{
	*versions = 0;
	if (opt__eq(key, klen, "jdk.tls.client.protocols") ||
	    opt__eq(key, klen, "jdk.tls.server.protocols") || opt__eq(key, klen, "https.protocols")) {
		*versions = tls_protocol_list_versions(value, vlen);
		return true;
	}
	if (opt__eq(key, klen, "jdk.tls.disabledAlgorithms")) {
		if (!opt__lists(value, vlen, "TLSv1"))
			*versions |= VERSION_TLS10;
		if (!opt__lists(value, vlen, "TLSv1.1"))
			*versions |= VERSION_TLS11;
		return true;
	}
	return false;
}

bool jvm_mentions_property(const char *s, size_t len)
{
	static const char *const keys[] = { "jdk.tls.", "https.protocols" };
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		size_t n = strlen(keys[k]);
		for (size_t i = 0; i + n <= len; i++)
			if (memcmp(s + i, keys[k], n) == 0)
				return true;
	}
	return false;
}

/* curl's --tlsv1.x options set the lowest version (curl 7.54 and later); --tls-max caps. */
static version_set opt__curl(const char *a, size_t alen, const char *next, size_t nlen,
			     bool *used_next)
{
	if (opt__eq(a, alen, "--sslv3") || opt__eq(a, alen, "-3"))
		return VERSION_SSL3 | FLOOR10;
	if (opt__eq(a, alen, "--sslv2") || opt__eq(a, alen, "-2"))
		return VERSION_SSL2 | VERSION_SSL3 | FLOOR10;
	if (opt__eq(a, alen, "--tlsv1") || opt__eq(a, alen, "-1") || opt__eq(a, alen, "--tlsv1.0"))
		return FLOOR10;
	if (opt__eq(a, alen, "--tlsv1.1"))
		return VERSION_TLS11;
	if (opt__eq(a, alen, "--tls-max") && next) {
		*used_next = true;
		if (opt__eq(next, nlen, "1.0"))
			return VERSION_TLS10;
		if (opt__eq(next, nlen, "1.1"))
			return FLOOR10;
	}
	return 0;
}

static version_set opt__wget(const char *a, size_t alen, const char *next, size_t nlen,
			     bool *used_next)
{
	static const char opt[] = "--secure-protocol";
	size_t n = sizeof(opt) - 1;
	if (alen < n || strncasecmp(a, opt, n) != 0)
		return 0;
	const char *v;
	size_t vlen;
	if (alen > n && a[n] == '=') {
		v = a + n + 1;
		vlen = alen - n - 1;
	} else if (alen == n && next) {
		*used_next = true;
		v = next;
		vlen = nlen;
	} else {
		return 0;
	}
	if (opt__eq(v, vlen, "SSLv2"))
		return VERSION_SSL2;
	if (opt__eq(v, vlen, "SSLv3"))
		return VERSION_SSL3;
	if (opt__eq(v, vlen, "TLSv1"))
		return VERSION_TLS10;
	if (opt__eq(v, vlen, "TLSv1_1"))
		return VERSION_TLS11;
	return 0;
}

static version_set opt__node(const char *a, size_t alen)
{
	if (opt__eq(a, alen, "--tls-min-v1.0"))
		return FLOOR10;
	if (opt__eq(a, alen, "--tls-min-v1.1"))
		return VERSION_TLS11;
	if (opt__eq(a, alen, "--tls-max-v1.1"))
		return FLOOR10;
	if (opt__eq(a, alen, "--tls-max-v1.0"))
		return VERSION_TLS10;
	return 0;
}

version_set tls_command_option(const char *command, size_t clen, const char *arg, size_t alen,
			       const char *next, size_t nlen, bool *used_next)
{
	*used_next = false;
	if (opt__eq(command, clen, "curl"))
		return opt__curl(arg, alen, next, nlen, used_next);
	if (opt__eq(command, clen, "wget"))
		return opt__wget(arg, alen, next, nlen, used_next);
	if (opt__eq(command, clen, "node") || opt__eq(command, clen, "nodejs"))
		return opt__node(arg, alen);
	return 0;
}
