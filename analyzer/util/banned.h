/* banned.h: functions that are easy to misuse, made compile errors in our own sources.
 * Included through the compiler's -include flag for every analyzer file. */
#ifndef TLSLINT_BANNED_H
#define TLSLINT_BANNED_H

/* The headers that declare them come first, as git includes its banned.h after the system
 * headers: their declarations are then read before the macros below exist, and a use expands
 * to an undeclared name, a compile error that names the function. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#define TLSLINT_BANNED(func) sorry_##func##_is_banned_use_a_bounded_alternative

#undef strcpy
#define strcpy(x, y) TLSLINT_BANNED(strcpy)
#undef strcat
#define strcat(x, y) TLSLINT_BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) TLSLINT_BANNED(strncpy)
#undef sprintf
#define sprintf(...) TLSLINT_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) TLSLINT_BANNED(vsprintf)
#undef gets
#define gets(x) TLSLINT_BANNED(gets)
#undef strncat
#define strncat(x, y, n) TLSLINT_BANNED(strncat)

/* Not thread-safe: they return a static buffer (strtok keeps its place in one). The workers
 * of a scan run on several threads, so the re-entrant forms are the only ones: strtok_r,
 * gmtime_r, localtime_r, and strftime in place of ctime and asctime. */
#define TLSLINT_BANNED_STATIC(func) sorry_##func##_is_banned_it_is_not_thread_safe
#undef strtok
#define strtok(x, y) TLSLINT_BANNED_STATIC(strtok)
#undef gmtime
#define gmtime(t) TLSLINT_BANNED_STATIC(gmtime)
#undef localtime
#define localtime(t) TLSLINT_BANNED_STATIC(localtime)
#undef ctime
#define ctime(t) TLSLINT_BANNED_STATIC(ctime)
#undef asctime
#define asctime(t) TLSLINT_BANNED_STATIC(asctime)
/* The _r forms of these two write into a buffer of unstated size. */
#undef ctime_r
#define ctime_r(t, buf) TLSLINT_BANNED(ctime_r)
#undef asctime_r
#define asctime_r(t, buf) TLSLINT_BANNED(asctime_r)

#endif
