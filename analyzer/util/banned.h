/* banned.h: functions that are easy to misuse, made compile errors in our own sources.
 * Included through the compiler's -include flag for every analyzer file. */
#ifndef TLSLINT_BANNED_H
#define TLSLINT_BANNED_H

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
#undef strtok
#define strtok(x, y) TLSLINT_BANNED(strtok)

#endif
