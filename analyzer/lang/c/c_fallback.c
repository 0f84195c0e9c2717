/* c_fallback.c: the token pass, for calls and assignments that are not in the AST.
 *
 * clang leaves a call out of the AST when an argument cannot be typed (a variable whose type
 * comes from a header that was not found), and it never sees code that the preprocessor
 * skipped. Here the scanned file's own tokens are read instead: a rule's function name
 * followed by '(' inside a function body, its arguments split at top-level commas, names and
 * literals compared with the rule's values, and a lone variable followed back to what was
 * assigned to it earlier in the same function. Calls the AST pass saw are skipped, so no
 * location is reported twice. Directive lines (a macro's definition) are never read. */
#include <string.h>

#include "c_analyze.h"

/* The index of the token that closes the group opened at `open`, or t->len. */
static size_t c_fb__close(const c_tokens *t, size_t open)
{
	int depth = 0;
	for (size_t i = open; i < t->len; i++) {
		if (t->toks[i].directive)
			continue;
		if (c_tok_is(t, i, "(") || c_tok_is(t, i, "[") || c_tok_is(t, i, "{"))
			depth++;
		else if ((c_tok_is(t, i, ")") || c_tok_is(t, i, "]") || c_tok_is(t, i, "}")) &&
			 --depth == 0)
			return i;
	}
	return t->len;
}

/* The end of an expression starting at `from`: the first ',', ';', or unmatched closer. */
static size_t c_fb__expr_end(const c_tokens *t, size_t from, size_t limit)
{
	int depth = 0;
	for (size_t i = from; i < limit; i++) {
		if (c_tok_is(t, i, "(") || c_tok_is(t, i, "[") || c_tok_is(t, i, "{"))
			depth++;
		else if (c_tok_is(t, i, ")") || c_tok_is(t, i, "]") || c_tok_is(t, i, "}")) {
			if (depth-- == 0)
				return i;
		} else if (depth == 0 && (c_tok_is(t, i, ",") || c_tok_is(t, i, ";")))
			return i;
	}
	return limit;
}

/* Splits the arguments of the call whose '(' is at `open` and ')' at `close`. */
static size_t c_fb__args(const c_tokens *t, size_t open, size_t close, size_t (*args)[2],
			 size_t max)
{
	size_t n = 0, s = open + 1;
	if (s == close)
		return 0;
	while (s <= close && n < max) {
		size_t e = c_fb__expr_end(t, s, close);
		args[n][0] = s;
		args[n][1] = e;
		n++;
		s = e + 1;
	}
	return n;
}

static bool c_fb__same(const c_tokens *t, size_t a, size_t b)
{
	return t->toks[a].len == t->toks[b].len &&
	       memcmp(t->text + t->toks[a].off, t->text + t->toks[b].off, t->toks[a].len) == 0;
}

/* A lone variable (`v`, `&v`, `(LPVOID)&v`): the index of its token, else t->len. */
static size_t c_fb__lone_var(const c_tokens *t, size_t s, size_t e)
{
	if (s < e && c_tok_is(t, s, "(")) {
		size_t c = c_fb__close(t, s);
		if (c + 1 < e)
			s = c + 1; /* a cast */
	}
	if (s < e && c_tok_is(t, s, "&"))
		s++;
	if (s + 1 == e && t->toks[s].kind == C_TOK_IDENT)
		return s;
	return t->len;
}

/* Follows variable `var` back through `var = ...` and `var |= ...` in `block` (-1: file
 * scope). Fills `out` with expression ranges; returns how many (0: nothing assigned). */
static size_t c_fb__follow_in(const c_tokens *t, size_t var, int block, size_t (*out)[2],
			      size_t max)
{
	size_t first = 0;
	if (block >= 0) {
		first = var;
		while (first > 0 && t->toks[first - 1].block == block)
			first--;
	}
	size_t n = 0;
	for (size_t i = first; i < var; i++) {
		if (t->toks[i].directive || t->toks[i].block != block ||
		    t->toks[i].kind != C_TOK_IDENT || !c_fb__same(t, i, var))
			continue;
		if (i > 0 && (c_tok_is(t, i - 1, ".") || c_tok_is(t, i - 1, "->")))
			continue;
		size_t op = i + 1;
		if (c_tok_is(t, op, "["))
			op = c_fb__close(t, op) + 1; /* an array: v[] = { ... } */
		bool set = c_tok_is(t, op, "="), add = c_tok_is(t, op, "|=");
		if (!set && !add)
			continue;
		size_t s = op + 1, e = c_fb__expr_end(t, s, var);
		if (set)
			n = 0;
		if (n < max) {
			out[n][0] = s;
			out[n][1] = e;
			n++;
		}
	}
	return n;
}

