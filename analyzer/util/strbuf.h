/* strbuf.h: a growable, always NUL-terminated byte buffer.
 *
 * A strbuf owns its bytes; strbuf_release() frees them and strbuf_detach() hands them to the
 * caller. Appends beyond `max` bytes (0 = unlimited) are dropped and set `truncated`, so a
 * buffer fed from a scanned file can never grow without bound. */
#ifndef TLSLINT_STRBUF_H
#define TLSLINT_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
	size_t max;
	bool truncated;
} strbuf;

#define STRBUF_INIT { NULL, 0, 0, 0, false }

void strbuf_add(strbuf *sb, const char *data, size_t len);
void strbuf_adds(strbuf *sb, const char *s);
void strbuf_addc(strbuf *sb, char c);
void strbuf_addf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_reset(strbuf *sb);
/* Returns the contents ("" when empty); valid until the next change. */
const char *strbuf_str(const strbuf *sb);
/* Returns the owned, NUL-terminated contents and leaves the buffer empty. */
char *strbuf_detach(strbuf *sb);
void strbuf_release(strbuf *sb);

#endif
