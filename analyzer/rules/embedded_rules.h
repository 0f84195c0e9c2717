/* embedded_rules.h: the rule files of rules/, compiled into the binary by CMake
 * (cmake/embed_files.cmake generates the table). */
#ifndef TLSLINT_EMBEDDED_RULES_H
#define TLSLINT_EMBEDDED_RULES_H

#include <stddef.h>

struct embedded_file {
	const char *path;          /* repository-relative, e.g. rules/csharp/LT-CS-001.scm */
	const unsigned char *data; /* not NUL-terminated */
	size_t size;
};

extern const struct embedded_file embedded_rules[];
extern const size_t embedded_rules_count;

#endif
