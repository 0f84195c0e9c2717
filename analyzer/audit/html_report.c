/* html_report.c: report.html: totals, SVG bar charts (per area, per rule grouped by area,
 * per severity, per repository) and a table of repositories that sorts when a column header is clicked. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "audit/area.h"
#include "audit/html.h"
#include "audit/summary.h"
#include "util/alloc.h"

#define TOP_REPOSITORIES 20
#define CHART_WIDTH 560
#define CHART_LABEL 230
#define BAR_HEIGHT 20
#define BAR_GAP 6

typedef struct bar {
	const char *label;
	const char *href;  /* optional link on the label */
	const char *color;
	size_t value;
} bar;

static const char *html__level_color(level l)
{
	return l == LEVEL_ERROR ? "#cf222e" : l == LEVEL_WARNING ? "#bf8700" : "#0969da";
}

/* A horizontal bar chart; the longest bar spans the width left after the labels. */
static void html__chart(strbuf *sb, const char *id, const char *title, const bar *bars,
			size_t n, const char *footnote)
{
	size_t max = 0;
	for (size_t i = 0; i < n; i++)
		if (bars[i].value > max)
			max = bars[i].value;
	unsigned height = 30 + (unsigned)(n ? n : 1) * (BAR_HEIGHT + BAR_GAP);
	strbuf_addf(sb, "<figure class=\"chart\" id=\"%s\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
			"width=\"%u\" height=\"%u\" role=\"img\" aria-label=\"",
		    id, CHART_WIDTH, height);
	audit_html_escape(sb, title);
	strbuf_adds(sb, "\">\n<text x=\"0\" y=\"16\" font-weight=\"600\">");
	audit_html_escape(sb, title);
	strbuf_adds(sb, "</text>\n");
	if (!n)
		strbuf_adds(sb, "<text x=\"0\" y=\"44\">None.</text>\n");
	unsigned span = CHART_WIDTH - CHART_LABEL - 60;
	for (size_t i = 0; i < n; i++) {
		unsigned y = 30 + (unsigned)i * (BAR_HEIGHT + BAR_GAP);
		unsigned w = max ? (unsigned)((double)bars[i].value * span / (double)max) : 0;
		if (bars[i].value && w < 2)
			w = 2;
		strbuf_adds(sb, "<g class=\"bar\">");
		if (bars[i].href) {
			strbuf_adds(sb, "<a href=\"");
			audit_html_escape(sb, bars[i].href);
			strbuf_adds(sb, "\">");
		}
		strbuf_addf(sb, "<text x=\"%u\" y=\"%u\" text-anchor=\"end\">", CHART_LABEL - 8,
			    y + 14);
		/* Long labels keep their end, where a repository's own name is. */
		size_t llen = strlen(bars[i].label);
		if (llen > 34) {
			strbuf_adds(sb, "&#8230;");
			audit_html_escape(sb, bars[i].label + llen - 33);
		} else {
			audit_html_escape(sb, bars[i].label);
		}
		strbuf_adds(sb, "</text>");
		if (bars[i].href)
			strbuf_adds(sb, "</a>");
		strbuf_addf(sb,
			    "<rect x=\"%u\" y=\"%u\" width=\"%u\" height=\"%u\" fill=\"%s\"><title>",
			    CHART_LABEL, y, w, BAR_HEIGHT, bars[i].color);
		audit_html_escape(sb, bars[i].label);
		strbuf_addf(sb, ": %zu</title></rect><text x=\"%u\" y=\"%u\">%zu</text></g>\n",
			    bars[i].value, CHART_LABEL + w + 6, y + 14, bars[i].value);
	}
	strbuf_adds(sb, "</svg>\n");
	if (footnote) {
		strbuf_adds(sb, "<figcaption class=\"meta\">");
		audit_html_escape(sb, footnote);
		strbuf_adds(sb, "</figcaption>\n");
	}
	strbuf_adds(sb, "</figure>\n");
}

static void html__card(strbuf *sb, const char *label, size_t value, const char *cls)
{
	strbuf_addf(sb, "<div class=\"card\"><b%s%s%s>%zu</b>%s</div>\n", cls ? " class=\"" : "",
		    cls ? cls : "", cls ? "\"" : "", value, label);
}

