/* haproxy_frontend.c: HAProxy configuration: LT-HAP-001.
 *
 * On `bind`, `server` and `default-server` lines, and in the global section's
 * `ssl-default-bind-options` / `ssl-default-server-options`: `ssl-min-ver` at SSLv3, TLSv1.0 or
 * TLSv1.1 (a floor that lets the legacy versions in), `ssl-max-ver` at or below TLSv1.1 (a cap
 * that allows nothing newer), and `force-sslv3`, `force-tlsv10`, `force-tlsv11` (only that
 * version). HAProxy starts a comment with `#` anywhere outside quotes and has no line
 * continuation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frontends/frontend.h"
#include "lang/haproxy/haproxy.h"
#include "util/alloc.h"
#include "util/directives.h"

struct haproxy_walk {
	const rule *options; /* LT-HAP-001 */
	const file_ctx *ctx;
};

/* `ssl-min-ver X` / `ssl-max-ver X`: the legacy versions the setting enables, or 0. */
static version_set haproxy__bound(const char *buf, const directive_word *v, bool floor)
{
	static const struct {
		const char *name;
		version_set as_floor, as_cap;
	} names[] = {
		{ "SSLv3", VERSION_SSL3 | VERSION_TLS10 | VERSION_TLS11, VERSION_SSL3 },
		{ "TLSv1.0", VERSION_TLS10 | VERSION_TLS11, VERSION_TLS10 },
		{ "TLSv1.1", VERSION_TLS11, VERSION_TLS10 | VERSION_TLS11 },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (directive_word_is(buf, v, names[i].name))
			return floor ? names[i].as_floor : names[i].as_cap;
	return 0;
}

static void haproxy__directive(void *arg, const char *buf, const directive *d)
{
	const struct haproxy_walk *w = arg;
	const directive_word *first = &d->words[0];
	if (!(directive_word_is(buf, first, "bind") || directive_word_is(buf, first, "server") ||
	      directive_word_is(buf, first, "default-server") ||
	      directive_word_is(buf, first, "ssl-default-bind-options") ||
	      directive_word_is(buf, first, "ssl-default-server-options")))
		return;
	static const struct {
		const char *name;
		version_set v;
	} forced[] = {
		{ "force-sslv3", VERSION_SSL3 },
		{ "force-tlsv10", VERSION_TLS10 },
		{ "force-tlsv11", VERSION_TLS11 },
	};
	for (size_t i = 1; i < d->nwords; i++) {
		const directive_word *a = &d->words[i];
		if (a->templated || a->quoted)
			continue;
		version_set v = 0;
		size_t end = a->end;
		bool floor = directive_word_is(buf, a, "ssl-min-ver");
		if ((floor || directive_word_is(buf, a, "ssl-max-ver")) && i + 1 < d->nwords &&
		    !d->words[i + 1].templated) {
			v = haproxy__bound(buf, &d->words[i + 1], floor);
			end = d->words[i + 1].end;
		}
		for (size_t k = 0; k < sizeof(forced) / sizeof(forced[0]) && !v; k++)
			if (directive_word_is(buf, a, forced[k].name))
				v = forced[k].v;
		if (!v)
			continue;
		message_args args = { .versions = v, .value_text = buf + a->start,
				      .value_len = end - a->start };
		emit_finding(w->ctx, w->options, a->start, end, &args);
	}
}

static int haproxy_fe__prepare(void **state, language lang, const rule *const *rules,
				size_t nrules, char *err, size_t errlen)
{
	(void)lang;
	return frontend_one_rule_prepare(state, rules, nrules,
					 "LT-HAP-001", "HAProxy files", err, errlen);
}

static int haproxy_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			       size_t whylen)
{
	(void)worker, (void)why, (void)whylen;
	struct haproxy_walk w = { frontend_one_rule(state), NULL };
	if (!w.options)
		return 0;
	w.ctx = ctx;
	static const directive_syntax haproxy = { .hash_anywhere = true };
	directives_read(ctx->src->text, ctx->src->len, &haproxy, haproxy__directive, &w);
	return 0;
}

/* Is this `.cfg` HAProxy configuration: a section line (`global`, `defaults`, `frontend`,
 * `backend`, `listen`) and a `bind` or `server` line? */
bool haproxy_sniff(const char *text, size_t len)
{
	static const char *const sections[] = { "global", "defaults", "frontend", "backend",
						"listen" };
	static const char *const lines[] = { "bind", "server", "default-server" };
	bool section = false, line = false;
	for (size_t i = 0; i < len && !(section && line);) {
		size_t indent = i;
		while (i < len && (text[i] == ' ' || text[i] == '\t'))
			i++;
		size_t w = i;
		while (i < len && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' &&
		       text[i] != '\r')
			i++;
		size_t n = i - w;
		for (size_t k = 0; k < sizeof(sections) / sizeof(sections[0]) && w == indent; k++)
			section |= n == strlen(sections[k]) && strncmp(text + w, sections[k], n) == 0;
		for (size_t k = 0; k < sizeof(lines) / sizeof(lines[0]); k++)
			line |= n == strlen(lines[k]) && strncmp(text + w, lines[k], n) == 0;
		const char *nl = memchr(text + i, '\n', len - i);
		i = nl ? (size_t)(nl - text) + 1 : len;
	}
	return section && line;
}

const frontend haproxy_frontend = {
	.name = "haproxy",
	.prepare = haproxy_fe__prepare,
	.release = frontend_one_rule_release,
	.analyze = haproxy_fe__analyze,
};
