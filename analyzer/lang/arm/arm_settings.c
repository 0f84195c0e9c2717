/* arm_settings.c: the ARM/Bicep settings table (arm_settings.h).
 *
 * Azure spells the minimum TLS version per resource provider: "TLS1_0" (storage), "1.0"
 * (SQL, App Service, and Redis, Service Bus and Event Hubs, whose API also took the TLS1_x
 * spelling), "Tls"/"Tls11" (Cosmos DB), "TLSv1_0" and predefined policies (application
 * gateway). Each family is one spelling table and each property names its family; a value
 * missing from the table is silent. */
#include "arm_settings.h"

#include <string.h>
#include <strings.h>

#define FLOOR10 (VERSION_TLS10 | VERSION_TLS11)
#define FLOOR11 VERSION_TLS11

/* Storage, Redis, Service Bus, Event Hubs `minimumTlsVersion`. */
static const arm_spelling az_min[] = {
	{ "TLS1_0", FLOOR10, "TLS1_2" }, { "TLS1_1", FLOOR11, "TLS1_2" },
	{ "1.0", FLOOR10, "1.2" },	 { "1.1", FLOOR11, "1.2" },
	{ NULL, 0, NULL },
};
/* SQL `minimalTlsVersion`, App Service `minTlsVersion` / `scmMinTlsVersion`: "1.0", "1.1",
 * "1.2", "1.3". */
static const arm_spelling az_dotted[] = {
	{ "1.0", FLOOR10, "1.2" }, { "1.1", FLOOR11, "1.2" }, { NULL, 0, NULL },
};
/* MySQL / PostgreSQL single servers `minimalTlsVersion`: TLS1_0, TLS1_1, TLS1_2 and
 * TLSEnforcementDisabled (any version). */
static const arm_spelling az_db[] = {
	{ "TLS1_0", FLOOR10, "TLS1_2" }, { "TLS1_1", FLOOR11, "TLS1_2" },
	{ "TLSEnforcementDisabled", FLOOR10, NULL }, /* goes with sslEnforcement Disabled */
	{ NULL, 0, NULL },
};
/* Cosmos DB `minimalTlsVersion`: Tls, Tls11, Tls12. */
static const arm_spelling az_cosmos[] = {
	{ "Tls", FLOOR10, "Tls12" }, { "Tls11", FLOOR11, "Tls12" }, { NULL, 0, NULL },
};
/* Application gateway `sslPolicy` (Azure Application Gateway documentation, "Application
 * Gateway TLS policy overview": AppGwSslPolicy20150501 starts at TLSv1_0,
 * AppGwSslPolicy20170401 at TLSv1_1; AppGwSslPolicy20170401S and the 2022 policies at
 * TLSv1_2). */
static const arm_spelling az_appgw_min[] = {
	{ "TLSv1_0", FLOOR10, "TLSv1_2" }, { "TLSv1_1", FLOOR11, "TLSv1_2" }, { NULL, 0, NULL },
};
static const arm_spelling az_appgw_policy[] = {
	{ "AppGwSslPolicy20150501", FLOOR10, NULL }, { "AppGwSslPolicy20170401", FLOOR11, NULL },
	{ NULL, 0, NULL },
};

static const arm_setting settings[] = {
	{ "Microsoft.Storage/storageAccounts", "", "minimumTlsVersion", az_min },
	{ "Microsoft.Cache/redis", "", "minimumTlsVersion", az_min },
	{ "Microsoft.ServiceBus/namespaces", "", "minimumTlsVersion", az_min },
	{ "Microsoft.EventHub/namespaces", "", "minimumTlsVersion", az_min },
	{ "Microsoft.Sql/servers", "", "minimalTlsVersion", az_dotted },
	{ "Microsoft.Sql/servers", "", "minimumTlsVersion", az_dotted },
	{ "Microsoft.Sql/managedInstances", "", "minimalTlsVersion", az_dotted },
	/* sites, sites/config, sites/slots, sites/slots/config */
	{ "Microsoft.Web/sites*", "", "minTlsVersion", az_dotted },
	{ "Microsoft.Web/sites*", "", "scmMinTlsVersion", az_dotted },
	{ "Microsoft.DBforMySQL/servers", "", "minimalTlsVersion", az_db },
	{ "Microsoft.DBforPostgreSQL/servers", "", "minimalTlsVersion", az_db },
	{ "Microsoft.DBforMariaDB/servers", "", "minimalTlsVersion", az_db },
	{ "Microsoft.DocumentDB/databaseAccounts", "", "minimalTlsVersion", az_cosmos },
	{ "Microsoft.Network/applicationGateways", "sslPolicy", "minProtocolVersion",
	  az_appgw_min },
	{ "Microsoft.Network/applicationGateways", "sslPolicy", "policyName", az_appgw_policy },
};

static bool arm__eq(const char *s, const char *t, size_t len)
{
	return strlen(s) == len && memcmp(s, t, len) == 0;
}

static bool arm__type_matches(const char *pattern, const char *type, size_t len)
{
	size_t n = strlen(pattern);
	if (n && pattern[n - 1] == '*')
		return len >= n - 1 && strncasecmp(pattern, type, n - 1) == 0;
	return n == len && strncasecmp(pattern, type, len) == 0;
}

const arm_setting *arm_settings_find(const char *type, size_t type_len, const char *parent,
				     size_t parent_len, const char *key, size_t key_len)
{
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
		const arm_setting *s = &settings[i];
		if (arm__eq(s->key, key, key_len) &&
		    (!s->parent[0] || arm__eq(s->parent, parent, parent_len)) &&
		    arm__type_matches(s->type, type, type_len))
			return s;
	}
	return NULL;
}

static const arm_spelling *arm__spelling(const arm_setting *s, const char *value, size_t len)
{
	for (const arm_spelling *v = s->values; v->value; v++)
		if (strlen(v->value) == len && strncasecmp(v->value, value, len) == 0)
			return v;
	return NULL;
}

version_set arm_settings_versions(const arm_setting *s, const char *value, size_t len)
{
	const arm_spelling *v = arm__spelling(s, value, len);
	return v ? v->versions : 0;
}

const char *arm_settings_modern(const arm_setting *s, const char *value, size_t len)
{
	const arm_spelling *v = arm__spelling(s, value, len);
	return v ? v->modern : NULL;
}

static const char *arm__find(const char *s, size_t len, const char *needle, bool nocase)
{
	size_t n = strlen(needle);
	if (!nocase) /* every .json file's first 64 KB: libc's memmem, not a byte loop */
		return memmem(s, len, needle, n);
	for (size_t i = 0; i + n <= len; i++)
		if (strncasecmp(s + i, needle, n) == 0)
			return s + i;
	return NULL;
}

bool arm_sniff(const char *text, size_t len)
{
	if (len > 65536)
		len = 65536;
	const char *end = text + len;
	for (const char *p = text; p < end;) {
		const char *k = arm__find(p, (size_t)(end - p), "\"$schema\"", false);
		if (!k)
			return false;
		p = k + 9;
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		if (p >= end || *p != ':')
			continue; /* "$schema" as a value, not a key */
		p++;
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		if (p >= end || *p != '"')
			continue;
		const char *v = ++p;
		while (p < end && *p != '"' && *p != '\n')
			p++;
		if (arm__find(v, (size_t)(p - v), "deploymentTemplate.json", true))
			return true;
	}
	return false;
}
