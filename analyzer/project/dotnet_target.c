/* dotnet_target.c: parsing target framework spellings. */
#include "dotnet_target.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Reads up to three dot-separated numbers ("4.6.2", "4.8"); false if anything else follows
 * except a suffix starting at one of `stops`. */
static bool dotnet__dotted(const char *s, size_t len, unsigned parts[3], size_t *nparts,
			   const char *stops)
{
	size_t i = 0, n = 0;
	while (n < 3) {
		unsigned v = 0;
		size_t digits = 0;
		while (i < len && isdigit((unsigned char)s[i]) && digits < 4) {
			v = v * 10 + (unsigned)(s[i++] - '0');
			digits++;
		}
		if (!digits)
			return false;
		parts[n++] = v;
		if (i < len && s[i] == '.')
			i++;
		else
			break;
	}
	*nparts = n;
	return i == len || strchr(stops, s[i]) != NULL;
}

static bool dotnet__framework(unsigned major, unsigned minor, unsigned patch, dotnet_target *out)
{
	if (major < 1 || major > 4 || minor > 9 || patch > 9)
		return false;
	out->family = DOTNET_FRAMEWORK;
	out->version = major * 100 + minor * 10 + patch;
	return true;
}

bool dotnet_target_parse_version(const char *s, size_t len, dotnet_target *out)
{
	if (len && (s[0] == 'v' || s[0] == 'V'))
		s++, len--;
	unsigned p[3] = { 0, 0, 0 };
	size_t n = 0;
	if (!dotnet__dotted(s, len, p, &n, "") || n < 2)
		return false;
	return dotnet__framework(p[0], p[1], p[2], out);
}

bool dotnet_target_parse_moniker(const char *s, size_t len, dotnet_target *out)
{
	static const struct {
		const char *prefix;
		dotnet_family family;
	} dotted[] = {
		{ "netcoreapp", DOTNET_CORE },
		{ "netstandard", DOTNET_STANDARD },
	};
	for (size_t k = 0; k < sizeof(dotted) / sizeof(dotted[0]); k++) {
		size_t pl = strlen(dotted[k].prefix);
		unsigned p[3] = { 0, 0, 0 };
		size_t n = 0;
		if (len > pl && strncasecmp(s, dotted[k].prefix, pl) == 0 &&
		    dotnet__dotted(s + pl, len - pl, p, &n, "-")) {
			out->family = dotted[k].family;
			out->version = p[0] * 100 + p[1] * 10;
			return true;
		}
	}
	if (len < 4 || strncasecmp(s, "net", 3) != 0 || !isdigit((unsigned char)s[3]))
		return false;
	s += 3, len -= 3;
	if (memchr(s, '.', len)) {
		/* net5.0, net8.0-windows: .NET 5 and later */
		unsigned p[3] = { 0, 0, 0 };
		size_t n = 0;
		if (!dotnet__dotted(s, len, p, &n, "-") || p[0] < 5)
			return false;
		out->family = DOTNET_CORE;
		out->version = p[0] * 100 + p[1] * 10;
		return true;
	}
	/* net20, net35, net40, net403, net45, net462, net48, net481 (and net40-client) */
	size_t digits = 0;
	while (digits < len && isdigit((unsigned char)s[digits]))
		digits++;
	if (digits < 2 || digits > 3 || (digits < len && s[digits] != '-'))
		return false;
	return dotnet__framework((unsigned)(s[0] - '0'), (unsigned)(s[1] - '0'),
				 digits == 3 ? (unsigned)(s[2] - '0') : 0, out);
}

bool dotnet_target_parse_sku(const char *s, size_t len, dotnet_target *out)
{
	static const char prefix[] = ".NETFramework,Version=";
	size_t pl = sizeof(prefix) - 1;
	if (len <= pl || strncasecmp(s, prefix, pl) != 0)
		return false;
	const char *v = s + pl;
	const char *comma = memchr(v, ',', len - pl);
	size_t vlen = comma ? (size_t)(comma - v) : len - pl;
	return dotnet_target_parse_version(v, vlen, out);
}

bool dotnet_target_is_legacy(const dotnet_target *t)
{
	return t->family == DOTNET_FRAMEWORK && t->version < DOTNET_SYSTEM_DEFAULT_FROM;
}

version_set dotnet_target_default_legacy(const dotnet_target *t)
{
	if (!dotnet_target_is_legacy(t))
		return 0;
	if (t->version <= DOTNET_LAST_SSL3_DEFAULT)
		return VERSION_SSL3 | VERSION_TLS10;
	return VERSION_TLS10 | VERSION_TLS11;
}

void dotnet_target_describe(const dotnet_target *t, char *out, size_t outlen)
{
	unsigned major = t->version / 100, minor = t->version / 10 % 10, patch = t->version % 10;
	switch (t->family) {
	case DOTNET_FRAMEWORK:
		if (patch)
			snprintf(out, outlen, ".NET Framework %u.%u.%u", major, minor, patch);
		else
			snprintf(out, outlen, ".NET Framework %u.%u", major, minor);
		return;
	case DOTNET_CORE:
		snprintf(out, outlen, major >= 5 ? ".NET %u.%u" : ".NET Core %u.%u", major, minor);
		return;
	case DOTNET_STANDARD:
		snprintf(out, outlen, ".NET Standard %u.%u", major, minor);
		return;
	case DOTNET_UNKNOWN:
		break;
	}
	snprintf(out, outlen, "an unknown framework");
}
