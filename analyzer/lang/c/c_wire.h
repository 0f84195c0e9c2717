/* c_wire.h: the hits of one file as bytes, from the parser process to the scanner.
 *
 * The reply to a request (lang/c/c_server.h) carries a file's hits as one length-prefixed
 * payload, which the scanner reads whole and decodes here, checking every count and range
 * against what it sent: the parser process is the same binary, but it parsed a file of the
 * scanned repository and may have been damaged doing so. Integers are in the machine's byte
 * order; a string is a 32-bit length and its bytes. Per hit:
 *
 *   u32 rule index, u32 versions, u64 start, u64 end,
 *   u32 nsinks, then per sink: u64 start, u64 end, u32 through
 *   str fix description ("" for none), u32 nreps, then per replacement: u64 start, u64 end, str text
 *   str no-fix reason ("" for none)
 *
 * after a u32 count of hits. Decoding is a pure function of the bytes (fuzzed by fuzz_cwire). */
#ifndef TLSLINT_C_WIRE_H
#define TLSLINT_C_WIRE_H

#include <stddef.h>

#include "lang/c/c_hits.h"

/* Longest fix description, replacement text or reason accepted. */
#define C_WIRE_MAX_TEXT 4096u

typedef struct c_wire_buf {
	char *data;
	size_t len, cap;
} c_wire_buf;

void c_wire_put(c_wire_buf *b, const void *p, size_t n);
void c_wire_u32(c_wire_buf *b, unsigned v);
void c_wire_u64(c_wire_buf *b, unsigned long long v);
void c_wire_str(c_wire_buf *b, const char *s, size_t n);

/* Appends the hits; `rule_index(rule, arg)` gives each hit's rule index. */
void c_wire_put_hits(c_wire_buf *b, const c_hits *h,
		     unsigned (*rule_index)(const rule *r, void *arg), void *arg);

/* Decodes a payload of `n` bytes into `out`, the rule of index i being `rules[i]`, for a file
 * of `textlen` bytes. Returns 0, or -1 (with `out` as it was) when the bytes are not what
 * c_wire_put_hits() writes: a count or index out of range, a range past the text or reversed,
 * replacements out of order or overlapping, a text longer than C_WIRE_MAX_TEXT or holding a
 * NUL, bytes missing or left over. */
int c_wire_get_hits(const char *p, size_t n, const rule *const *rules, size_t nrules,
		    size_t textlen, c_hits *out);

#endif
