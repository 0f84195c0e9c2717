/* fileio.h: whole-file reads with a size cap, and atomic writes (temp file, then rename). */
#ifndef TLSLINT_FILEIO_H
#define TLSLINT_FILEIO_H

#include <stddef.h>

/* Reads up to `max` bytes of `path` with one open, one fstat and one read loop. The result is
 * NUL-terminated and owned by the caller. Returns 0, or -1 with errno set (EFBIG when the file
 * is larger than `max`, EISDIR for a directory). */
int file_read_all(const char *path, size_t max, char **out, size_t *len);

/* Writes `len` bytes to `path` atomically: a temporary file in the same directory, fsync'ed
 * and renamed over `path`. "-" writes to standard output; an existing device or FIFO
 * (/dev/null) is written in place, never replaced. Returns 0 or -1 with errno set. */
int file_write_atomic(const char *path, const char *data, size_t len);
/* The same with the permission bits `mode` (07777; the umask does not apply): the temporary
 * file has them before it holds any data, so the file never has other bits, not even for a
 * moment (a 0600 file rewritten stays unreadable to others throughout). */
int file_write_atomic_mode(const char *path, const char *data, size_t len, unsigned mode);

/* Creates directory `path` and its missing parents. Returns 0 or -1 with errno set. */
int file_mkdirs(const char *path);

/* Lists the names in directory `dir` that do not start with '.', sorted bytewise, so that
 * anything built from them is deterministic. Returns 0 with an owned array of owned strings
 * (free with dir_names_free), or -1 with errno set. */
int dir_list_sorted(const char *dir, char ***names, size_t *n);
void dir_names_free(char **names, size_t n);

#endif
