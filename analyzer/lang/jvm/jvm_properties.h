/* jvm_properties.h: a reader of the properties format (java.util.Properties): `#` and `!`
 * start comment lines; the key ends at the first unescaped `=`, `:` or blank (escapes undone,
 * at most 255 bytes kept); a line ending in an odd number of `\` continues on the next, whose
 * leading blanks are dropped. Pure: no I/O, never reads outside the buffer (fuzzed by
 * tests/fuzz/fuzz_properties.c). */
#ifndef TLSLINT_JVM_PROPERTIES_H
#define TLSLINT_JVM_PROPERTIES_H

#include <stddef.h>

/* One property: its key and its value joined over continuation lines (not NUL-terminated),
 * and the value's byte range [vstart, vend) in the text (from its first to its last line). */
typedef void (*jvm_property_fn)(void *arg, const char *key, size_t klen, const char *value,
				size_t vlen, size_t vstart, size_t vend);

/* Calls `fn` for every property with a value; returns how many. */
size_t jvm_properties_read(const char *text, size_t len, jvm_property_fn fn, void *arg);

#endif
