/* fuzz_decode.c: source decoding (source/source_file.c): BOMs, UTF-16 in both orders,
 * invalid UTF-8 read as Latin-1, binary detection, then line and column arithmetic. */
#include "fuzz.h"

#include "source/source_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *raw = malloc(size + 1);
	if (!raw)
		abort();
	if (size)
		memcpy(raw, data, size);
	raw[size] = '\0';
	source_file sf;
	if (source_decode(&sf, raw, size) != SOURCE_OK)
		return 0; /* source_decode owns and has freed `raw` */
	if (!utf8_valid(sf.text, sf.len) || sf.text[sf.len] != '\0')
		abort(); /* the decoded text is always valid, NUL-terminated UTF-8 */
	unsigned line, col;
	size_t offs[] = { 0, sf.len / 3, sf.len / 2, sf.len ? sf.len - 1 : 0, sf.len };
	for (size_t i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		source_position(&sf, offs[i], &line, &col);
		if (line < 1 || line > sf.nlines || col < 1)
			abort();
		size_t ll;
		const char *l = source_line(&sf, line, &ll);
		if (l && (l < sf.text || l + ll > sf.text + sf.len))
			abort();
		(void)utf8_utf16_units(sf.text, offs[i]);
	}
	source_release(&sf);
	return 0;
}
