/* Names a keyword of LT-C-004 (CURL_SSLVERSION), but neither a callee nor a value of the
 * rule: nothing libclang could report, so the file is not sent to it. */
int is_default(long v)
{
	if (v == CURL_SSLVERSION_DEFAULT)
		return 1;
	return 0;
}
