/* value_types.h: the protocol-setting types rules evaluate values of, and what each member
 * means in protocol versions.
 *
 * A flags type (SecurityProtocolType, SslProtocols) is a bit set: a value enables the versions
 * of every single-version member whose bits it has. An enum type (ssl.PROTOCOL_TLSv1,
 * ssl.TLSVersion) is matched member by member. */
#ifndef TLSLINT_VALUE_TYPES_H
#define TLSLINT_VALUE_TYPES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/versions.h"

typedef struct value_member {
	const char *name;
	long long value;
	version_set versions; /* 0 for members that are not one version (Default, None) */
} value_member;

/* VALUE_INT is a plain number (registry data). VALUE_REGISTRY is a whole registry write (a
 * call or command): the language evaluator finds its key, value name and data and
 * values/registry_policy.h says which legacy versions it turns back on. */
typedef enum value_kind { VALUE_FLAGS, VALUE_ENUM, VALUE_BOOL, VALUE_INT, VALUE_REGISTRY } value_kind;

typedef struct value_type {
	const char *name;
	value_kind kind;
	const value_member *members;
	size_t nmembers;
} value_type;

const value_type *value_type_find(const char *name);
/* Finds a member by name (case-sensitive unless the type says otherwise). */
const value_member *value_type_member(const value_type *t, const char *name, size_t len);
/* Finds a member by name, ignoring case (PowerShell's string forms). */
const value_member *value_type_member_nocase(const value_type *t, const char *name, size_t len);
/* The versions a numeric value enables (flags: any bit of a member counts) or denotes (enum). */
version_set value_type_versions(const value_type *t, long long value);

#endif
