/* c_tokens.c: token arrays of the scanned file: directives, blocks, string literals. */
#include "c_tokens.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/strbuf.h"

void c_tokens_finish(c_tokens *t)
{
	/* Directives: from a '#' that starts its line to the end of the logical line. */
	size_t dir_end = 0;
	bool in_dir = false;
	int depth = 0, block = -1, nblocks = 0;
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
		if (k->kind == C_TOK_PUNCT && k->len == 1 && t->text[k->off] == '{') {
			if (depth++ == 0)
				block = nblocks++;
		}
		k->block = depth > 0 ? block : -1;
		if (k->kind == C_TOK_PUNCT && k->len == 1 && t->text[k->off] == '}' && depth > 0)
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
