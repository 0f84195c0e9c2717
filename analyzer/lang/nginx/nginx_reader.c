/* nginx_reader.c: nginx configuration to directives (nginx_reader.h has the rules). */
#include "nginx_reader.h"

#include <string.h>

struct reader {
	const char *buf;
	size_t len, i;
	nginx_directive d;      /* the directive being read */
	bool have_name;
	bool after_template;    /* the next word starts right after a template span */
	nginx_word stack[NGINX_MAX_DEPTH];
	size_t depth;
	nginx_directive_fn fn;
	void *arg;
	int count;
};

static bool reader__space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* The closer of a template span opening at `i`, or NULL. */
static const char *reader__template_closer(const struct reader *r, size_t i)
{
	if (i + 1 >= r->len)
		return NULL;
	char a = r->buf[i], b = r->buf[i + 1];
	if (a == '{' && b == '{')
		return "}}";
	if (a == '{' && b == '%')
		return "%}";
	if (a == '{' && b == '#')
		return "#}";
	if (a == '<' && b == '%')
		return "%>";
	return NULL;
}

static void reader__emit(struct reader *r, bool opens_block, bool terminated)
{
	if (r->have_name) {
		r->d.opens_block = opens_block;
		r->d.terminated = terminated;
		r->d.depth = r->depth;
		size_t keep = r->depth < NGINX_MAX_DEPTH ? r->depth : NGINX_MAX_DEPTH;
		memcpy(r->d.blocks, r->stack, keep * sizeof(r->stack[0]));
		r->fn(r->arg, r->buf, &r->d);
		r->count++;
		if (opens_block && r->depth < NGINX_MAX_DEPTH)
			r->stack[r->depth] = r->d.name;
	}
	if (opens_block)
		r->depth++; /* a `{` without a name still needs its `}` */
	memset(&r->d, 0, sizeof(r->d));
	r->have_name = false;
}

static void reader__word(struct reader *r, nginx_word w)
{
	if (!r->have_name) {
		r->d.name = w;
		r->have_name = true;
	} else if (r->d.nargs < NGINX_MAX_ARGS) {
		r->d.args[r->d.nargs++] = w;
	}
}

/* Reads one word starting at r->i (not white space, not ; { } #-comment). */
static void reader__read_word(struct reader *r)
{
	nginx_word w = { .start = r->i, .templated = r->after_template };
	r->after_template = false;
	char q = r->buf[r->i];
	if (q == '"' || q == '\'') {
		w.quoted = true;
		w.vstart = ++r->i;
		while (r->i < r->len && r->buf[r->i] != q)
			r->i += r->buf[r->i] == '\\' && r->i + 1 < r->len ? 2 : 1;
		w.vend = r->i < r->len ? r->i : r->len;
		if (r->i < r->len)
			r->i++; /* the closing quote */
		w.end = r->i;
		reader__word(r, w);
		return;
	}
	w.vstart = r->i;
	while (r->i < r->len) {
		char c = r->buf[r->i];
		if (reader__template_closer(r, r->i)) {
			w.templated = true;
			break;
		}
		if (reader__space(c) || c == ';' || c == '{' || c == '}')
			break;
		if (c == '\\' && r->i + 1 < r->len) {
			r->i += 2;
			continue;
		}
		if (c == '$' && r->i + 1 < r->len && r->buf[r->i + 1] == '{') {
			while (r->i < r->len && r->buf[r->i] != '}' && r->buf[r->i] != '\n')
				r->i++;
			if (r->i < r->len && r->buf[r->i] == '}')
				r->i++;
			continue;
		}
		r->i++;
	}
	w.end = w.vend = r->i;
	reader__word(r, w);
}

int nginx_reader_parse(const char *buf, size_t len, nginx_directive_fn fn, void *arg)
{
	struct reader r = { .buf = buf, .len = len, .fn = fn, .arg = arg };
	while (r.i < r.len) {
		char c = buf[r.i];
		const char *closer = reader__template_closer(&r, r.i);
		if (closer) {
			/* Skip the span; the word before it (if any) was marked when it ended here. */
			const char *e = NULL;
			size_t from = r.i + 2;
			if (from < r.len)
				e = memmem(buf + from, r.len - from, closer, 2);
			r.i = e ? (size_t)(e - buf) + 2 : r.len;
			if (r.have_name)
				r.d.templated = true;
			r.after_template = r.i < r.len && !reader__space(buf[r.i]);
			continue;
		}
		if (reader__space(c)) {
			r.after_template = false;
			r.i++;
		} else if (c == '#') {
			while (r.i < r.len && buf[r.i] != '\n')
				r.i++;
		} else if (c == ';') {
			reader__emit(&r, false, true);
			r.i++;
		} else if (c == '{') {
			reader__emit(&r, true, true);
			r.i++;
		} else if (c == '}') {
			reader__emit(&r, false, false);
			if (r.depth)
				r.depth--;
			r.i++;
		} else {
			reader__read_word(&r);
		}
	}
	reader__emit(&r, false, false);
	return r.count;
}

static bool word_is(const char *buf, const nginx_word *w, const char *s)
{
	size_t n = strlen(s);
	return w->vend - w->vstart == n && memcmp(buf + w->vstart, s, n) == 0;
}

static void looks__directive(void *arg, const char *buf, const nginx_directive *d)
{
	bool *yes = arg;
	const nginx_word *n = &d->name;
	if (d->opens_block && d->depth == 0 &&
	    (word_is(buf, n, "http") || word_is(buf, n, "events") || word_is(buf, n, "stream") ||
	     word_is(buf, n, "mail")))
		*yes = true;
	else if (d->opens_block && (word_is(buf, n, "location") || word_is(buf, n, "upstream")))
		*yes = true;
	else if (d->depth > 0 && d->depth <= NGINX_MAX_DEPTH &&
		 word_is(buf, &d->blocks[d->depth - 1], "server") &&
		 (word_is(buf, n, "listen") || word_is(buf, n, "server_name")))
		*yes = true;
	else if (!d->opens_block && d->terminated && n->vend - n->vstart > 4 &&
		 memcmp(buf + n->vstart, "ssl_", 4) == 0 &&
		 !(d->nargs && word_is(buf, &d->args[0], "=")))
		*yes = true; /* an included snippet of ssl_* directives; Dovecot writes `=` */
}

bool nginx_reader_looks_like_nginx(const char *buf, size_t len)
{
	bool yes = false;
	nginx_reader_parse(buf, len, looks__directive, &yes);
	return yes;
}
