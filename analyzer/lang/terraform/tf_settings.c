/* tf_settings.c: the Terraform settings tables (tf_settings.h).
 *
 * Azure spells one idea several ways, per resource family ("TLS1_0", "1.0", "Tls", booleans
 * named after the version): each family is one spelling table, and each resource setting
 * names its family. For AWS, the value is a predefined policy; each row of a policy table
 * says where its protocol range comes from. A value missing from a table is silent. */
#include "tf_settings.h"

#include "values/aws_policies.h"

#include <string.h>
#include <strings.h>

#define FLOOR10 (VERSION_TLS10 | VERSION_TLS11)
#define FLOOR11 VERSION_TLS11

/* azurerm storage, redis, event hubs, service bus `min_tls_version`; mysql/postgresql
 * `ssl_minimal_tls_version_enforced` (where "TLSEnforcementDisabled" accepts any version);
 * mssql and app service "1.0"/"1.1". */
static const tf_spelling az_min[] = {
	{ "TLS1_0", FLOOR10 }, { "TLS1_1", FLOOR11 }, { "1.0", FLOOR10 }, { "1.1", FLOOR11 },
	{ "TLSEnforcementDisabled", FLOOR10 }, { NULL, 0 },
};
/* azurerm_cosmosdb_account `minimal_tls_version`: "Tls", "Tls11", "Tls12". */
static const tf_spelling az_cosmos[] = {
	{ "Tls", FLOOR10 }, { "Tls11", FLOOR11 }, { NULL, 0 },
};
/* API Management `security` booleans: true turns the named version on. */
static const tf_spelling az_on_ssl30[] = { { "true", VERSION_SSL3 }, { NULL, 0 } };
static const tf_spelling az_on_tls10[] = { { "true", VERSION_TLS10 }, { NULL, 0 } };
static const tf_spelling az_on_tls11[] = { { "true", VERSION_TLS11 }, { NULL, 0 } };
/* Application gateway `ssl_policy`: `min_protocol_version`, and the predefined policies'
 * minimums (Azure Application Gateway documentation, "Application Gateway TLS policy
 * overview": AppGwSslPolicy20150501 TLSv1_0, AppGwSslPolicy20170401 TLSv1_1;
 * AppGwSslPolicy20170401S and the 2022 policies start at TLSv1_2). */
static const tf_spelling az_appgw_min[] = {
	{ "TLSv1_0", FLOOR10 }, { "TLSv1_1", FLOOR11 }, { NULL, 0 },
};
static const tf_spelling az_appgw_policy[] = {
	{ "AppGwSslPolicy20150501", FLOOR10 }, { "AppGwSslPolicy20170401", FLOOR11 }, { NULL, 0 },
};

/* google_compute_ssl_policy `min_tls_version`: TLS_1_0 (the default), TLS_1_1, TLS_1_2. */
static const tf_spelling gcp_min[] = {
	{ "TLS_1_0", FLOOR10 }, { "TLS_1_1", FLOOR11 }, { NULL, 0 },
};

