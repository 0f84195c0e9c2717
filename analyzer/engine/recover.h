/* recover.h: where a tree-sitter parse went wrong, and the statements around the damage.
 *
 * A grammar's error recovery can swallow well-formed statements next to syntax it does not
 * know (a C# parameter named `async` passed as `async: async`, a Python 2 parameter named
 * `async`): the rules would then miss every finding there. recover_regions() lists the
 * damaged byte ranges of a tree (outermost ERROR nodes, and the node around each MISSING one);
 * recover_chunks() cuts a range into statement-sized pieces by the language's punctuation
 * (`;`, `{`, `}` outside brackets, strings and comments; newlines for Python and PowerShell),
 * which the caller parses one by one with the file's imports as context (tree-sitter's
 * included ranges keep every offset as it is in the file). */
#ifndef TLSLINT_RECOVER_H
#define TLSLINT_RECOVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "core/language.h"

/* How a language writes statements, strings and comments, as far as cutting text into
 * statements needs to know; one per tree-sitter language, in its language_def (`recovery`;
 * NULL: a damaged file is not re-analysed piece by piece). */
typedef struct recover_syntax {
	bool newline_ends;   /* a newline outside brackets ends a statement */
	bool braces;         /* `{` and `}` outside brackets end a statement (else they are
				brackets: Python's dicts and sets) */
	bool slash_comments; /* `//` and block comments */
	bool hash_comments;  /* `#` comments */
	bool block_hash;     /* `<# ... #>` comments (PowerShell) */
	bool triple_quotes;  /* Python's triple-quoted strings */
	bool here_strings;   /* PowerShell's here-strings, `@"` to `"@` */
	bool verbatim;       /* C#'s `@"..."` (`""` inside) */
	bool preprocessor;   /* C#'s `#if` / `#else` / `#endif` */
	bool indentation;    /* Python: statements are indented; a block header ends in ':' */
	char escape;         /* the escape character in "..." strings */
	char continuation;   /* a line ending in this continues (Python's backslash, PowerShell's
				backtick) */
	bool chained_lines;  /* with newline_ends: a line ending in `=`, or followed (past blank
				and comment lines) by one that starts with `.` or `?.`, continues
				(Kotlin's builder chains) */
	/* Node types that give a piece its context: imports, using directives ... */
	const char *const *context_types;
	/* ... and declarations the evaluator follows names to (C# fields and locals). */
	const char *const *declaration_types;
} recover_syntax;

typedef enum recover_kind {
	RECOVER_CODE = 0,   /* a damaged region or a piece of one */
	RECOVER_IMPORT,     /* context: an import or using directive */
	RECOVER_DECLARATION /* context: a field or local declaration with its initialiser */
} recover_kind;

typedef struct recover_range {
	uint32_t start, end; /* bytes, [start, end) */
	recover_kind kind;
} recover_range;

typedef struct recover_ranges {
	recover_range *items;
	size_t len, cap;
} recover_ranges;

void recover_ranges_release(recover_ranges *r);
/* Appends [start, end) (merged with the last range when they overlap). */
void recover_ranges_add(recover_ranges *r, uint32_t start, uint32_t end);
/* Sorts by start and merges overlapping ranges. */
void recover_ranges_sort(recover_ranges *r);

/* Appends the damaged ranges of the tree under `root`, in file order, not overlapping. */
void recover_regions(recover_ranges *out, TSNode root);

/* Widens each damaged range to whole statements: back to the start of its first line, on to
 * the end of the statement its last byte is in (C#'s `;`, a newline in Python); merges the
 * ranges that then overlap. */
void recover_extend(recover_ranges *r, language lang, const char *text, size_t len);

/* Appends the statement-sized pieces of text[start, end) (leading white space trimmed, empty
 * pieces left out). `flat` splits at every statement punctuation, brackets or not (for a piece
 * that did not parse on its own). */
void recover_chunks(recover_ranges *out, language lang, const char *text, uint32_t start,
		    uint32_t end, bool flat);

/* Are the brackets of text[start, end) balanced (strings and comments aside)? */
bool recover_balanced(language lang, const char *text, uint32_t start, uint32_t end);

/* Does text[start, end) leave a bracket open (and close none it did not open)? */
bool recover_opens(language lang, const char *text, uint32_t start, uint32_t end);

/* Which of the byte offsets `at` (n of them, ascending) is the first one in code, outside
 * the comments and string literals of `text` as `lang`'s recovery syntax reads them: its
 * index, or n when all are in comments or strings. The text is read only as far as the
 * answer needs. An interpolated string (C#'s `$"..."`, `$@"..."`, `@$"..."`, Python's
 * `f"..."`) counts as code: its holes are. A language without a recovery syntax: 0. */
size_t recover_first_in_code(language lang, const char *text, size_t len, const uint32_t *at,
			     size_t n);
/* Appends, for a language with a preprocessor (C#), the `#elif` / `#else` branches of the file's conditional sections (from the
 * directive's line to the `#endif` line), which tree-sitter reads as if both branches were
 * code; unbalanced braces across branches otherwise damage the rest of the file. */
void recover_else_branches(recover_ranges *out, language lang, const char *text, size_t len);

/* Appends, in file order, the ranges of the nodes without errors that give a piece its
 * context: imports (Python) and using directives (C#), and C# declarations that initialise a
 * field, a constant or a local (the evaluator follows names to them). */
void recover_context(recover_ranges *out, language lang, TSNode root);

#endif
