/* markdown.h: the plain-text rendering of rule help (SARIF help.text), and the generated rule
 * documentation pages (docs/rules/<id>.md). */
#ifndef TLSLINT_MARKDOWN_H
#define TLSLINT_MARKDOWN_H

#include "rules/rule.h"

/* Renders the Markdown subset rule help uses as plain text: headings lose their '#', emphasis
 * and code spans lose their marks, links become "text (url)", fenced code is indented by four
 * spaces. Newly allocated. */
char *markdown_to_text(const char *md);

/* The documentation page of a rule, newly allocated. */
char *markdown_rule_page(const rule *r);

/* The web address of a rule's documentation page (SARIF helpUri), newly allocated. */
char *markdown_rule_uri(const rule *r);

#endif
