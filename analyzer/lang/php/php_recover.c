/* php_recover.c: PHP statements for re-analysing a damaged file (engine/recover.h). */
#include <stddef.h>

#include "engine/recover.h"

/* The open tag is context: a piece parsed without the `<?php` before it reads as HTML text. */
const recover_syntax php_recovery = {
	.braces = true, .slash_comments = true, .hash_comments = true, .escape = '\\',
	.context_types = (const char *const[]){ "php_tag", "namespace_use_declaration",
						NULL },
	.declaration_types = (const char *const[]){ "const_declaration", NULL },
};
