/* fuzz_nginx.c: the nginx directive reader (lang/nginx/nginx_reader.c) on arbitrary text. */
#include "fuzz.h"

#include "lang/nginx/nginx_reader.h"

struct fuzz_nginx {
	size_t len, total;
};

static void fuzz_nginx__word(const struct fuzz_nginx *s, const nginx_word *w)
{
	/* Every word lies inside the buffer, its value inside the word. */
	if (w->start > w->end || w->end > s->len || w->vstart < w->start || w->vend > w->end ||
	    w->vstart > w->vend)
		abort();
}

static void fuzz_nginx__visit(void *arg, const char *buf, const nginx_directive *d)
{
	struct fuzz_nginx *s = arg;
	(void)buf;
	fuzz_nginx__word(s, &d->name);
	if (d->nargs > NGINX_MAX_ARGS)
		abort();
	for (size_t i = 0; i < d->nargs; i++)
		fuzz_nginx__word(s, &d->args[i]);
	for (size_t i = 0; i < d->depth && i < NGINX_MAX_DEPTH; i++)
		fuzz_nginx__word(s, &d->blocks[i]);
	s->total += d->nargs;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct fuzz_nginx s = { size, 0 };
	nginx_reader_parse(text, size, fuzz_nginx__visit, &s);
	(void)nginx_reader_looks_like_nginx(text, size);
	free(text);
	return 0;
}
