/* tf_settings.h: which Terraform resource settings choose a TLS version, and which of their
 * values enable a legacy one (the tables of LT-TF-001 and LT-TF-002). */
#ifndef TLSLINT_TF_SETTINGS_H
#define TLSLINT_TF_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/versions.h"
#include "values/aws_policies.h"

typedef enum tf_rule { TF_RULE_AZURE = 0, TF_RULE_AWS_GOOGLE, TF_RULE_COUNT } tf_rule;

/* One spelling of a setting's value (values/aws_policies.h holds the AWS tables). */
typedef policy_spelling tf_spelling;

typedef struct tf_setting {
	const char *resource;  /* resource type; a trailing '*' matches any continuation */
	const char *block;     /* innermost nested block ("site_config"), "" for the body */
	const char *attribute;
	const tf_spelling *values; /* NULL-ended */
	tf_rule rule;
} tf_setting;

/* The row for `attribute` in `block` of a resource of `type` (lengths given), or NULL. */
const tf_setting *tf_settings_find(const char *type, size_t type_len, const char *block,
				   size_t block_len, const char *attribute, size_t attr_len);

/* The legacy versions a literal value of `s` enables: 0 when none, or when the value is not
 * in the table (unknown policy names are silent). */
version_set tf_settings_versions(const tf_setting *s, const char *value, size_t len);

#endif
