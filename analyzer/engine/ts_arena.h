/* ts_arena.h: tree-sitter's memory for one file, from one region per thread.
 *
 * A file's parse allocates and frees millions of small blocks (subtrees, stack nodes, the
 * arrays of the parser and of its query cursors); with malloc that was a tenth of the
 * scanner's time, and deleting the tree walked all of it once more. Between ts_arena_begin()
 * and ts_arena_end() the tree-sitter runtime allocates from a region of the thread instead:
 * a block is a pointer bump, free() is nothing (but for the last block), and ts_arena_end()
 * takes the whole region back at once. Everything allocated in between must be dead by then:
 * the file's parser, query cursor and trees (ts_ruleset_run_with makes its own for the file).
 * What must outlive the file (a compiled query) is built between ts_arena_suspend() and
 * ts_arena_resume(). Outside, or with TLSLINT_NO_TS_ARENA=1, or under ASan, tree-sitter uses
 * malloc. */
#ifndef TLSLINT_TS_ARENA_H
#define TLSLINT_TS_ARENA_H
#include <stdbool.h>

/* Makes tree-sitter allocate through the arena functions (once, before any thread starts). */
void ts_arena_install(void);
bool ts_arena_enabled(void);
/* Starts a file's region on this thread; false when arenas are off or one is already open
 * (then the caller must not call ts_arena_end). */
bool ts_arena_begin(void);
void ts_arena_end(void);
void ts_arena_suspend(void);
void ts_arena_resume(void);
/* Frees the thread's region (at the end of a worker thread). */
void ts_arena_thread_release(void);

#endif
