/* ps_recover.c: PowerShell statements for re-analysing a damaged file (engine/recover.h). */
#include <stddef.h>

#include "engine/recover.h"

const recover_syntax powershell_recovery = {
	.newline_ends = true, .braces = true, .hash_comments = true, .block_hash = true,
	.here_strings = true, .escape = '`', .continuation = '`',
	.context_types = (const char *const[]){ NULL },
	.declaration_types = (const char *const[]){ NULL },
};
