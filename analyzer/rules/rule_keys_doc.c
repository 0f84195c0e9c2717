/* rule_keys_doc.c: the header keys as rules/README.md's table. The `language` key's meaning
 * comes from the language table, so a new language row shows there without an edit here. */
#include "rules/rule.h"

#include <stdbool.h>
#include <string.h>

#include "core/language.h"
#include "util/strbuf.h"

static bool doc__is_name(const char *s)
{
	for (int l = 1; l < LANG_COUNT; l++)
		if (strcmp(language_get((language)l)->name, s) == 0)
			return true;
	return false;
}

/* "`c`, `cpp`, ...; `dotnet` for rules that run on `msbuild` and `dotnet-config` files; ...". */
static void doc__languages(strbuf *sb)
{
	strbuf_adds(sb, "the name of a row of the language table (`tlslint languages`): ");
	for (int l = 1; l < LANG_COUNT; l++)
		strbuf_addf(sb, "%s`%s`", l > 1 ? ", " : "", language_get((language)l)->name);
	/* Names only rules use: an alias that is no row's name runs on the rows that list it. */
	for (int l = 1; l < LANG_COUNT; l++) {
		const char *const *al = language_get((language)l)->rule_aliases;
		for (size_t a = 0; al && al[a]; a++) {
			if (doc__is_name(al[a]))
				continue;
			bool seen = false; /* listed once, at its first row */
			for (int k = 1; k < l && !seen; k++) {
				const char *const *bl = language_get((language)k)->rule_aliases;
				for (size_t b = 0; bl && bl[b] && !seen; b++)
					seen = strcmp(bl[b], al[a]) == 0;
			}
			if (seen)
				continue;
			strbuf_addf(sb, "; `%s` for rules that run on ", al[a]);
			bool first = true;
			for (int k = l; k < LANG_COUNT; k++) {
				const char *const *bl = language_get((language)k)->rule_aliases;
				for (size_t b = 0; bl && bl[b]; b++)
					if (strcmp(bl[b], al[a]) == 0) {
						strbuf_addf(sb, "%s`%s`", first ? "" : " and ",
							    language_get((language)k)->name);
						first = false;
					}
			}
			strbuf_adds(sb, " files");
		}
	}
	/* A row that also takes another row's rules (C++ takes C's). */
	for (int l = 1; l < LANG_COUNT; l++) {
		const char *const *al = language_get((language)l)->rule_aliases;
		for (size_t a = 0; al && al[a]; a++)
			if (doc__is_name(al[a]))
				strbuf_addf(sb, "; `%s` rules also run on `%s` files", al[a],
					    language_get((language)l)->name);
	}
}

char *rule_keys_markdown(void)
{
	strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, "| key | required | meaning (SARIF field) |\n|---|---|---|\n");
	for (size_t f = 0; f < rule_nkeys; f++) {
		strbuf_addf(&sb, "| `%s` | %s | ", rule_keys[f].name,
			    rule_keys[f].flags & RULE_KEY_REQUIRED ? "yes" : "no");
		if (rule_keys[f].meaning)
			strbuf_adds(&sb, rule_keys[f].meaning);
		else if (strcmp(rule_keys[f].name, "language") == 0)
			doc__languages(&sb);
		strbuf_adds(&sb, " |\n");
	}
	return strbuf_detach(&sb);
}
