/* csharp_constants.c: the scan-wide index of C# constants (csharp_constants.h). */
#include "lang/csharp/csharp_constants.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "engine/ts_field.h"
#include "util/alloc.h"
#include "util/strbuf.h"

/* The types a constant is evaluated as: those whose values may be spelled through a name of
 * another file. */
static const char *const cs_const__types[] = { "SecurityProtocolType", "SslProtocols" };
#define CS_CONST_NTYPES (sizeof(cs_const__types) / sizeof(cs_const__types[0]))

typedef struct cs_const_entry {
	char *cls, *name;
	const char *uri; /* borrowed from the walk list */
	region where;
	bool known[CS_CONST_NTYPES];
	eval_result value[CS_CONST_NTYPES];
} cs_const_entry;

struct cs_constants {
	cs_const_entry *items;
	size_t len, cap;
	size_t max_file;       /* larger files are not read for constants */
	pthread_mutex_t lock;  /* taken to add a file's constants */
	atomic_bool sealed;    /* sorted, complete, and only read from now on */
};

static int cs_const__cmp(const void *a, const void *b)
{
	const cs_const_entry *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	if (!c)
		c = strcmp(x->cls, y->cls);
	if (!c)
		c = strcmp(x->uri, y->uri);
	if (!c)
		c = x->where.start_line < y->where.start_line ? -1
		    : x->where.start_line > y->where.start_line;
	return c;
}

static bool cs_const__is(const source_file *src, TSNode node, const char *s)
{
	uint32_t st = ts_node_start_byte(node), e = ts_node_end_byte(node);
	return e - st == strlen(s) && memcmp(src->text + st, s, e - st) == 0;
}

/* Is the field declaration `const`, or `static readonly`? */
static bool cs_const__constant_field(const source_file *src, TSNode field)
{
	bool is_const = false, is_static = false, is_readonly = false;
	uint32_t n = ts_node_named_child_count(field);
	for (uint32_t i = 0; i < n; i++) {
		TSNode m = ts_node_named_child(field, i);
		if (strcmp(ts_node_type(m), "modifier") != 0)
			continue;
		is_const |= cs_const__is(src, m, "const");
		is_static |= cs_const__is(src, m, "static");
		is_readonly |= cs_const__is(src, m, "readonly");
	}
	return is_const || (is_static && is_readonly);
}

/* Records the declarators of constant field `field` of class `cls`. */
static void cs_const__field(cs_constants *c, const char *uri, const source_file *src,
			    eval_ctx *ectx, TSNode cls, TSNode field)
{
	TSNode decl = { 0 };
	uint32_t n = ts_node_named_child_count(field);
	for (uint32_t i = 0; i < n && ts_node_is_null(decl); i++)
		if (strcmp(ts_node_type(ts_node_named_child(field, i)), "variable_declaration") == 0)
			decl = ts_node_named_child(field, i);
	TSNode cname = ts_field_child(cls, "name", 4);
	if (ts_node_is_null(decl) || ts_node_is_null(cname) || !cs_const__constant_field(src, field))
		return;
	uint32_t k = ts_node_named_child_count(decl);
	for (uint32_t i = 0; i < k; i++) {
		TSNode d = ts_node_named_child(decl, i);
		TSNode name = ts_field_child(d, "name", 4);
		uint32_t dk = ts_node_named_child_count(d);
		if (strcmp(ts_node_type(d), "variable_declarator") != 0 || ts_node_is_null(name) ||
		    dk < 2)
			continue;
		TSNode init = ts_node_named_child(d, dk - 1);
		cs_const_entry e = { 0 };
		bool any = false;
		for (size_t t = 0; t < CS_CONST_NTYPES; t++) {
			const value_evaluator *ev = evaluator_for(LANG_CSHARP);
			ectx->depth = 0;
			e.known[t] = ev->eval(ectx, init, value_type_find(cs_const__types[t]),
					      &e.value[t]);
			e.value[t].followed = false;
			e.value[t].detail = NULL;
			any |= e.known[t];
		}
		if (!any)
			continue;
		uint32_t s = ts_node_start_byte(cname);
		e.cls = xstrndup(src->text + s, ts_node_end_byte(cname) - s);
		s = ts_node_start_byte(name);
		e.name = xstrndup(src->text + s, ts_node_end_byte(name) - s);
		e.uri = uri;
		source_position(src, ts_node_start_byte(init), &e.where.start_line,
				&e.where.start_col);
		source_position(src, ts_node_end_byte(init), &e.where.end_line, &e.where.end_col);
		GROW(c->items, c->cap, c->len + 1);
		c->items[c->len++] = e;
	}
}

