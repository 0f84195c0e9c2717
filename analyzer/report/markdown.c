/* markdown.c: rule help as plain text, and the rule documentation pages. */
#include "markdown.h"

#include <stdbool.h>
#include <string.h>

#include "util/alloc.h"
#include "util/strbuf.h"

/* One line of prose: code spans, emphasis and links unwrapped. */
static void markdown__inline(strbuf *sb, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		size_t run = i;
		while (run < len && s[run] != '`' && s[run] != '*' && s[run] != '_' && s[run] != '[')
			run++;
		if (run > i) { /* plain text up to the next mark, in one piece */
			strbuf_add(sb, s + i, run - i);
			i = run - 1;
			continue;
		}
		char c = s[i];
		if (c == '`') {
			continue;
		} else if ((c == '*' || c == '_') && i + 1 < len && s[i + 1] == c) {
			i++; /* strong emphasis */
		} else if (c == '[') {
			const char *close = memchr(s + i, ']', len - i);
			size_t rest = close ? len - (size_t)(close - s) : 0;
			const char *paren = close && rest > 1 && close[1] == '(' ?
						    memchr(close, ')', rest) : NULL;
			if (!paren) {
				strbuf_addc(sb, c);
				continue;
			}
			markdown__inline(sb, s + i + 1, (size_t)(close - (s + i + 1)));
			strbuf_adds(sb, " (");
			strbuf_add(sb, close + 2, (size_t)(paren - (close + 2)));
			strbuf_addc(sb, ')');
			i = (size_t)(paren - s);
		} else {
			strbuf_addc(sb, c);
		}
	}
}

char *markdown_to_text(const char *md)
{
	strbuf sb = STRBUF_INIT;
	bool in_code = false;
	for (const char *line = md; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		const char *p = line;
		size_t n = len;
		while (n && (*p == ' ')) /* indentation is kept only inside code */
			p++, n--;
		if (n >= 3 && strncmp(p, "```", 3) == 0) {
			in_code = !in_code;
		} else {
			if (in_code) {
				strbuf_adds(&sb, "    ");
				strbuf_add(&sb, line, len);
			} else {
				if (n && *p == '#') {
					while (n && *p == '#')
						p++, n--;
					while (n && *p == ' ')
						p++, n--;
				}
				markdown__inline(&sb, p, n);
			}
			strbuf_addc(&sb, '\n');
		}
		line += len + (nl ? 1 : 0);
	}
	while (sb.len && sb.buf[sb.len - 1] == '\n')
		sb.buf[--sb.len] = '\0';
	return strbuf_detach(&sb);
}

char *markdown_rule_uri(const rule *r)
{
	return xasprintf("%s/blob/main/docs/rules/%s.md", TLSLINT_HOMEPAGE, r->id);
}

/* How a suppression comment is written in the rule's language. */
static const char *markdown__comment(const rule *r, const char **close)
{
	const char *l = r->language;
	*close = "";
	if (strcmp(l, "python") == 0 || strcmp(l, "powershell") == 0)
		return "# ";
	if (strcmp(l, "msbuild") == 0 || strcmp(l, "dotnet-config") == 0) {
		*close = " -->";
		return "<!-- ";
	}
	if (strcmp(l, "reg") == 0)
		return "; ";
	return "// ";
}

/* A paragraph or more, without trailing blank lines, then one blank line. */
static void markdown__block(strbuf *sb, const char *text)
{
	size_t n = strlen(text);
	while (n && (text[n - 1] == '\n' || text[n - 1] == ' '))
		n--;
	strbuf_add(sb, text, n);
	strbuf_adds(sb, "\n\n");
}

char *markdown_rule_page(const rule *r)
{
	strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb,
		    "<!-- Generated from %s by 'tlslint rules --format markdown --output-dir "
		    "docs/rules'. Do not edit: change the rule file and run 'make docs'. -->\n\n",
		    r->source_path);
	strbuf_addf(&sb, "# %s: %s\n\n%s\n\n", r->id, r->name, r->short_description);
	strbuf_addf(&sb, "| | |\n|---|---|\n");
	strbuf_addf(&sb, "| Kind | `%s` |\n", kind_name(r->kind));
	strbuf_addf(&sb, "| Default level | `%s`%s |\n", level_name(r->level),
		    r->enabled_by_default ? "" : " (off by default; `--enable` it)");
	strbuf_addf(&sb, "| security-severity | %s |\n", r->security_severity);
	strbuf_addf(&sb, "| Precision | %s |\n", r->precision);
	strbuf_addf(&sb, "| Language | %s", r->language);
	for (size_t i = 0; i < r->nvariants; i++)
		strbuf_addf(&sb, ", %s", r->variants[i]->language);
	strbuf_adds(&sb, " |\n");
	strbuf_adds(&sb, "| Tags |");
	for (size_t i = 0; i < r->ntags; i++)
		strbuf_addf(&sb, "%s `%s`", i ? "," : "", r->tags[i]);
	strbuf_adds(&sb, " |\n\n");
	markdown__block(&sb, r->full_description);
	markdown__block(&sb, r->help);
	const char *close;
	const char *open = markdown__comment(r, &close);
	strbuf_addf(&sb,
		    "## Suppressing a finding\n\n"
		    "Put a comment on the flagged line or the line above it, with the reason:\n\n"
		    "```\n%stlslint-ignore: %s <why this is acceptable here>%s\n```\n\n"
		    "The finding stays in the SARIF log as a suppressed result (kind `inSource`, the "
		    "reason as its justification); `tlslint scan --no-suppressed` leaves it out.\n",
		    open, r->id, close);
	return strbuf_detach(&sb);
}
