/* Calls the function of LT-C-004, with a current version: sent to libclang. */
void use_tls12(CURL *c)
{
	curl_easy_setopt(c, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
}
