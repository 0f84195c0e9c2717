/* html.c: shared HTML pieces and the per-repository findings page. */
#include "html.h"

#include <stdlib.h>
#include <string.h>

#include "source/source_file.h"
#include "util/alloc.h"

void audit_html_escape(strbuf *sb, const char *s)
{
	if (!s)
		return;
	/* Invalid UTF-8 (a name from a scanned tree) is replaced, never copied. */
	bool valid = utf8_valid(s, strlen(s));
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '&':
			strbuf_adds(sb, "&amp;");
			break;
		case '<':
			strbuf_adds(sb, "&lt;");
			break;
		case '>':
			strbuf_adds(sb, "&gt;");
			break;
		case '"':
			strbuf_adds(sb, "&quot;");
			break;
		case '\'':
			strbuf_adds(sb, "&#39;");
			break;
		default:
			strbuf_addc(sb, valid || (unsigned char)*p < 0x80 ? *p : '?');
		}
	}
}

void audit_html_begin(strbuf *sb, const char *title)
{
	strbuf_adds(sb,
		    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		    "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<title>");
	audit_html_escape(sb, title);
	strbuf_adds(sb,
		    "</title>\n<style>\n"
		    "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b1f24;background:#fff}\n"
		    "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}\n"
		    ".meta{color:#57606a}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}\n"
		    ".card{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;min-width:110px}\n"
		    ".card b{display:block;font-size:22px}\n"
		    ".charts{display:flex;gap:24px;flex-wrap:wrap}\n"
		    ".chart{border:1px solid #d0d7de;border-radius:6px;padding:8px;margin:0}\n"
		    ".chart text{font:12px system-ui,sans-serif;fill:#1b1f24}\n"
		    "table{border-collapse:collapse;width:100%}\n"
		    "th,td{border-bottom:1px solid #d0d7de;padding:4px 8px;text-align:left;"
		    "vertical-align:top}\n"
		    "th{background:#f6f8fa;position:sticky;top:0}\n"
		    "th button{all:unset;cursor:pointer;font-weight:600}\n"
		    "th[aria-sort=ascending] button::after{content:' \\25B2'}\n"
		    "th[aria-sort=descending] button::after{content:' \\25BC'}\n"
		    "td.n,th.n{text-align:right}code,pre{font:12px ui-monospace,monospace}\n"
		    "#findings td:nth-child(-n+3){white-space:nowrap}\n"
		    "pre{margin:0;white-space:pre-wrap}\n"
		    ".error{color:#cf222e}.warning{color:#9a6700}.note{color:#0969da}\n"
		    ".failed{color:#cf222e;font-weight:600}.empty{color:#9a6700;font-weight:600}\n"
		    "</style>\n</head>\n<body>\n");
}

static void html__row_cell(strbuf *sb, const char *cls, const char *text)
{
	strbuf_adds(sb, cls ? "<td class=\"" : "<td>");
	if (cls) {
		strbuf_adds(sb, cls);
		strbuf_adds(sb, "\">");
	}
	audit_html_escape(sb, text);
	strbuf_adds(sb, "</td>");
}

char *audit_html_repo_page(const audit_record *r, const finding_list *fl)
{
	strbuf sb = STRBUF_INIT;
	char *title = xasprintf("tlslint: %s", r->name ? r->name : r->repository);
	audit_html_begin(&sb, title);
	free(title);
	strbuf_adds(&sb, "<p><a href=\"../report.html\">&larr; all repositories</a></p>\n<h1>");
	audit_html_escape(&sb, r->name ? r->name : r->repository);
	strbuf_adds(&sb, "</h1>\n<p class=\"meta\"><code>");
	audit_html_escape(&sb, r->repository);
	strbuf_addf(&sb, "</code> &middot; %s &middot; ", audit_status_name(r->status));
	if (r->uri) {
		audit_html_escape(&sb, r->uri);
		strbuf_adds(&sb, " &middot; ");
	}
	if (r->branch) {
		strbuf_adds(&sb, "branch <code>");
		audit_html_escape(&sb, r->branch);
		strbuf_adds(&sb, "</code> &middot; ");
	}
	if (r->commit) {
		strbuf_adds(&sb, "commit <code>");
		audit_html_escape(&sb, r->commit);
		strbuf_adds(&sb, "</code> &middot; ");
	}
	strbuf_addf(&sb, "%zu files &middot; <a href=\"%s.sarif\">SARIF log</a></p>\n",
		    r->files, r->slug);
	if (r->error) {
		strbuf_addf(&sb, "<p class=\"failed\">%s: ",
			    audit_record_incomplete(r) ? "Not audited completely" : "Nothing scanned");
		audit_html_escape(&sb, r->error);
		strbuf_adds(&sb, "</p>\n");
	}
	strbuf_addf(&sb, "<h2>%zu finding%s</h2>\n", r->findings, r->findings == 1 ? "" : "s");
	if (fl->len) {
		strbuf_adds(&sb, "<table id=\"findings\">\n<thead><tr><th>Location</th><th>Rule"
				 "</th><th>Level</th><th>Message</th><th>Source</th><th>Vendored</th></tr>"
				 "</thead>"
				 "\n<tbody>\n");
		for (size_t i = 0; i < fl->len; i++) {
			const finding *f = &fl->items[i];
			char *where = xasprintf("%s:%u:%u", f->uri, f->where.start_line,
						f->where.start_col);
			strbuf_adds(&sb, "<tr>");
			html__row_cell(&sb, NULL, where);
			html__row_cell(&sb, NULL, f->rule->id);
			html__row_cell(&sb, level_name(f->level),
				       f->suppressed ? "suppressed" : level_name(f->level));
			html__row_cell(&sb, NULL, f->message);
			strbuf_adds(&sb, "<td><pre>");
			audit_html_escape(&sb, f->snippet);
			strbuf_adds(&sb, "</pre></td>");
			html__row_cell(&sb, NULL, f->vendored ? f->vendored : "");
			strbuf_adds(&sb, "</tr>\n");
			free(where);
		}
		strbuf_adds(&sb, "</tbody>\n</table>\n");
	}
	if (fl->nnotes) {
		strbuf_addf(&sb, "<h2>%zu file%s not analysed</h2>\n<ul>\n", fl->nnotes,
			    fl->nnotes == 1 ? "" : "s");
		for (size_t i = 0; i < fl->nnotes; i++) {
			strbuf_addf(&sb, "<li class=\"%s\">", level_name(fl->notes[i].level));
			audit_html_escape(&sb, fl->notes[i].message);
			strbuf_adds(&sb, "</li>\n");
		}
		strbuf_adds(&sb, "</ul>\n");
	}
	strbuf_adds(&sb, "</body>\n</html>\n");
	return strbuf_detach(&sb);
}
