/* arm_settings.h: which Azure Resource Manager properties choose a TLS version, and which of
 * their values enable a legacy one (the table of LT-ARM-001, for ARM templates and Bicep),
 * and how an ARM template is told from other JSON. */
#ifndef TLSLINT_ARM_SETTINGS_H
#define TLSLINT_ARM_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/versions.h"

typedef struct arm_spelling {
	const char *value;    /* compared ignoring ASCII case */
	version_set versions; /* the legacy versions the value lets the service accept */
	const char *modern;   /* the same setting's TLS 1.2 spelling, or NULL (policy names,
				 `TLSEnforcementDisabled`): what a fix writes */
} arm_spelling;

typedef struct arm_setting {
	const char *type;     /* resource type (ignoring case); a trailing '*' matches any rest */
	const char *parent;   /* the key of the object holding the property, "" for any */
	const char *key;      /* the property (compared exactly, as ARM's schemas spell it) */
	const arm_spelling *values; /* NULL-ended */
} arm_setting;

/* The row for property `key` in an object under key `parent` of a resource of `type` (the
 * type without its Bicep "@api-version"), or NULL. */
const arm_setting *arm_settings_find(const char *type, size_t type_len, const char *parent,
				     size_t parent_len, const char *key, size_t key_len);

/* The legacy versions a literal value of `s` enables: 0 when none, or when the value is not
 * in the table. */
version_set arm_settings_versions(const arm_setting *s, const char *value, size_t len);

/* The TLS 1.2 spelling that replaces the legacy value `value` of `s`, or NULL when there is
 * no one-for-one replacement (a policy name, or a value that also turns enforcement off). */
const char *arm_settings_modern(const arm_setting *s, const char *value, size_t len);

/* The language table's sniff hook for ARM templates: true when the JSON text's "$schema"
 * (among its first 64 KiB) names a deploymentTemplate schema (resource group, subscription,
 * management group or tenant). A parameters file (deploymentParameters) or any other JSON is
 * not a template, whatever keys it holds. */
bool arm_sniff(const char *text, size_t len);

#endif