/* Follows variable `var` in its function, else among the file's global definitions. */
static size_t c_fb__follow(const c_tokens *t, size_t var, size_t (*out)[2], size_t max)
{
	size_t n = c_fb__follow_in(t, var, t->toks[var].block, out, max);
	return n ? n : c_fb__follow_in(t, var, -1, out, max);
}

static void c_fb__report(c_unit *u, const c_rule *cr, const c_pattern *p, size_t s, size_t e,
			 int block)
{
	const c_tokens *t = &u->toks;
	if (s >= e)
		return;
	c_eval ev = { 0 };
	c_eval_add_tokens(&ev, t, s, e, true);
	version_set v = c_match_value(p, &ev);
	if (v && (p->mode == C_MODE_NONZERO || p->mode == C_MODE_ZERO) && p->ncontext)
		v = c_match_context(p, t, block);
	c_eval_release(&ev);
	size_t last = e - 1;
	c_hits_add(&u->hits, cr->rule, t->toks[s].off, t->toks[last].off + t->toks[last].len, v);
}

/* `#define NAME value` in the scanned file: the range of its value, or false. */
static bool c_fb__macro(const c_tokens *t, size_t name, size_t range[2])
{
	for (size_t i = 0; i + 2 < t->len && t->toks[i].off < t->toks[name].off; i++) {
		if (!t->toks[i].directive || !c_tok_is(t, i, "#") || !c_tok_is(t, i + 1, "define") ||
		    !c_fb__same(t, i + 2, name))
			continue;
		size_t s = i + 3, e = s;
		/* An object-like macro: the name is not directly followed by '('. */
		if (s < t->len && c_tok_is(t, s, "(") &&
		    t->toks[s].off == t->toks[i + 2].off + t->toks[i + 2].len)
			return false;
		while (e < t->len && t->toks[e].directive && !c_tok_is(t, e, "#"))
			e++;
		range[0] = s;
		range[1] = e;
		return e > s;
	}
	return false;
}

/* Reports the value range [s, e) of pattern `p`, following a lone variable. */
static void c_fb__value(c_unit *u, const c_rule *cr, const c_pattern *p, size_t s, size_t e,
			int block)
{
	const c_tokens *t = &u->toks;
	size_t var = c_fb__lone_var(t, s, e);
	if (var < t->len) {
		size_t ranges[8][2];
		size_t n = c_fb__follow(t, var, ranges, 8);
		for (size_t i = 0; i < n; i++)
			c_fb__report(u, cr, p, ranges[i][0], ranges[i][1], block);
		if (n)
			return;
		size_t m[2];
		if (c_fb__macro(t, var, m)) {
			/* The value of a macro of this file, reported at the use. */
			c_eval ev = { 0 };
			c_eval_add_tokens(&ev, t, m[0], m[1], true);
			c_eval_add_tokens(&ev, t, s, e, true);
			version_set v = c_match_value(p, &ev);
			if (v && (p->mode == C_MODE_NONZERO || p->mode == C_MODE_ZERO) && p->ncontext)
				v = c_match_context(p, t, block);
			c_eval_release(&ev);
			c_hits_add(&u->hits, cr->rule, t->toks[s].off,
				   t->toks[e - 1].off + t->toks[e - 1].len, v);
			return;
		}
	}
	c_fb__report(u, cr, p, s, e, block);
}

