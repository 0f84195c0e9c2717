/* fuzz_config.c: the .tlslint.toml reader (config/config.c), and its size syntax. */
#include "fuzz.h"

#include "config/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	config c;
	char err[512];
	if (config_parse(&c, ".tlslint.toml", text, size, err, sizeof(err)) == 0)
		config_release(&c);
	else if (!err[0])
		abort(); /* an error always says what is wrong */
	size_t n;
	(void)config_parse_size(text, &n);
	free(text);
	return 0;
}
