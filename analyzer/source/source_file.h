/* source_file.h: a scanned file's text, decoded to UTF-8, with line and column arithmetic.
 *
 * Every front end works on UTF-8. Files arrive as UTF-8 (with or without a byte order mark),
 * UTF-16LE/BE (regedit exports) or legacy 8-bit encodings; they are decoded once here, and
 * positions are reported as SARIF wants them: 1-based lines of the decoded text and 1-based
 * columns counted in UTF-16 code units. */
#ifndef TLSLINT_SOURCE_FILE_H
#define TLSLINT_SOURCE_FILE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum source_encoding {
	ENCODING_UTF8,
	ENCODING_UTF8_BOM,
	ENCODING_UTF16LE,
	ENCODING_UTF16BE,
	ENCODING_LATIN1, /* bytes that are not valid UTF-8, read as ISO-8859-1 */
} source_encoding;

typedef enum source_error {
	SOURCE_OK = 0,
	SOURCE_BINARY = -1,   /* NUL bytes and not UTF-16: not text */
	SOURCE_TOO_LARGE = -2,
	SOURCE_UNREADABLE = -3,
} source_error;

typedef struct source_file {
	char *text; /* UTF-8, NUL-terminated; owned */
	size_t len;
	source_encoding encoding;
	bool bom; /* the file starts with a byte order mark (UTF-8 or UTF-16) */
	size_t *line_starts; /* byte offset where each line starts; owned */
	size_t nlines;
} source_file;

/* Decodes `raw` (which it takes ownership of and may free) into `out`. */
source_error source_decode(source_file *out, char *raw, size_t rawlen);
/* The same without the line index (line_starts is NULL until source_index_lines()): for the
 * first look at a file, which most files do not get past. */
source_error source_decode_unindexed(source_file *out, char *raw, size_t rawlen);
/* Builds the line index of a file decoded without it; does nothing when it has one. */
void source_index_lines(source_file *sf);
/* Reads and decodes a file; on failure `errno_out` holds the reason for SOURCE_UNREADABLE. */
source_error source_load(source_file *out, const char *path, size_t max_size, int *errno_out);
void source_release(source_file *sf);

const char *source_encoding_name(source_encoding e);

/* Offset in the file's own bytes of byte `off` of the decoded text. */
size_t source_raw_offset(const source_file *sf, size_t off);
/* `len` bytes of UTF-8 encoded as a file of encoding `e` (with a byte order mark when `bom`);
 * the length in *outlen. NULL when the text cannot be written in that encoding (a character
 * beyond Latin-1 in a Latin-1 file). source_decode() of the result gives `utf8` back. */
char *source_encode(source_encoding e, bool bom, const char *utf8, size_t len, size_t *outlen);

/* 1-based line and UTF-16 column of byte offset `off`. */
void source_position(const source_file *sf, size_t off, unsigned *line, unsigned *col);
/* The text of 1-based line `line` without its line ending. */
const char *source_line(const source_file *sf, unsigned line, size_t *len);
/* Counts UTF-16 code units in `len` bytes of UTF-8. */
unsigned utf8_utf16_units(const char *s, size_t len);
/* True when `len` bytes at `s` are well-formed UTF-8. */
bool utf8_valid(const char *s, size_t len);

#endif
