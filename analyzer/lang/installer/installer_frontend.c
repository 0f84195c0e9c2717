/* installer_frontend.c: installer and batch scripts as evidence for LT-NET-004.
 *
 * A setup program is a usual place to opt a machine's .NET runtimes into the operating
 * system's TLS default. This front end has no rules of its own: it records, as facts, the
 * registry writes that set `SystemDefaultTlsVersions` or `SchUseStrongCrypto` to 1 under a
 * runtime's key, in three forms:
 *   - WiX (.wxs, .wxi): <RegistryValue Key="..." Name="..." Value="1"/>, the key given on the
 *     element or by the enclosing <RegistryKey Key="...">;
 *   - Inno Setup (.iss): a [Registry] line `Subkey: "..."; ValueName: "..."; ValueData: 1`;
 *   - batch files (.bat, .cmd): `reg add "KEY" /v NAME /t REG_DWORD /d 1`.
 * The text is read line by line; nothing is run. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frontends/frontend.h"
#include "project/facts.h"
#include "util/alloc.h"

#define MAX_KEY_DEPTH 16

struct installer_scan {
	const file_ctx *ctx;
	const char *keys[MAX_KEY_DEPTH]; /* WiX: the Key of each open <RegistryKey> */
	size_t key_lens[MAX_KEY_DEPTH];
	size_t depth;
};

/* Records an opt-in when `name` = `value` under `key` is one. */
static void installer__write(const struct installer_scan *sc, const char *key, size_t keylen,
			     const char *name, size_t namelen, const char *value, size_t valuelen,
			     size_t start, size_t end)
{
	char digits[24];
	if (!sc->ctx->facts || !key || !name || !value || valuelen == 0 || valuelen >= sizeof(digits))
		return;
	memcpy(digits, value, valuelen);
	digits[valuelen] = '\0';
	char *stop = NULL;
	unsigned long long number = strtoull(digits, &stop, 0);
	if (*stop)
		return;
	opt_scope scope = facts_netfx_key_scope(key, keylen);
	unsigned opt = facts_netfx_opt_in(name, namelen, number);
	if (!scope || !opt)
		return;
	fact *f = fact_list_add(sc->ctx->facts, FACT_OPT_IN, sc->ctx->lang, sc->ctx->uri,
				sc->ctx->src, start, end);
	f->opt_in = opt;
	f->scope = scope;
}

/* The value of attribute `attr` (`attr="v"`, WiX) in [s, end), or NULL. */
static const char *installer__attr(const char *s, const char *end, const char *attr, size_t *len)
{
	size_t alen = strlen(attr);
	for (const char *p = s; p + alen + 2 <= end; p++) {
		if (strncmp(p, attr, alen) != 0 || (p > s && !isspace((unsigned char)p[-1])))
			continue;
		const char *q = p + alen;
		while (q < end && isspace((unsigned char)*q))
			q++;
		if (q >= end || *q != '=')
			continue;
		q++;
		while (q < end && isspace((unsigned char)*q))
			q++;
		if (q >= end || (*q != '"' && *q != '\''))
			continue;
		char quote = *q++;
		const char *v = q;
		while (q < end && *q != quote)
			q++;
		*len = (size_t)(q - v);
		return v;
	}
	return NULL;
}

/* WiX: every <RegistryKey> and <RegistryValue> tag of the file, in order. */
static void installer__wix(struct installer_scan *sc)
{
	const char *text = sc->ctx->src->text, *end = text + sc->ctx->src->len;
	for (const char *p = text; (p = memchr(p, '<', (size_t)(end - p))); p++) {
		if (strncmp(p, "</RegistryKey", 13) == 0) {
			if (sc->depth)
				sc->depth--;
			continue;
		}
		bool is_key = strncmp(p, "<RegistryKey", 12) == 0 && !isalnum((unsigned char)p[12]);
		bool is_value = strncmp(p, "<RegistryValue", 14) == 0 && !isalnum((unsigned char)p[14]);
		if (!is_key && !is_value)
			continue;
		const char *close = memchr(p, '>', (size_t)(end - p));
		if (!close)
			return;
		bool self_closing = close > p && close[-1] == '/';
		size_t klen = 0, nlen = 0, vlen = 0;
		const char *key = installer__attr(p, close, "Key", &klen);
		if (is_key) {
			if (!self_closing && sc->depth < MAX_KEY_DEPTH) {
				sc->keys[sc->depth] = key;
				sc->key_lens[sc->depth] = key ? klen : 0;
				sc->depth++;
			}
			continue;
		}
		if (!key && sc->depth) {
			key = sc->keys[sc->depth - 1];
			klen = sc->key_lens[sc->depth - 1];
		}
		const char *name = installer__attr(p, close, "Name", &nlen);
		const char *value = installer__attr(p, close, "Value", &vlen);
		installer__write(sc, key, klen, name, nlen, value, vlen, (size_t)(p - text),
				 (size_t)(close + 1 - text));
	}
}

