/* fuzz_compdb.c: compilation databases (lang/c/compdb.c): JSON, command splitting, flag
 * sanitizing and path normalising, then lookups of files that are and are not in it. */
#include "fuzz.h"

#include "lang/c/compdb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	compdb db;
	char err[512];
	if (compdb_parse(&db, "/src/compile_commands.json", text, size, err, sizeof(err)) == 0) {
		static const char *const probes[] = { "/src/a.c", "/src/include/a.h", "/", "/x/y/z.h",
						      "/src/../src/./b.cpp" };
		bool exact;
		for (size_t i = 0; i < sizeof(probes) / sizeof(probes[0]); i++)
			(void)compdb_lookup(&db, probes[i], &exact);
		for (size_t i = 0; i < db.len; i++) {
			(void)compdb_lookup(&db, db.entries[i].file, &exact);
			if (!exact)
				abort(); /* every entry's own file is found exactly */
		}
		compdb_release(&db);
	} else if (!err[0]) {
		abort();
	}
	free(text);
	return 0;
}
