/* area.c: which area each rule family belongs to (audit/area.h). A new rule family adds its
 * ID's area part to the table; one that is not here counts as code. */
#include "audit/area.h"

#include <string.h>

static const struct {
	const char *prefix; /* "LT-NET-": the ID up to its number */
	audit_area area;
} area__table[] = {
	{ "LT-NET-", AREA_DOTNET },  { "LT-REG-", AREA_REGISTRY }, { "LT-NGX-", AREA_SERVER },
	{ "LT-APA-", AREA_SERVER },  { "LT-HAP-", AREA_SERVER },   { "LT-OSSL-", AREA_SERVER },
	{ "LT-JVM-", AREA_SERVER },  { "LT-SH-", AREA_SERVER },    { "LT-K8S-", AREA_SERVER },
	{ "LT-TF-", AREA_IAC },      { "LT-ARM-", AREA_IAC },      { "LT-CFN-", AREA_IAC },
};

static const struct {
	const char *key, *name;
} area__names[AREA_COUNT] = {
	[AREA_CODE] = { "code", "Code" },
	[AREA_DOTNET] = { "dotnet", ".NET projects and configuration" },
	[AREA_REGISTRY] = { "registry", "Windows registry" },
	[AREA_SERVER] = { "server", "Server and runtime configuration" },
	[AREA_IAC] = { "iac", "Infrastructure as code" },
};

audit_area audit_area_of(const char *id)
{
	for (size_t i = 0; i < sizeof(area__table) / sizeof(area__table[0]); i++)
		if (strncmp(id, area__table[i].prefix, strlen(area__table[i].prefix)) == 0)
			return area__table[i].area;
	return AREA_CODE;
}

const char *audit_area_name(audit_area a)
{
	return a < AREA_COUNT ? area__names[a].name : "?";
}

const char *audit_area_key(audit_area a)
{
	return a < AREA_COUNT ? area__names[a].key : "?";
}
