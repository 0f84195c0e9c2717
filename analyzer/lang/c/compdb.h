/* compdb.h: a compilation database (compile_commands.json), sanitized for parsing only.
 *
 * Compile commands come from the scanned repository, which is untrusted: only flags that
 * change how a file is parsed are kept (include paths, macros, language and standard,
 * target), made absolute against the entry's directory. Everything else is dropped, in
 * particular whatever can load or run code (-fplugin=, -fpass-plugin=, -Xclang -load,
 * -Xclang -plugin, -mllvm, -B, -specs=, @response files) and output flags (-o, -M*). tlslint
 * never runs a compiler; it only hands the kept flags to libclang's parser. */
#ifndef TLSLINT_COMPDB_H
#define TLSLINT_COMPDB_H

#include <stdbool.h>
#include <stddef.h>

typedef struct compdb_entry {
	char *file;   /* absolute, normalised */
	char *dir;    /* the file's directory */
	char **args;  /* sanitized parser flags */
	size_t nargs;
	bool cxx;     /* compiled as C++ */
} compdb_entry;

typedef struct compdb {
	char *path;
	compdb_entry *entries; /* sorted by file */
	size_t len;
	size_t dropped;        /* flags dropped as unsafe or irrelevant */
} compdb;

/* Loads `path`. Returns 0, or -1 with a sentence in `err`. */
int compdb_load(compdb *out, const char *path, char *err, size_t errlen);
/* The same for `len` bytes of database text read from `path` (named in messages). */
int compdb_parse(compdb *out, const char *path, const char *text, size_t len, char *err,
		 size_t errlen);
/* The entry for absolute `file`; when it has none (a header), the entry of a file in the same
 * directory, else of the nearest directory. NULL when the database is empty. `exact` says
 * which case it was. */
const compdb_entry *compdb_lookup(const compdb *db, const char *file, bool *exact);
void compdb_release(compdb *db);

/* Sanitizes one command line (argv[0] is the compiler) into parser flags; exposed for tests.
 * `dir` makes relative paths absolute. Returns the number of flags dropped. */
size_t compdb_sanitize(char ***out, size_t *nout, char *const *argv, size_t argc,
		       const char *dir, const char *file);

#endif
