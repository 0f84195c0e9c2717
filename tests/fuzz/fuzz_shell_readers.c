/* fuzz_shell_readers.c: the Dockerfile and Makefile readers (lang/shell/shell_readers.c) that
 * hand command lines to the shell grammar, on arbitrary text: the copy they return keeps the
 * file's length and every line break where it was, so offsets stay the file's. */
#include "fuzz.h"

#include "lang/shell/shell_readers.h"

static void fuzz_shell__check(const char *text, size_t len, char *copy)
{
	if (!copy)
		abort();
	if (copy[len] != '\0')
		abort();
	for (size_t i = 0; i < len; i++) {
		if ((text[i] == '\n') != (copy[i] == '\n'))
			abort(); /* a line break moved, appeared or vanished */
		if (copy[i] != ' ' && copy[i] != '\n' && copy[i] != text[i])
			abort(); /* only blanking: every kept byte is the file's own */
	}
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	fuzz_shell__check(text, size, shell_dockerfile_commands(text, size));
	fuzz_shell__check(text, size, shell_makefile_recipes(text, size));
	free(text);
	return 0;
}
