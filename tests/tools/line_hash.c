/* line_hash.c: a test program for GitHub's primaryLocationLineHash (report/fingerprint.c).
 *
 * Without arguments: checks the values published in github/codeql-action's own tests
 * (src/fingerprints.test.ts) and exits 1 on any difference. With FILE: prints "line hash" for
 * every line of FILE, for comparison with an independent implementation
 * (tests/cli/line-hash-reference.js). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/fingerprint.h"
#include "util/fileio.h"

struct known {
	const char *input;
	const char *hashes[12];
};

/* Input and expected hash of each line, from upstream's test suite. */
static const struct known known[] = {
	{ "", { "c129715d7a2bc9a3:1" } },
	{ " a\nb\n  \t\tc\n d",
	  { "271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1",
	    "a23a3dc5e078b07b:1" } },
	{ " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End",
	  { "8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1",
	    "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1" } },
	{ " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
	  { "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
	    "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
	    "c129715d7a2bc9a3:1" } },
	{ " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
	  { "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
	    "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
	    "c129715d7a2bc9a3:1" } },
	{ " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
	  { "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
	    "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
	    "c129715d7a2bc9a3:1" } },
	{ " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
	  { "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
	    "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
	    "c129715d7a2bc9a3:1" } },
	{ "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n",
	  { "e54938cc54b302f1:1", "bb609acbe9138d60:1", "1131fd5871777f34:1",
	    "5c482a0f8b35ea28:1", "54517377da7028d2:1", "2c644846cb18d53e:1",
	    "f1b89f20de0d133:1", "c129715d7a2bc9a3:1" } },
};

/* "Lorem ipsum dolor sit amet.\n" ten times: equal lines get :1, :2, ... */
static const char *const lorem[] = {
	"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
	"a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
	"55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1",
};

static int check(const char *name, const char *input, const char *const *want, size_t nwant)
{
	line_hashes lh;
	line_hashes_compute(&lh, input, strlen(input));
	int failures = 0;
	if (lh.len != nwant) {
		fprintf(stderr, "%s: %zu lines hashed, want %zu\n", name, lh.len, nwant);
		failures++;
	}
	for (size_t i = 0; i < nwant && i < lh.len; i++) {
		char *got = line_hashes_format(&lh, (unsigned)i + 1);
		if (strcmp(got, want[i]) != 0) {
			fprintf(stderr, "%s: line %zu: got %s, want %s\n", name, i + 1, got, want[i]);
			failures++;
		}
		free(got);
	}
	line_hashes_release(&lh);
	return failures;
}

int main(int argc, char **argv)
{
	if (argc == 2) {
		char *data = NULL;
		size_t len = 0;
		if (file_read_all(argv[1], 64u << 20, &data, &len) < 0) {
			perror(argv[1]);
			return 2;
		}
		line_hashes lh;
		line_hashes_compute(&lh, data, len);
		for (size_t i = 0; i < lh.len; i++) {
			char *h = line_hashes_format(&lh, (unsigned)i + 1);
			printf("%zu %s\n", i + 1, h);
			free(h);
		}
		line_hashes_release(&lh);
		free(data);
		return 0;
	}
	int failures = 0;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		size_t n = 0;
		while (n < 12 && known[i].hashes[n])
			n++;
		char name[32];
		snprintf(name, sizeof(name), "case %zu", i + 1);
		failures += check(name, known[i].input, known[i].hashes, n);
	}
	char text[400] = "";
	size_t used = 0;
	for (int i = 0; i < 10 && used < sizeof(text); i++)
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%s",
					 "Lorem ipsum dolor sit amet.\n");
	failures += check("lorem", text, lorem, sizeof(lorem) / sizeof(lorem[0]));
	if (failures)
		fprintf(stderr, "%d line hash(es) differ from github/codeql-action's\n", failures);
	else
		printf("all line hashes match github/codeql-action's published values\n");
	return failures ? 1 : 0;
}
