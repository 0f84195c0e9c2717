/* nginx_frontend.c: nginx configuration: LT-NGX-001.
 *
 * Files reach this front end by extension (.conf and the template extensions: its row in
 * lang/languages.c); whether a file is nginx configuration is decided here, by its path and
 * then its content (nginx__is_nginx). Its rule is a native check (a `.rule` file
 * without a pattern): an `ssl_protocols` directive, or the proxy/grpc/uwsgi one, whose literal
 * arguments name a legacy version. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frontends/frontend.h"
#include "lang/nginx/nginx_reader.h"
#include "util/alloc.h"

struct nginx_walk {
	const rule *protocols; /* LT-NGX-001 */
	const file_ctx *ctx;
};

static bool nginx__word_nocase(const char *buf, const nginx_word *w, const char *s)
{
	size_t n = strlen(s);
	return w->vend - w->vstart == n && strncasecmp(buf + w->vstart, s, n) == 0;
}

/* The legacy version a protocol word names (nginx compares them ignoring case), or 0. */
static version_set nginx__legacy(const char *buf, const nginx_word *w)
{
	static const struct {
		const char *name;
		version_set v;
	} names[] = {
		{ "SSLv2", VERSION_SSL2 },
		{ "SSLv3", VERSION_SSL3 },
		{ "TLSv1", VERSION_TLS10 },
		{ "TLSv1.1", VERSION_TLS11 },
	};
	if (w->templated)
		return 0; /* part of a computed word: not a literal name */
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (nginx__word_nocase(buf, w, names[i].name))
			return names[i].v;
	return 0;
}

static bool nginx__protocols_directive(const char *buf, const nginx_word *name)
{
	static const char *const names[] = { "ssl_protocols", "proxy_ssl_protocols",
					     "grpc_ssl_protocols", "uwsgi_ssl_protocols" };
	if (name->quoted || name->templated)
		return false;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t n = strlen(names[i]);
		if (name->vend - name->vstart == n && memcmp(buf + name->vstart, names[i], n) == 0)
			return true;
	}
	return false;
}

static void nginx__directive(void *arg, const char *buf, const nginx_directive *d)
{
	const struct nginx_walk *w = arg;
	if (!w->protocols || d->opens_block || !nginx__protocols_directive(buf, &d->name))
		return;
	version_set enabled = 0;
	for (size_t i = 0; i < d->nargs; i++)
		enabled |= nginx__legacy(buf, &d->args[i]);
	if (!enabled)
		return;
	size_t start = d->args[0].start, end = d->args[d->nargs - 1].end;
	message_args args = { .versions = enabled, .value_text = buf + start,
			      .value_len = end - start };
	finding *f = emit_finding(w->ctx, w->protocols, start, end, &args);
	/* The fix: the arguments become the modern pair, unless templating or comments make
	 * the range more than the literal words. */
	bool templated = d->templated || memchr(buf + start, '#', end - start) != NULL;
	for (size_t i = 0; i < d->nargs && !templated; i++)
		templated = d->args[i].templated;
	if (templated)
		finding_set_no_fix(f, "The directive's arguments are templated or commented: "
				      "edit the template so it writes 'TLSv1.2 TLSv1.3'.");
	else
		emit_replace(w->ctx, f,
			     "Offer only TLS 1.2 and TLS 1.3 (nginx's default from 1.23.4).", start,
			     end, "TLSv1.2 TLSv1.3");
}

/* Does the path name nginx configuration: a directory or base name with "nginx" in it, or
 * the official image's `*.conf.template`? */
static bool nginx__path_is_nginx(const char *path)
{
	size_t n = strlen(path);
	static const char tmpl[] = ".conf.template";
	if (n >= sizeof(tmpl) - 1 && strcasecmp(path + n - (sizeof(tmpl) - 1), tmpl) == 0)
		return true;
	for (const char *p = path; *p; p++)
		if (strncasecmp(p, "nginx", 5) == 0)
			return true;
	return false;
}

static bool nginx__is_nginx(const char *path, const char *text, size_t len)
{
	return nginx__path_is_nginx(path) || nginx_reader_looks_like_nginx(text, len);
}

static int nginx_fe__prepare(void **state, language lang, const rule *const *rules,
				size_t nrules, char *err, size_t errlen)
{
	(void)lang;
	return frontend_one_rule_prepare(state, rules, nrules,
					 "LT-NGX-001", "nginx files", err, errlen);
}

static int nginx_fe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			     size_t whylen)
{
	(void)worker, (void)why, (void)whylen;
	if (!nginx__is_nginx(ctx->display_path, ctx->src->text, ctx->src->len))
		return 0;
	struct nginx_walk w = { frontend_one_rule(state), NULL };
	w.ctx = ctx;
	nginx_reader_parse(ctx->src->text, ctx->src->len, nginx__directive, &w);
	return 0;
}

const frontend nginx_frontend = {
	.name = "nginx",
	.prepare = nginx_fe__prepare,
	.release = frontend_one_rule_release,
	.analyze = nginx_fe__analyze,
};
