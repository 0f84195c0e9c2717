/* fuzz_gitignore.c: gitignore patterns (walk/gitignore.c). The input's lines are the ignore
 * file; every line is also matched as a path, as a file and as a directory, against it, and
 * so are a few fixed paths. */
#include "fuzz.h"

#include "walk/gitignore.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	gitignore g;
	gitignore_parse(&g, "sub/", text, size);
	static const char *const probes[] = { "sub/a.c", "sub/build/x.o", "sub/a/b/c/d.cs",
					      "other/sub/a", "sub/.hidden", "sub/[x]" };
	for (size_t i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		(void)gitignore_match(&g, probes[i], false);
		(void)gitignore_match(&g, probes[i], true);
	}
	char *line = text;
	for (unsigned n = 0; n < 64 && line && *line; n++) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		(void)gitignore_match(&g, line, false);
		(void)gitignore_match(&g, line, true);
		line = nl ? nl + 1 : NULL;
	}
	gitignore_release(&g);
	free(text);
	return 0;
}
