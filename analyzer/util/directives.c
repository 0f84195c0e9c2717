/* directives.c: line-oriented configuration into words (util/directives.h). */
#include "util/directives.h"

#include <string.h>
#include <strings.h>

static bool dir__blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Is there a `\` continuation at `i` (a backslash, blanks, then the line break or the end)? */
static bool dir__continues(const char *buf, size_t len, size_t i, size_t *next)
{
	if (buf[i] != '\\')
		return false;
	size_t j = i + 1;
	while (j < len && (buf[j] == ' ' || buf[j] == '\t' || buf[j] == '\r'))
		j++;
	if (j < len && buf[j] != '\n')
		return false;
	*next = j < len ? j + 1 : j;
	return true;
}

static bool dir__templated(const char *buf, size_t start, size_t end)
{
	static const char *const marks[] = { "{{", "{%", "<%", "${", "%}", "}}" };
	for (size_t i = start; i + 1 < end; i++)
		for (size_t m = 0; m < sizeof(marks) / sizeof(marks[0]); m++)
			if (buf[i] == marks[m][0] && buf[i + 1] == marks[m][1])
				return true;
	return false;
}

size_t directives_read(const char *buf, size_t len, const directive_syntax *sx, directive_fn fn,
		       void *arg)
{
	size_t i = 0, count = 0, line = 1;
	while (i < len) {
		directive d;
		d.nwords = 0;
		d.line = line;
		bool at_line_start = true, done = false;
		while (i < len && !done) {
			char c = buf[i];
			size_t next;
			if (c == '\n') {
				i++;
				line++;
				done = true;
			} else if (sx->continuation && dir__continues(buf, len, i, &next)) {
				i = next;
				line++;
			} else if (dir__blank(c)) {
				i++;
			} else if (c == '#' && (sx->hash_anywhere || at_line_start)) {
				while (i < len && buf[i] != '\n')
					i++; /* a comment ends at the line break, never continues */
			} else {
				at_line_start = false;
				directive_word w = { .start = i };
				if (c == '"' || c == '\'') {
					char q = c;
					i++;
					w.quoted = true;
					w.vstart = i;
					while (i < len && buf[i] != q && buf[i] != '\n') {
						if (buf[i] == '\\' && i + 1 < len && buf[i + 1] != '\n')
							i++;
						i++;
					}
					w.vend = i;
					if (i < len && buf[i] == q)
						i++;
				} else if (sx->equals_word && c == '=') {
					w.vstart = i++;
					w.vend = i;
				} else {
					w.vstart = i;
					while (i < len && !dir__blank(buf[i]) && buf[i] != '\n' &&
					       !(sx->equals_word && buf[i] == '=') &&
					       !(sx->hash_anywhere && buf[i] == '#') &&
					       !(sx->continuation && dir__continues(buf, len, i, &next)))
						i++;
					w.vend = i;
				}
				w.end = i;
				w.templated = dir__templated(buf, w.start, w.end);
				if (d.nwords < DIRECTIVE_MAX_WORDS)
					d.words[d.nwords++] = w;
			}
		}
		if (d.nwords) {
			count++;
			fn(arg, buf, &d);
		}
	}
	return count;
}

bool directive_word_is(const char *buf, const directive_word *w, const char *s)
{
	size_t n = strlen(s);
	return w->vend - w->vstart == n && strncasecmp(buf + w->vstart, s, n) == 0;
}
