/* workflow_units.c: unit checks for the pieces of the SARIF workflow that the command-line
 * tests reach only partly: remote URL sanitising (provenance), the plain-text rendering of
 * rule help, and the configuration parser's corners. Exits 1 on any failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "report/markdown.h"
#include "walk/gitwalk.h"

static int failures;

static void expect_str(const char *what, char *got, const char *want)
{
	if ((got == NULL) != (want == NULL) || (got && strcmp(got, want) != 0)) {
		fprintf(stderr, "%s: got \"%s\", want \"%s\"\n", what, got ? got : "(null)",
			want ? want : "(null)");
		failures++;
	}
	free(got);
}

static void remotes(void)
{
	static const char *const cases[][2] = {
		{ "https://github.com/o/r.git", "https://github.com/o/r.git" },
		{ "https://user:ghp_secret@github.com/o/r.git", "https://github.com/o/r.git" },
		{ "https://x-access-token:t@github.com:443/o/r", "https://github.com:443/o/r" },
		{ "https://github.com/o/r.git?token=abc#frag", "https://github.com/o/r.git" },
		{ "ssh://git@github.com/o/r.git", "ssh://github.com/o/r.git" },
		{ "git@github.com:o/r.git", "ssh://github.com/o/r.git" },
		{ "github.com:o/r", "ssh://github.com/o/r" },
		{ "/srv/git/r.git", "file:///srv/git/r.git" },
		{ "file:///srv/git/r.git", "file:///srv/git/r.git" },
		{ "../r.git", NULL },
		{ "", NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		expect_str(cases[i][0], gitwalk_clean_remote(cases[i][0]), cases[i][1]);
}

static void help_text(void)
{
	expect_str("markdown", markdown_to_text("## Title\n\nUse **`Tls12`** and [docs](https://x.y/z).\n\n"
						"```csharp\nvar x = 1;\n```\n"),
		   "Title\n\nUse Tls12 and docs (https://x.y/z).\n\n    var x = 1;");
}

static void config_ok(void)
{
	static const char text[] = "\xEF\xBB\xBF# c\r\n[scan]\r\nexclude = [ 'a\\b', \"\\u00e9\\t\", ]\r\n"
				   "max-file-size = 1024\r\nfail-on = \"none\" # x\r\n[levels]\r\n"
				   "\"LT-CS-001\" = 'note'\r\n";
	config c;
	char err[256] = "";
	if (config_parse(&c, "t.toml", text, sizeof(text) - 1, err, sizeof(err)) < 0) {
		fprintf(stderr, "config: %s\n", err);
		failures++;
		return;
	}
	if (c.exclude.len != 2 || strcmp(c.exclude.items[0], "a\\b") ||
	    strcmp(c.exclude.items[1], "\xC3\xA9\t") || c.exclude.lines[1] != 3 ||
	    c.max_file_size != 1024 || !c.fail_none || c.nlevels != 1 ||
	    c.levels[0].level != LEVEL_NOTE || c.levels[0].line != 7) {
		fprintf(stderr, "config: values not as written\n");
		failures++;
	}
	config_release(&c);
}

static void config_error(const char *text, const char *want)
{
	config c;
	char err[256] = "";
	if (config_parse(&c, "t.toml", text, strlen(text), err, sizeof(err)) == 0) {
		fprintf(stderr, "config accepted: %s\n", text);
		config_release(&c);
		failures++;
	} else if (strncmp(err, want, strlen(want)) != 0) {
		fprintf(stderr, "config error \"%s\", want \"%s...\"\n", err, want);
		failures++;
	}
}

int main(void)
{
	remotes();
	help_text();
	config_ok();
	config_error("[scan]\nexclude = \"\"\"x\"\"\"\n", "t.toml:2: multi-line strings");
	config_error("[scan]\nexclude.a = []\n", "t.toml:2: dotted keys");
	config_error("[[scan]]\n", "t.toml:1: arrays of tables");
	config_error("[scan]\nmax-file-size = 1.5\n", "t.toml:2: '1.5' is not a value");
	config_error("[scan]\nexclude = [\n 'a',\n 3]\n", "t.toml:4: arrays hold strings only");
	config_error("[scan]\nexclude = ['a' 'b']\n", "t.toml:2: expected ',' or ']'");
	config_error("[scan]\nfail-on = \"\\q\"\n", "t.toml:2: unknown escape");
	config_error("[scan]\n[scan]\n", "t.toml:2: table [scan] appears twice");
	config_error("[levels]\nLT-CS-001 = \"none\"\n", "t.toml:2: the level of LT-CS-001");
	config_error("[scan]\nmax-file-size = \"0\"\n", "t.toml:2: 'max-file-size' must be a size");
	if (failures)
		fprintf(stderr, "%d failure(s)\n", failures);
	else
		printf("all workflow unit checks passed\n");
	return failures ? 1 : 0;
}
