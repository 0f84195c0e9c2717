/* diag.h: the one formatter of messages that name a place in a file, "path:line: message",
 * as compilers print them (rule files, configuration files, queries). */
#ifndef TLSLINT_DIAG_H
#define TLSLINT_DIAG_H

#include <stdarg.h>
#include <stddef.h>

/* Writes "path:line: " and the formatted message into `err` (truncated to `errlen`); returns
 * -1, so that a parser can `return diag_at(...)`. */
int diag_at(char *err, size_t errlen, const char *path, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
int vdiag_at(char *err, size_t errlen, const char *path, unsigned line, const char *fmt,
	     va_list ap) __attribute__((format(printf, 5, 0)));

#endif
