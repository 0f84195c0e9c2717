/* expectations.c: parsing inline fixture annotations. */
#include "expectations.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/language.h"
#include "util/alloc.h"
#include "util/strbuf.h"

static const struct {
	const char *marker;
	expect_kind kind;
} markers[] = {
	{ "ruleid:", EXPECT_FINDING },
	{ "ok:", EXPECT_NONE },
	{ "suppressed:", EXPECT_SUPPRESSED },
};

/* The first annotation marker on a line, with its kind; NULL if none. */
static const char *expect__next_marker(const char *s, const char *end, expect_kind *kind,
				       size_t *mlen)
{
	const char *best = NULL;
	for (size_t i = 0; i < sizeof(markers) / sizeof(markers[0]); i++) {
		size_t n = strlen(markers[i].marker);
		for (const char *p = s; (p = memmem(p, (size_t)(end - p), markers[i].marker, n));
		     p++) {
			/* Must start a word ("book:" does not hold "ok:") and be followed by an id. */
			if (p > s && (isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '-'))
				continue;
			const char *q = p + n;
			while (q < end && *q == ' ')
				q++;
			if (end - q < 3 || strncmp(q, "LT-", 3) != 0)
				continue;
			if (!best || p < best) {
				best = p;
				*kind = markers[i].kind;
				*mlen = n;
			}
			break;
		}
	}
	return best;
}

static bool expect__is(const char *b, const char *e, const char *opener)
{
	return (size_t)(e - b) == strlen(opener) && memcmp(b, opener, (size_t)(e - b)) == 0;
}

/* Is the text before the first marker only a comment opener: of any language of the language
 * table (core/language.h), or of the scripts fixtures also hold (batch, VBScript, SQL)? */
static bool expect__standalone(const char *s, const char *marker)
{
	static const char *const extra[] = { "--", "'", "REM" };
	const char *b = s, *e = marker;
	while (b < e && isspace((unsigned char)*b))
		b++;
	while (e > b && isspace((unsigned char)e[-1]))
		e--;
	if (b == e)
		return true;
	for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
		if (expect__is(b, e, extra[i]))
			return true;
	for (int l = 1; l < LANG_COUNT; l++) {
		const language_def *def = language_get((language)l);
		for (const char *const *o = def->line_comments; *o; o++)
			if (expect__is(b, e, *o))
				return true;
		for (const char *const *o = def->block_comments; *o && o[1]; o += 2)
			if (expect__is(b, e, *o))
				return true;
	}
	return false;
}

void expectations_read(expectation_list *out, const source_file *src, char **err)
{
	strbuf errors = STRBUF_INIT;
	size_t pending_from = out->len; /* standalone annotations waiting for their line */
	bool pending = false;
	for (unsigned line = 1; line <= src->nlines; line++) {
		size_t len = 0;
		const char *s = source_line(src, line, &len);
		const char *end = s + len;
		expect_kind kind;
		size_t mlen = 0;
		const char *m = expect__next_marker(s, end, &kind, &mlen);
		if (!m) {
			/* A code line (or blank/comment line) receives the pending annotations. */
			bool blank = true;
			for (const char *p = s; p < end; p++)
				if (!isspace((unsigned char)*p))
					blank = false;
			if (pending && !blank) {
				for (size_t i = pending_from; i < out->len; i++)
					out->items[i].line = line;
				pending = false;
			}
			continue;
		}
		bool standalone = expect__standalone(s, m);
		if (!pending)
			pending_from = out->len;
		while (m) {
			const char *p = m + mlen;
			while (p < end && *p == ' ')
				p++;
			const char *id = p;
			while (p < end && (isalnum((unsigned char)*p) || *p == '-'))
				p++;
			GROW(out->items, out->cap, out->len + 1);
			expectation *x = &out->items[out->len];
			memset(x, 0, sizeof(*x));
			x->kind = kind;
			x->rule_id = xstrndup(id, (size_t)(p - id));
			x->written_at = line;
			x->line = line;
			const char *q = p;
			while (q < end && *q == ' ')
				q++;
			if (kind != EXPECT_NONE) {
				if (end - q > 4 && strncmp(q, "col ", 4) == 0 &&
				    isdigit((unsigned char)q[4])) {
					x->col = (unsigned)strtoul(q + 4, NULL, 10);
				} else {
					strbuf_addf(&errors, "line %u: '%s' needs a column: "
							     "'ruleid: %s col N'\n",
						    line, x->rule_id, x->rule_id);
					free(x->rule_id);
					m = expect__next_marker(p, end, &kind, &mlen);
					continue;
				}
			}
			out->len++;
			m = expect__next_marker(p, end, &kind, &mlen);
		}
		pending = standalone;
	}
	if (pending) {
		for (size_t i = pending_from; i < out->len; i++)
			strbuf_addf(&errors, "line %u: annotation for '%s' is not followed by code\n",
				    out->items[i].written_at, out->items[i].rule_id);
	}
	*err = errors.len ? strbuf_detach(&errors) : NULL;
	strbuf_release(&errors);
}

void expectation_list_release(expectation_list *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->items[i].rule_id);
	free(l->items);
	memset(l, 0, sizeof(*l));
}
