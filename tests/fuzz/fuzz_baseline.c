/* fuzz_baseline.c: SARIF baselines (report/baseline.c), which come from users: reading the
 * log, then matching two findings against it, one by fingerprint and one by line hash. */
#include "fuzz.h"

#include "rules/finding.h"
#include "report/baseline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	baseline b;
	char err[512];
	if (baseline_parse(&b, "fuzz.sarif", text, size, err, sizeof(err)) == 0) {
		rule r = { .id = "LT-CS-001" };
		finding items[2] = {
			{ .rule = &r, .uri = "src/a.cs", .fingerprint = "0123456789abcdef",
			  .line_hash = "5f2a:1" },
			{ .rule = &r, .uri = "src/a b.cs", .line_hash = "5f2a:1" },
		};
		finding_list fl = { .items = items, .len = 2, .cap = 2 };
		baseline_apply(&b, &fl);
		baseline_release(&b);
	} else if (!err[0]) {
		abort();
	}
	free(text);
	return 0;
}