#define AZ TF_RULE_AZURE
#define AWS TF_RULE_AWS_GOOGLE
static const tf_setting settings[] = {
	{ "azurerm_storage_account", "", "min_tls_version", az_min, AZ },
	{ "azurerm_redis_cache", "", "minimum_tls_version", az_min, AZ },
	{ "azurerm_redis_cache", "", "min_tls_version", az_min, AZ },
	{ "azurerm_eventhub_namespace", "", "minimum_tls_version", az_min, AZ },
	{ "azurerm_eventhub_namespace", "", "min_tls_version", az_min, AZ },
	{ "azurerm_servicebus_namespace", "", "minimum_tls_version", az_min, AZ },
	{ "azurerm_servicebus_namespace", "", "min_tls_version", az_min, AZ },
	{ "azurerm_mssql_server", "", "minimum_tls_version", az_min, AZ },
	{ "azurerm_sql_server", "", "minimum_tls_version", az_min, AZ },
	{ "azurerm_mssql_managed_instance", "", "minimum_tls_version", az_min, AZ },
	{ "azurerm_mysql_server", "", "ssl_minimal_tls_version_enforced", az_min, AZ },
	{ "azurerm_postgresql_server", "", "ssl_minimal_tls_version_enforced", az_min, AZ },
	{ "azurerm_cosmosdb_account", "", "minimal_tls_version", az_cosmos, AZ },
	/* app service and function apps, their slots, and the older azurerm_app_service */
	{ "azurerm_*", "site_config", "minimum_tls_version", az_min, AZ },
	{ "azurerm_*", "site_config", "scm_minimum_tls_version", az_min, AZ },
	{ "azurerm_*", "site_config", "min_tls_version", az_min, AZ },
	{ "azurerm_*", "site_config", "scm_min_tls_version", az_min, AZ },
	{ "azurerm_api_management", "security", "enable_backend_ssl30", az_on_ssl30, AZ },
	{ "azurerm_api_management", "security", "enable_backend_tls10", az_on_tls10, AZ },
	{ "azurerm_api_management", "security", "enable_backend_tls11", az_on_tls11, AZ },
	{ "azurerm_api_management", "security", "enable_frontend_ssl30", az_on_ssl30, AZ },
	{ "azurerm_api_management", "security", "enable_frontend_tls10", az_on_tls10, AZ },
	{ "azurerm_api_management", "security", "enable_frontend_tls11", az_on_tls11, AZ },
	{ "azurerm_api_management", "security", "backend_ssl30_enabled", az_on_ssl30, AZ },
	{ "azurerm_api_management", "security", "backend_tls10_enabled", az_on_tls10, AZ },
	{ "azurerm_api_management", "security", "backend_tls11_enabled", az_on_tls11, AZ },
	{ "azurerm_api_management", "security", "frontend_ssl30_enabled", az_on_ssl30, AZ },
	{ "azurerm_api_management", "security", "frontend_tls10_enabled", az_on_tls10, AZ },
	{ "azurerm_api_management", "security", "frontend_tls11_enabled", az_on_tls11, AZ },
	{ "azurerm_application_gateway", "ssl_policy", "min_protocol_version", az_appgw_min, AZ },
	{ "azurerm_application_gateway", "ssl_policy", "policy_name", az_appgw_policy, AZ },
	{ "aws_cloudfront_distribution", "viewer_certificate", "minimum_protocol_version",
	  aws_cloudfront_min, AWS },
	{ "aws_cloudfront_distribution", "custom_origin_config", "origin_ssl_protocols",
	  aws_cloudfront_origin, AWS },
	{ "aws_lb_listener", "", "ssl_policy", aws_elb_policies, AWS },
	{ "aws_alb_listener", "", "ssl_policy", aws_elb_policies, AWS },
	{ "aws_api_gateway_domain_name", "", "security_policy", aws_apigw_policies, AWS },
	{ "aws_opensearch_domain", "domain_endpoint_options", "tls_security_policy",
	  aws_opensearch_policies, AWS },
	{ "aws_elasticsearch_domain", "domain_endpoint_options", "tls_security_policy",
	  aws_opensearch_policies, AWS },
	{ "google_compute_ssl_policy", "", "min_tls_version", gcp_min, AWS },
};

static bool tf__eq(const char *s, const char *t, size_t len)
{
	return strlen(s) == len && memcmp(s, t, len) == 0;
}

static bool tf__resource_matches(const char *pattern, const char *type, size_t len)
{
	size_t n = strlen(pattern);
	if (n && pattern[n - 1] == '*')
		return len >= n - 1 && memcmp(pattern, type, n - 1) == 0;
	return tf__eq(pattern, type, len);
}

const tf_setting *tf_settings_find(const char *type, size_t type_len, const char *block,
				   size_t block_len, const char *attribute, size_t attr_len)
{
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
		const tf_setting *s = &settings[i];
		if (tf__eq(s->attribute, attribute, attr_len) && tf__eq(s->block, block, block_len) &&
		    tf__resource_matches(s->resource, type, type_len))
			return s;
	}
	return NULL;
}

version_set tf_settings_versions(const tf_setting *s, const char *value, size_t len)
{
	return policy_spelling_versions(s->values, value, len);
}
