/* facts.c: lists of per-file facts. */
#include "facts.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/emit.h"
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

static bool facts__key_ends_with(const char *key, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	while (len && (key[len - 1] == '\\' || key[len - 1] == ' '))
		len--;
	return len >= n && strncasecmp(key + len - n, suffix, n) == 0 &&
	       (len == n || key[len - n - 1] == '\\');
}

opt_scope facts_netfx_key_scope(const char *key, size_t len)
{
	if (facts__key_ends_with(key, len, "Microsoft\\.NETFramework\\v4.0.30319"))
		return OPT_SCOPE_MACHINE_V4;
	if (facts__key_ends_with(key, len, "Microsoft\\.NETFramework\\v2.0.50727"))
		return OPT_SCOPE_MACHINE_V2;
	return 0;
}

unsigned facts_netfx_opt_in(const char *name, size_t len, unsigned long long value)
{
	if (value != 1)
		return 0;
	if (len == 24 && strncasecmp(name, "SystemDefaultTlsVersions", len) == 0)
		return OPT_SYSTEM_DEFAULT;
	if (len == 18 && strncasecmp(name, "SchUseStrongCrypto", len) == 0)
		return OPT_STRONG_CRYPTO;
	return 0;
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

void facts_observe_value(const struct file_ctx *ctx, const char *value_type, version_set versions,
			 size_t start, size_t end)
{
	/* Only SecurityProtocolType sets the process-wide default that LT-NET-004 is about; an
	 * SslProtocols value configures one stream or handler, not the runtime. */
	if (ctx->facts && (versions & VERSION_TLS12) && strcmp(value_type, "SecurityProtocolType") == 0)
		fact_list_add(ctx->facts, FACT_TLS12_CODE, ctx->lang, ctx->uri, ctx->src, start, end);
}
