/* options.c: parsing option values shared by the subcommands. */
#include <errno.h>
#include <stdlib.h>

#include "cli/cli.h"

bool cli_parse_uint(const char *s, unsigned min, unsigned max, unsigned *out)
{
	char *end = NULL;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || v < min || v > max)
		return false;
	*out = (unsigned)v;
	return true;
}

bool cli_parse_size(const char *s, size_t *out)
{
	char *end = NULL;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s)
		return false;
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		v <<= 20, end++;
	else if (*end == 'G' || *end == 'g')
		v <<= 30, end++;
	if (*end || v == 0)
		return false;
	*out = (size_t)v;
	return true;
}
