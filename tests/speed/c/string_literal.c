/* The same keyword, and the string value TLSv1 inside a string literal (as in
 * "MinProtocol" = "TLSv1.2"): sent to libclang. */
static const char *const settings[][2] = {
	{ "MinProtocol", "TLSv1.2" },
};
