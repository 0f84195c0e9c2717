/* finding.c: lists of findings and notifications. */
#include "finding.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

finding *finding_list_add(finding_list *fl)
{
	GROW(fl->items, fl->cap, fl->len + 1);
	finding *f = &fl->items[fl->len++];
	memset(f, 0, sizeof(*f));
	return f;
}

void finding_list_note(finding_list *fl, level lvl, const char *uri, const char *display_path,
		       const char *fmt, ...)
{
	GROW(fl->notes, fl->notes_cap, fl->nnotes + 1);
	notification *n = &fl->notes[fl->nnotes++];
	n->level = lvl;
	n->uri = uri ? xstrdup(uri) : NULL;
	n->display_path = display_path ? xstrdup(display_path) : NULL;
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	n->message = xmalloc((size_t)(len > 0 ? len : 0) + 1);
	va_start(ap, fmt);
	vsnprintf(n->message, (size_t)(len > 0 ? len : 0) + 1, fmt, ap);
	va_end(ap);
}

void finding_add_related(finding *f, const char *uri, region where, const char *message)
{
	related_location *r = PUSH(f->related, f->nrelated);
	r->uri = xstrdup(uri);
	r->where = where;
	r->message = xstrdup(message);
}

static void finding__fix_free(fix *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->nreps; i++) {
		free(x->reps[i].old);
		free(x->reps[i].text);
	}
	free(x->reps);
	free(x->description);
	free(x);
}

void finding_add_replacement(finding *f, const char *description, size_t start, size_t end,
			     size_t raw_start, size_t raw_len, region where, const char *old,
			     const char *text)
{
	if (!f->fix) {
		f->fix = xcalloc(1, sizeof(*f->fix));
		f->fix->description = xstrdup(description);
	}
	free(f->no_fix);
	f->no_fix = NULL;
	fix_replacement *r = PUSH(f->fix->reps, f->fix->nreps);
	r->start = start;
	r->end = end;
	r->raw_start = raw_start;
	r->raw_len = raw_len;
	r->where = where;
	r->old = xstrndup(old, end - start);
	r->text = xstrdup(text);
}

void finding_set_no_fix(finding *f, const char *reason)
{
	finding__fix_free(f->fix);
	f->fix = NULL;
	free(f->no_fix);
	f->no_fix = xstrdup(reason);
}

const char *finding_no_fix_reason(const finding *f)
{
	if (f->fix)
		return NULL;
	if (f->no_fix)
		return f->no_fix;
	if (f->rule && rule_primary(f->rule)->no_fix)
		return rule_primary(f->rule)->no_fix;
	return "tlslint has no automatic edit for this case: make the change the message describes.";
}

unsigned long long finding_text_hash(const char *s, size_t len)
{
	unsigned long long h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

void finding_choose_modern_fix(finding *f, bool modern)
{
	if (!f->modern_fix)
		return;
	if (modern) {
		finding__fix_free(f->fix);
		free(f->no_fix);
		f->no_fix = NULL;
		f->fix = f->modern_fix;
	} else {
		finding__fix_free(f->modern_fix);
	}
	f->modern_fix = NULL;
}

static void finding__release(finding *f)
{
	finding__fix_free(f->fix);
	finding__fix_free(f->modern_fix);
	free(f->no_fix);
	free(f->uri);
	free(f->display_path);
	free(f->message);
	free(f->snippet);
	free(f->justification);
	free(f->line_hash);
	free(f->fingerprint);
	for (size_t i = 0; i < f->nrelated; i++) {
		free(f->related[i].uri);
		free(f->related[i].message);
	}
	free(f->related);
}

void finding_list_take(finding_list *dst, finding_list *src)
{
	GROW(dst->items, dst->cap, dst->len + src->len);
	if (src->len)
		memcpy(dst->items + dst->len, src->items, src->len * sizeof(*src->items));
	dst->len += src->len;
	GROW(dst->notes, dst->notes_cap, dst->nnotes + src->nnotes);
	if (src->nnotes)
		memcpy(dst->notes + dst->nnotes, src->notes, src->nnotes * sizeof(*src->notes));
	dst->nnotes += src->nnotes;
	free(src->items);
	free(src->notes);
	memset(src, 0, sizeof(*src));
}

static int finding__cmp_str(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int finding__cmp(const void *pa, const void *pb)
{
	const finding *a = pa, *b = pb;
	int c = finding__cmp_str(a->uri, b->uri);
	if (c)
		return c;
	if (a->where.start_line != b->where.start_line)
		return a->where.start_line < b->where.start_line ? -1 : 1;
	if (a->where.start_col != b->where.start_col)
		return a->where.start_col < b->where.start_col ? -1 : 1;
	c = strcmp(a->rule->id, b->rule->id);
	if (c)
		return c;
	if (a->where.end_line != b->where.end_line)
		return a->where.end_line < b->where.end_line ? -1 : 1;
	if (a->where.end_col != b->where.end_col)
		return a->where.end_col < b->where.end_col ? -1 : 1;
	return finding__cmp_str(a->message, b->message);
}

static int notification__cmp(const void *pa, const void *pb)
{
	const notification *a = pa, *b = pb;
	int c = finding__cmp_str(a->uri, b->uri);
	return c ? c : finding__cmp_str(a->message, b->message);
}

void finding_list_sort(finding_list *fl)
{
	if (fl->len)
		qsort(fl->items, fl->len, sizeof(*fl->items), finding__cmp);
	size_t out = 0;
	for (size_t i = 0; i < fl->len; i++) {
		finding *f = &fl->items[i];
		if (out > 0) {
			finding *prev = &fl->items[out - 1];
			if (prev->rule == f->rule && finding__cmp_str(prev->uri, f->uri) == 0 &&
			    prev->where.start_line == f->where.start_line &&
			    prev->where.start_col == f->where.start_col) {
				finding__release(f);
				continue;
			}
		}
		fl->items[out++] = *f;
	}
	fl->len = out;
	if (fl->nnotes)
		qsort(fl->notes, fl->nnotes, sizeof(*fl->notes), notification__cmp);
}

void finding_list_drop_if(finding_list *fl, bool (*drop)(const finding *f, const void *arg),
			  const void *arg)
{
	size_t out = 0;
	for (size_t i = 0; i < fl->len; i++) {
		if (drop(&fl->items[i], arg))
			finding__release(&fl->items[i]);
		else
			fl->items[out++] = fl->items[i];
	}
	fl->len = out;
}

void finding_list_release(finding_list *fl)
{
	for (size_t i = 0; i < fl->len; i++)
		finding__release(&fl->items[i]);
	free(fl->items);
	for (size_t i = 0; i < fl->nnotes; i++) {
		free(fl->notes[i].uri);
		free(fl->notes[i].display_path);
		free(fl->notes[i].message);
	}
	free(fl->notes);
	memset(fl, 0, sizeof(*fl));
}
