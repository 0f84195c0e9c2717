/* text.c: compiler-style text output: `path:line:col: level: message [id]`, the source line
 * with a caret underline, and a one-line summary. Colour only when asked (a terminal). */
#include <string.h>

#include "report/report.h"
#include "util/strbuf.h"

#define RESET "\033[0m"
#define BOLD "\033[1m"

static const char *text__level_color(level l)
{
	switch (l) {
	case LEVEL_ERROR:
		return "\033[1;31m";
	case LEVEL_WARNING:
		return "\033[1;35m";
	default:
		return "\033[1;36m";
	}
}

/* Prints the snippet and a caret line under [start_col, end_col) (UTF-16 columns). */
static void text__caret(strbuf *out, const finding *f, bool color)
{
	const char *s = f->snippet;
	if (!s)
		return;
	strbuf_addf(out, "%s\n", s);
	unsigned col = 1;
	unsigned end = f->where.end_line == f->where.start_line ? f->where.end_col : ~0u;
	const unsigned char *p = (const unsigned char *)s;
	if (color)
		strbuf_adds(out, "\033[1;32m");
	for (; *p; p++) {
		if ((*p & 0xC0) == 0x80)
			continue;
		if (col >= f->where.start_col && col >= end)
			break;
		if (col < f->where.start_col)
			strbuf_addc(out, *p == '\t' ? '\t' : ' ');
		else
			strbuf_addc(out, col == f->where.start_col ? '^' : '~');
		col += *p >= 0xF0 ? 2 : 1;
	}
	if (col == f->where.start_col) /* a finding at the end of the line */
		strbuf_addc(out, '^');
	if (color)
		strbuf_adds(out, RESET);
	strbuf_addc(out, '\n');
}

/* `s` with control characters escaped (`\n`, `\t`, `\xNN`): a file name may hold a newline,
 * and a text report keeps one finding a line. Returns `s` itself when nothing needs it, else
 * a string in `tmp`. */
static const char *text__plain(const char *s, strbuf *tmp)
{
	const char *p = s;
	while (*p && (unsigned char)*p >= 0x20 && *p != 0x7f)
		p++;
	if (!*p)
		return s;
	strbuf_reset(tmp);
	for (p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\n')
			strbuf_add(tmp, "\\n", 2);
		else if (c == '\t')
			strbuf_add(tmp, "\\t", 2);
		else if (c < 0x20 || c == 0x7f)
			strbuf_addf(tmp, "\\x%02x", c);
		else
			strbuf_addc(tmp, (char)c);
	}
	return strbuf_str(tmp);
}

char *report_text(const report_input *in)
{
	strbuf esc = STRBUF_INIT, esc_msg = STRBUF_INIT;
	strbuf sb = STRBUF_INIT, *out = &sb;
	bool color = in->color;
	size_t counts[4] = { 0 }, suppressed = 0;
	for (size_t i = 0; i < in->findings->len; i++) {
		const finding *f = &in->findings->items[i];
		if (f->suppressed) {
			suppressed++;
			continue;
		}
		counts[f->level]++;
		if (color)
			strbuf_addf(out, BOLD "%s:%u:%u:" RESET " %s%s:" RESET BOLD " %s" RESET " [%s]%s%s%s\n",
				text__plain(f->display_path, &esc), f->where.start_line, f->where.start_col,
				text__level_color(f->level), level_name(f->level), f->message,
				f->rule->id, f->vendored ? " [vendored: " : "",
				f->vendored ? f->vendored : "", f->vendored ? "]" : "");
		else
			strbuf_addf(out, "%s:%u:%u: %s: %s [%s]%s%s%s\n", text__plain(f->display_path, &esc),
				f->where.start_line, f->where.start_col, level_name(f->level),
				f->message, f->rule->id, f->vendored ? " [vendored: " : "",
				f->vendored ? f->vendored : "", f->vendored ? "]" : "");
		text__caret(out, f, color);
	}
	for (size_t i = 0; i < in->findings->nnotes; i++) {
		const notification *n = &in->findings->notes[i];
		strbuf_addf(out, "tlslint: %s: %s\n", level_name(n->level), text__plain(n->message, &esc_msg));
	}
	size_t total = counts[LEVEL_ERROR] + counts[LEVEL_WARNING] + counts[LEVEL_NOTE];
	strbuf_addf(out, "%zu finding%s (%zu error%s, %zu warning%s, %zu note%s)", total,
		total == 1 ? "" : "s", counts[LEVEL_ERROR], counts[LEVEL_ERROR] == 1 ? "" : "s",
		counts[LEVEL_WARNING], counts[LEVEL_WARNING] == 1 ? "" : "s", counts[LEVEL_NOTE],
		counts[LEVEL_NOTE] == 1 ? "" : "s");
	if (suppressed)
		strbuf_addf(out, ", %zu suppressed", suppressed);
	if (in->baseline) {
		size_t fresh = 0;
		for (size_t i = 0; i < in->findings->len; i++)
			fresh += !in->findings->items[i].suppressed &&
				 in->findings->items[i].baseline == BASELINE_NEW;
		strbuf_addf(out, ", %zu new since the baseline", fresh);
	}
	if (in->stats)
		strbuf_addf(out, " in %zu file%s scanned", in->stats->files,
			in->stats->files == 1 ? "" : "s");
	if (in->findings->nnotes)
		strbuf_addf(out, "; %zu file%s could not be fully analysed", in->findings->nnotes,
			in->findings->nnotes == 1 ? "" : "s");
	strbuf_adds(out, ".\n");
	strbuf_release(&esc);
	strbuf_release(&esc_msg);
	return strbuf_detach(&sb);
}
