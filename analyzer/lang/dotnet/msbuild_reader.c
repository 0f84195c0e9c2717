/* msbuild_reader.c: plain XML projects read without a parse (msbuild_reader.h). */
#include "msbuild_reader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

struct reader {
	const char *t;
	size_t len, pos;
	bool (*want)(const char *name, size_t len);
	msbuild_doc *doc;
};

static bool mr__space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool mr__name_start(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static bool mr__name_char(char c)
{
	return mr__name_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':';
}

/* XML's Char leaves out the C0 controls but tab, LF and CR (and NUL ends nothing here). */
static bool mr__bad_char(unsigned char c)
{
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

static bool mr__at(const struct reader *r, const char *s)
{
	size_t n = strlen(s);
	return r->len - r->pos >= n && memcmp(r->t + r->pos, s, n) == 0;
}

static bool mr__skip_space(struct reader *r)
{
	size_t p = r->pos;
	while (r->pos < r->len && mr__space(r->t[r->pos]))
		r->pos++;
	return r->pos > p;
}

static bool mr__name(struct reader *r, msbuild_span *out)
{
	if (r->pos >= r->len || !mr__name_start(r->t[r->pos]))
		return false;
	out->start = r->pos;
	while (r->pos < r->len && mr__name_char(r->t[r->pos]))
		r->pos++;
	out->end = r->pos;
	return true;
}

/* A quoted value without markup or references. */
static bool mr__quoted(struct reader *r)
{
	if (r->pos >= r->len || (r->t[r->pos] != '"' && r->t[r->pos] != '\''))
		return false;
	char q = r->t[r->pos++];
	while (r->pos < r->len && r->t[r->pos] != q) {
		unsigned char c = (unsigned char)r->t[r->pos];
		if (c == '<' || c == '&' || mr__bad_char(c))
			return false;
		r->pos++;
	}
	if (r->pos >= r->len)
		return false;
	r->pos++;
	return true;
}

/* `<!--` ... `-->` with no `--` inside and no `-` before the end. */
static bool mr__comment(struct reader *r)
{
	r->pos += 4;
	for (;;) {
		if (r->pos >= r->len)
			return false;
		if (mr__at(r, "--")) {
			if (!mr__at(r, "-->") || r->t[r->pos - 1] == '-')
				return false;
			r->pos += 3;
			return true;
		}
		if (mr__bad_char((unsigned char)r->t[r->pos]))
			return false;
		r->pos++;
	}
}

/* The value of the declaration's `k`-th pseudo-attribute (1 version, 2 encoding, 3
 * standalone), without its quotes. */
static bool mr__decl_value(size_t k, const char *s, size_t n)
{
	if (k == 1) {
		if (n < 3 || s[0] != '1' || s[1] != '.')
			return false;
		for (size_t i = 2; i < n; i++)
			if (s[i] < '0' || s[i] > '9')
				return false;
		return true;
	}
	if (k == 2) {
		if (n == 0 || !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
			return false;
		for (size_t i = 1; i < n; i++)
			if (!(mr__name_char(s[i]) && s[i] != ':'))
				return false;
		return true;
	}
	return (n == 3 && memcmp(s, "yes", 3) == 0) || (n == 2 && memcmp(s, "no", 2) == 0);
}

/* `<?xml version="..." [encoding="..."] [standalone="..."]?>` */
static bool mr__declaration(struct reader *r)
{
	static const char *const keys[] = { "version", "encoding", "standalone" };
	r->pos += 5;
	size_t k = 0;
	for (;;) {
		bool space = mr__skip_space(r);
		if (mr__at(r, "?>")) {
			r->pos += 2;
			return k > 0;
		}
		if (!space)
			return false;
		msbuild_span name;
		if (!mr__name(r, &name))
			return false;
		size_t n = name.end - name.start;
		size_t first = k;
		while (k < 3 && (strlen(keys[k]) != n || memcmp(r->t + name.start, keys[k], n) != 0))
			k++;
		if (k == 3 || (first == 0 && k != 0))
			return false; /* unknown, repeated, out of order, or no version first */
		k++;
		mr__skip_space(r);
		if (r->pos >= r->len || r->t[r->pos] != '=')
			return false;
		r->pos++;
		mr__skip_space(r);
		size_t v = r->pos + 1;
		if (!mr__quoted(r))
			return false;
		/* Each value's own form (XML 1.0's VersionNum, EncName, yes or no). */
		if (!mr__decl_value(k, r->t + v, r->pos - 1 - v))
			return false;
	}
}

/* White space and comments between the declaration, the root element and the end. */
static bool mr__misc(struct reader *r)
{
	for (;;) {
		mr__skip_space(r);
		if (!mr__at(r, "<!--"))
			return true;
		if (!mr__comment(r))
			return false;
	}
}

/* After `<` and the name: the attributes and `>` or `/>`; *empty for `/>`. */
static bool mr__tag_rest(struct reader *r, bool *empty)
{
	for (;;) {
		bool space = mr__skip_space(r);
		if (mr__at(r, "/>")) {
			r->pos += 2;
			*empty = true;
			return true;
		}
		if (mr__at(r, ">")) {
			r->pos++;
			*empty = false;
			return true;
		}
		msbuild_span name;
		if (!space || !mr__name(r, &name))
			return false;
		mr__skip_space(r);
		if (r->pos >= r->len || r->t[r->pos] != '=')
			return false;
		r->pos++;
		mr__skip_space(r);
		if (!mr__quoted(r))
			return false;
	}
}

static void mr__add_run(struct reader *r, msbuild_element *e, size_t start, size_t end)
{
	msbuild_doc *d = r->doc;
	GROW(d->runs, d->cap_runs, d->nruns + 1);
	d->runs[d->nruns] = (msbuild_run){ start, end, MSBUILD_NO_RUN };
	if (e->last_run == MSBUILD_NO_RUN)
		e->first_run = d->nruns;
	else
		d->runs[e->last_run].next = d->nruns;
	e->last_run = d->nruns++;
}

struct open_element {
	msbuild_span name;
	size_t kept; /* its index in doc->elements + 1, or 0 */
};

/* The root element and everything in it, without recursion. */
static bool mr__root(struct reader *r)
{
	struct open_element stack[MSBUILD_READER_MAX_DEPTH];
	size_t depth = 0;
	msbuild_doc *d = r->doc;
	for (;;) {
		/* At `<` of a start tag. */
		r->pos++;
		msbuild_span name;
		bool empty;
		if (depth == MSBUILD_READER_MAX_DEPTH || !mr__name(r, &name) ||
		    !mr__tag_rest(r, &empty))
			return false;
		size_t kept = 0;
		if (r->want(r->t + name.start, name.end - name.start)) {
			GROW(d->elements, d->cap_elements, d->nelements + 1);
			d->elements[d->nelements++] =
				(msbuild_element){ name, MSBUILD_NO_RUN, MSBUILD_NO_RUN };
			kept = d->nelements;
		}
		if (!empty)
			stack[depth++] = (struct open_element){ name, kept };
		/* The content up to the next start tag, or to the end of the root. */
		while (depth > 0) {
			struct open_element *top = &stack[depth - 1];
			if (r->pos >= r->len)
				return false;
			if (r->t[r->pos] != '<') {
				size_t start = r->pos;
				while (r->pos < r->len && r->t[r->pos] != '<') {
					unsigned char c = (unsigned char)r->t[r->pos];
					if (c == '&' || mr__bad_char(c) || mr__at(r, "]]>"))
						return false;
					r->pos++;
				}
				if (top->kept)
					mr__add_run(r, &d->elements[top->kept - 1], start, r->pos);
				continue;
			}
			if (mr__at(r, "<!--")) {
				if (!mr__comment(r))
					return false;
				continue;
			}
			if (mr__at(r, "</")) {
				r->pos += 2;
				msbuild_span end;
				if (!mr__name(r, &end) || end.end - end.start != top->name.end - top->name.start ||
				    memcmp(r->t + end.start, r->t + top->name.start,
					   end.end - end.start) != 0)
					return false;
				mr__skip_space(r);
				if (r->pos >= r->len || r->t[r->pos] != '>')
					return false;
				r->pos++;
				depth--;
				continue;
			}
			break; /* `<` and something else: a start tag, or markup we leave to the parser */
		}
		if (depth == 0)
			return true;
		if (r->pos + 1 >= r->len || !mr__name_start(r->t[r->pos + 1]))
			return false;
	}
}

bool msbuild_read(const char *text, size_t len, bool (*want)(const char *name, size_t len),
		  msbuild_doc *out)
{
	memset(out, 0, sizeof(*out));
	struct reader r = { text, len, 0, want, out };
	mr__skip_space(&r);
	bool ok = true;
	if (mr__at(&r, "<?xml") && r.pos + 5 < len && mr__space(text[r.pos + 5]))
		ok = mr__declaration(&r);
	ok = ok && mr__misc(&r) && r.pos < len && text[r.pos] == '<' && r.pos + 1 < len &&
	     mr__name_start(text[r.pos + 1]) && mr__root(&r) && mr__misc(&r) && r.pos == len;
	if (!ok)
		msbuild_doc_release(out);
	return ok;
}

void msbuild_doc_release(msbuild_doc *d)
{
	free(d->elements);
	free(d->runs);
	memset(d, 0, sizeof(*d));
}
