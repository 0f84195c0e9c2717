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
