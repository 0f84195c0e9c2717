/* html.h: the audit's HTML pages, self-contained (inline CSS, SVG and script, no fetches).
 *
 * report.html (audit_summary_html() in summary.h) has the charts and the sortable table; each
 * repository's findings are on repos/<slug>.html, which the table links to. Every page carries
 * a Content-Security-Policy that forbids loading anything, so a page that needed an external
 * resource would show it broken rather than leak a request. */
#ifndef TLSLINT_AUDIT_HTML_H
#define TLSLINT_AUDIT_HTML_H

#include "audit/record.h"
#include "rules/finding.h"
#include "util/strbuf.h"

/* Appends `s` with &, <, >, " and ' escaped. */
void audit_html_escape(strbuf *sb, const char *s);
/* Appends the document head up to and including <body>: charset, policy, style, title. */
void audit_html_begin(strbuf *sb, const char *title);
/* The findings page of one repository (repos/<slug>.html). Newly allocated. */
char *audit_html_repo_page(const audit_record *r, const finding_list *fl);

#endif
