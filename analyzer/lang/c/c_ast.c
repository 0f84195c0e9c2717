/* c_ast.c: the AST pass: calls and member assignments, evaluated through clang. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_analyze.h"
#include "util/alloc.h"

struct c_node {
	CXCursor cur;
	size_t start, end; /* main-file byte offsets of the extent */
};

struct c_ast {
	c_unit *u;
	struct c_node *calls, *assigns;
	size_t ncalls, callcap, nassigns, assigncap;
};

/* Main-file offset of `loc` (macro arguments at their spelling, macro bodies at the use). */
static bool c_ast__offset(const c_unit *u, CXSourceLocation loc, size_t *off)
{
	CXFile f = NULL;
	unsigned o = 0;
	u->lc->getFileLocation(loc, &f, NULL, NULL, &o);
	if (!f || !u->lc->File_isEqual(f, u->main))
		return false;
	*off = o;
	return true;
}

static bool c_ast__extent(const c_unit *u, CXCursor c, size_t *start, size_t *end)
{
	CXSourceRange r = u->lc->getCursorExtent(c);
	if (!c_ast__offset(u, u->lc->getRangeStart(r), start))
		return false;
	if (!c_ast__offset(u, u->lc->getRangeEnd(r), end) || *end <= *start) {
		/* A range ending inside a macro: at least the first token. */
		size_t i = c_tokens_at(&u->toks, *start);
		*end = i < u->toks.len && u->toks.toks[i].off == *start
			       ? *start + u->toks.toks[i].len
			       : *start + 1;
	}
	return true;
}

struct c_children {
	CXCursor items[4];
	unsigned n;
};

static enum CXChildVisitResult c_ast__child(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct c_children *ch = d;
	if (ch->n < 4)
		ch->items[ch->n] = c;
	ch->n++;
	return CXChildVisit_Continue;
}

static struct c_children c_ast__children(const c_unit *u, CXCursor c)
{
	struct c_children ch = { .n = 0 };
	u->lc->visitChildren(c, c_ast__child, &ch);
	if (ch.n > 4)
		ch.n = 4;
	return ch;
}

static bool c_ast__is_expr(CXCursor c)
{
	return c.kind >= CXCursor_FirstExpr && c.kind <= CXCursor_LastExpr;
}

/* Looks through implicit conversions, parentheses and casts. */
static CXCursor c_ast__strip(const c_unit *u, CXCursor c)
{
	for (int i = 0; i < 8; i++) {
		if (c.kind != CXCursor_UnexposedExpr && c.kind != CXCursor_ParenExpr &&
		    c.kind != CXCursor_CStyleCastExpr && c.kind != CXCursor_CXXFunctionalCastExpr &&
		    c.kind != CXCursor_CXXStaticCastExpr)
			break;
		struct c_children ch = c_ast__children(u, c);
		if (!ch.n || !c_ast__is_expr(ch.items[ch.n - 1]))
			break;
		c = ch.items[ch.n - 1];
	}
	return c;
}

static void c_ast__ints(const c_unit *u, CXCursor e, c_eval *ev, int depth)
{
	const libclang_api *lc = u->lc;
	CXEvalResult r = lc->Cursor_Evaluate(e);
	if (r) {
		CXEvalResultKind kind = lc->EvalResult_getKind(r);
		bool ok = kind == CXEval_Int || kind == CXEval_StrLiteral;
		if (kind == CXEval_Int) {
			c_eval_add_int(ev, lc->EvalResult_isUnsignedInt(r)
						   ? lc->EvalResult_getAsUnsigned(r)
						   : (unsigned long long)lc->EvalResult_getAsLongLong(r));
		} else if (kind == CXEval_StrLiteral) {
			const char *s = lc->EvalResult_getAsStr(r); /* a macro's string, concatenations */
			if (s && ev->nstrings < C_EVAL_MAX)
				ev->strings[ev->nstrings++] = xstrdup(s);
		}
		lc->EvalResult_dispose(r);
		if (ok)
			return;
	}
	if (depth > 6)
		return;
	CXCursor s = c_ast__strip(u, e);
	if (s.kind == CXCursor_ConditionalOperator) {
		struct c_children ch = c_ast__children(u, s);
		for (unsigned i = 1; i < ch.n && i < 3; i++)
			c_ast__ints(u, ch.items[i], ev, depth + 1); /* each branch */
	} else if (!lc->equalCursors(s, e)) {
		c_ast__ints(u, s, ev, depth + 1);
	}
}

