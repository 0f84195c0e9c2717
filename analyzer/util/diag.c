/* diag.c: "path:line: message". */
#include "util/diag.h"

#include <stdio.h>

int vdiag_at(char *err, size_t errlen, const char *path, unsigned line, const char *fmt,
	     va_list ap)
{
	if (!errlen)
		return -1;
	int n = snprintf(err, errlen, "%s:%u: ", path, line);
	if (n >= 0 && (size_t)n < errlen)
		vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
	return -1;
}

int diag_at(char *err, size_t errlen, const char *path, unsigned line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag_at(err, errlen, path, line, fmt, ap);
	va_end(ap);
	return -1;
}
