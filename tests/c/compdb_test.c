/* compdb_test.c: the compilation database keeps parser flags and drops everything that could
 * load or run code, whatever form the entry takes ("arguments" or a shell-quoted "command").
 *   compdb_test DIR   (a scratch directory for the database) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/c/compdb.h"

static int failures;

static void expect(bool ok, const char *what)
{
	if (!ok) {
		printf("FAIL: %s\n", what);
		failures++;
	}
}

static bool has(const compdb_entry *e, const char *flag)
{
	for (size_t i = 0; i < e->nargs; i++)
		if (strcmp(e->args[i], flag) == 0)
			return true;
	return false;
}

static bool has_prefix(const compdb_entry *e, const char *prefix)
{
	for (size_t i = 0; i < e->nargs; i++)
		if (strncmp(e->args[i], prefix, strlen(prefix)) == 0)
			return true;
	return false;
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	char path[4096];
	snprintf(path, sizeof(path), "%s/compile_commands.json", argv[1]);
	FILE *f = fopen(path, "w");
	if (!f)
		return 2;
	fputs("[\n"
	      " { \"directory\": \"/src/proj\", \"file\": \"lib/a.c\",\n"
	      "   \"arguments\": [\"cc\", \"-Iinclude\", \"-I\", \"/abs/inc\", \"-DWITH_TLS=1\",\n"
	      "     \"-std=c11\", \"-fplugin=/tmp/evil.so\", \"-fpass-plugin=/tmp/evil2.so\",\n"
	      "     \"-Xclang\", \"-load\", \"-Xclang\", \"/tmp/evil3.so\",\n"
	      "     \"-Xclang\", \"-plugin\", \"-Xclang\", \"evil\", \"-Xclang\", \"-add-plugin\",\n"
	      "     \"-Xclang\", \"evil\", \"@/etc/evil.rsp\", \"@build/flags.rsp\", \"-B\", \"/tmp/bin\",\n"
	      "     \"-specs=/tmp/evil.specs\", \"-mllvm\", \"-evil\", \"-MF\", \"a.d\", \"-MD\",\n"
	      "     \"-o\", \"a.o\", \"-c\", \"lib/a.c\"] },\n"
	      " { \"directory\": \"/src/proj\", \"file\": \"/src/proj/src/b.cpp\",\n"
	      "   \"command\": \"c++ -isystem third_party -DNAME=\\\\\\\"x\\\\ y\\\\\\\" -fplugin=/tmp/e.so -c src/b.cpp -o b.o\" }\n"
	      "]\n",
	      f);
	fclose(f);

	compdb db;
	char err[512];
	if (compdb_load(&db, path, err, sizeof(err)) < 0) {
		printf("FAIL: %s\n", err);
		return 1;
	}
	expect(db.len == 2, "two entries");
	bool exact = false;
	const compdb_entry *a = compdb_lookup(&db, "/src/proj/lib/a.c", &exact);
	expect(a && exact, "lib/a.c found by its absolute path");
	if (a) {
		expect(has(a, "/src/proj/include"), "relative -I made absolute");
		expect(has(a, "/abs/inc"), "separate -I kept");
		expect(has(a, "WITH_TLS=1"), "-D kept");
		expect(has(a, "-std=c11"), "-std kept");
		expect(!has_prefix(a, "-fplugin"), "-fplugin= dropped");
		expect(!has_prefix(a, "-fpass-plugin"), "-fpass-plugin= dropped");
		expect(!has(a, "-Xclang") && !has(a, "-load") && !has(a, "/tmp/evil3.so"),
		       "-Xclang -load dropped with its value");
		expect(!has(a, "-plugin") && !has(a, "-add-plugin") && !has(a, "evil"),
		       "-Xclang -plugin dropped");
		expect(!has_prefix(a, "@"), "response files dropped");
		expect(!has(a, "-B") && !has(a, "/tmp/bin") && !has_prefix(a, "-specs"),
		       "-B and -specs dropped");
		expect(!has(a, "-mllvm") && !has(a, "-evil"), "-mllvm dropped with its value");
		expect(!has(a, "-o") && !has(a, "a.o") && !has(a, "-MF") && !has(a, "a.d") &&
			       !has(a, "-c") && !has(a, "lib/a.c"),
		       "output, dependency and input arguments dropped");
		expect(!a->cxx, "a.c is C");
	}
	const compdb_entry *b = compdb_lookup(&db, "/src/proj/src/b.cpp", &exact);
	expect(b && exact && b->cxx, "src/b.cpp from a command string, as C++");
	if (b) {
		expect(has(b, "/src/proj/third_party"), "-isystem made absolute");
		expect(has(b, "NAME=\"x y\""), "shell quoting undone");
		expect(!has_prefix(b, "-fplugin"), "-fplugin= dropped from a command string");
	}
	const compdb_entry *h = compdb_lookup(&db, "/src/proj/lib/a.h", &exact);
	expect(h == a && !exact, "a header takes the flags of its neighbour");
	h = compdb_lookup(&db, "/src/proj/src/detail/c.hpp", &exact);
	expect(h == b && !exact, "a header below takes the nearest directory's flags");
	compdb_release(&db);

	/* A relative "directory" is taken against the database's directory (it once made the
	 * normalised path one byte longer than its buffer: tests/fuzz/regressions/compdb/). */
	static const char rel[] = "[{\"directory\": \"x/./y/..\", \"file\": \"c.c\", "
				  "\"arguments\": [\"cc\", \"-Iinc\", \"c.c\"]}]";
	if (compdb_parse(&db, "/db/compile_commands.json", rel, strlen(rel), err, sizeof(err)) < 0) {
		printf("FAIL: %s\n", err);
		return 1;
	}
	const compdb_entry *c = db.len == 1 ? &db.entries[0] : NULL;
	expect(c && strcmp(c->file, "/db/x/c.c") == 0, "a relative directory is below the database's");
	expect(c && has(c, "/db/x/./y/../inc"), "its include path is absolute");
	compdb_release(&db);
	if (!failures)
		printf("compdb: all checks passed\n");
	return failures ? 1 : 0;
}
