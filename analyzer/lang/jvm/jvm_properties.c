/* jvm_properties.c: the properties format (java.util.Properties) as key/value pairs
 * (lang/jvm/jvm_properties.h). */
#include "lang/jvm/jvm_properties.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

#define JVM_MAX_KEY 256

static size_t jvm__eol(const char *text, size_t len, size_t i)
{
	const char *nl = memchr(text + i, '\n', len - i);
	return nl ? (size_t)(nl - text) : len;
}

/* A line [b, e) ends with an odd number of backslashes (a CR before the newline ignored). */
static bool jvm__continues(const char *text, size_t b, size_t *e)
{
	if (*e > b && text[*e - 1] == '\r')
		(*e)--;
	size_t n = 0;
	while (*e - n > b && text[*e - 1 - n] == '\\')
		n++;
	return n % 2 == 1;
}

size_t jvm_properties_read(const char *text, size_t len, jvm_property_fn fn, void *arg)
{
	size_t i = 0, count = 0;
	char *value = xmalloc(len + 1);
	while (i < len) {
		size_t e = jvm__eol(text, len, i), b = i;
		while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\f'))
			b++;
		if (b >= e || text[b] == '#' || text[b] == '!' || text[b] == '\r') {
			i = e + 1;
			continue;
		}
		/* The key. */
		char key[JVM_MAX_KEY];
		size_t klen = 0, k = b;
		size_t line_end = e;
		bool cont = jvm__continues(text, b, &line_end);
		size_t content_end = cont ? line_end - 1 : line_end;
		while (k < content_end && text[k] != '=' && text[k] != ':' && text[k] != ' ' &&
		       text[k] != '\t') {
			if (text[k] == '\\' && k + 1 < content_end)
				k++;
			if (klen + 1 < sizeof(key))
				key[klen++] = text[k];
			k++;
		}
		while (k < content_end && (text[k] == ' ' || text[k] == '\t'))
			k++;
		if (k < content_end && (text[k] == '=' || text[k] == ':'))
			k++;
		while (k < content_end && (text[k] == ' ' || text[k] == '\t'))
			k++;
		/* The value, over its continuation lines. */
		size_t vlen = 0, vstart = k, vend = content_end;
		for (;;) {
			memcpy(value + vlen, text + k, content_end - k);
			vlen += content_end - k;
			vend = content_end;
			if (!cont || e >= len)
				break;
			i = e + 1;
			e = jvm__eol(text, len, i);
			k = i;
			while (k < e && (text[k] == ' ' || text[k] == '\t' || text[k] == '\f'))
				k++;
			line_end = e;
			cont = jvm__continues(text, i, &line_end);
			content_end = cont ? line_end - 1 : line_end;
			if (k > content_end)
				k = content_end;
		}
		if (vend > vstart) {
			fn(arg, key, klen, value, vlen, vstart, vend);
			count++;
		}
		i = e + 1;
	}
	free(value);
	return count;
}