static void html__charts(strbuf *sb, const audit_summary *s)
{
	/* Per area (code, .NET projects, registry, server configuration, IaC): the areas of the
	 * rules that ran, in that order; then per rule, grouped the same way, in catalogue order
	 * within an area. */
	bar *bars = xcalloc(s->nrules + 1, sizeof(*bars));
	size_t n = 0, area_total[AREA_COUNT] = { 0 };
	bool area_ran[AREA_COUNT] = { false };
	for (int a = 0; a < AREA_COUNT; a++)
		for (size_t i = 0; i < s->nrules; i++) {
			if (audit_area_of(s->rules[i].id) != (audit_area)a)
				continue;
			size_t total = 0;
			for (size_t r = 0; r < s->len; r++)
				for (size_t k = 0; k < s->records[r].ncounts; k++)
					if (strcmp(s->records[r].counts[k].rule, s->rules[i].id) == 0)
						total += s->records[r].counts[k].count;
			bars[n++] = (bar){ .label = s->rules[i].id, .value = total,
					   .color = html__level_color(s->rules[i].level) };
			area_ran[a] = true;
			area_total[a] += total;
		}
	bar areas[AREA_COUNT];
	size_t nareas = 0;
	for (int a = 0; a < AREA_COUNT; a++)
		if (area_ran[a])
			areas[nareas++] = (bar){ .label = audit_area_name((audit_area)a),
						 .value = area_total[a], .color = "#0969da" };
	strbuf_adds(sb, "<div class=\"charts\">\n");
	html__chart(sb, "chart-areas", "Findings per area", areas, nareas, NULL);
	html__chart(sb, "chart-rules", "Findings per rule, by area", bars, n, NULL);
	free(bars);

	/* Per severity, most severe first. */
	bar levels[3];
	static const level order[3] = { LEVEL_ERROR, LEVEL_WARNING, LEVEL_NOTE };
	for (int i = 0; i < 3; i++) {
		size_t total = 0;
		for (size_t r = 0; r < s->len; r++)
			for (size_t k = 0; k < s->records[r].ncounts; k++)
				if (s->records[r].counts[k].level == order[i])
					total += s->records[r].counts[k].count;
		levels[i] = (bar){ .label = level_name(order[i]), .value = total,
				   .color = html__level_color(order[i]) };
	}
	html__chart(sb, "chart-severity", "Findings per severity", levels, 3, NULL);

	/* The repositories with the most findings (ties by name: records are sorted). */
	size_t top[TOP_REPOSITORIES], ntop = 0, with = 0;
	for (size_t r = 0; r < s->len; r++) {
		size_t v = s->records[r].findings;
		if (!v)
			continue;
		with++;
		size_t pos = ntop;
		while (pos > 0 && s->records[top[pos - 1]].findings < v)
			pos--;
		if (pos >= TOP_REPOSITORIES)
			continue;
		size_t last = ntop < TOP_REPOSITORIES ? ntop++ : TOP_REPOSITORIES - 1;
		memmove(&top[pos + 1], &top[pos], (last - pos) * sizeof(top[0]));
		top[pos] = r;
	}
	bar repo_bars[TOP_REPOSITORIES] = { 0 };
	char *hrefs[TOP_REPOSITORIES] = { 0 };
	for (size_t i = 0; i < ntop; i++) {
		const audit_record *rec = &s->records[top[i]];
		hrefs[i] = xasprintf("#repo-%s", rec->slug);
		repo_bars[i] = (bar){ .label = rec->name ? rec->name : rec->repository, .href = hrefs[i],
				      .value = rec->findings, .color = "#8250df" };
	}
	char *note = with > ntop ? xasprintf("The %zu of %zu repositories with findings that "
					     "have the most.", ntop, with)
				 : NULL;
	html__chart(sb, "chart-repositories", "Findings per repository", repo_bars, ntop, note);
	free(note);
	for (size_t i = 0; i < ntop; i++)
		free(hrefs[i]);
	strbuf_adds(sb, "</div>\n");
}

/* Sorting: a click on a header button orders the rows by that column (numbers by value, text
 * by locale), again to reverse; aria-sort tells which column and which way. */
static const char SORT_SCRIPT[] =
	"<script>\n"
	"(function () {\n"
	"  var table = document.getElementById('repositories');\n"
	"  if (!table) return;\n"
	"  var heads = table.tHead.rows[0].cells;\n"
	"  function key(row, i, numeric) {\n"
	"    var c = row.cells[i], v = c.getAttribute('data-sort');\n"
	"    if (v === null) v = c.textContent;\n"
	"    return numeric ? parseFloat(v) || 0 : v.toLowerCase();\n"
	"  }\n"
	"  function sortBy(i) {\n"
	"    var th = heads[i], numeric = th.classList.contains('n');\n"
	"    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;\n"
	"    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);\n"
	"    rows.sort(function (a, b) {\n"
	"      var x = key(a, i, numeric), y = key(b, i, numeric);\n"
	"      if (x < y) return -dir;\n"
	"      if (x > y) return dir;\n"
	"      return key(a, 0, false) < key(b, 0, false) ? -1 : 1;\n"
	"    });\n"
	"    for (var k = 0; k < heads.length; k++) heads[k].removeAttribute('aria-sort');\n"
	"    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');\n"
	"    rows.forEach(function (r) { body.appendChild(r); });\n"
	"  }\n"
	"  Array.prototype.forEach.call(heads, function (th, i) {\n"
	"    var b = th.querySelector('button');\n"
	"    if (b) b.addEventListener('click', function () { sortBy(i); });\n"
	"  });\n"
	"})();\n"
	"</script>\n";

