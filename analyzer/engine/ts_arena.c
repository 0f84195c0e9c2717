/* ts_arena.c: tree-sitter's memory for one file, from one region per thread (ts_arena.h). */
#include "ts_arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <tree_sitter/api.h>

#include "util/alloc.h"

/* Every block starts with a header that holds its size, so that realloc knows what to copy;
 * 16 bytes keep the blocks aligned as malloc's are. */
#define ARENA_HEADER 16
#define ARENA_ALIGN 16
#define ARENA_FIRST_CHUNK ((size_t)2 << 20)
#define ARENA_HUGE ((size_t)2 << 20)
/* What a thread keeps between files; a larger file's extra chunks go back after it. */
#define ARENA_KEEP ((size_t)64 << 20)

struct arena_chunk {
	struct arena_chunk *next;
	char *base, *end;
};

struct arena {
	struct arena_chunk *chunks; /* the current one first */
	char *ptr, *lim;            /* free space of the current chunk */
	char *last;                 /* the last block handed out (realloc grows it in place) */
	size_t total;               /* bytes of all chunks */
	int active;                 /* ts_arena_begin() without its ts_arena_end() */
	int suspended;
};

static _Thread_local struct arena ts_arena__cur;
static bool ts_arena__installed; /* written once, before any worker thread starts */

static bool ts_arena__owns(const struct arena *a, const void *p)
{
	const char *c = p;
	for (const struct arena_chunk *k = a->chunks; k; k = k->next)
		if (c >= k->base && c < k->end)
			return true;
	return false;
}

static size_t ts_arena__round(size_t n)
{
	return (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
}

static void ts_arena__new_chunk(struct arena *a, size_t need)
{
	size_t size = a->total ? a->total : ARENA_FIRST_CHUNK;
	if (size < need + ARENA_ALIGN)
		size = ts_arena__round(need + ARENA_ALIGN);
	struct arena_chunk *k = xmalloc(sizeof(*k));
	size = (size + ARENA_HUGE - 1) & ~(ARENA_HUGE - 1);
	k->base = aligned_alloc(ARENA_HUGE, size);
	if (!k->base)
		abort();
	madvise(k->base, size, MADV_HUGEPAGE);
	k->end = k->base + size;
	k->next = a->chunks;
	a->chunks = k;
	a->total += size;
	/* xmalloc aligns to 16 on the platforms we build for; round up anyway. */
	a->ptr = (char *)(((uintptr_t)k->base + ARENA_ALIGN - 1) & ~(uintptr_t)(ARENA_ALIGN - 1));
	a->lim = k->end;
}

static void *ts_arena__alloc(struct arena *a, size_t n)
{
	size_t need = ARENA_HEADER + ts_arena__round(n ? n : 1);
	if ((size_t)(a->lim - a->ptr) < need)
		ts_arena__new_chunk(a, need);
	char *block = a->ptr + ARENA_HEADER;
	*(size_t *)a->ptr = n;
	a->ptr += need;
	a->last = block;
	return block;
}

static bool ts_arena__allocating(const struct arena *a)
{
	return a->active && !a->suspended;
}

static void *ts_arena__malloc(size_t n)
{
	struct arena *a = &ts_arena__cur;
	return ts_arena__allocating(a) ? ts_arena__alloc(a, n) : xmalloc(n ? n : 1);
}

static void *ts_arena__calloc(size_t count, size_t size)
{
	struct arena *a = &ts_arena__cur;
	if (!ts_arena__allocating(a))
		return xcalloc(count ? count : 1, size ? size : 1);
	if (size && count > SIZE_MAX / size)
		abort();
	void *p = ts_arena__alloc(a, count * size);
	memset(p, 0, count * size);
	return p;
}

static void *ts_arena__realloc(void *p, size_t n)
{
	struct arena *a = &ts_arena__cur;
	if (!p)
		return ts_arena__malloc(n);
	if (!ts_arena__owns(a, p))
		return xrealloc(p, n ? n : 1);
	size_t *header = (size_t *)((char *)p - ARENA_HEADER);
	size_t old = *header;
	/* The last block grows where it is when its chunk has room. */
	if ((char *)p == a->last) {
		char *end = (char *)p + ts_arena__round(n ? n : 1);
		if (end <= a->lim) {
			*header = n;
			a->ptr = end;
			return p;
		}
	}
	void *q;
	if (ts_arena__allocating(a)) {
		q = ts_arena__alloc(a, n);
	} else {
		q = xmalloc(n ? n : 1); /* a block of the file's that outlives it: not expected */
	}
	memcpy(q, p, old < n ? old : n);
	return q;
}

static void ts_arena__free(void *p)
{
	struct arena *a = &ts_arena__cur;
	if (!p)
		return;
	if (!ts_arena__owns(a, p)) {
		free(p);
		return;
	}
	/* The last block's space comes back at once (tree-sitter's arrays often are it). */
	if ((char *)p == a->last) {
		a->ptr = (char *)p - ARENA_HEADER;
		a->last = NULL;
	}
}

void ts_arena_install(void)
{
	if (ts_arena__installed || !ts_arena_enabled())
		return;
	ts_set_allocator(ts_arena__malloc, ts_arena__calloc, ts_arena__realloc, ts_arena__free);
	ts_arena__installed = true;
}

bool ts_arena_enabled(void)
{
#if defined(__SANITIZE_ADDRESS__)
	return false; /* ASan sees every tree-sitter allocation and free */
#else
	const char *e = getenv("TLSLINT_NO_TS_ARENA");
	return !(e && *e && strcmp(e, "0") != 0);
#endif
}

bool ts_arena_begin(void)
{
	struct arena *a = &ts_arena__cur;
	if (!ts_arena__installed || a->active)
		return false;
	a->active = 1;
	a->suspended = 0;
	return true;
}

void ts_arena_end(void)
{
	struct arena *a = &ts_arena__cur;
	a->active = 0;
	a->last = NULL;
	/* The newest chunk is the largest (each new one is as large as all before it): keep it
	 * for the next file, unless it is larger than a thread should hold. */
	struct arena_chunk *keep = a->chunks;
	if (keep && (size_t)(keep->end - keep->base) > ARENA_KEEP)
		keep = NULL;
	struct arena_chunk *k = a->chunks;
	while (k) {
		struct arena_chunk *next = k->next;
		if (k != keep) {
			free(k->base);
			free(k);
		}
		k = next;
	}
	a->chunks = keep;
	a->total = 0;
	a->ptr = a->lim = NULL;
	if (keep) {
		keep->next = NULL;
		a->total = (size_t)(keep->end - keep->base);
		a->ptr = (char *)(((uintptr_t)keep->base + ARENA_ALIGN - 1) &
				  ~(uintptr_t)(ARENA_ALIGN - 1));
		a->lim = keep->end;
	}
}

void ts_arena_suspend(void)
{
	ts_arena__cur.suspended++;
}

void ts_arena_resume(void)
{
	ts_arena__cur.suspended--;
}

void ts_arena_thread_release(void)
{
	struct arena *a = &ts_arena__cur;
	while (a->chunks) {
		struct arena_chunk *k = a->chunks;
		a->chunks = k->next;
		free(k->base);
		free(k);
	}
	memset(a, 0, sizeof(*a));
}
