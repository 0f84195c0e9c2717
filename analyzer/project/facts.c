/* facts.c: lists of per-file facts. */
#include "facts.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

#define MAX_FACT_TEXT 200

fact *fact_list_add(fact_list *fl, fact_kind kind, language lang, const char *uri,
		    const source_file *src, size_t start, size_t end)
{
	GROW(fl->items, fl->cap, fl->len + 1);
	fact *f = &fl->items[fl->len++];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->lang = lang;
	f->uri = xstrdup(uri);
	f->start = start;
	f->end = end;
	source_position(src, start, &f->where.start_line, &f->where.start_col);
	source_position(src, end, &f->where.end_line, &f->where.end_col);
	size_t len = end - start;
	if (len > MAX_FACT_TEXT) {
		len = MAX_FACT_TEXT;
		while (len && (src->text[start + len] & 0xC0) == 0x80)
			len--; /* never cut a UTF-8 sequence */
	}
	f->text = xstrndup(src->text + start, len);
	return f;
}

void fact_list_take(fact_list *dst, fact_list *src)
{
	GROW(dst->items, dst->cap, dst->len + src->len);
	if (src->len)
		memcpy(dst->items + dst->len, src->items, src->len * sizeof(*src->items));
	dst->len += src->len;
	free(src->items);
	memset(src, 0, sizeof(*src));
}

void fact_list_release(fact_list *fl)
{
	for (size_t i = 0; i < fl->len; i++) {
		free(fl->items[i].uri);
		free(fl->items[i].text);
	}
	free(fl->items);
	memset(fl, 0, sizeof(*fl));
}
