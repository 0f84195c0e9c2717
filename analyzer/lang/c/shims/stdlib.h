/* tlslint shim (no system headers): <stdlib.h>. */
#ifndef TLSLINT_SHIM_STDLIB_H
#define TLSLINT_SHIM_STDLIB_H
#include <tlslint/base.h>
#ifdef __cplusplus
extern "C" {
#endif
void *malloc(size_t);
void *calloc(size_t, size_t);
void free(void *);
void exit(int);
void abort(void);
char *getenv(const char *);
int atoi(const char *);
#ifdef __cplusplus
}
#endif
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#endif
