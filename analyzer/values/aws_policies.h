/* aws_policies.h: AWS predefined TLS policies and protocol names (CloudFront, Elastic Load
 * Balancing, API Gateway, OpenSearch) and the legacy versions each allows: the tables that
 * Terraform's LT-TF-002 and CloudFormation's LT-CFN-001 share. */
#ifndef TLSLINT_AWS_POLICIES_H
#define TLSLINT_AWS_POLICIES_H

#include <stddef.h>

#include "core/versions.h"

typedef struct policy_spelling {
	const char *value;    /* compared ignoring ASCII case */
	version_set versions; /* the legacy versions the value lets the service use */
} policy_spelling;

/* NULL-ended tables. */
extern const policy_spelling aws_cloudfront_min[];    /* viewer minimum protocol version */
extern const policy_spelling aws_cloudfront_origin[]; /* origin SSL protocols, one each */
extern const policy_spelling aws_elb_policies[];      /* ELB predefined security policies */
extern const policy_spelling aws_apigw_policies[];    /* API Gateway security policies */
extern const policy_spelling aws_opensearch_policies[]; /* OpenSearch TLS security policies */

/* The versions `value` (`len` bytes) has in `table`: 0 when none, or when it is not there. */
version_set policy_spelling_versions(const policy_spelling *table, const char *value, size_t len);

#endif
