/* py_recover.c: Python statements for re-analysing a damaged file (engine/recover.h). */
#include <stddef.h>

#include "engine/recover.h"

const recover_syntax python_recovery = {
	.newline_ends = true, .hash_comments = true, .triple_quotes = true, .indentation = true,
	.escape = '\\', .continuation = '\\',
	.context_types = (const char *const[]){ "import_statement", "import_from_statement",
						"future_import_statement", NULL },
	.declaration_types = (const char *const[]){ NULL },
};
