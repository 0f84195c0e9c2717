/* level.c: level names. */
#include "level.h"

#include <string.h>

static const char *const level_names[] = { "none", "note", "warning", "error" };

const char *level_name(level l)
{
	return level_names[l];
}

bool level_parse(const char *s, level *out)
{
	for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++) {
		if (strcmp(s, level_names[i]) == 0) {
			*out = (level)i;
			return true;
		}
	}
	return false;
}
