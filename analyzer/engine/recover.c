/* recover.c: damaged regions of a tree and the statement-sized pieces around them. */
#include "recover.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

static const recover_syntax *recover__syntax(language lang)
{
	return language_get(lang)->recovery;
}

void recover_ranges_release(recover_ranges *r)
{
	free(r->items);
	memset(r, 0, sizeof(*r));
}

static void recover__add_kind(recover_ranges *r, uint32_t start, uint32_t end, recover_kind kind);

static void recover__add(recover_ranges *r, uint32_t start, uint32_t end)
{
	recover__add_kind(r, start, end, RECOVER_CODE);
}

static void recover__add_kind(recover_ranges *r, uint32_t start, uint32_t end, recover_kind kind)
{
	if (end <= start)
		return;
	if (r->len && r->items[r->len - 1].start <= start && r->items[r->len - 1].end > start) {
		/* Overlapping or nested: widen the previous range. Out of order: appended, for
		 * recover_ranges_sort(). */
		if (end > r->items[r->len - 1].end)
			r->items[r->len - 1].end = end;
		return;
	}
	GROW(r->items, r->cap, r->len + 1);
	r->items[r->len++] = (recover_range){ start, end, kind };
}

void recover_regions(recover_ranges *out, TSNode root)
{
	if (!ts_node_has_error(root))
		return;
	/* An explicit stack: trees of hostile files are deep. */
	TSNode *stack = NULL;
	size_t len = 0, cap = 0;
	GROW(stack, cap, 1);
	stack[len++] = root;
	while (len) {
		TSNode n = stack[--len];
		if (ts_node_is_error(n)) {
			recover__add(out, ts_node_start_byte(n), ts_node_end_byte(n));
			continue;
		}
		if (ts_node_is_missing(n)) {
			TSNode p = ts_node_parent(n);
			TSNode at = ts_node_is_null(p) ? n : p;
			recover__add(out, ts_node_start_byte(at), ts_node_end_byte(at));
			continue;
		}
		if (!ts_node_has_error(n))
			continue;
		/* Children in reverse, so they come off the stack in file order. */
		uint32_t nc = ts_node_child_count(n);
		GROW(stack, cap, len + nc);
		for (uint32_t i = nc; i-- > 0;)
			stack[len++] = ts_node_child(n, i);
	}
	free(stack);
	/* A MISSING node's parent can enclose an ERROR found before it. */
	recover_ranges_sort(out);
}