static void c_ast__eval(const c_unit *u, CXCursor e, c_eval *ev)
{
	c_ast__ints(u, e, ev, 0);
	size_t s, t;
	if (c_ast__extent(u, e, &s, &t))
		c_eval_add_tokens(ev, &u->toks, c_tokens_at(&u->toks, s), c_tokens_at(&u->toks, t),
				  false);
	else
		ev->text = u->toks.text;
}

/* The operator of an assignment: the token after its left operand. */
static bool c_ast__op(const c_unit *u, CXCursor lhs, const char *op)
{
	size_t s, e;
	if (!c_ast__extent(u, lhs, &s, &e))
		return false;
	return c_tok_is(&u->toks, c_tokens_at(&u->toks, e), op);
}

/* What a value argument stands for: a local variable (or `&variable`) becomes the values
 * assigned to it before the call in the same function (`=` starts over, `|=` adds). */
static size_t c_ast__follow(struct c_ast *a, CXCursor e, size_t call_off, CXCursor *out,
			    size_t max)
{
	const c_unit *u = a->u;
	const libclang_api *lc = u->lc;
	CXCursor s = c_ast__strip(u, e);
	if (s.kind == CXCursor_UnaryOperator) {
		size_t b, t;
		struct c_children ch = c_ast__children(u, s);
		if (ch.n == 1 && c_ast__extent(u, s, &b, &t) &&
		    c_tok_is(&u->toks, c_tokens_at(&u->toks, b), "&"))
			s = c_ast__strip(u, ch.items[0]);
	}
	if (s.kind != CXCursor_DeclRefExpr)
		goto plain;
	CXCursor var = lc->getCursorReferenced(s);
	if (var.kind != CXCursor_VarDecl)
		goto plain;
	size_t n = 0;
	struct c_children ch = c_ast__children(u, var);
	size_t is, ie;
	if (ch.n && c_ast__is_expr(ch.items[ch.n - 1]) &&
	    c_ast__extent(u, ch.items[ch.n - 1], &is, &ie)) {
		/* The initializer, not an array bound: it follows '=' or '(', or is '{ ... }'. */
		size_t k = c_tokens_at(&u->toks, is);
		if (c_tok_is(&u->toks, k, "{") ||
		    (k > 0 && (c_tok_is(&u->toks, k - 1, "=") || c_tok_is(&u->toks, k - 1, "("))))
			out[n++] = ch.items[ch.n - 1];
	}
	for (size_t i = 0; i < a->nassigns && a->assigns[i].start < call_off; i++) {
		struct c_children ab = c_ast__children(u, a->assigns[i].cur);
		if (ab.n != 2)
			continue;
		CXCursor lhs = c_ast__strip(u, ab.items[0]);
		if (lhs.kind != CXCursor_DeclRefExpr ||
		    !lc->equalCursors(lc->getCursorReferenced(lhs), var))
			continue;
		if (c_ast__op(u, ab.items[0], "="))
			n = 0;
		else if (!c_ast__op(u, ab.items[0], "|="))
			continue;
		if (n < max)
			out[n++] = ab.items[1];
	}
	if (n)
		return n;
plain:
	out[0] = e;
	return 1;
}

/* "a::b::f" for the function or class a call refers to, else the call's spelling. */
static void c_ast__qualified(const c_unit *u, CXCursor call, char *buf, size_t len)
{
	const libclang_api *lc = u->lc;
	CXCursor ref = lc->getCursorReferenced(call);
	buf[0] = '\0';
	if (lc->Cursor_isNull(ref))
		ref = call;
	else if (ref.kind == CXCursor_Constructor || ref.kind == CXCursor_FunctionTemplate) {
		CXCursor cls = lc->getCursorSemanticParent(ref);
		CXString a = lc->getCursorSpelling(ref), b = lc->getCursorSpelling(cls);
		const char *as = lc->getCString(a), *bs = lc->getCString(b);
		if (ref.kind == CXCursor_Constructor || (as && bs && strcmp(as, bs) == 0))
			ref = cls; /* a constructor names its class */
		lc->disposeString(a);
		lc->disposeString(b);
	}
	for (int depth = 0; depth < 8 && !lc->Cursor_isNull(ref); depth++) {
		if (ref.kind == CXCursor_TranslationUnit || ref.kind == CXCursor_LinkageSpec)
			break;
		CXString sp = lc->getCursorSpelling(ref);
		const char *name = lc->getCString(sp);
		char tmp[512];
		snprintf(tmp, sizeof(tmp), "%s%s%s", name ? name : "", buf[0] ? "::" : "", buf);
		lc->disposeString(sp);
		snprintf(buf, len, "%s", tmp);
		if (lc->equalCursors(ref, call))
			break;
		ref = lc->getCursorSemanticParent(ref);
	}
}

