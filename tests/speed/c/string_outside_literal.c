/* Names a keyword of LT-C-002 (MinProtocol) and spells one of its string values, TLSv1, but
 * only here, in a comment, and inside identifiers: the value is compared with a string
 * argument, so nothing libclang could report. Not sent to it. */
static const char *min_protocol_key = "MinProtocol";

long no_legacy(long opts)
{
	return opts | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1;
}
