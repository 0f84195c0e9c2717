/* rb_recover.c: Ruby statements for re-analysing a damaged file (engine/recover.h). Braces
 * are brackets here (blocks and hashes), newlines end statements. */
#include <stddef.h>

#include "engine/recover.h"

const recover_syntax ruby_recovery = {
	.newline_ends = true, .hash_comments = true, .escape = '\\', .continuation = '\\',
	.context_types = (const char *const[]){ NULL },
	.declaration_types = (const char *const[]){ NULL },
};
