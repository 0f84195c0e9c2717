/* fuzz_directives.c: the line-oriented directive reader (util/directives.c) that reads Apache,
 * HAProxy and OpenSSL configuration, in each of their syntaxes, on arbitrary text. */
#include "fuzz.h"

#include "util/directives.h"

struct fuzz_directives {
	size_t len, words;
};

static void fuzz_directives__visit(void *arg, const char *buf, const directive *d)
{
	struct fuzz_directives *s = arg;
	(void)buf;
	if (!d->nwords || d->nwords > DIRECTIVE_MAX_WORDS || d->line == 0)
		abort();
	for (size_t i = 0; i < d->nwords; i++) {
		const directive_word *w = &d->words[i];
		/* Every word lies inside the buffer, its value inside the word, in order. */
		if (w->start >= w->end || w->end > s->len || w->vstart < w->start ||
		    w->vend > w->end || w->vstart > w->vend)
			abort();
		if (i && w->start < d->words[i - 1].end)
			abort();
	}
	s->words += d->nwords;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	static const directive_syntax syntaxes[] = {
		{ .hash_anywhere = false, .continuation = true },                      /* Apache */
		{ .hash_anywhere = true },                                             /* HAProxy */
		{ .hash_anywhere = true, .continuation = true, .equals_word = true }, /* OpenSSL */
	};
	for (size_t k = 0; k < sizeof(syntaxes) / sizeof(syntaxes[0]); k++) {
		struct fuzz_directives s = { size, 0 };
		directives_read(text, size, &syntaxes[k], fuzz_directives__visit, &s);
	}
	free(text);
	return 0;
}
