/* fix_map.h: where a position of a file's text lands once a fix's replacements are applied.
 *
 * `tlslint fix` re-scans what it wrote and looks for a fixed finding that is still there; an
 * earlier replacement of the file that changes its length (a C# fix that deletes whole lines)
 * moves every later position, so a fixed finding's position is mapped through the file's
 * replacements before it is compared with the re-scan. Offsets are bytes of the decoded UTF-8
 * text (what the front ends saw and what the re-scan decodes again). */
#ifndef TLSLINT_FIX_MAP_H
#define TLSLINT_FIX_MAP_H

#include <stddef.h>

#include "source/source_file.h"

/* One replacement: bytes [start, end) of the old text become `new_len` bytes. */
typedef struct fix_span {
	size_t start, end, new_len;
} fix_span;

/* The offset in the new text of byte `off` of the old text, after the `n` replacements
 * `spans` (sorted by start, not overlapping). A replacement wholly before `off` (an insertion
 * at `off` too) moves it by the difference of its lengths; a position inside a replaced range
 * keeps its distance from the range's start, at most the inserted text's length; one at or
 * after a replacement's start that the replacement does not reach is not moved by it. */
size_t fix_map_offset(const fix_span *spans, size_t n, size_t off);

/* The byte offset of 1-based `line` and UTF-16 column `col` of `sf`, clamped to its line. */
size_t fix_offset_of(const source_file *sf, unsigned line, unsigned col);

/* Maps the 1-based `*line` / UTF-16 `*col` of `old` through `spans` to the same place of
 * `new_text` (the old text with the replacements applied). */
void fix_map_position(const source_file *old, const fix_span *spans, size_t n,
		      const source_file *new_text, unsigned *line, unsigned *col);

#endif