/* Inno Setup: `Name: value` parameters of one [Registry] line, quotes optional. */
static const char *installer__inno_param(const char *s, const char *end, const char *param,
					 size_t *len)
{
	size_t plen = strlen(param);
	for (const char *p = s; p + plen < end; p++) {
		if (strncasecmp(p, param, plen) != 0 || p[plen] != ':' ||
		    (p > s && (isalnum((unsigned char)p[-1]))))
			continue;
		const char *v = p + plen + 1;
		while (v < end && isspace((unsigned char)*v))
			v++;
		const char *e;
		if (v < end && *v == '"') {
			v++;
			e = memchr(v, '"', (size_t)(end - v));
			if (!e)
				e = end;
		} else {
			e = v;
			while (e < end && *e != ';' && !isspace((unsigned char)*e))
				e++;
		}
		*len = (size_t)(e - v);
		return v;
	}
	return NULL;
}

/* One token at `v`: quoted, or up to white space. */
static const char *installer__token(const char *v, const char *end, size_t *len)
{
	if (v < end && *v == '"') {
		const char *e = memchr(v + 1, '"', (size_t)(end - v - 1));
		*len = (size_t)((e ? e : end) - v - 1);
		return v + 1;
	}
	const char *e = v;
	while (e < end && !isspace((unsigned char)*e))
		e++;
	*len = (size_t)(e - v);
	return v;
}

/* Batch: the token after `flag` (`/v NAME`, `/d 1`), quotes removed. */
static const char *installer__switch(const char *s, const char *end, const char *flag, size_t *len)
{
	size_t flen = strlen(flag);
	for (const char *p = s; p + flen < end; p++) {
		if (strncasecmp(p, flag, flen) != 0 || !isspace((unsigned char)p[flen]) ||
		    (p > s && !isspace((unsigned char)p[-1])))
			continue;
		const char *v = p + flen;
		while (v < end && isspace((unsigned char)*v))
			v++;
		return installer__token(v, end, len);
	}
	return NULL;
}

static void installer__lines(struct installer_scan *sc, bool inno)
{
	const source_file *src = sc->ctx->src;
	for (unsigned line = 1; line <= src->nlines; line++) {
		size_t len = 0;
		const char *s = source_line(src, line, &len), *end = s + len;
		size_t start = (size_t)(s - src->text);
		size_t klen = 0, nlen = 0, vlen = 0;
		const char *key, *name, *value;
		if (inno) {
			key = installer__inno_param(s, end, "Subkey", &klen);
			name = installer__inno_param(s, end, "ValueName", &nlen);
			value = installer__inno_param(s, end, "ValueData", &vlen);
		} else {
			const char *add = NULL;
			for (const char *p = s; p + 7 <= end && !add; p++)
				if ((strncasecmp(p, "reg add", 7) == 0 ||
				     strncasecmp(p, "reg.exe add", 11) == 0) &&
				    (p == s || !isalnum((unsigned char)p[-1])))
					add = p + (strncasecmp(p, "reg add", 7) == 0 ? 7 : 11);
			if (!add)
				continue;
			while (add < end && isspace((unsigned char)*add))
				add++;
			key = installer__token(add, end, &klen);
			name = installer__switch(s, end, "/v", &nlen);
			value = installer__switch(s, end, "/d", &vlen);
		}
		installer__write(sc, key, klen, name, nlen, value, vlen, start, start + len);
	}
}

static int installer__prepare(void **state, language lang, const rule *const *rules,
			      size_t nrules, char *err, size_t errlen)
{
	(void)lang, (void)rules, (void)err, (void)errlen;
	if (nrules) {
		snprintf(err, errlen, "%s: installer scripts have no rules of their own",
			 rules[0]->source_path);
		return -1;
	}
	*state = NULL;
	return 0;
}

static void installer__release(void *state)
{
	(void)state;
}

static int installer__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			      size_t whylen)
{
	(void)state, (void)worker, (void)why, (void)whylen;
	struct installer_scan sc = { .ctx = ctx };
	const char *dot = strrchr(ctx->uri, '.');
	if (dot && (strcasecmp(dot, ".wxs") == 0 || strcasecmp(dot, ".wxi") == 0))
		installer__wix(&sc);
	else
		installer__lines(&sc, dot && strcasecmp(dot, ".iss") == 0);
	return 0;
}

const frontend installer_frontend = {
	.name = "installer",
	.prepare = installer__prepare,
	.release = installer__release,
	.analyze = installer__analyze,
};
