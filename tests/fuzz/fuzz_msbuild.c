/* fuzz_msbuild.c: the plain-project reader (lang/dotnet/msbuild_reader.c) on arbitrary text,
 * against tree-sitter-xml: whatever the reader accepts must parse without an error into the
 * elements and character data runs the reader found (msbuild_compare.h). */
#include "fuzz.h"

#include "msbuild_compare.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static TSParser *parser;
	if (!parser)
		parser = ts_parser_new();
	char *text = fuzz_text(data, size);
	if (msbuild_compare(parser, text, size) < 0)
		abort();
	free(text);
	return 0;
}
