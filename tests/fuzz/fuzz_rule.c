/* fuzz_rule.c: rule files (rules/rule.c: the header) and the C rule language
 * (lang/c/c_rules.c: the body of a `language: c` rule). An input that is no complete rule is
 * also tried as a C rule body behind a fixed valid header, so both parsers get deep inputs. */
#include "fuzz.h"

#include <stdio.h>

#include "lang/c/c_rules.h"
#include "rules/rule.h"

static const char header[] =
	"; id: LT-C-900\n"
	"; name: FuzzRule\n"
	"; kind: explicit-legacy\n"
	"; language: c\n"
	"; short: A rule the fuzzer writes.\n"
	"; full: A rule the fuzzer writes.\n"
	"; help:\n"
	";   Help.\n"
	"; message: '{value}' enables {versions}.\n"
	"; keywords: TLS\n";

static void fuzz_rule__try(const char *text)
{
	rule r;
	char err[512];
	if (rule_parse(&r, text, "fuzz.rule", err, sizeof(err)) < 0) {
		if (!err[0])
			abort(); /* rule_parse() released what it had built */
		return;
	}
	if (strcmp(r.language, "c") == 0) {
		c_rule cr;
		memset(&cr, 0, sizeof(cr));
		if (c_rule_parse(&cr, &r, err, sizeof(err)) == 0)
			c_rule_release(&cr);
		else if (!err[0])
			abort();
	}
	rule_release(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	fuzz_rule__try(text);
	/* The same bytes as the pattern of a valid C rule. */
	size_t hl = sizeof(header) - 1;
	char *whole = malloc(hl + size + 1);
	if (!whole)
		abort();
	memcpy(whole, header, hl);
	memcpy(whole + hl, text, size + 1);
	fuzz_rule__try(whole);
	free(whole);
	free(text);
	return 0;
}
