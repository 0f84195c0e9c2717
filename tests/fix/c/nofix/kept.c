/* Legacy TLS that tlslint reports but cannot fix safely (no-fix fixture). */
#include <stddef.h>
#include <openssl/ssl.h>
#include <curl/curl.h>

#define APP_CURL_FLOOR CURL_SSLVERSION_TLSv1
#define APP_TLS_FLOOR TLS1_VERSION

static SSL_CTX *shared_context(void)
{
	return SSL_CTX_new(TLSv1_method());
}

int configure(CURL *curl, SSL_CTX *ctx, int legacy)
{
	long floor = CURL_SSLVERSION_TLSv1_1;
	curl_easy_setopt(curl, CURLOPT_SSLVERSION, floor);
	curl_easy_setopt(curl, CURLOPT_SSLVERSION, APP_CURL_FLOOR);
	curl_easy_setopt(curl, CURLOPT_SSLVERSION, legacy ? CURL_SSLVERSION_TLSv1 : CURL_SSLVERSION_TLSv1_2);
	SSL_CTX_set_min_proto_version(ctx, APP_TLS_FLOOR);
	SSL_CTX_set_min_proto_version(ctx, legacy ? TLS1_VERSION : TLS1_2_VERSION);
	SSL_CTX_clear_options(ctx, SSL_OP_NO_TLSv1);
	if ((ctx = SSL_CTX_new(TLSv1_1_method())) == NULL)
		return -1;
	return shared_context() != NULL;
}
