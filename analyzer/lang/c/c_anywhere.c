/* c_anywhere.c: single-purpose constants wherever they are written.
 *
 * A name whose only meaning is a protocol version (WINHTTP_FLAG_SECURE_PROTOCOL_TLS1,
 * SP_PROT_TLS1_CLIENT, CURL_SSLVERSION_TLSv1, Boost's context::tlsv1, QSsl::TlsV1_0) is a
 * finding where it is assigned, initialised (also in `{ ... }` initialiser lists), passed to
 * any call (a helper of the project, a template such as
 * `std::make_shared<ssl::context>(context::tlsv1)`) or returned, not only at the API that
 * consumes it. A rule marks such values with `anywhere` in a pattern (rules/README.md). The
 * pass reads the file's tokens, so it works with and without clang's view of the file; the
 * whole written expression is the finding, so that the AST pass's finding of the same value
 * (same rule and start) merges with it. Reads stay silent: comparisons, `case` labels, masks
 * (`& X`, `~X`), conditions (`if (flags & X)`), enumerator and macro definitions. */
#include <stdlib.h>
#include <string.h>

#include "c_analyze.h"
#include "util/alloc.h"

static bool c_any__is(const c_tokens *t, size_t i, const char *s)
{
	return i < t->len && c_tok_is(t, i, s);
}

static bool c_any__ident(const c_tokens *t, size_t i)
{
	return i < t->len && t->toks[i].kind == C_TOK_IDENT;
}

/* The first token of the qualified name ending at `i` (`a :: b :: i`). */
static size_t c_any__qualified_start(const c_tokens *t, size_t i)
{
	while (i >= 2 && c_any__is(t, i - 1, "::") && c_any__ident(t, i - 2))
		i -= 2;
	if (i >= 1 && c_any__is(t, i - 1, "::"))
		i--; /* ::name */
	return i;
}

/* Is the qualified name starting at `s` and ending at `i` spelled with `qualifier` just before
 * the last component (`context` in `ssl::context::tlsv1`)? */
static bool c_any__qualified_by(const c_tokens *t, size_t i, const char *qualifier)
{
	if (!qualifier)
		return true;
	size_t n = strlen(qualifier);
	return i >= 2 && c_any__is(t, i - 1, "::") && c_any__ident(t, i - 2) &&
	       t->toks[i - 2].len == n && memcmp(t->text + t->toks[i - 2].off, qualifier, n) == 0;
}

/* The index of the '(' , '[' or '{' that opens the group closed at `close`, or SIZE_MAX. */
static size_t c_any__open(const c_tokens *t, size_t close)
{
	int depth = 0;
	for (size_t i = close + 1; i-- > 0;) {
		if (c_any__is(t, i, ")") || c_any__is(t, i, "]") || c_any__is(t, i, "}"))
			depth++;
		else if ((c_any__is(t, i, "(") || c_any__is(t, i, "[") || c_any__is(t, i, "{")) &&
			 --depth == 0)
			return i;
	}
	return (size_t)-1;
}

/* An operator that joins the written value with more of it: `A | B`, `A + B`. */
static bool c_any__joins(const c_tokens *t, size_t i)
{
	return c_any__is(t, i, "|") || c_any__is(t, i, "+");
}

/* Moves from the first token of an operand back over `x | y | ` chains, casts and grouping
 * parentheses to the first token of the whole written expression. */
static size_t c_any__expr_start(const c_tokens *t, size_t s)
{
	for (int guard = 0; guard < 64 && s > 0; guard++) {
		size_t p = s - 1;
		if (c_any__is(t, p, "(") && !(p > 0 && (c_any__ident(t, p - 1) ||
						       c_any__is(t, p - 1, ">") ||
						       c_any__is(t, p - 1, "]") ||
						       t->toks[p - 1].kind == C_TOK_KEYWORD))) {
			s = p; /* a grouping parenthesis */
			continue;
		}
		if (c_any__is(t, p, ")")) {
			/* A cast `(DWORD)X` (a parenthesised type just before the operand). */
			size_t o = c_any__open(t, p);
			if (o == (size_t)-1 || o + 1 >= p || (o > 0 && c_any__ident(t, o - 1)))
				break;
			bool type = true;
			for (size_t k = o + 1; k < p && type; k++)
				type = c_any__ident(t, k) || t->toks[k].kind == C_TOK_KEYWORD ||
				       c_any__is(t, k, "::") || c_any__is(t, k, "*");
			if (!type)
				break;
			s = o;
			continue;
		}
		if (c_any__joins(t, p) && p > 0) {
			/* The operand before the operator. */
			size_t q = p - 1;
			if (c_any__is(t, q, ")")) {
				size_t o = c_any__open(t, q);
				if (o == (size_t)-1)
					break;
				s = o;
			} else if (c_any__ident(t, q) || t->toks[q].kind == C_TOK_LITERAL) {
				s = c_any__qualified_start(t, q);
			} else {
				break;
			}
			continue;
		}
		break;
	}
	return s;
}

