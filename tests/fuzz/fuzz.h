/* fuzz.h: what every libFuzzer target of tests/fuzz/ shares.
 *
 * Each target feeds one parser we wrote the bytes libFuzzer generates, the way the scanner
 * would hand them over (a NUL-terminated copy, as source_decode() and file_read_all()
 * produce), then releases what it built, so AddressSanitizer sees leaks and overruns and
 * UndefinedBehaviorSanitizer sees undefined arithmetic. Built only with -DTLSLINT_FUZZ=ON and
 * clang (cmake/fuzz.cmake); run with `make fuzz FUZZ_SECONDS=N` (tests/fuzz/run.sh). */
#ifndef TLSLINT_FUZZ_H
#define TLSLINT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of the input; the caller frees it. */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