static int recover__cmp(const void *a, const void *b)
{
	const recover_range *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

void recover_ranges_sort(recover_ranges *r)
{
	if (r->len < 2)
		return;
	qsort(r->items, r->len, sizeof(*r->items), recover__cmp);
	size_t w = 0;
	for (size_t k = 0; k < r->len; k++) {
		if (w && r->items[w - 1].end >= r->items[k].start) {
			if (r->items[k].end > r->items[w - 1].end)
				r->items[w - 1].end = r->items[k].end;
			continue;
		}
		r->items[w++] = r->items[k];
	}
	r->len = w;
}

void recover_ranges_add(recover_ranges *r, uint32_t start, uint32_t end)
{
	recover__add(r, start, end);
}

/* Skips a string or comment starting at `i`; returns the index after it, or `i` when none
 * starts there. */
/* Can a comment or string that recover__skip skips start with `c`? (A quick test before
 * calling it on every byte: keep the two together.) */
static inline bool recover__may_skip(char c)
{
	return c == '/' || c == '<' || c == '#' || c == '@' || c == '"' || c == '\'';
}

static uint32_t recover__skip(const recover_syntax *sx, const char *t, uint32_t i, uint32_t end)
{
	char c = t[i];
	if (sx->slash_comments && c == '/' && i + 1 < end && t[i + 1] == '/') {
		while (i < end && t[i] != '\n')
			i++;
		return i;
	}
	if (sx->slash_comments && c == '/' && i + 1 < end && t[i + 1] == '*') {
		const char *e = memmem(t + i + 2, end - i - 2, "*/", 2);
		return e ? (uint32_t)(e - t) + 2 : end;
	}
	if (sx->block_hash && c == '<' && i + 1 < end &&
	    t[i + 1] == '#') {
		const char *e = memmem(t + i + 2, end - i - 2, "#>", 2);
		return e ? (uint32_t)(e - t) + 2 : end;
	}
	if (sx->hash_comments && c == '#') {
		while (i < end && t[i] != '\n')
			i++;
		return i;
	}
	if (sx->here_strings && c == '@' && i + 1 < end && (t[i + 1] == '"' || t[i + 1] == '\'')) {
		char close[3] = { '\n', t[i + 1], '@' };
		const char *e = memmem(t + i + 2, end - i - 2, close, 3);
		return e ? (uint32_t)(e - t) + 3 : end;
	}
	if (sx->verbatim && c == '@' && i + 1 < end && t[i + 1] == '"') {
		for (i += 2; i < end; i++) {
			if (t[i] == '"' && i + 1 < end && t[i + 1] == '"')
				i++;
			else if (t[i] == '"')
				return i + 1;
		}
		return end;
	}
	if (sx->triple_quotes && (c == '"' || c == '\'') && i + 2 < end && t[i + 1] == c &&
	    t[i + 2] == c) {
		char close[3] = { c, c, c };
		const char *e = memmem(t + i + 3, end - i - 3, close, 3);
		return e ? (uint32_t)(e - t) + 3 : end;
	}
	if (c == '"' || c == '\'') {
		/* An ordinary string or character literal ends at its quote or at the line's end
		 * (an apostrophe in broken code must not hide the rest of the file). */
		for (i++; i < end && t[i] != '\n'; i++) {
			if (t[i] == sx->escape && i + 1 < end)
				i++;
			else if (t[i] == c)
				return i + 1;
		}
		return i;
	}
	return i;
}

static void recover__piece(recover_ranges *out, const recover_syntax *sx, const char *t,
			   uint32_t s, uint32_t e)
{
	/* Comments alone are no statement. */
	uint32_t k = s;
	while (k < e) {
		if (t[k] == ' ' || t[k] == '\t' || t[k] == '\r' || t[k] == '\n') {
			k++;
			continue;
		}
		bool comment = (t[k] == '#' && sx->hash_comments) ||
			       (t[k] == '/' && k + 1 < e && (t[k + 1] == '/' || t[k + 1] == '*') &&
				sx->slash_comments) ||
			       (t[k] == '<' && k + 1 < e && t[k + 1] == '#' && sx->block_hash);
		uint32_t j = comment ? recover__skip(sx, t, k, e) : k;
		if (j == k)
			break;
		k = j;
	}
	if (k >= e)
		return;
	while (s < e && (t[s] == ' ' || t[s] == '\t' || t[s] == '\r' || t[s] == '\n'))
		s++;
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r' || t[e - 1] == '\n'))
		e--;
	if (e > s) {
		GROW(out->items, out->cap, out->len + 1);
		out->items[out->len++] = (recover_range){ s, e, RECOVER_CODE };
	}
}

/* chained_lines: does the statement go on after the newline at text[nl]? `last` is the last
 * byte before it that is not white space (or UINT32_MAX). */
static bool recover__chained(const char *t, uint32_t nl, uint32_t end, uint32_t last)
{
	if (last != UINT32_MAX && t[last] == '=' && last > 0 &&
	    !strchr("=!<>", t[last - 1]))
		return true;
	uint32_t k = nl + 1;
	while (k < end) {
		if (t[k] == ' ' || t[k] == '\t' || t[k] == '\r' || t[k] == '\n') {
			k++;
		} else if (t[k] == '/' && k + 1 < end && t[k + 1] == '/') {
			while (k < end && t[k] != '\n')
				k++;
		} else {
			break;
		}
	}
	return k < end && (t[k] == '.' || (t[k] == '?' && k + 1 < end && t[k + 1] == '.'));
}

void recover_chunks(recover_ranges *out, language lang, const char *text, uint32_t start,
		    uint32_t end, bool flat)
{
	const recover_syntax *sx = recover__syntax(lang);
	if (!sx)
		return;
	int depth = 0;
	uint32_t s = start;
	/* Has the statement so far an '=' or a `new` / `return` outside brackets? Then a '{'
	 * opens an initializer, a hash literal or a lambda, which belongs to the statement. */
	bool value = false;
	for (uint32_t i = start; i < end;) {
		uint32_t j = recover__skip(sx, text, i, end);
		if (j != i) {
			i = j;
			continue;
		}
		char c = text[i];
		bool word_start = i == start || !(isalnum((unsigned char)text[i - 1]) ||
						  text[i - 1] == '_');
		if (depth == 0 && (c == '=' ||
				   (word_start && end - i > 4 && memcmp(text + i, "new", 3) == 0 &&
				    !isalnum((unsigned char)text[i + 3])) ||
				   (word_start && end - i > 7 && memcmp(text + i, "return", 6) == 0 &&
				    !isalnum((unsigned char)text[i + 6]))))
			value = true;
		/* Without statement braces (Python), braces are brackets: dicts and sets. */
		bool bopen = c == '{' && (!sx->braces || (!flat && (depth > 0 || value)));
		bool bclose = c == '}' && (!sx->braces || (!flat && depth > 0));
		if (c == '(' || c == '[' || bopen)
			depth++;
		else if ((c == ')' || c == ']' || bclose) && depth > 0) {
			depth--;
			i++;
			continue;
		}
		bool top = depth == 0 || flat;
		if (top && c == ';') {
			recover__piece(out, sx, text, s, i + 1);
			s = i + 1;
			value = false;
		} else if (top && sx->braces && (c == '{' || c == '}')) {
			recover__piece(out, sx, text, s, i);
			s = i + 1;
			value = false;
			if (flat)
				depth = 0;
		} else if (top && sx->newline_ends && c == '\n') {
			uint32_t k = i;
			while (k > s && (text[k - 1] == '\r' || text[k - 1] == ' ' || text[k - 1] == '\t'))
				k--;
			if (!(k > s && text[k - 1] == sx->continuation) &&
			    !(sx->chained_lines &&
			      recover__chained(text, i, end, k > s ? k - 1 : UINT32_MAX))) {
				recover__piece(out, sx, text, s, i);
				s = i + 1;
				value = false;
			}
		}
		i++;
	}
	recover__piece(out, sx, text, s, end);
}

void recover_context(recover_ranges *out, language lang, TSNode root)
{
	const recover_syntax *sx = recover__syntax(lang);
	if (!sx || (!sx->context_types[0] && !sx->declaration_types[0]))
		return;
	/* Imports count at any depth (`try: import ssl`), also inside an ERROR that swallowed
	 * the start of the file. */
	TSNode *stack = NULL;
	size_t len = 0, cap = 0;
	GROW(stack, cap, 1);
	stack[len++] = root;
	while (len) {
		TSNode n = stack[--len];
		const char *type = ts_node_type(n);
		recover_kind kind = RECOVER_CODE;
		for (const char *const *c = sx->context_types; *c && !kind; c++)
			if (strcmp(type, *c) == 0)
				kind = RECOVER_IMPORT;
		for (const char *const *c = sx->declaration_types; *c && !kind; c++)
			if (strcmp(type, *c) == 0)
				kind = RECOVER_DECLARATION;
		if (kind) {
			/* Python: an indented import (`try: import ssl`) comes with the top-level
			 * statement around it, or the indentation alone would be an error. */
			TSNode at = n;
			if (sx->indentation)
				while (ts_node_start_point(at).column > 0 && !ts_node_is_null(ts_node_parent(at)))
					at = ts_node_parent(at);
			if (!ts_node_has_error(at) && ts_node_start_point(at).column == 0 &&
			    ts_node_end_byte(at) - ts_node_start_byte(at) < 4096)
				recover__add_kind(out, ts_node_start_byte(at), ts_node_end_byte(at), kind);
			else if (!sx->indentation && !ts_node_has_error(n))
				recover__add_kind(out, ts_node_start_byte(n), ts_node_end_byte(n), kind);
			continue;
		}
		uint32_t nc = ts_node_named_child_count(n);
		GROW(stack, cap, len + nc);
		for (uint32_t i = nc; i-- > 0;)
			stack[len++] = ts_node_named_child(n, i);
	}
	free(stack);
}

void recover_extend(recover_ranges *r, language lang, const char *text, size_t len)
{
	const recover_syntax *sx = recover__syntax(lang);
	if (!sx)
		return;
	for (size_t k = 0; k < r->len; k++) {
		recover_range *g = &r->items[k];
		/* Back to the start of the line. */
		while (g->start > 0 && text[g->start - 1] != '\n')
			g->start--;
		/* On to the end of the statement the damage ends in. */
		int depth = 0;
		uint32_t i = g->end, limit = len - g->end > 4096 ? g->end + 4096 : (uint32_t)len;
		while (i < limit) {
			uint32_t j = recover__skip(sx, text, i, limit);
			if (j != i) {
				i = j;
				continue;
			}
			char c = text[i];
			if (c == '(' || c == '[' || (c == '{' && !sx->braces))
				depth++;
			else if (c == ')' || c == ']' || (c == '}' && !sx->braces))
				depth--;
			if (depth <= 0 && c == ';') {
				i++;
				break;
			}
			if (depth <= 0 && sx->braces && (c == '{' || c == '}'))
				break;
			if (depth <= 0 && sx->newline_ends && c == '\n')
				break;
			i++;
		}
		g->end = i;
	}
	/* Extending can make neighbours overlap. */
	recover_ranges_sort(r);
}

/* Is the comment or string that starts at text[i] an interpolated string (its holes are
 * code)? */
static bool recover__interpolated(const recover_syntax *sx, const char *text, uint32_t i)
{
	if (sx->verbatim) /* C#: `$"`, `$@"`, `@$"` */
		return (i >= 1 && text[i - 1] == '$') ||
		       (i >= 2 && text[i - 1] == '@' && text[i - 2] == '$');
	for (uint32_t k = 1; sx->triple_quotes && k <= 2 && k <= i &&
			     isalpha((unsigned char)text[i - k]);
	     k++) /* Python: `f"`, `rf"`, `Fr"` */
		if (text[i - k] == 'f' || text[i - k] == 'F')
			return true;
	return false;
}

size_t recover_first_in_code(language lang, const char *text, size_t len, const uint32_t *at,
			     size_t n)
{
	const recover_syntax *sx = recover__syntax(lang);
	if (!sx || len > UINT32_MAX)
		return 0;
	uint32_t end = (uint32_t)len, i = 0;
	/* Everything before `i` is classified; an offset below it lies in the comment or string
	 * skipped last (code bytes advance `i` one at a time, and the loop stops past each). */
	for (size_t k = 0; k < n; k++) {
		uint32_t a = at[k];
		if (a < i)
			continue;
		bool non_code = false;
		while (i <= a && !non_code) {
			uint32_t j = recover__may_skip(text[i]) ? recover__skip(sx, text, i, end) : i;
			if (j == i) {
				i++; /* a byte of code */
				continue;
			}
			if (a < j) {
				if (recover__interpolated(sx, text, i))
					return k;
				non_code = true;
			}
			i = j;
		}
		if (!non_code)
			return k;
	}
	return n;
}

void recover_else_branches(recover_ranges *out, language lang, const char *text, size_t len)
{
	const recover_syntax *sx = recover__syntax(lang);
	if (!sx || !sx->preprocessor)
		return;
	/* Per open #if: where its excluded branch began, or UINT32_MAX while in the first. */
	uint32_t open[64];
	size_t depth = 0;
	for (size_t i = 0; i < len;) {
		size_t line = i, j = i;
		while (j < len && (text[j] == ' ' || text[j] == '\t'))
			j++;
		size_t eol = j;
		while (eol < len && text[eol] != '\n')
			eol++;
		if (j < len && text[j] == '#') {
			const char *d = text + j + 1;
			size_t n = eol - j - 1;
			while (n && (*d == ' ' || *d == '\t'))
				d++, n--;
			/* The directive lines go too: the grammar nests the code of a branch in a
			 * node, and a brace opened in it and closed after #endif would not match. */
			uint32_t next = (uint32_t)(eol < len ? eol + 1 : len);
			if (n >= 2 && memcmp(d, "if", 2) == 0 && (n == 2 || !isalnum((unsigned char)d[2]))) {
				if (depth < sizeof(open) / sizeof(open[0]))
					open[depth] = UINT32_MAX;
				depth++;
				recover__add(out, (uint32_t)line, next);
			} else if (depth && ((n >= 4 && memcmp(d, "elif", 4) == 0) ||
					     (n >= 4 && memcmp(d, "else", 4) == 0))) {
				if (depth <= sizeof(open) / sizeof(open[0]) && open[depth - 1] == UINT32_MAX)
					open[depth - 1] = (uint32_t)line;
			} else if (depth && n >= 5 && memcmp(d, "endif", 5) == 0) {
				depth--;
				if (depth < sizeof(open) / sizeof(open[0]) && open[depth] != UINT32_MAX)
					recover__add(out, open[depth], next);
				else
					recover__add(out, (uint32_t)line, next);
			}
		}
		i = eol < len ? eol + 1 : len;
	}
}

static int recover__brackets(language lang, const char *text, uint32_t start, uint32_t end);

bool recover_balanced(language lang, const char *text, uint32_t start, uint32_t end)
{
	return recover__brackets(lang, text, start, end) == 0;
}

bool recover_opens(language lang, const char *text, uint32_t start, uint32_t end)
{
	return recover__brackets(lang, text, start, end) > 0;
}

/* 0: balanced; 1: some bracket left open (and none closed too many); -1: otherwise. */
static int recover__brackets(language lang, const char *text, uint32_t start, uint32_t end)
{
	const recover_syntax *sx = recover__syntax(lang);
	if (!sx)
		return -1;
	int round = 0, square = 0, curly = 0;
	for (uint32_t i = start; i < end;) {
		uint32_t j = recover__skip(sx, text, i, end);
		if (j != i) {
			i = j;
			continue;
		}
		switch (text[i]) {
		case '(': round++; break;
		case ')': round--; break;
		case '[': square++; break;
		case ']': square--; break;
		case '{': curly++; break;
		case '}': curly--; break;
		default: break;
		}
		if (round < 0 || square < 0 || curly < 0)
			return -1;
		i++;
	}
	return round == 0 && square == 0 && curly == 0 ? 0 : 1;
}
