/* tlslint shim (no system headers): <stdio.h>. */
#ifndef TLSLINT_SHIM_STDIO_H
#define TLSLINT_SHIM_STDIO_H
#include <tlslint/base.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct _IO_FILE FILE;
extern FILE *stderr, *stdout;
int printf(const char *, ...);
int fprintf(FILE *, const char *, ...);
int snprintf(char *, size_t, const char *, ...);
int puts(const char *);
#ifdef __cplusplus
}
#endif
#endif
