/* alloc.h: allocation that never returns NULL.
 *
 * Allocation failure is not an error the analyzer can recover from, so it aborts in one place
 * (alloc.c) with a message. Size arithmetic goes through the checked helpers below. */
#ifndef TLSLINT_ALLOC_H
#define TLSLINT_ALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Reallocates `ptr` to hold `count` items of `size` bytes, aborting on overflow. */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated formatted string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The growth idiom: capacity doubles (8, 16, 32, ... slots), so n appends cost O(n).
 *
 * GROW, for an array that keeps its capacity beside it: grows `*items` (with `*cap` slots)
 * so that it holds at least `need` items of `size` bytes.
 * PUSH, for an array that keeps only its length: makes room for one item after `len` (the
 * capacity is the one GROW would have reached, implied by the length), counts it and yields
 * its slot, as in `*PUSH(l->items, l->len) = s;`. Such an array must be built by PUSH alone. */
void grow_array(void **items, size_t *cap, size_t need, size_t size);
#define GROW(items, cap, need) grow_array((void **)&(items), &(cap), (need), sizeof(*(items)))
void *grow_one(void *items, size_t len, size_t size);
#define PUSH(items, len) \
	((items) = grow_one((items), (len), sizeof(*(items))), &(items)[(len)++])

#endif
