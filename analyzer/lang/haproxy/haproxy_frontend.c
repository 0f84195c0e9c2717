/* haproxy_frontend.c: HAProxy configuration: LT-HAP-001.
 *
 * On `bind`, `server` and `default-server` lines, and in the global section's
 * `ssl-default-bind-options` / `ssl-default-server-options`: `ssl-min-ver` at SSLv3, TLSv1.0 or
 * TLSv1.1 (a floor that lets the legacy versions in), `ssl-max-ver` at or below TLSv1.1 (a cap
 * that allows nothing newer), and `force-sslv3`, `force-tlsv10`, `force-tlsv11` (only that
 * version). HAProxy starts a comment with `#` anywhere outside quotes and has no line
 * continuation. Fixes: a legacy floor becomes `ssl-min-ver TLSv1.2`; a forced version or a
 * cap on a listener's line (bind, ssl-default-bind-options) becomes that floor, or goes when
 * the line has one (haproxy__fix). */
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

/* What the fixes of one line need to know about the whole line. */
struct haproxy_line {
	bool server;          /* server, default-server, ssl-default-server-options */
	bool floor;           /* an `ssl-min-ver` with a literal value */
	bool no_modern;       /* `no-tlsv12` or `no-tlsv13` */
	bool templated;       /* a word of template syntax */
	bool floor_inserted;  /* a fix of this line already writes `ssl-min-ver TLSv1.2` */
};

static struct haproxy_line haproxy__line(const char *buf, const directive *d)
{
	struct haproxy_line l = { 0 };
	const directive_word *first = &d->words[0];
	l.server = !directive_word_is(buf, first, "bind") &&
		   !directive_word_is(buf, first, "ssl-default-bind-options");
	for (size_t i = 1; i < d->nwords; i++) {
		const directive_word *a = &d->words[i];
		l.templated |= a->templated;
		l.floor |= directive_word_is(buf, a, "ssl-min-ver") && i + 1 < d->nwords &&
			   !d->words[i + 1].templated;
		l.no_modern |= directive_word_is(buf, a, "no-tlsv12") ||
			       directive_word_is(buf, a, "no-tlsv13");
	}
	return l;
}

/* The fix of the finding `f` on option words [i, last] of `d` (`floor`: an `ssl-min-ver`,
 * whose value word becomes TLSv1.2). A forced version or a cap becomes the floor
 * `ssl-min-ver TLSv1.2`, or is deleted when the line has a floor already (HAProxy before 2.2
 * started at TLS 1.0 without one, so plain removal is not enough). On a server line a forced
 * version or a cap is what the server it names speaks: no fix. */
static void haproxy__fix(const struct haproxy_walk *w, struct haproxy_line *l, finding *f,
			 const directive *d, size_t i, size_t last, bool floor)
{
	if (l->no_modern) {
		finding_set_no_fix(f, "The line also turns TLS 1.2 or TLS 1.3 off ('no-tlsv12', "
				      "'no-tlsv13'): choose the versions it must offer.");
		return;
	}
	const directive_word *a = &d->words[i], *v = &d->words[last];
	if (floor) {
		emit_replace(w->ctx, f, "Require TLS 1.2 as the minimum.", v->vstart, v->vend,
			     "TLSv1.2");
		return;
	}
	if (l->server) {
		finding_set_no_fix(f, "The option pins what the servers of this line speak: raise "
				      "it to 'ssl-min-ver TLSv1.2' once they accept TLS 1.2.");
		return;
	}
	if (l->floor || l->floor_inserted) {
		/* The option and the blanks before it go. */
		emit_replace(w->ctx, f, "Drop the legacy option: the line's 'ssl-min-ver' applies.",
			     d->words[i - 1].end, v->end, "");
		return;
	}
	if (l->templated) {
		finding_set_no_fix(f, "The line is templated: edit the template so it writes "
				      "'ssl-min-ver TLSv1.2' instead of the legacy option.");
		return;
	}
	l->floor_inserted = true;
	emit_replace(w->ctx, f, "Require TLS 1.2 as the minimum instead of the legacy option.",
		     a->start, v->end, "ssl-min-ver TLSv1.2");
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
	struct haproxy_line line = haproxy__line(buf, d);
	for (size_t i = 1; i < d->nwords; i++) {
		const directive_word *a = &d->words[i];
		if (a->templated || a->quoted)
			continue;
		version_set v = 0;
		size_t last = i;
		bool floor = directive_word_is(buf, a, "ssl-min-ver");
		if ((floor || directive_word_is(buf, a, "ssl-max-ver")) && i + 1 < d->nwords &&
		    !d->words[i + 1].templated) {
			v = haproxy__bound(buf, &d->words[i + 1], floor);
			last = i + 1;
		}
		for (size_t k = 0; k < sizeof(forced) / sizeof(forced[0]) && !v; k++)
			if (directive_word_is(buf, a, forced[k].name))
				v = forced[k].v, floor = false;
		if (!v)
			continue;
		size_t end = d->words[last].end;
		message_args args = { .versions = v, .value_text = buf + a->start,
				      .value_len = end - a->start };
		finding *f = emit_finding(w->ctx, w->options, a->start, end, &args);
		haproxy__fix(w, &line, f, d, i, last, floor);
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
