/* fuzz_reg.c: the .reg reader (frontends/reg_parser.c) on arbitrary decoded text. */
#include "fuzz.h"

#include "lang/reg/reg_parser.h"

static void fuzz_reg__visit(void *arg, const reg_entry *e)
{
	size_t *total = arg;
	/* Every span the parser reports lies inside the text: touch its ends. */
	const char *text = (const char *)total[1];
	size_t len = total[2];
	if (e->start > e->end || e->end > len)
		abort();
	if (e->key && (e->key < text || e->key + e->key_len > text + len))
		abort();
	if (e->name < text || e->name + e->name_len > text + len)
		abort();
	total[0] += e->name_len + (e->key ? e->key_len : 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	size_t state[3] = { 0, (size_t)text, size };
	reg_parse(text, size, fuzz_reg__visit, state);
	free(text);
	return 0;
}