/* The end of a call's callee: the '(' of its arguments (within a few tokens). */
static size_t c_ast__callee_end(const c_unit *u, const struct c_node *call)
{
	size_t i = c_tokens_at(&u->toks, call->start);
	for (size_t k = 0; k < 12 && i + k < u->toks.len; k++) {
		const c_tok *t = &u->toks.toks[i + k];
		if (t->off >= call->end)
			break;
		if (c_tok_is(&u->toks, i + k, "("))
			return t->off;
	}
	return call->start;
}

static void c_ast__call(struct c_ast *a, const struct c_node *call)
{
	c_unit *u = a->u;
	const libclang_api *lc = u->lc;
	CXString sp = lc->getCursorSpelling(call->cur);
	const char *spelled = lc->getCString(sp);
	bool any = false;
	for (size_t ri = 0; ri < u->nrules && !any; ri++)
		for (size_t pi = 0; pi < u->rules[ri]->npatterns && !any; pi++)
			any = spelled && c_match_callee(&u->rules[ri]->patterns[pi], spelled);
	lc->disposeString(sp);
	if (!any)
		return; /* most calls: no rule names this function */
	char name[512];
	c_ast__qualified(u, call->cur, name, sizeof(name));
	int nargs = lc->Cursor_getNumArguments(call->cur);
	int block = -1;
	size_t ti = c_tokens_at(&u->toks, call->start);
	if (ti < u->toks.len)
		block = u->toks.toks[ti].block;
	for (size_t ri = 0; ri < u->nrules; ri++) {
		const c_rule *cr = u->rules[ri];
		for (size_t pi = 0; pi < cr->npatterns; pi++) {
			const c_pattern *p = &cr->patterns[pi];
			if (p->field || !c_match_callee(p, name))
				continue;
			bool ok = true;
			for (size_t k = 0; k < p->nconds && ok; k++) {
				c_eval ev = { 0 };
				if ((int)p->conds[k].arg > nargs) {
					ok = false;
					break;
				}
				c_ast__eval(u, lc->Cursor_getArgument(call->cur, p->conds[k].arg - 1), &ev);
				ok = c_match_cond(&p->conds[k], &ev);
				c_eval_release(&ev);
			}
			if (!ok)
				continue;
			if (p->mode == C_MODE_CALL) {
				size_t end = ti < u->toks.len ? u->toks.toks[ti].off + u->toks.toks[ti].len
							      : call->start + 1;
				c_hits_add(&u->hits, cr->rule, call->start, end, p->versions);
				continue;
			}
			if ((int)p->arg > nargs)
				continue;
			CXCursor targets[8];
			CXCursor arg = lc->Cursor_getArgument(call->cur, p->arg - 1);
			size_t nt = c_ast__follow(a, arg, call->start, targets, 8);
			for (size_t k = 0; k < nt; k++) {
				c_eval ev = { 0 };
				c_ast__eval(u, targets[k], &ev);
				version_set v = c_match_value(p, &ev);
				if (v && (p->mode == C_MODE_NONZERO || p->mode == C_MODE_ZERO) &&
				    p->ncontext)
					v = c_match_context(p, &u->toks, block);
				c_eval_release(&ev);
				size_t s, e, as, ae;
				if (!v || !c_ast__extent(u, targets[k], &s, &e))
					continue;
				c_hit *hit = c_hits_add(&u->hits, cr->rule, s, e, v);
				c_hit_sink(hit, call->start, c_ast__callee_end(u, call), false);
				if (!lc->equalCursors(targets[k], arg) &&
				    c_ast__extent(u, arg, &as, &ae))
					c_hit_sink(hit, as, ae, true);
			}
		}
	}
}

