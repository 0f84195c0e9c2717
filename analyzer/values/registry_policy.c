/* registry_policy.c: the registry values that re-enable legacy SSL/TLS (see registry_policy.h). */
#include "registry_policy.h"

#include <string.h>
#include <strings.h>

#define MAX_COMPONENTS 32

typedef struct reg__component {
	const char *s;
	size_t len;
} reg__component;

static bool reg__is(const reg__component *c, const char *s)
{
	return strlen(s) == c->len && strncasecmp(c->s, s, c->len) == 0;
}

static bool reg__name_is(const char *name, size_t len, const char *s)
{
	return strlen(s) == len && strncasecmp(name, s, len) == 0;
}

/* Splits a key path on '\' (and '/'), dropping empty components; false when too deep. */
static bool reg__split(const char *key, size_t len, reg__component *out, size_t *n)
{
	*n = 0;
	size_t i = 0;
	while (i < len) {
		while (i < len && (key[i] == '\\' || key[i] == '/'))
			i++;
		size_t start = i;
		while (i < len && key[i] != '\\' && key[i] != '/')
			i++;
		if (i == start)
			continue;
		if (*n == MAX_COMPONENTS)
			return false;
		out[(*n)++] = (reg__component){ key + start, i - start };
	}
	return true;
}

static const struct {
	const char *component;
	version_set version;
} schannel_protocols[] = {
	{ "SSL 2.0", VERSION_SSL2 },
	{ "SSL 3.0", VERSION_SSL3 },
	{ "TLS 1.0", VERSION_TLS10 },
	{ "TLS 1.1", VERSION_TLS11 },
};

static const struct {
	long long bit;
	version_set version;
} winhttp_bits[] = {
	{ 0x8, VERSION_SSL2 },
	{ 0x20, VERSION_SSL3 },
	{ 0x80, VERSION_TLS10 },
	{ 0x200, VERSION_TLS11 },
};

/* ...\SCHANNEL\Protocols\<version>\{Client,Server} */
static bool reg__schannel(const reg__component *c, size_t n, const char *name, size_t namelen,
			  long long data, version_set *enabled)
{
	if (n < 4 || !reg__is(&c[n - 4], "SCHANNEL") || !reg__is(&c[n - 3], "Protocols") ||
	    !(reg__is(&c[n - 1], "Client") || reg__is(&c[n - 1], "Server")))
		return false;
	version_set v = 0;
	for (size_t i = 0; i < sizeof(schannel_protocols) / sizeof(schannel_protocols[0]); i++)
		if (reg__is(&c[n - 2], schannel_protocols[i].component))
			v = schannel_protocols[i].version;
	if (!v)
		return false;
	if (reg__name_is(name, namelen, "Enabled"))
		*enabled = data != 0 ? v : 0;
	else if (reg__name_is(name, namelen, "DisabledByDefault"))
		*enabled = data == 0 ? v : 0;
	else
		return false;
	return true;
}

/* ...\.NETFramework\v2.0.50727 or v4.0.30319 */
static bool reg__netfx(const reg__component *c, size_t n, const char *name, size_t namelen,
		       long long data, version_set *enabled)
{
	if (n < 2 || !reg__is(&c[n - 2], ".NETFramework") ||
	    !(reg__is(&c[n - 1], "v2.0.50727") || reg__is(&c[n - 1], "v4.0.30319")))
		return false;
	if (!reg__name_is(name, namelen, "SchUseStrongCrypto") &&
	    !reg__name_is(name, namelen, "SystemDefaultTlsVersions"))
		return false;
	/* 0 keeps the framework's own default, SSL 3.0 + TLS 1.0 on 4.5.2 and older. */
	*enabled = data == 0 ? (VERSION_SSL3 | VERSION_TLS10) : 0;
	return true;
}

/* ...\Internet Settings\WinHttp DefaultSecureProtocols, ...\Internet Settings SecureProtocols */
static bool reg__secure_protocols(const reg__component *c, size_t n, const char *name,
				  size_t namelen, long long data, version_set *enabled)
{
	bool winhttp = n >= 2 && reg__is(&c[n - 2], "Internet Settings") &&
		       reg__is(&c[n - 1], "WinHttp") &&
		       reg__name_is(name, namelen, "DefaultSecureProtocols");
	bool wininet = n >= 1 && reg__is(&c[n - 1], "Internet Settings") &&
		       reg__name_is(name, namelen, "SecureProtocols");
	if (!winhttp && !wininet)
		return false;
	*enabled = 0;
	for (size_t i = 0; i < sizeof(winhttp_bits) / sizeof(winhttp_bits[0]); i++)
		if (data & winhttp_bits[i].bit)
			*enabled |= winhttp_bits[i].version;
	return true;
}

registry_setting registry_policy_classify(const char *key, size_t keylen, const char *name,
					  size_t namelen, long long data, version_set *enabled)
{
	reg__component c[MAX_COMPONENTS];
	size_t n = 0;
	*enabled = 0;
	if (!reg__split(key, keylen, c, &n))
		return REGISTRY_OTHER;
	if (reg__schannel(c, n, name, namelen, data, enabled))
		return REGISTRY_SCHANNEL;
	if (reg__netfx(c, n, name, namelen, data, enabled))
		return REGISTRY_NETFX;
	if (reg__secure_protocols(c, n, name, namelen, data, enabled))
		return REGISTRY_SECURE_PROTOCOLS;
	return REGISTRY_OTHER;
}

version_set registry_policy_versions_any_key(const char *name, size_t namelen, long long data)
{
	if (!reg__name_is(name, namelen, "SchUseStrongCrypto") &&
	    !reg__name_is(name, namelen, "SystemDefaultTlsVersions"))
		return 0;
	return data == 0 ? (VERSION_SSL3 | VERSION_TLS10) : 0;
}

version_set registry_policy_versions(const char *key, size_t keylen, const char *name,
				     size_t namelen, long long data)
{
	version_set enabled = 0;
	registry_policy_classify(key, keylen, name, namelen, data, &enabled);
	return enabled;
}
