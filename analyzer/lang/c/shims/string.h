/* tlslint shim (no system headers): <string.h>. */
#ifndef TLSLINT_SHIM_STRING_H
#define TLSLINT_SHIM_STRING_H
#include <tlslint/base.h>
#ifdef __cplusplus
extern "C" {
#endif
size_t strlen(const char *);
int strcmp(const char *, const char *);
int strncmp(const char *, const char *, size_t);
void *memset(void *, int, size_t);
void *memcpy(void *, const void *, size_t);
#ifdef __cplusplus
}
#endif
#endif
