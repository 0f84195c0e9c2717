/* emit.c: findings from matches: positions, messages, snippets, suppressions. */
#include "emit.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/strbuf.h"

#define MAX_VALUE_IN_MESSAGE 120

static void emit__add_value(strbuf *sb, const char *s, size_t len)
{
	/* One line of code, whitespace folded, cut to a readable length. */
	bool space = false;
	size_t added = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
			space = true;
			continue;
		}
		if (space && added)
			strbuf_addc(sb, ' ');
		space = false;
		/* Cut only between characters: the message must stay valid UTF-8. */
		if (added >= MAX_VALUE_IN_MESSAGE && ((unsigned char)c & 0xC0) != 0x80) {
			strbuf_adds(sb, "...");
			return;
		}
		strbuf_addc(sb, c);
		added++;
	}
}

char *emit_format_message(const char *tmpl, const message_args *args)
{
	strbuf sb = STRBUF_INIT;
	for (const char *p = tmpl; *p;) {
		if (strncmp(p, "{versions}", 10) == 0) {
			char v[128];
			versions_describe(args ? args->versions : 0, v, sizeof(v));
			strbuf_adds(&sb, v);
			p += 10;
		} else if (strncmp(p, "{detail}", 8) == 0) {
			if (args && args->detail)
				strbuf_adds(&sb, args->detail);
			p += 8;
		} else if (strncmp(p, "{value}", 7) == 0) {
			if (args && args->value_text)
				emit__add_value(&sb, args->value_text, args->value_len);
			p += 7;
		} else {
			strbuf_addc(&sb, *p++);
		}
	}
	return strbuf_detach(&sb);
}

/* Is line `line` only a line comment (blanks, then one of the language's openers)? */
static bool emit__comment_only(const source_file *src, language lang, unsigned line)
{
	size_t len = 0;
	const char *s = source_line(src, line, &len);
	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	for (const char *const *o = language_get(lang)->line_comments; *o; o++)
		if (len >= strlen(*o) && strncmp(s, *o, strlen(*o)) == 0)
			return true;
	return false;
}

static char *emit__suppression_on_line(const source_file *src, language lang, unsigned line,
				       const char *rule_id)
{
	size_t len = 0;
	const char *s = source_line(src, line, &len);
	static const char marker[] = "tlslint-ignore:";
	const language_def *def = language_get(lang); /* its comment syntax */
	const char *end = s + len;
	for (const char *m = s; (m = memmem(m, (size_t)(end - m), marker, sizeof(marker) - 1));
	     m++) {
		/* A comment opener must come before the marker on this line. */
		bool in_comment = false;
		for (const char *const *o = def->line_comments; *o && !in_comment; o++)
			in_comment = memmem(s, (size_t)(m - s), *o, strlen(*o)) != NULL;
		for (const char *const *o = def->block_comments; *o && o[1] && !in_comment; o += 2)
			in_comment = memmem(s, (size_t)(m - s), *o, strlen(*o)) != NULL;
		if (!in_comment)
			continue;
		const char *p = m + sizeof(marker) - 1;
		while (p < end && *p == ' ')
			p++;
		size_t idlen = strlen(rule_id);
		if ((size_t)(end - p) < idlen || strncmp(p, rule_id, idlen) != 0)
			continue;
		p += idlen;
		if (p < end && !isspace((unsigned char)*p) && *p != ',' && *p != '-')
			continue; /* LT-CS-0010 is not LT-CS-001 */
		while (p < end && (isspace((unsigned char)*p) || *p == ',' || *p == '-'))
			p++;
		const char *r_end = end;
		/* Drop a block comment's closer from the reason. */
		for (const char *const *o = def->block_comments; *o && o[1]; o += 2) {
			const char *c = memmem(p, (size_t)(r_end - p), o[1], strlen(o[1]));
			if (c)
				r_end = c;
		}
		while (r_end > p && isspace((unsigned char)r_end[-1]))
			r_end--;
		return xstrndup(p, (size_t)(r_end - p));
	}
	return NULL;
}

char *emit_find_suppression(const source_file *src, language lang, unsigned line,
			    const char *rule_id)
{
	char *reason = emit__suppression_on_line(src, lang, line, rule_id);
	/* Or in the comment lines just above it (a few: formats without trailing comments, such
	 * as Apache's, can only suppress from above, where other comments may sit too). */
	for (unsigned up = 1; !reason && up <= 4 && line > up; up++) {
		reason = emit__suppression_on_line(src, lang, line - up, rule_id);
		if (!reason && !emit__comment_only(src, lang, line - up))
			break;
	}
	return reason;
}

finding *emit_finding_once(const file_ctx *ctx, const rule *r, size_t start, size_t end,
			   const message_args *args)
{
	region where;
	source_position(ctx->src, start, &where.start_line, &where.start_col);
	source_position(ctx->src, end, &where.end_line, &where.end_col);
	for (size_t i = 0; i < ctx->out->len; i++) {
		finding *f = &ctx->out->items[i];
		if (f->rule == rule_primary(r) && memcmp(&f->where, &where, sizeof(where)) == 0 &&
		    strcmp(f->uri, ctx->uri) == 0)
			return f;
	}
	return emit_finding(ctx, r, start, end, args);
}

finding *emit_finding(const file_ctx *ctx, const rule *r, size_t start, size_t end,
		      const message_args *args)
{
	finding *f = finding_list_add(ctx->out);
	f->rule = rule_primary(r); /* a variant's findings are its rule's */
	f->level = r->level;
	f->uri = xstrdup(ctx->uri);
	f->display_path = xstrdup(ctx->display_path);
	source_position(ctx->src, start, &f->where.start_line, &f->where.start_col);
	source_position(ctx->src, end, &f->where.end_line, &f->where.end_col);
	f->message = emit_format_message(r->message, args);
	size_t len = 0;
	const char *line = source_line(ctx->src, f->where.start_line, &len);
	f->snippet = xstrndup(line, len);
	char *reason = emit_find_suppression(ctx->src, ctx->lang, f->where.start_line, r->id);
	if (reason) {
		f->suppressed = true;
		f->justification = reason;
	}
	return f;
}

void emit_replace(const file_ctx *ctx, finding *f, const char *description, size_t start,
		  size_t end, const char *text)
{
	region where;
	source_position(ctx->src, start, &where.start_line, &where.start_col);
	source_position(ctx->src, end, &where.end_line, &where.end_col);
	size_t raw_start = source_raw_offset(ctx->src, start);
	size_t raw_end = source_raw_offset(ctx->src, end);
	finding_add_replacement(f, description, start, end, raw_start, raw_end - raw_start, where,
				ctx->src->text + start, text);
	f->file_hash = finding_text_hash(ctx->src->text, ctx->src->len);
}

void emit_replace_modern(const file_ctx *ctx, finding *f, const char *description, size_t start,
			 size_t end, const char *text)
{
	/* Built as the finding's fix, then moved aside: the two never mix. */
	fix *kept = f->fix;
	char *reason = f->no_fix;
	f->fix = f->modern_fix;
	f->no_fix = NULL;
	emit_replace(ctx, f, description, start, end, text);
	f->modern_fix = f->fix;
	f->fix = kept;
	f->no_fix = reason;
}
