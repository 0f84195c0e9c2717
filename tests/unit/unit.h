/* unit.h: a minimal unit test harness: CHECK macros that count, and a table of cases in
 * unit_main.c. A failed check prints file:line and the expression; the run ends with the
 * plain "N passed, N failed" line. */
#ifndef TLSLINT_UNIT_H
#define TLSLINT_UNIT_H

#include <stdio.h>
#include <string.h>

extern int unit_failed_checks;

#define CHECK(cond)                                                                       \
	do {                                                                              \
		if (!(cond)) {                                                            \
			unit_failed_checks++;                                             \
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
		}                                                                         \
	} while (0)

#define CHECK_STR(a, b)                                                                   \
	do {                                                                              \
		const char *a_ = (a), *b_ = (b);                                          \
		if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                  \
			unit_failed_checks++;                                             \
			fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, \
				__LINE__, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)");    \
		}                                                                         \
	} while (0)

#define CHECK_UINT(a, b)                                                                  \
	do {                                                                              \
		unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b); \
		if (a_ != b_) {                                                           \
			unit_failed_checks++;                                             \
			fprintf(stderr, "%s:%d: %s is %llu, expected %llu\n", __FILE__, __LINE__, \
				#a, a_, b_);                                              \
		}                                                                         \
	} while (0)

/* A fresh empty directory under $TMPDIR; the caller removes it with unit_rmtree. */
char *unit_tempdir(void);
void unit_rmtree(const char *dir);
void unit_write(const char *dir, const char *rel, const char *data, size_t len);

#endif
