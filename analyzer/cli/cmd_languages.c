/* cmd_languages.c: `tlslint languages`: every language of the language table
 * (core/language.h) with the names rule files select it by, its file extensions and names, and
 * its comment syntax. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/language.h"
#include "util/strbuf.h"

enum { COL_NAME, COL_RULES, COL_EXTENSIONS, COL_FILE_NAMES, COL_COMMENTS, NCOLS };

static const char *const headings[NCOLS] = { "LANGUAGE", "RULE LANGUAGES", "EXTENSIONS",
					     "FILE NAMES", "COMMENTS" };

/* Appends the words of a NULL-ended list, space separated; "-" for an empty one. */
static void languages__words(strbuf *sb, const char *const *words)
{
	for (const char *const *w = words; *w; w++) {
		strbuf_adds(sb, w == words ? "" : " ");
		strbuf_adds(sb, *w);
	}
	if (!sb->len)
		strbuf_adds(sb, "-");
}

static void languages__cells(language l, strbuf cells[NCOLS])
{
	const language_def *def = language_get(l);
	strbuf_adds(&cells[COL_NAME], def->name);
	strbuf_adds(&cells[COL_RULES], def->name);
	for (const char *const *a = def->rule_aliases; *a; a++) {
		strbuf_adds(&cells[COL_RULES], " ");
		strbuf_adds(&cells[COL_RULES], *a);
	}
	languages__words(&cells[COL_EXTENSIONS], def->extensions);
	languages__words(&cells[COL_FILE_NAMES], def->file_names);
	strbuf *c = &cells[COL_COMMENTS];
	for (const char *const *o = def->line_comments; *o; o++) {
		strbuf_adds(c, c->len ? " " : "");
		strbuf_adds(c, *o);
	}
	for (const char *const *o = def->block_comments; *o && o[1]; o += 2) {
		strbuf_adds(c, c->len ? " " : "");
		strbuf_adds(c, o[0]);
		strbuf_adds(c, " ");
		strbuf_adds(c, o[1]);
	}
	if (!c->len)
		strbuf_adds(c, "-");
}

static void languages__row(const char *const cells[NCOLS], const size_t width[NCOLS])
{
	for (int c = 0; c < NCOLS - 1; c++)
		printf("%-*s  ", (int)width[c], cells[c]);
	printf("%s\n", cells[NCOLS - 1]);
}

static void languages__usage(FILE *out)
{
	fprintf(out, "usage: tlslint languages\n\n"
		     "Lists every language tlslint analyses: the `language:` names of rule files that\n"
		     "select it, the file extensions and file names it is recognised by, and the\n"
		     "comment openers after which `tlslint-ignore:` suppresses a finding.\n");
}

int cmd_languages(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		languages__usage(stdout);
		return EXIT_CLEAN;
	}
	if (argc > 1) {
		fprintf(stderr, "tlslint languages: unexpected argument '%s'\n", argv[1]);
		languages__usage(stderr);
		return EXIT_USAGE;
	}
	strbuf cells[LANG_COUNT][NCOLS];
	size_t width[NCOLS];
	memset(cells, 0, sizeof(cells)); /* STRBUF_INIT */
	for (int c = 0; c < NCOLS; c++)
		width[c] = strlen(headings[c]);
	for (int l = 1; l < LANG_COUNT; l++) {
		languages__cells((language)l, cells[l]);
		for (int c = 0; c < NCOLS; c++)
			if (cells[l][c].len > width[c])
				width[c] = cells[l][c].len;
	}
	languages__row(headings, width);
	for (int l = 1; l < LANG_COUNT; l++) {
		const char *row[NCOLS];
		for (int c = 0; c < NCOLS; c++)
			row[c] = strbuf_str(&cells[l][c]);
		languages__row(row, width);
		for (int c = 0; c < NCOLS; c++)
			strbuf_release(&cells[l][c]);
	}
	return EXIT_CLEAN;
}