/* "a::b::name" as written before the name token `i`. */
static void c_fb__spelled(const c_tokens *t, size_t i, char *buf, size_t len)
{
	size_t s = i;
	while (s >= 2 && c_tok_is(t, s - 1, "::") && t->toks[s - 2].kind == C_TOK_IDENT)
		s -= 2;
	size_t from = t->toks[s].off, to = t->toks[i].off + t->toks[i].len;
	size_t n = to - from < len - 1 ? to - from : len - 1;
	memcpy(buf, t->text + from, n);
	buf[n] = '\0';
}

static void c_fb__call(c_unit *u, size_t name, size_t open)
{
	const c_tokens *t = &u->toks;
	char spelled[256];
	c_fb__spelled(t, name, spelled, sizeof(spelled));
	bool any = false;
	for (size_t ri = 0; ri < u->nrules && !any; ri++)
		for (size_t pi = 0; pi < u->rules[ri]->npatterns && !any; pi++)
			any = c_match_callee(&u->rules[ri]->patterns[pi], spelled);
	if (!any)
		return;
	size_t close = c_fb__close(t, open);
	if (close >= t->len || c_unit_was_seen(u, t->toks[close].off + 1))
		return;
	size_t args[16][2];
	size_t nargs = c_fb__args(t, open, close, args, 16);
	int block = t->toks[name].block;
	for (size_t ri = 0; ri < u->nrules; ri++) {
		const c_rule *cr = u->rules[ri];
		for (size_t pi = 0; pi < cr->npatterns; pi++) {
			const c_pattern *p = &cr->patterns[pi];
			if (p->field || !c_match_callee(p, spelled))
				continue;
			bool ok = true;
			for (size_t k = 0; k < p->nconds && ok; k++) {
				if (p->conds[k].arg > nargs) {
					ok = false;
					break;
				}
				c_eval ev = { 0 };
				c_eval_add_tokens(&ev, t, args[p->conds[k].arg - 1][0],
						  args[p->conds[k].arg - 1][1], true);
				ok = c_match_cond(&p->conds[k], &ev);
				c_eval_release(&ev);
			}
			if (!ok)
				continue;
			if (p->mode == C_MODE_CALL) {
				c_hits_add(&u->hits, cr->rule, t->toks[name].off,
					   t->toks[name].off + t->toks[name].len, p->versions);
				continue;
			}
			if (p->arg > nargs)
				continue;
			c_fb__value(u, cr, p, args[p->arg - 1][0], args[p->arg - 1][1], block);
		}
	}
}

/* `x.FIELD = v`, `p->FIELD |= v`, and designated initializers `.FIELD = v`. */
static void c_fb__assign(c_unit *u, size_t field)
{
	const c_tokens *t = &u->toks;
	if (c_unit_was_seen(u, t->toks[field].off))
		return;
	bool set = c_tok_is(t, field + 1, "="), add = c_tok_is(t, field + 1, "|=");
	if (!set && !add)
		return;
	size_t s = field + 2, e = c_fb__expr_end(t, s, t->len);
	for (size_t ri = 0; ri < u->nrules; ri++) {
		const c_rule *cr = u->rules[ri];
		for (size_t pi = 0; pi < cr->npatterns; pi++) {
			const c_pattern *p = &cr->patterns[pi];
			if (p->field && strlen(p->field) == t->toks[field].len &&
			    memcmp(p->field, t->text + t->toks[field].off, t->toks[field].len) == 0)
				c_fb__value(u, cr, p, s, e, t->toks[field].block);
		}
	}
}

void c_fallback_run(c_unit *u)
{
	const c_tokens *t = &u->toks;
	for (size_t i = 0; i + 1 < t->len; i++) {
		const c_tok *k = &t->toks[i];
		if (k->directive || k->block < 0 || k->kind != C_TOK_IDENT)
			continue;
		if (c_tok_is(t, i + 1, "(")) {
			c_fb__call(u, i, i + 1);
		} else if (t->toks[i + 1].kind == C_TOK_IDENT && i + 2 < t->len &&
			   (c_tok_is(t, i + 2, "(") || c_tok_is(t, i + 2, "{"))) {
			c_fb__call(u, i, i + 2); /* a constructor: Type var(args) */
		}
		if (i > 0 && (c_tok_is(t, i - 1, ".") || c_tok_is(t, i - 1, "->")))
			c_fb__assign(u, i);
	}
}
