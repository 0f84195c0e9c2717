/* csharp_constants.h: the C# constants of a whole scan, so that a use in one file resolves a
 * definition in another.
 *
 * `SecurityProtocolTypeExtensions.Tls11` (the helper class .NET's TLS guidance suggests for
 * .NET 3.5 code) or a project's `Protocols.Legacy` is often defined in another file than the one
 * that writes it. Before the rules run, the scanner reads every C# file that names
 * `SecurityProtocolType` or `SslProtocols`, and records each `const` and `static readonly`
 * field with an initialiser, evaluated in its own file as a value of each of those types, under
 * `Class.Name`. It is the C# evaluator's scan_index (values/evaluator.h): built once, on one thread, and only read afterwards: every worker
 * may look it up at the same time. A name defined twice with different values is unknown. */
#ifndef TLSLINT_CSHARP_CONSTANTS_H
#define TLSLINT_CSHARP_CONSTANTS_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/finding.h"
#include "values/evaluator.h"
#include "walk/walker.h"

typedef struct cs_constants cs_constants;

/* Reads the C# files of `files` that may define such constants (each at most `max_file_size`
 * bytes, and at most 512 KiB) on `jobs` threads and indexes their constants. Never NULL; an
 * index may be empty. */
void *cs_constants_build(const struct walk_list *files, size_t max_file_size, unsigned jobs);
void cs_constants_free(void *c);

/* The value of `cls.name` (`cls` the class's own name, without namespace) as a value of
 * `type`: true and `*out`, `*uri` and `*where` (the initialiser) when exactly one value is
 * known for it. */
bool cs_constants_find(const void *index, const char *cls, size_t clen, const char *name,
		       size_t nlen, const value_type *type, eval_result *out, const char **uri,
		       region *where);

/* How many constants the index holds (for tests and --verbose). */
size_t cs_constants_count(const void *index);

#endif
