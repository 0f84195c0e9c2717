/* python_scope.h: what a Python name refers to, for the Python evaluator.
 *
 * Two questions, both answered from the syntax tree of one file: which module path an imported
 * name stands for (`s` after `import ssl as s` is `ssl`), and which single assignment gives a
 * variable its value in the scope where it is read (the enclosing function, then enclosing
 * functions, then the module). Names bound more than once, or in ways other than a plain
 * assignment (parameters, loops, `+=`, `global`), have no known value. */
#ifndef TLSLINT_PYTHON_SCOPE_H
#define TLSLINT_PYTHON_SCOPE_H

#include <stddef.h>
#include <tree_sitter/api.h>

#include "values/evaluator.h"

#define PY_MAX_STARS 8

typedef enum py_import_status {
	PY_IMPORT_NONE,     /* no import binds the name */
	PY_IMPORT_BOUND,    /* every import that binds it agrees on `canonical` */
	PY_IMPORT_CONFLICT, /* imports bind it to different paths */
} py_import_status;

/* Borrowed from the file's tables: valid until py_scope_release_state. */
typedef struct py_import_result {
	py_import_status status;
	const char *canonical;           /* the dotted path, when BOUND */
	const char *const *stars;        /* modules of `from M import *` anywhere in the file */
	size_t nstars;
} py_import_result;

/* Looks `name` up in the imports of the file (at any depth: `try: import ssl` counts). */
void py_scope_imports(py_import_result *out, const eval_ctx *ctx, const char *name, size_t len);

typedef enum py_binding {
	PY_BINDING_NONE, /* not bound by an assignment in any enclosing scope */
	PY_BINDING_ONE,  /* bound once by `name = value`: *value is set */
	PY_BINDING_MANY, /* bound more than once, or without a value we can follow */
} py_binding;

/* The binding of `name` as read at `use`. */
py_binding py_scope_binding(const eval_ctx *ctx, TSNode use, const char *name, size_t len,
			    TSNode *value);

/* The file's tables (imports, module-level bindings) are built on first use and kept in
 * *ctx->state, which must not be NULL; this frees them. */
void py_scope_release_state(void *state);

#endif
