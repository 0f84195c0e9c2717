/* c_tokens.c: token arrays of the scanned file: directives, blocks, string literals. */
#include "c_tokens.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/strbuf.h"

/* The token before `i` that is not part of a directive, or t->len. */
static size_t c_tokens__prev(const c_tokens *t, size_t i)
{
	while (i > 0) {
		i--;
		if (!t->toks[i].directive)
			return i;
	}
	return t->len;
}

/* Does the '{' at `i` open a linkage specification (`extern "C" {`) or a namespace
 * (`namespace a::b {`, `namespace {`)? Their contents are at file scope. */
static bool c_tokens__transparent(const c_tokens *t, size_t i)
{
	size_t p = c_tokens__prev(t, i);
	if (p >= t->len)
		return false;
	if (t->toks[p].kind == C_TOK_LITERAL) {
		size_t q = c_tokens__prev(t, p);
		return q < t->len && c_tok_is(t, q, "extern");
	}
	/* namespace [inline] [a [:: b]...] [attributes are rare enough to ignore] */
	while (p < t->len && (t->toks[p].kind == C_TOK_IDENT || c_tok_is(t, p, "::") ||
			      c_tok_is(t, p, "inline"))) {
		size_t q = c_tokens__prev(t, p);
		if (q < t->len && c_tok_is(t, q, "namespace"))
			return true;
		p = q;
	}
	return p < t->len && c_tok_is(t, p, "namespace");
}

void c_tokens_finish(c_tokens *t)
{
	/* Directives: from a '#' that starts its line to the end of the logical line. */
	size_t dir_end = 0;
	bool in_dir = false;
	int depth = 0, block = -1, nblocks = 0;
	size_t shells = 0; /* open linkage specifications and namespaces, all at depth 0 */
	for (size_t i = 0; i < t->len; i++) {
		c_tok *k = &t->toks[i];
		if (in_dir && k->off >= dir_end)
			in_dir = false;
		if (!in_dir && k->kind == C_TOK_PUNCT && t->text[k->off] == '#') {
			size_t b = k->off;
			while (b > 0 && (t->text[b - 1] == ' ' || t->text[b - 1] == '\t'))
				b--;
			if (b == 0 || t->text[b - 1] == '\n') {
				size_t e = k->off;
				for (;;) {
					while (t->text[e] && t->text[e] != '\n')
						e++;
					size_t q = e;
					if (q > 0 && t->text[q - 1] == '\r')
						q--;
					if (t->text[e] && q > 0 && t->text[q - 1] == '\\') {
						e++;
						continue;
					}
					break;
				}
				in_dir = true;
				dir_end = e;
			}
		}
		k->directive = in_dir;
		if (in_dir) {
			k->block = -1;
			continue;
		}
		bool open = k->kind == C_TOK_PUNCT && k->len == 1 && t->text[k->off] == '{';
		bool close = k->kind == C_TOK_PUNCT && k->len == 1 && t->text[k->off] == '}';
		if (open && depth == 0 && c_tokens__transparent(t, i)) {
			/* `extern "C" {` and `namespace N {` hold declarations, not a body. */
			k->block = -1;
			shells++;
			continue;
		}
		if (close && depth == 0 && shells > 0) {
			k->block = -1;
			shells--;
			continue;
		}
		if (open && depth++ == 0)
			block = nblocks++;
		k->block = depth > 0 ? block : -1;
		if (close && depth > 0)
			depth--;
	}
}

void c_tokens_release(c_tokens *t)
{
	free(t->toks);
	memset(t, 0, sizeof(*t));
}

size_t c_tokens_at(const c_tokens *t, size_t off)
{
	size_t lo = 0, hi = t->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->toks[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool c_tok_is(const c_tokens *t, size_t i, const char *s)
{
	if (i >= t->len)
		return false;
	size_t n = strlen(s);
	return t->toks[i].len == n && memcmp(t->text + t->toks[i].off, s, n) == 0;
}

char *c_tok_string(const c_tokens *t, size_t i)
{
	if (i >= t->len || t->toks[i].kind != C_TOK_LITERAL)
		return NULL;
	const char *s = t->text + t->toks[i].off, *end = s + t->toks[i].len;
	while (s < end && *s != '"' && *s != '\'')
		s++; /* L, u, U, u8 prefixes */
	if (s >= end || *s != '"' || end - s < 2 || end[-1] != '"')
		return NULL;
	strbuf out = STRBUF_INIT;
	out.max = 4096;
	for (s++, end--; s < end; s++) {
		if (*s == '\\' && s + 1 < end) {
			s++;
			switch (*s) {
			case 'n': strbuf_addc(&out, '\n'); break;
			case 't': strbuf_addc(&out, '\t'); break;
			default: strbuf_addc(&out, *s); break;
			}
		} else {
			strbuf_addc(&out, *s);
		}
	}
	return strbuf_detach(&out);
}
