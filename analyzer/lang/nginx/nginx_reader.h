/* nginx_reader.h: reads nginx configuration into directives, the way nginx tokenises it.
 *
 * nginx splits a file into words separated by white space; `;` ends a directive, `{` opens
 * its block and `}` closes it. `#` at the start of a word comments out the rest of the line
 * (inside a word it is literal), "..." and '...' quote a word (with `\` escapes), and `${name}`
 * is a variable. Template syntax around the configuration ({{ }}, {% %}, {# #}, <% %>) is not
 * nginx: a template span is skipped like white space and the words around it are read as they
 * are, so the directives of every branch of a template conditional are read. A word next to a
 * template span is marked, so that a checker can tell a literal word from a computed one.
 *
 * The reader never fails: unbalanced braces and unterminated quotes end at the end of the
 * buffer, and what was read up to there is reported. */
#ifndef TLSLINT_NGINX_READER_H
#define TLSLINT_NGINX_READER_H

#include <stdbool.h>
#include <stddef.h>

#define NGINX_MAX_ARGS 32   /* further arguments of one directive are dropped */
#define NGINX_MAX_DEPTH 16  /* deeper block names are not kept (the depth still counts) */

typedef struct nginx_word {
	size_t start, end;  /* bytes of the word in the buffer, quotes included */
	size_t vstart, vend; /* its value: inside the quotes (escapes not undone) */
	bool quoted;
	bool templated;     /* touches a template span: {{ x }}TLSv1 */
} nginx_word;

typedef struct nginx_directive {
	nginx_word name;
	nginx_word args[NGINX_MAX_ARGS];
	size_t nargs;
	bool opens_block;   /* ended by `{` rather than `;` (or the end of the buffer) */
	bool terminated;    /* ended by `;` or `{`, not cut off by `}` or the end of the buffer */
	bool templated;     /* a template span lies between its name and its end */
	/* Names of the enclosing blocks, outermost first ("http", "server"), and their number
	 * (which may exceed NGINX_MAX_DEPTH; only the first ones are kept). */
	nginx_word blocks[NGINX_MAX_DEPTH];
	size_t depth;
} nginx_directive;

typedef void (*nginx_directive_fn)(void *arg, const char *buf, const nginx_directive *d);

/* Reads `len` bytes of `buf` (need not be NUL-terminated) and calls `fn` once per directive,
 * in order. Returns the number of directives read. */
int nginx_reader_parse(const char *buf, size_t len, nginx_directive_fn fn, void *arg);

/* Whether a file that is not named like nginx configuration reads like it: a top-level
 * `http`, `events`, `stream` or `mail` block, or a `server` block holding `listen` or
 * `server_name`, or a `location` or `upstream` block. */
bool nginx_reader_looks_like_nginx(const char *buf, size_t len);

#endif