static void c_ast__assign(struct c_ast *a, const struct c_node *as)
{
	c_unit *u = a->u;
	struct c_children ch = c_ast__children(u, as->cur);
	if (ch.n != 2)
		return;
	CXCursor lhs = c_ast__strip(u, ch.items[0]);
	if (lhs.kind != CXCursor_MemberRefExpr)
		return;
	if (!c_ast__op(u, ch.items[0], "=") && !c_ast__op(u, ch.items[0], "|="))
		return;
	size_t member;
	if (!c_ast__offset(u, u->lc->getCursorLocation(lhs), &member))
		return;
	c_unit_seen(u, member);
	CXString sp = u->lc->getCursorSpelling(lhs);
	const char *field = u->lc->getCString(sp);
	for (size_t ri = 0; ri < u->nrules; ri++) {
		const c_rule *cr = u->rules[ri];
		for (size_t pi = 0; pi < cr->npatterns; pi++) {
			const c_pattern *p = &cr->patterns[pi];
			if (!p->field || !field || strcmp(p->field, field) != 0)
				continue;
			CXCursor targets[8];
			size_t nt = c_ast__follow(a, ch.items[1], as->start, targets, 8);
			size_t ls = 0, le = 0, rs = 0, re = 0;
			bool lhs_known = c_ast__extent(u, ch.items[0], &ls, &le);
			bool rhs_known = c_ast__extent(u, ch.items[1], &rs, &re);
			for (size_t k = 0; k < nt; k++) {
				c_eval ev = { 0 };
				c_ast__eval(u, targets[k], &ev);
				version_set v = c_match_value(p, &ev);
				c_eval_release(&ev);
				size_t s, e;
				if (!v || !c_ast__extent(u, targets[k], &s, &e))
					continue;
				c_hit *hit = c_hits_add(&u->hits, cr->rule, s, e, v);
				if (lhs_known)
					c_hit_sink(hit, ls, le, false);
				if (rhs_known && !u->lc->equalCursors(targets[k], ch.items[1]))
					c_hit_sink(hit, rs, re, true);
			}
		}
	}
	u->lc->disposeString(sp);
}

static enum CXChildVisitResult c_ast__visit(CXCursor c, CXCursor parent, CXClientData d)
{
	struct c_ast *a = d;
	const libclang_api *lc = a->u->lc;
	if (parent.kind == CXCursor_TranslationUnit &&
	    !lc->Location_isFromMainFile(lc->getCursorLocation(c)))
		return CXChildVisit_Continue; /* declarations of headers */
	if (c.kind == CXCursor_CallExpr || c.kind == CXCursor_BinaryOperator ||
	    c.kind == CXCursor_CompoundAssignOperator) {
		struct c_node n = { .cur = c };
		if (c_ast__extent(a->u, c, &n.start, &n.end)) {
			if (c.kind == CXCursor_CallExpr) {
				GROW(a->calls, a->callcap, a->ncalls + 1);
				a->calls[a->ncalls++] = n;
				c_unit_seen(a->u, n.end);
			} else {
				GROW(a->assigns, a->assigncap, a->nassigns + 1);
				a->assigns[a->nassigns++] = n;
			}
		}
	}
	return CXChildVisit_Recurse;
}

static int c_ast__cmp(const void *x, const void *y)
{
	const struct c_node *a = x, *b = y;
	return a->start < b->start ? -1 : a->start > b->start;
}

void c_ast_run(c_unit *u)
{
	struct c_ast a = { .u = u };
	u->lc->visitChildren(u->lc->getTranslationUnitCursor(u->tu), c_ast__visit, &a);
	if (a.nassigns)
		qsort(a.assigns, a.nassigns, sizeof(*a.assigns), c_ast__cmp);
	for (size_t i = 0; i < a.ncalls; i++)
		c_ast__call(&a, &a.calls[i]);
	for (size_t i = 0; i < a.nassigns; i++)
		c_ast__assign(&a, &a.assigns[i]);
	c_unit_seen_done(u);
	free(a.calls);
	free(a.assigns);
}
