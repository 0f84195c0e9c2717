/* fix_map.c: positions of a file's text mapped through a fix's replacements. */
#include "cli/fix_map.h"

size_t fix_map_offset(const fix_span *spans, size_t n, size_t off)
{
	size_t grown = 0, shrunk = 0; /* what the replacements before `off` added and removed */
	for (size_t i = 0; i < n; i++) {
		const fix_span *s = &spans[i];
		if (s->end <= off) {
			grown += s->new_len;
			shrunk += s->end - s->start;
			continue;
		}
		if (s->start < off) {
			size_t into = off - s->start;
			return s->start + grown - shrunk + (into < s->new_len ? into : s->new_len);
		}
		break;
	}
	return off + grown - shrunk;
}

size_t fix_offset_of(const source_file *sf, unsigned line, unsigned col)
{
	if (!sf->nlines || line == 0)
		return 0;
	if (line > sf->nlines)
		return sf->len;
	size_t at = sf->line_starts[line - 1];
	size_t end = line < sf->nlines ? sf->line_starts[line] : sf->len;
	unsigned units = 1;
	while (at < end && units < col && sf->text[at] != '\n') {
		/* A character's UTF-8 length: four bytes are two UTF-16 units. */
		unsigned char c = (unsigned char)sf->text[at];
		size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
		if (at + len > end)
			len = end - at;
		units += len == 4 ? 2 : 1;
		at += len;
	}
	return at;
}

void fix_map_position(const source_file *old, const fix_span *spans, size_t n,
		      const source_file *new_text, unsigned *line, unsigned *col)
{
	size_t off = fix_map_offset(spans, n, fix_offset_of(old, *line, *col));
	source_position(new_text, off > new_text->len ? new_text->len : off, line, col);
}
