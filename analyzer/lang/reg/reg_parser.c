/* reg_parser.c: a small reader for regedit export files. */
#include "reg_parser.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "util/strbuf.h"

#define MAX_DATA 4096 /* bytes of one entry's data text kept for decoding */

struct cursor {
	const char *text;
	size_t len, pos; /* pos: start of the next physical line */
};

/* The next physical line [*b, *e) without its line ending; false at the end. */
static bool reg__line(struct cursor *c, size_t *b, size_t *e)
{
	if (c->pos >= c->len)
		return false;
	*b = c->pos;
	size_t i = c->pos;
	while (i < c->len && c->text[i] != '\n')
		i++;
	c->pos = i < c->len ? i + 1 : i;
	*e = i > *b && c->text[i - 1] == '\r' ? i - 1 : i;
	return true;
}

static int reg__hex_digit(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = (char)tolower((unsigned char)ch);
	return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

/* Decodes "dword:0000001f", "hex(4):1f,00,00,00", "hex(5):..", "hex(b):..", "-". */
static void reg__decode(const char *d, size_t len, reg_entry *e)
{
	e->type = REG_DATA_OTHER;
	if (len == 1 && d[0] == '-') {
		e->type = REG_DATA_DELETE;
		return;
	}
	if (len > 6 && strncasecmp(d, "dword:", 6) == 0) {
		unsigned long long v = 0;
		size_t digits = 0;
		for (size_t i = 6; i < len; i++) {
			int h = reg__hex_digit(d[i]);
			if (h < 0 || ++digits > 8)
				return;
			v = v << 4 | (unsigned)h;
		}
		e->type = REG_DATA_NUMBER;
		e->number = v;
		return;
	}
	size_t width;
	bool big_endian = false;
	if (len > 7 && strncasecmp(d, "hex(4):", 7) == 0)
		width = 4;
	else if (len > 7 && strncasecmp(d, "hex(5):", 7) == 0)
		width = 4, big_endian = true;
	else if (len > 7 && strncasecmp(d, "hex(b):", 7) == 0)
		width = 8;
	else
		return;
	unsigned char bytes[8];
	size_t n = 0, i = 7;
	while (i < len) {
		while (i < len && (d[i] == ' ' || d[i] == ','))
			i++;
		if (i >= len)
			break;
		int hi = reg__hex_digit(d[i]), lo = i + 1 < len ? reg__hex_digit(d[i + 1]) : -1;
		if (hi < 0 || lo < 0 || n == width)
			return;
		bytes[n++] = (unsigned char)(hi << 4 | lo);
		i += 2;
	}
	if (n != width)
		return;
	unsigned long long v = 0;
	for (size_t k = 0; k < width; k++)
		v |= (unsigned long long)bytes[big_endian ? width - 1 - k : k] << (8 * k);
	e->type = REG_DATA_NUMBER;
	e->number = v;
}

/* Parses `"name"=data` or `@=data` starting at `b`; the data may continue on further lines. */
static void reg__value(struct cursor *c, size_t b, size_t e, reg_entry *entry, reg_visitor visit,
		       void *arg)
{
	const char *t = c->text;
	size_t i = b;
	if (t[i] == '@') {
		entry->name = t + i;
		entry->name_len = 0;
		i++;
	} else {
		i++; /* the opening quote */
		size_t ns = i;
		while (i < e && t[i] != '"') {
			if (t[i] == '\\' && i + 1 < e)
				i++;
			i++;
		}
		if (i >= e)
			return; /* unterminated name */
		entry->name = t + ns;
		entry->name_len = i - ns;
		i++;
	}
	while (i < e && (t[i] == ' ' || t[i] == '\t'))
		i++;
	if (i >= e || t[i] != '=')
		return;
	i++;
	strbuf data = STRBUF_INIT;
	data.max = MAX_DATA;
	size_t end = e;
	for (;;) {
		while (i < end && (t[i] == ' ' || t[i] == '\t'))
			i++;
		size_t de = end;
		while (de > i && (t[de - 1] == ' ' || t[de - 1] == '\t'))
			de--;
		bool more = de > i && t[de - 1] == '\\';
		strbuf_add(&data, t + i, more ? de - 1 - i : de - i);
		if (!more)
			break;
		size_t nb, ne;
		if (!reg__line(c, &nb, &ne))
			break;
		i = nb;
		end = ne;
	}
	entry->start = b;
	entry->end = end;
	reg__decode(data.buf ? data.buf : "", data.len, entry);
	strbuf_release(&data);
	visit(arg, entry);
}

void reg_parse(const char *text, size_t len, reg_visitor visit, void *arg)
{
	struct cursor c = { text, len, 0 };
	reg_entry entry = { 0 };
	size_t b, e;
	while (reg__line(&c, &b, &e)) {
		while (b < e && (text[b] == ' ' || text[b] == '\t'))
			b++;
		if (b == e || text[b] == ';')
			continue;
		if (text[b] == '[') {
			size_t close = e;
			while (close > b && text[close - 1] != ']')
				close--;
			if (close <= b + 1) {
				entry.key = NULL;
				continue;
			}
			bool deleted = text[b + 1] == '-';
			entry.key = deleted ? NULL : text + b + 1;
			entry.key_len = deleted ? 0 : close - 1 - (b + 1);
			continue;
		}
		if (text[b] == '"' || text[b] == '@')
			reg__value(&c, b, e, &entry, visit, arg);
	}
}
