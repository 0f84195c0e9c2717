/* area.h: the area of the estate a rule is about, for the audit report's grouping: code,
 * .NET projects and configuration, the Windows registry, server and runtime configuration,
 * infrastructure as code. A rule's area follows from its ID's area part (LT-<AREA>-nnn). */
#ifndef TLSLINT_AUDIT_AREA_H
#define TLSLINT_AUDIT_AREA_H

#include <stddef.h>

typedef enum audit_area {
	AREA_CODE = 0,
	AREA_DOTNET,
	AREA_REGISTRY,
	AREA_SERVER,
	AREA_IAC,
	AREA_COUNT
} audit_area;

/* The area of rule `id` (AREA_CODE for an ID no row names). */
audit_area audit_area_of(const char *id);
/* "code", ".NET projects", ...: the area's name in reports. */
const char *audit_area_name(audit_area a);
/* "code", "dotnet", ...: the area's key in summary.json. */
const char *audit_area_key(audit_area a);

#endif