static void html__table(strbuf *sb, const audit_summary *s)
{
	static const char *const heads[] = { "Repository", "Status", "Branch",  "Commit",
					     "Files",      "Findings", "Errors", "Warnings",
					     "Notes",      "Details" };
	strbuf_adds(sb, "<table id=\"repositories\">\n<thead><tr>");
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		bool numeric = i >= 4 && i <= 8;
		if (i == 9)
			strbuf_adds(sb, "<th>Details</th>");
		else
			strbuf_addf(sb, "<th%s><button type=\"button\">%s</button></th>",
				    numeric ? " class=\"n\"" : "", heads[i]);
	}
	strbuf_adds(sb, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < s->len; i++) {
		const audit_record *r = &s->records[i];
		strbuf_addf(sb, "<tr id=\"repo-%s\"><td><a href=\"repos/%s.html\" title=\"", r->slug,
			    r->slug);
		audit_html_escape(sb, r->repository);
		strbuf_adds(sb, "\">");
		audit_html_escape(sb, r->name ? r->name : r->repository);
		strbuf_adds(sb, "</a></td>");
		if (r->error) {
			strbuf_addf(sb, "<td class=\"%s\" title=\"",
				    audit_record_incomplete(r) ? "failed" : "empty");
			audit_html_escape(sb, r->error);
			strbuf_addf(sb, "\">%s: ", audit_status_name(r->status));
			audit_html_escape(sb, r->error);
			strbuf_adds(sb, "</td>");
		} else {
			strbuf_adds(sb, "<td>scanned</td>");
		}
		strbuf_adds(sb, "<td>");
		audit_html_escape(sb, r->branch);
		strbuf_adds(sb, "</td><td><code title=\"");
		audit_html_escape(sb, r->commit);
		strbuf_adds(sb, "\">");
		if (r->commit)
			strbuf_add(sb, r->commit, strlen(r->commit) > 12 ? 12 : strlen(r->commit));
		strbuf_adds(sb, "</code></td>");
		size_t per_level[4] = { 0 };
		for (size_t k = 0; k < r->ncounts; k++)
			per_level[r->counts[k].level] += r->counts[k].count;
		strbuf_addf(sb,
			    "<td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
			    "<td class=\"n\">%zu</td><td class=\"n\">%zu</td>",
			    r->files, r->findings, per_level[LEVEL_ERROR], per_level[LEVEL_WARNING],
			    per_level[LEVEL_NOTE]);
		strbuf_addf(sb, "<td><a href=\"repos/%s.html\">findings</a> &middot; <a href=\""
				"repos/%s.sarif\">SARIF</a></td></tr>\n",
			    r->slug, r->slug);
	}
	strbuf_adds(sb, "</tbody>\n</table>\n");
}

char *audit_summary_html(const audit_summary *s)
{
	strbuf sb = STRBUF_INIT;
	audit_html_begin(&sb, "tlslint audit");
	size_t failed = 0, partial = 0, empty = 0, findings = 0, with = 0;
	for (size_t i = 0; i < s->len; i++) {
		failed += s->records[i].status == AUDIT_FAILED;
		partial += s->records[i].status == AUDIT_PARTIAL;
		empty += s->records[i].status == AUDIT_EMPTY;
		findings += s->records[i].findings;
		with += s->records[i].findings > 0;
	}
	strbuf_adds(&sb, "<h1>tlslint audit: legacy TLS across repositories</h1>\n<p class=\"meta\">"
			 "tlslint ");
	audit_html_escape(&sb, s->tool_version);
	strbuf_addf(&sb, " &middot; %zu rule%s &middot; configuration <code>", s->nrules,
		    s->nrules == 1 ? "" : "s");
	audit_html_escape(&sb, s->config_digest);
	strbuf_adds(&sb, "</code> &middot; <a href=\"summary.json\">summary.json</a> &middot; "
			 "<a href=\"summary.csv\">summary.csv</a></p>\n<div class=\"cards\">\n");
	html__card(&sb, "repositories", s->len, NULL);
	html__card(&sb, "with findings", with, with ? "warning" : NULL);
	html__card(&sb, "findings", findings, findings ? "warning" : NULL);
	html__card(&sb, "failed to audit", failed, failed ? "error" : NULL);
	html__card(&sb, "partly audited", partial, partial ? "error" : NULL);
	html__card(&sb, "nothing to scan", empty, empty ? "warning" : NULL);
	strbuf_adds(&sb, "</div>\n");
	html__charts(&sb, s);
	strbuf_adds(&sb, "<h2>Repositories</h2>\n");
	html__table(&sb, s);
	strbuf_adds(&sb, SORT_SCRIPT);
	strbuf_adds(&sb, "</body>\n</html>\n");
	return strbuf_detach(&sb);
}
