/* go_recover.c: Go statements for re-analysing a damaged file (engine/recover.h). */
#include <stddef.h>

#include "engine/recover.h"

const recover_syntax go_recovery = {
	.newline_ends = true, .braces = true, .slash_comments = true, .escape = '\\',
	.context_types = (const char *const[]){ "import_declaration", NULL },
	.declaration_types = (const char *const[]){ "const_declaration", "var_declaration",
						    NULL },
};
