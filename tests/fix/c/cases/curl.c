/* libcurl transfers with legacy floors and caps (fix fixture: curl.fixed.c is the result). */
#include <curl/curl.h>

CURLcode fetch(CURL *curl, const char *url)
{
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1);
	curl_easy_setopt(curl, CURLOPT_PROXY_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_1);
	curl_easy_setopt(curl, CURLOPT_SSLVERSION,
			 CURL_SSLVERSION_TLSv1_0 | CURL_SSLVERSION_MAX_TLSv1_1);
	curl_easy_setopt(curl, CURLOPT_SSLVERSION,
			 (long)(CURL_SSLVERSION_DEFAULT | CURL_SSLVERSION_MAX_TLSv1_0));
	curl_easy_setopt(curl, CURLOPT_PROXY_SSLVERSION, CURL_SSLVERSION_MAX_TLSv1_1);
	curl_easy_setopt(curl, CURLOPT_SSLVERSION,
			 CURL_SSLVERSION_SSLv3 | CURL_SSLVERSION_MAX_TLSv1_3);
	return curl_easy_perform(curl);
}
