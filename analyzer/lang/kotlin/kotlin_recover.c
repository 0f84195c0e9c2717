/* kotlin_recover.c: Kotlin statements for re-analysing a damaged file (engine/recover.h).
 * A newline ends a Kotlin statement, except before a line that starts with `.` or `?.` (a
 * builder chain) and after a line that ends in `=`. */
#include <stddef.h>

#include "engine/recover.h"

const recover_syntax kotlin_recovery = {
	.newline_ends = true, .chained_lines = true, .braces = true, .slash_comments = true,
	.triple_quotes = true, .escape = '\\',
	.context_types = (const char *const[]){ "import", "package_header", NULL },
	.declaration_types = (const char *const[]){ "property_declaration", NULL },
};
