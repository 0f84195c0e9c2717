/* value_types.c: member tables of the protocol-setting types. Values are the platforms' own. */
#include "value_types.h"

#include <string.h>
#include <strings.h>

/* System.Net.SecurityProtocolType */
static const value_member security_protocol_type[] = {
	{ "SystemDefault", 0, 0 },
	{ "Ssl3", 48, VERSION_SSL3 },
	{ "Tls", 192, VERSION_TLS10 },
	{ "Tls11", 768, VERSION_TLS11 },
	{ "Tls12", 3072, VERSION_TLS12 },
	{ "Tls13", 12288, VERSION_TLS13 },
};

/* System.Security.Authentication.SslProtocols */
static const value_member ssl_protocols[] = {
	{ "None", 0, 0 },
	{ "Ssl2", 12, VERSION_SSL2 },
	{ "Ssl3", 48, VERSION_SSL3 },
	{ "Tls", 192, VERSION_TLS10 },
	{ "Default", 240, 0 }, /* Ssl3 | Tls: its bits name the versions */
	{ "Tls11", 768, VERSION_TLS11 },
	{ "Tls12", 3072, VERSION_TLS12 },
	{ "Tls13", 12288, VERSION_TLS13 },
};

static const value_member boolean[] = {
	{ "false", 0, 0 },
	{ "true", 1, 0 },
};

/* A .NET Framework opt-out switch (AppContext `Switch.System.Net.DontEnableSchUseStrongCrypto`
 * and the like): `true` brings back the framework's own defaults, SSL 3.0 and TLS 1.0. */
static const value_member netfx_opt_out[] = {
	{ "false", 0, 0 },
	{ "true", 1, VERSION_SSL3 | VERSION_TLS10 },
};

#define TYPE(name, kind, members) { name, kind, members, sizeof(members) / sizeof(members[0]) }
static const value_type types[] = {
	TYPE("SecurityProtocolType", VALUE_FLAGS, security_protocol_type),
	TYPE("SslProtocols", VALUE_FLAGS, ssl_protocols),
	TYPE("bool", VALUE_BOOL, boolean),
	TYPE("NetFxOptOut", VALUE_BOOL, netfx_opt_out),
	{ "int", VALUE_INT, NULL, 0 },
	{ "RegistryWrite", VALUE_REGISTRY, NULL, 0 },
};

const value_type *value_type_find(const char *name)
{
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(types[i].name, name) == 0)
			return &types[i];
	return NULL;
}

const value_member *value_type_member(const value_type *t, const char *name, size_t len)
{
	for (size_t i = 0; i < t->nmembers; i++)
		if (strlen(t->members[i].name) == len && memcmp(t->members[i].name, name, len) == 0)
			return &t->members[i];
	return NULL;
}

const value_member *value_type_member_nocase(const value_type *t, const char *name, size_t len)
{
	for (size_t i = 0; i < t->nmembers; i++)
		if (strlen(t->members[i].name) == len && strncasecmp(t->members[i].name, name, len) == 0)
			return &t->members[i];
	return NULL;
}

version_set value_type_versions(const value_type *t, long long value)
{
	version_set v = 0;
	for (size_t i = 0; i < t->nmembers; i++) {
		const value_member *m = &t->members[i];
		if (!m->versions)
			continue;
		if (t->kind == VALUE_FLAGS ? (m->value && (value & m->value) == m->value)
					   : value == m->value)
			v |= m->versions;
	}
	return v;
}
