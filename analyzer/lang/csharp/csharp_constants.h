/* csharp_constants.h: the C# constants of a whole scan, so that a use in one file resolves a
 * definition in another.
 *
 * `SecurityProtocolTypeExtensions.Tls11` (the helper class .NET's TLS guidance suggests for
 * .NET 3.5 code) or a project's `Protocols.Legacy` is often defined in another file than the one
 * that writes it. Every C# file the scan parses that names `SecurityProtocolType` or
 * `SslProtocols` records, from the same tree its rules ran on, each `const` and `static
 * readonly` field with an initialiser, evaluated in its own file as a value of each of those
 * types, under `Class.Name`. It is the C# evaluator's scan_index (values/evaluator.h): filled
 * while the workers run, sealed when they are done, then only read; the files that looked a
 * name up before that, and that the sealed index answers, are analysed again. A name defined
 * twice with different values is unknown. */
#ifndef TLSLINT_CSHARP_CONSTANTS_H
#define TLSLINT_CSHARP_CONSTANTS_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/finding.h"
#include "values/evaluator.h"

typedef struct cs_constants cs_constants;

/* An empty index for files of at most `max_file_size` bytes (and at most 512 KiB). */
void *cs_constants_new(size_t max_file_size);
/* Records the constants of a file's tree, if it names `SecurityProtocolType` or `SslProtocols`
 * (`uri` is borrowed for the index's life). Safe on several threads at once, until sealed. */
void cs_constants_record(void *index, const char *uri, const source_file *src, TSNode root);
/* Sorts the index: complete, and only read from now on. */
void cs_constants_seal(void *index);
bool cs_constants_sealed(const void *index);
/* The key of a lookup of `cls.name` as a value of `type`, for index_lookups (newly allocated),
 * and whether the sealed index knows its value. */
char *cs_constants_key(const char *cls, size_t clen, const char *name, size_t nlen,
		       const value_type *type);
bool cs_constants_answers(const void *index, const char *key);
void cs_constants_free(void *c);
/* Whether cs_constants_record reads the file (it names SecurityProtocolType or SslProtocols). */
bool cs_constants_reads(const source_file *src);
/* Whether the sealed index holds a `Class.Name` whose class and name `text` both spell. */
bool cs_constants_mentioned(const void *index, const char *text, size_t len);

/* The value of `cls.name` (`cls` the class's own name, without namespace) as a value of
 * `type`: true and `*out`, `*uri` and `*where` (the initialiser) when exactly one value is
 * known for it. */
bool cs_constants_find(const void *index, const char *cls, size_t clen, const char *name,
		       size_t nlen, const value_type *type, eval_result *out, const char **uri,
		       region *where);

/* How many constants the index holds (for tests and --verbose). */
size_t cs_constants_count(const void *index);

#endif
