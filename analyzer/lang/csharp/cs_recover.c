/* cs_recover.c: C# statements for re-analysing a damaged file (engine/recover.h). */
#include <stddef.h>

#include "engine/recover.h"

const recover_syntax csharp_recovery = {
	.braces = true, .slash_comments = true, .verbatim = true, .preprocessor = true,
	.escape = '\\',
	.context_types = (const char *const[]){ "using_directive", NULL },
	.declaration_types = (const char *const[]){ "field_declaration",
						    "local_declaration_statement", NULL },
};
