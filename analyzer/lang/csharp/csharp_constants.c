/* csharp_constants.c: the scan-wide index of C# constants (csharp_constants.h). */
#include "lang/csharp/csharp_constants.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "engine/ts_grammars.h"
#include "util/alloc.h"

/* The types a constant is evaluated as: those whose values may be spelled through a name of
 * another file. */
static const char *const cs_const__types[] = { "SecurityProtocolType", "SslProtocols" };
#define CS_CONST_NTYPES (sizeof(cs_const__types) / sizeof(cs_const__types[0]))
#define CS_CONST_MAX_JOBS 64

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
static void cs_const__field(cs_constants *c, const walk_file *f, const source_file *src,
			    eval_ctx *ectx, TSNode cls, TSNode field)
{
	TSNode decl = { 0 };
	uint32_t n = ts_node_named_child_count(field);
	for (uint32_t i = 0; i < n && ts_node_is_null(decl); i++)
		if (strcmp(ts_node_type(ts_node_named_child(field, i)), "variable_declaration") == 0)
			decl = ts_node_named_child(field, i);
	TSNode cname = ts_node_child_by_field_name(cls, "name", 4);
	if (ts_node_is_null(decl) || ts_node_is_null(cname) || !cs_const__constant_field(src, field))
		return;
	uint32_t k = ts_node_named_child_count(decl);
	for (uint32_t i = 0; i < k; i++) {
		TSNode d = ts_node_named_child(decl, i);
		TSNode name = ts_node_child_by_field_name(d, "name", 4);
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
		e.uri = f->uri;
		source_position(src, ts_node_start_byte(init), &e.where.start_line,
				&e.where.start_col);
		source_position(src, ts_node_end_byte(init), &e.where.end_line, &e.where.end_col);
		GROW(c->items, c->cap, c->len + 1);
		c->items[c->len++] = e;
	}
}

/* Walks the classes and structs of a file's tree for their constant fields. */
static void cs_const__file(cs_constants *c, const walk_file *f, const source_file *src,
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
			TSNode body = ts_node_child_by_field_name(n, "body", 4);
			uint32_t k = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
			for (uint32_t i = 0; i < k; i++) {
				TSNode m = ts_node_named_child(body, i);
				if (strcmp(ts_node_type(m), "field_declaration") == 0)
					cs_const__field(c, f, src, &ectx, n, m);
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

/* Files larger than this are not read for constants: a helper class is small, and the pass has
 * no parse deadline of its own (the scan's --timeout applies to the rules' parse). */
#define CS_CONST_MAX_FILE (512u << 10)

struct cs_const_job {
	const struct walk_list *files;
	size_t max_file_size;
	atomic_size_t next;
	cs_constants part[CS_CONST_MAX_JOBS]; /* one per thread, merged at the end */
	atomic_uint parts;
};

static void *cs_const__worker(void *arg)
{
	struct cs_const_job *job = arg;
	unsigned me = atomic_fetch_add(&job->parts, 1);
	cs_constants *c = &job->part[me];
	const TSLanguage *grammar = ts_grammar_for(LANG_CSHARP);
	TSParser *parser = NULL;
	for (;;) {
		size_t i = atomic_fetch_add(&job->next, 1);
		if (i >= job->files->len || !grammar)
			break;
		const walk_file *f = &job->files->files[i];
		if (f->lang != LANG_CSHARP)
			continue;
		size_t max = job->max_file_size < CS_CONST_MAX_FILE ? job->max_file_size
								    : CS_CONST_MAX_FILE;
		source_file src;
		char why[256];
		if (walk_file_load(&src, f, max, why, sizeof(why)) != SOURCE_OK)
			continue;
		bool candidate = memmem(src.text, src.len, "SecurityProtocolType", 20) ||
				 memmem(src.text, src.len, "SslProtocols", 12);
		if (candidate && !parser) {
			parser = ts_parser_new();
			if (!ts_parser_set_language(parser, grammar)) {
				ts_parser_delete(parser);
				parser = NULL;
				grammar = NULL;
			}
		}
		TSTree *tree = candidate && parser
				       ? ts_parser_parse_string(parser, NULL, src.text, (uint32_t)src.len)
				       : NULL;
		if (tree) {
			cs_const__file(c, f, &src, ts_tree_root_node(tree));
			ts_tree_delete(tree);
		}
		source_release(&src);
	}
	if (parser)
		ts_parser_delete(parser);
	return NULL;
}

void *cs_constants_build(const struct walk_list *files, size_t max_file_size, unsigned jobs)
{
	struct cs_const_job *job = xcalloc(1, sizeof(*job));
	job->files = files;
	job->max_file_size = max_file_size;
	if (jobs < 1)
		jobs = 1;
	if (jobs > CS_CONST_MAX_JOBS)
		jobs = CS_CONST_MAX_JOBS;
	pthread_t threads[CS_CONST_MAX_JOBS];
	unsigned started = 0;
	for (unsigned t = 1; t < jobs; t++) /* the calling thread is the first worker */
		if (pthread_create(&threads[started], NULL, cs_const__worker, job) == 0)
			started++;
	cs_const__worker(job);
	for (unsigned t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	cs_constants *c = xcalloc(1, sizeof(*c));
	for (unsigned p = 0; p < atomic_load(&job->parts); p++) {
		cs_constants *part = &job->part[p];
		for (size_t k = 0; k < part->len; k++) {
			GROW(c->items, c->cap, c->len + 1);
			c->items[c->len++] = part->items[k];
		}
		free(part->items);
	}
	free(job);
	/* Sorted by name, class and then file: the same index whatever the threads did. */
	if (c->len)
		qsort(c->items, c->len, sizeof(*c->items), cs_const__cmp);
	return c;
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
	if (!c || t == CS_CONST_NTYPES)
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
