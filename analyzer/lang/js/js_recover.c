/* js_recover.c: JavaScript and TypeScript statements for re-analysing a damaged file
 * (engine/recover.h). */
#include <stddef.h>

#include "engine/recover.h"

const recover_syntax js_recovery = {
	.braces = true, .slash_comments = true, .escape = '\\',
	.context_types = (const char *const[]){ "import_statement", NULL },
	.declaration_types = (const char *const[]){ "lexical_declaration", "variable_declaration",
						    NULL },
};
