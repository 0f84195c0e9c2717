/* java_recover.c: Java statements for re-analysing a damaged file (engine/recover.h). */
#include <stddef.h>

#include "engine/recover.h"

const recover_syntax java_recovery = {
	.braces = true, .slash_comments = true, .escape = '\\',
	.context_types = (const char *const[]){ "import_declaration", NULL },
	.declaration_types = (const char *const[]){ "field_declaration",
						    "local_variable_declaration", NULL },
};
