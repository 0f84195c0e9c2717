/* shell_readers.c: Dockerfile instructions and Makefile recipes as shell text
 * (lang/shell/shell_readers.h). */
#include "lang/shell/shell_readers.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "util/alloc.h"

static char *rd__blank(const char *text, size_t len)
{
	char *out = xmalloc(len + 1);
	for (size_t i = 0; i < len; i++)
		out[i] = text[i] == '\n' ? '\n' : ' ';
	out[len] = '\0';
	return out;
}

static size_t rd__eol(const char *text, size_t len, size_t i)
{
	const char *nl = memchr(text + i, '\n', len - i);
	return nl ? (size_t)(nl - text) : len;
}

/* Does the line [b, e) end with a `\` continuation (trailing blanks allowed)? */
static bool rd__continues(const char *text, size_t b, size_t e)
{
	while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
		e--;
	return e > b && text[e - 1] == '\\';
}

static bool rd__word(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w);
	return len >= n && strncasecmp(s, w, n) == 0 &&
	       (len == n || s[n] == ' ' || s[n] == '\t' || s[n] == '\r' || s[n] == '\\');
}

/* Exec form ["a", "b"]: the brackets and commas outside quotes become blanks. */
static void rd__exec_form(char *out, size_t b, size_t e)
{
	char quote = 0;
	for (size_t i = b; i < e; i++) {
		char c = out[i];
		if (quote) {
			if (c == '\\' && i + 1 < e)
				i++;
			else if (c == quote)
				quote = 0;
		} else if (c == '"') {
			quote = c;
		} else if (c == '[' || c == ']' || c == ',') {
			out[i] = ' ';
		}
	}
}

char *shell_dockerfile_commands(const char *text, size_t len)
{
	char *out = rd__blank(text, len);
	size_t i = 0;
	while (i < len) {
		size_t e = rd__eol(text, len, i), b = i;
		while (b < e && (text[b] == ' ' || text[b] == '\t'))
			b++;
		size_t kw = 0;
		if (rd__word(text + b, e - b, "RUN"))
			kw = 3;
		else if (rd__word(text + b, e - b, "CMD") || rd__word(text + b, e - b, "ENV"))
			kw = 3;
		else if (rd__word(text + b, e - b, "ENTRYPOINT"))
			kw = 10;
		if (!kw) {
			i = e + 1;
			continue;
		}
		bool run = kw == 3 && strncasecmp(text + b, "RUN", 3) == 0;
		size_t start = b + kw, first = start;
		/* The instruction: this line and its continuations. */
		for (bool cont = false;; cont = true) {
			bool comment = false;
			if (cont) { /* a comment line inside a continued instruction */
				size_t c = i;
				while (c < e && (text[c] == ' ' || text[c] == '\t'))
					c++;
				comment = c < e && text[c] == '#';
			}
			if (!comment)
				memcpy(out + first, text + first, e - first);
			/* Docker drops comment lines inside an instruction; the next line continues. */
			if ((!comment && !rd__continues(text, i, e)) || e >= len)
				break;
			i = e + 1;
			e = rd__eol(text, len, i);
			first = i;
		}
		size_t end = e;
		/* RUN --mount=... --network=...: flags of the instruction, not of the command. */
		size_t p = start;
		while (run && p < end) {
			while (p < end && (out[p] == ' ' || out[p] == '\t'))
				p++;
			if (p + 1 >= end || out[p] != '-' || out[p + 1] != '-')
				break;
			while (p < end && out[p] != ' ' && out[p] != '\t' && out[p] != '\n')
				out[p++] = ' ';
		}
		while (p < end && (out[p] == ' ' || out[p] == '\t'))
			p++;
		if (p < end && out[p] == '[')
			rd__exec_form(out, p, end);
		i = end + 1;
	}
	return out;
}

char *shell_makefile_recipes(const char *text, size_t len)
{
	char *out = rd__blank(text, len);
	size_t i = 0;
	bool continued = false;
	while (i < len) {
		size_t e = rd__eol(text, len, i);
		size_t b = i;
		if (continued || (b < e && text[b] == '\t')) {
			if (!continued) {
				b++; /* the tab */
				while (b < e && (text[b] == '@' || text[b] == '-' || text[b] == '+' ||
						 text[b] == ' '))
					b++;
			}
			memcpy(out + b, text + b, e - b);
			continued = rd__continues(text, i, e);
		}
		i = e + 1;
	}
	return out;
}
