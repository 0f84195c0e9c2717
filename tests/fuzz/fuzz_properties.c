/* fuzz_properties.c: the Java properties reader (lang/jvm/jvm_properties.c) on arbitrary text:
 * every value range lies inside the text, and a value is never longer than the text. */
#include "fuzz.h"

#include "lang/jvm/jvm_properties.h"

struct fuzz_properties {
	size_t len;
};

static void fuzz_properties__visit(void *arg, const char *key, size_t klen, const char *value,
				   size_t vlen, size_t vstart, size_t vend)
{
	const struct fuzz_properties *s = arg;
	if (klen > 255 || vlen > s->len || vstart > vend || vend > s->len)
		abort();
	/* Touch every byte handed over, so ASan sees any read past them. */
	volatile char sink = 0;
	for (size_t i = 0; i < klen; i++)
		sink ^= key[i];
	for (size_t i = 0; i < vlen; i++)
		sink ^= value[i];
	(void)sink;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct fuzz_properties s = { size };
	jvm_properties_read(text, size, fuzz_properties__visit, &s);
	free(text);
	return 0;
}
