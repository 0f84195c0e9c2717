/* reg_parser.h: reading Windows registry export files (.reg) entry by entry.
 *
 * The format regedit writes: a `Windows Registry Editor Version 5.00` (or `REGEDIT4`) line,
 * then `[HKEY_...\Key]` sections (`[-HKEY_...]` deletes a key) holding `"Name"=data` or
 * `@=data` lines, where data is `"string"`, `dword:0000001f`, `hex:..`, `hex(N):..` (`hex(4)`
 * a little-endian DWORD, `hex(5)` a big-endian one, `hex(b)` a QWORD) or `-` (delete the
 * value). A line ending in `\` continues on the next; `;` starts a comment line. The parser
 * works on the decoded UTF-8 text and reports byte offsets into it. */
#ifndef TLSLINT_REG_PARSER_H
#define TLSLINT_REG_PARSER_H

#include <stdbool.h>
#include <stddef.h>

typedef enum reg_data {
	REG_DATA_NUMBER,  /* dword:, hex(4):, hex(5):, hex(b): */
	REG_DATA_DELETE,  /* "Name"=- */
	REG_DATA_OTHER,   /* strings, binary, multi-strings, ... */
} reg_data;

typedef struct reg_entry {
	const char *key;       /* the key path of the section; NULL under a deleted key */
	size_t key_len;
	const char *name;      /* the value name as written, without quotes ("" for @) */
	size_t name_len;
	size_t start, end;     /* bytes of the whole entry, name to the end of its data */
	reg_data type;
	unsigned long long number; /* REG_DATA_NUMBER */
} reg_entry;

typedef void (*reg_visitor)(void *arg, const reg_entry *e);

/* Calls `visit` for every value entry of `text`, in order. */
void reg_parse(const char *text, size_t len, reg_visitor visit, void *arg);


#endif