/* Walks the classes and structs of a file's tree for their constant fields. */
static void cs_const__file(cs_constants *c, const char *uri, const source_file *src,
			   TSNode root)
{
	void *state = NULL;
	eval_ctx ectx = { .src = src, .root = root, .lang = LANG_CSHARP, .state = &state };
	TSTreeCursor cur = ts_tree_cursor_new(root);
	for (bool more = true; more;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		const char *kind = ts_node_type(n);
		bool type_decl = strcmp(kind, "class_declaration") == 0 ||
				 strcmp(kind, "struct_declaration") == 0;
		if (type_decl) {
			TSNode body = ts_field_child(n, "body", 4);
			uint32_t k = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
			for (uint32_t i = 0; i < k; i++) {
				TSNode m = ts_node_named_child(body, i);
				if (strcmp(ts_node_type(m), "field_declaration") == 0)
					cs_const__field(c, uri, src, &ectx, n, m);
			}
		}
		/* Down into namespaces, types and their bodies; never into members' code. */
		bool descend = !(strcmp(kind, "method_declaration") == 0 ||
				 strcmp(kind, "field_declaration") == 0 ||
				 strcmp(kind, "property_declaration") == 0 ||
				 strcmp(kind, "constructor_declaration") == 0);
		if (descend && ts_tree_cursor_goto_first_child(&cur))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&cur)) {
			if (!ts_tree_cursor_goto_parent(&cur)) {
				more = false;
				break;
			}
		}
	}
	ts_tree_cursor_delete(&cur);
	const value_evaluator *ev = evaluator_for(LANG_CSHARP);
	if (state && ev->release_state)
		ev->release_state(state);
}

/* Files larger than this are not read for constants: a helper class is small. */
#define CS_CONST_MAX_FILE (512u << 10)

void *cs_constants_new(size_t max_file_size)
{
	cs_constants *c = xcalloc(1, sizeof(*c));
	pthread_mutex_init(&c->lock, NULL);
	c->max_file = max_file_size < CS_CONST_MAX_FILE ? max_file_size : CS_CONST_MAX_FILE;
	return c;
}

bool cs_constants_reads(const source_file *src)
{
	return memmem(src->text, src->len, "SecurityProtocolType", 20) ||
	       memmem(src->text, src->len, "SslProtocols", 12);
}

bool cs_constants_mentioned(const void *index, const char *text, size_t len)
{
	const cs_constants *c = index;
	if (!c || !atomic_load(&c->sealed))
		return true; /* not complete: any name may still come */
	for (size_t i = 0; i < c->len; i++) {
		const cs_const_entry *e = &c->items[i];
		if (memmem(text, len, e->name, strlen(e->name)) &&
		    memmem(text, len, e->cls, strlen(e->cls)))
			return true;
	}
	return false;
}

