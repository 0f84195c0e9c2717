/* aws_policies.c: AWS predefined TLS policies and protocol names, and which legacy versions
 * each allows (values/aws_policies.h). Each table says where its rows come from; a value
 * missing from a table is silent. */
#include "values/aws_policies.h"

#include <string.h>
#include <strings.h>

#define FLOOR10 (VERSION_TLS10 | VERSION_TLS11)
#define FLOOR11 VERSION_TLS11

/* CloudFront `viewer_certificate.minimum_protocol_version` (CloudFront Developer Guide,
 * "Supported protocols and ciphers between viewers and CloudFront": SSLv3 from SSL 3.0,
 * TLSv1 and TLSv1_2016 from TLS 1.0, TLSv1.1_2016 from TLS 1.1; TLSv1.2_2018, _2019, _2021
 * and later from TLS 1.2). */
const policy_spelling aws_cloudfront_min[] = {
	{ "SSLv3", VERSION_SSL3 | FLOOR10 }, { "TLSv1", FLOOR10 }, { "TLSv1_2016", FLOOR10 },
	{ "TLSv1.1_2016", FLOOR11 }, { NULL, 0 },
};
/* CloudFront `custom_origin_config.origin_ssl_protocols`: each listed version. */
const policy_spelling aws_cloudfront_origin[] = {
	{ "SSLv3", VERSION_SSL3 }, { "TLSv1", VERSION_TLS10 }, { "TLSv1.1", VERSION_TLS11 },
	{ NULL, 0 },
};
/* Elastic Load Balancing predefined policies (Terraform `aws_lb_listener.ssl_policy`, CloudFormation `SslPolicy`) that allow
 * TLS 1.0 or 1.1. Source of every row: Elastic Load Balancing User Guide, "Security policies
 * for your Application Load Balancer" / "... Network Load Balancer", protocol tables (also
 * `aws elbv2 describe-ssl-policies`). The TLS-1-2, FS-1-2, TLS13-1-2 and TLS13-1-3 policies
 * start at TLS 1.2 and are not listed. */
const policy_spelling aws_elb_policies[] = {
	{ "ELBSecurityPolicy-2016-08", FLOOR10 },          /* TLS 1.0-1.2, the default */
	{ "ELBSecurityPolicy-2015-05", FLOOR10 },          /* TLS 1.0-1.2 */
	{ "ELBSecurityPolicy-TLS-1-0-2015-04", FLOOR10 },  /* TLS 1.0-1.2 */
	{ "ELBSecurityPolicy-TLS-1-1-2017-01", FLOOR11 },  /* TLS 1.1-1.2 */
	{ "ELBSecurityPolicy-FS-2018-06", FLOOR10 },       /* TLS 1.0-1.2, forward secrecy */
	{ "ELBSecurityPolicy-FS-1-1-2019-08", FLOOR11 },   /* TLS 1.1-1.2, forward secrecy */
	{ "ELBSecurityPolicy-TLS13-1-0-2021-06", FLOOR10 }, /* TLS 1.0-1.3 */
	{ "ELBSecurityPolicy-TLS13-1-1-2021-06", FLOOR11 }, /* TLS 1.1-1.3 */
	{ "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04", FLOOR10 }, /* TLS 1.0-1.3, FIPS */
	{ "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04", FLOOR11 }, /* TLS 1.1-1.3, FIPS */
	{ NULL, 0 },
};
/* API Gateway `aws_api_gateway_domain_name.security_policy` (API Gateway Developer Guide,
 * "Choose a security policy": TLS_1_0 allows TLS 1.0-1.2, TLS_1_2 only TLS 1.2). */
const policy_spelling aws_apigw_policies[] = { { "TLS_1_0", FLOOR10 }, { NULL, 0 } };
/* OpenSearch / Elasticsearch `domain_endpoint_options.tls_security_policy` (OpenSearch
 * Service Developer Guide, "Domain endpoint options": Policy-Min-TLS-1-0-2019-07 allows
 * TLS 1.0 and later; the Policy-Min-TLS-1-2-* policies start at TLS 1.2). */
const policy_spelling aws_opensearch_policies[] = {
	{ "Policy-Min-TLS-1-0-2019-07", FLOOR10 }, { NULL, 0 },
};

version_set policy_spelling_versions(const policy_spelling *table, const char *value, size_t len)
{
	for (const policy_spelling *v = table; v->value; v++)
		if (strlen(v->value) == len && strncasecmp(v->value, value, len) == 0)
			return v->versions;
	return 0;
}