/* The end (exclusive token index) of the written expression whose operand ends at `e`. */
static size_t c_any__expr_end(const c_tokens *t, size_t e)
{
	int depth = 0;
	size_t i = e;
	for (; i < t->len; i++) {
		if (t->toks[i].directive)
			break;
		if (c_any__is(t, i, "(") || c_any__is(t, i, "[") || c_any__is(t, i, "{")) {
			depth++;
		} else if (c_any__is(t, i, ")") || c_any__is(t, i, "]") || c_any__is(t, i, "}")) {
			if (depth-- == 0)
				break;
		} else if (depth == 0 && (c_any__is(t, i, ",") || c_any__is(t, i, ";") ||
					  c_any__is(t, i, "?") || c_any__is(t, i, ":"))) {
			break;
		}
	}
	return i;
}

/* Is the '{' at `open` an initialiser list (not a function or statement block, not the body
 * of an enum, which declares its enumerators)? */
static bool c_any__initializer(const c_tokens *t, size_t open)
{
	if (open == 0)
		return false;
	size_t p = open - 1;
	if (c_any__is(t, p, "=") || c_any__is(t, p, ",") || c_any__is(t, p, "{") ||
	    c_any__is(t, p, "(") || c_any__is(t, p, "return"))
		return true;
	if (!c_any__ident(t, p) && !c_any__is(t, p, ">"))
		return false;
	/* `T name{...}` / `T{...}` brace initialisation, but `enum E {`, `struct S {` are
	 * declarations. */
	for (size_t k = p + 1, n = 0; k-- > 0 && n < 6; n++) {
		if (c_any__is(t, k, "enum") || c_any__is(t, k, "struct") ||
		    c_any__is(t, k, "class") || c_any__is(t, k, "union") ||
		    c_any__is(t, k, "namespace"))
			return false;
		if (c_any__is(t, k, ";") || c_any__is(t, k, "}") || c_any__is(t, k, "{") ||
		    c_any__is(t, k, ")"))
			break;
	}
	return true;
}

/* The callee of the call whose '(' is at `open`: true and its token range when the group is
 * a call's arguments (not `if (`, `while (`, `sizeof (`, a declaration's parameters). */
static bool c_any__call(const c_tokens *t, size_t open, size_t *cs, size_t *ce)
{
	if (open == 0)
		return false;
	size_t p = open - 1;
	if (c_any__is(t, p, ">")) {
		/* A template's arguments: `make_shared<ssl::context>(...)`. */
		int depth = 0;
		for (size_t k = p + 1; k-- > 0;) {
			if (c_any__is(t, k, ">"))
				depth++;
			else if (c_any__is(t, k, "<") && --depth == 0) {
				if (k == 0 || !c_any__ident(t, k - 1))
					return false;
				*cs = c_any__qualified_start(t, k - 1);
				*ce = open;
				return true;
			} else if (c_any__is(t, k, ";") || c_any__is(t, k, "{")) {
				return false;
			}
		}
		return false;
	}
	if (!c_any__ident(t, p))
		return false;
	*cs = c_any__qualified_start(t, p);
	*ce = open;
	return true;
}

/* What the written expression [s, e) is for: 1 a write (with its sink in [*ss, *se) when one
 * is known), 0 a read or nothing known. */
static int c_any__context(const c_tokens *t, size_t s, size_t e, size_t *ss, size_t *se)
{
	*ss = *se = 0;
	/* A comparison or mask right after: `X == v`, `X & flags`. */
	static const char *const after_reads[] = { "==", "!=", "&", "&&", "||", "<", ">", "<=",
						   ">=", "?" };
	for (size_t k = 0; k < sizeof(after_reads) / sizeof(after_reads[0]); k++)
		if (c_any__is(t, e, after_reads[k]))
			return 0;
	if (s == 0)
		return 0;
	size_t p = s - 1;
	if (c_any__is(t, p, "=") || c_any__is(t, p, "|=")) {
		/* The assigned or initialised name, with its member chain (`cred.grbit`,
		 * `opts->protocols`); a declaration's type is not part of it. */
		size_t last = p - 1, k = last;
		if (!c_any__ident(t, last))
			return 1;
		while (k >= 2 && (c_any__is(t, k - 1, ".") || c_any__is(t, k - 1, "->") ||
				  c_any__is(t, k - 1, "::")) && c_any__ident(t, k - 2))
			k -= 2;
		*ss = t->toks[k].off;
		*se = t->toks[last].off + t->toks[last].len;
		return 1;
	}
	if (c_any__is(t, p, "return"))
		return 1;
	if (c_any__is(t, p, "(") || c_any__is(t, p, ",") || c_any__is(t, p, "{")) {
		/* An argument or an element: find the group that holds it. */
		size_t open = p;
		if (c_any__is(t, p, ",")) {
			int depth = 0;
			open = (size_t)-1;
			for (size_t k = p; k-- > 0;) {
				if (c_any__is(t, k, ")") || c_any__is(t, k, "]") || c_any__is(t, k, "}"))
					depth++;
				else if (c_any__is(t, k, "(") || c_any__is(t, k, "[") ||
					 c_any__is(t, k, "{")) {
					if (depth-- == 0) {
						open = k;
						break;
					}
				} else if (depth == 0 && c_any__is(t, k, ";")) {
					break;
				}
			}
			if (open == (size_t)-1)
				return 0;
		}
		if (c_any__is(t, open, "{"))
			return c_any__initializer(t, open);
		size_t cs, ce;
		if (c_any__is(t, open, "(") && c_any__call(t, open, &cs, &ce)) {
			*ss = t->toks[cs].off;
			*se = t->toks[ce].off;
			return 1;
		}
		return 0;
	}
	return 0; /* `case X:`, `~X`, `& X`, `== X`, a declaration's own name, ... */
}