void cs_constants_record(void *index, const char *uri, const source_file *src, TSNode root)
{
	cs_constants *c = index;
	if (!c || atomic_load(&c->sealed) || src->len > c->max_file || !cs_constants_reads(src))
		return;
	cs_constants part = { 0 };
	cs_const__file(&part, uri, src, root);
	if (!part.len)
		return;
	pthread_mutex_lock(&c->lock);
	for (size_t k = 0; k < part.len; k++) {
		GROW(c->items, c->cap, c->len + 1);
		c->items[c->len++] = part.items[k];
	}
	pthread_mutex_unlock(&c->lock);
	free(part.items);
}

void cs_constants_seal(void *index)
{
	cs_constants *c = index;
	if (!c || atomic_load(&c->sealed))
		return;
	/* Sorted by name, class and then file: the same index whatever the threads did. */
	if (c->len)
		qsort(c->items, c->len, sizeof(*c->items), cs_const__cmp);
	atomic_store(&c->sealed, true);
}

bool cs_constants_sealed(const void *index)
{
	const cs_constants *c = index;
	return c && atomic_load(&c->sealed);
}

char *cs_constants_key(const char *cls, size_t clen, const char *name, size_t nlen,
		       const value_type *type)
{
	strbuf b = STRBUF_INIT;
	strbuf_addf(&b, "%s\t%.*s\t%.*s", type->name, (int)clen, cls, (int)nlen, name);
	return strbuf_detach(&b);
}

bool cs_constants_answers(const void *index, const char *key)
{
	const char *t1 = strchr(key, '\t');
	const char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
	if (!t2)
		return false;
	char tname[64];
	size_t tl = (size_t)(t1 - key);
	if (tl >= sizeof(tname))
		return false;
	memcpy(tname, key, tl);
	tname[tl] = '\0';
	const value_type *type = value_type_find(tname);
	eval_result out;
	const char *uri;
	region where;
	return type && cs_constants_find(index, t1 + 1, (size_t)(t2 - t1 - 1), t2 + 1,
					 strlen(t2 + 1), type, &out, &uri, &where);
}

void cs_constants_free(void *index)
{
	cs_constants *c = index;
	if (!c)
		return;
	for (size_t i = 0; i < c->len; i++) {
		free(c->items[i].cls);
		free(c->items[i].name);
	}
	free(c->items);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

size_t cs_constants_count(const void *index)
{
	const cs_constants *c = index;
	return c ? c->len : 0;
}

/* strcmp of the NUL-terminated `a` with the `blen` bytes at `b`. */
static int cs_const__cmpn(const char *a, const char *b, size_t blen)
{
	int r = strncmp(a, b, blen);
	if (r)
		return r;
	return a[blen] ? 1 : 0;
}

bool cs_constants_find(const void *index, const char *cls, size_t clen, const char *name,
		       size_t nlen, const value_type *type, eval_result *out, const char **uri,
		       region *where)
{
	const cs_constants *c = index;
	size_t t = 0;
	while (t < CS_CONST_NTYPES && strcmp(cs_const__types[t], type->name) != 0)
		t++;
	if (!c || t == CS_CONST_NTYPES || !atomic_load(&c->sealed))
		return false;
	size_t lo = 0, hi = c->len;
	while (lo < hi) { /* the first entry of `name`, `cls` */
		size_t mid = lo + (hi - lo) / 2;
		const cs_const_entry *e = &c->items[mid];
		int r = cs_const__cmpn(e->name, name, nlen);
		if (!r)
			r = cs_const__cmpn(e->cls, cls, clen);
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	const cs_const_entry *found = NULL;
	for (size_t i = lo; i < c->len && !cs_const__cmpn(c->items[i].name, name, nlen) &&
			    !cs_const__cmpn(c->items[i].cls, cls, clen); i++) {
		const cs_const_entry *e = &c->items[i];
		if (!e->known[t])
			return false; /* one definition that is not a value of this type */
		if (found && found->value[t].value != e->value[t].value)
			return false; /* two definitions that disagree */
		found = found ? found : e;
	}
	if (!found)
		return false;
	*out = found->value[t];
	*uri = found->uri;
	*where = found->where;
	return true;
}