/* Has another rule's pattern for the API that consumes the value already reported it (the
 * SChannel bits passed to WinINet are LT-C-005's there)? One value, one finding. */
static bool c_any__taken(const c_hits *h, const rule *r, size_t start)
{
	for (size_t i = 0; i < h->len; i++)
		if (h->items[i].start == start && h->items[i].rule != r)
			return true;
	return false;
}

/* The last component of a value's name (`tlsv1` of `context::tlsv1`). */
static const char *c_any__last(const char *name)
{
	const char *last = name;
	for (const char *p = name; *p; p++)
		if (p[0] == ':' && p[1] == ':')
			last = p + 2;
	return last;
}

/* The `anywhere` patterns of the unit's rules, with the last component of each value's name
 * and its length: found once per file, not for every identifier of it. */
typedef struct c_any_name {
	const char *last;
	size_t len;
} c_any_name;

typedef struct c_any_pattern {
	const c_rule *rule;
	const c_pattern *p;
	size_t first, count; /* its names in the names array */
} c_any_pattern;

void c_anywhere_run(c_unit *u)
{
	const c_tokens *t = &u->toks;
	/* First bytes of the names to look for: most identifiers are ruled out by one test. */
	bool first[256] = { false };
	c_any_pattern *pats = NULL;
	c_any_name *names = NULL;
	size_t npats = 0, pcap = 0, nnames = 0, ncap = 0;
	for (size_t ri = 0; ri < u->nrules; ri++)
		for (size_t pi = 0; pi < u->rules[ri]->npatterns; pi++) {
			const c_pattern *p = &u->rules[ri]->patterns[pi];
			if (!p->anywhere)
				continue;
			GROW(pats, pcap, npats + 1);
			c_any_pattern *ap = &pats[npats++];
			*ap = (c_any_pattern){ u->rules[ri], p, nnames, 0 };
			for (size_t vi = 0; vi < p->nvalues; vi++) {
				if (!p->values[vi].name)
					continue;
				const char *last = c_any__last(p->values[vi].name);
				GROW(names, ncap, nnames + 1);
				names[nnames++] = (c_any_name){ last, strlen(last) };
				ap->count++;
				first[(unsigned char)*last] = true;
			}
		}
	for (size_t i = 0; i < t->len && nnames; i++) {
		if (t->toks[i].directive || t->toks[i].kind != C_TOK_IDENT ||
		    !first[(unsigned char)t->text[t->toks[i].off]])
			continue;
		const char *word = t->text + t->toks[i].off;
		size_t wlen = t->toks[i].len;
		for (size_t pk = 0; pk < npats; pk++) {
			const c_pattern *p = pats[pk].p;
			const c_rule *cr = pats[pk].rule;
			bool named = false;
			for (size_t k = pats[pk].first; k < pats[pk].first + pats[pk].count && !named;
			     k++)
				named = names[k].len == wlen && memcmp(names[k].last, word, wlen) == 0;
			if (!named || !c_any__qualified_by(t, i, p->qualifier))
				continue;
			size_t s = c_any__expr_start(t, c_any__qualified_start(t, i));
			size_t e = c_any__expr_end(t, i + 1);
			if (s > 0 && (c_any__is(t, s - 1, "~") || c_any__is(t, s - 1, "&") ||
				      c_any__is(t, s - 1, "!")))
				continue; /* masked out or tested */
			size_t ss, se;
			if (c_any__context(t, s, e, &ss, &se) != 1 || e <= s)
				continue;
			c_eval ev = { .text = t->text };
			c_eval_add_tokens(&ev, t, s, e, true);
			version_set v = c_match_value(p, &ev);
			c_eval_release(&ev);
			size_t start = t->toks[s].off;
			size_t end = t->toks[e - 1].off + t->toks[e - 1].len;
			if (c_any__taken(&u->hits, cr->rule, start))
				continue;
			c_hit *hit = c_hits_add(&u->hits, cr->rule, start, end, v);
			if (se > ss)
				c_hit_sink(hit, ss, se, false);
		}
	}
	free(pats);
	free(names);
}
