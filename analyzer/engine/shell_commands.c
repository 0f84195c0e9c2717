/* shell_commands.c: command lines in a bash tree (engine/shell_commands.h). */
#include "engine/shell_commands.h"

#include <string.h>

#include "core/language.h"
#include "engine/ts_field.h"
#include "engine/ts_grammars.h"
#include "util/clock.h"
#include "values/tls_options.h"

#define SH_MAX_ARGS 64
#define SH_MAX_WORD 512

const TSLanguage *shell_grammar(void)
{
	return ts_grammar_for(LANG_SHELL);
}

struct sh_input {
	const char *text;
	uint32_t len;
};

struct sh_deadline {
	uint64_t at_ms;
	bool expired;
};

static const char *sh__read(void *payload, uint32_t byte, TSPoint pos, uint32_t *read)
{
	(void)pos;
	const struct sh_input *in = payload;
	if (byte >= in->len) {
		*read = 0;
		return "";
	}
	*read = in->len - byte;
	return in->text + byte;
}

static bool sh__progress(TSParseState *state)
{
	struct sh_deadline *d = state->payload;
	if (clock_ms() > d->at_ms)
		d->expired = true;
	return d->expired;
}

TSTree *ts_parse_text(ts_worker *w, const TSLanguage *grammar, const char *text, uint32_t len,
		      bool *timed_out)
{
	*timed_out = false;
	if (!ts_parser_set_language(w->parser, grammar))
		return NULL;
	struct sh_input in = { text, len };
	struct sh_deadline d = { clock_ms() + w->timeout_ms, false };
	TSInput input = { &in, sh__read, TSInputEncodingUTF8, NULL };
	TSParseOptions popts = { &d, sh__progress };
	TSTree *tree = ts_parser_parse_with_options(w->parser, NULL, input, popts);
	if (!tree) {
		ts_parser_reset(w->parser);
		*timed_out = d.expired;
	}
	return tree;
}

static bool sh__is(TSNode n, const char *type)
{
	return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0;
}

/* One word of a command: its bytes in the file and its text without quotes. */
struct sh_word {
	uint32_t start, end;
	char s[SH_MAX_WORD];
	size_t len;
};

static void sh__word(struct sh_word *out, const char *text, uint32_t b, uint32_t e)
{
	out->start = b;
	out->end = e;
	out->len = 0;
	for (uint32_t i = b; i < e && out->len + 1 < sizeof(out->s); i++)
		if (text[i] != '"' && text[i] != '\'' && !(text[i] == '\\' && i + 1 < e))
			out->s[out->len++] = text[i];
	out->s[out->len] = '\0';
}

static bool sh__eq(const char *s, size_t len, const char *lit)
{
	return strlen(lit) == len && memcmp(s, lit, len) == 0;
}

static finding *sh__emit(const file_ctx *ctx, const rule *r, const char *text, uint32_t b,
			 uint32_t e, version_set v)
{
	message_args args = { .versions = v, .value_text = text + b, .value_len = e - b };
	return emit_finding(ctx, r, b, e, &args);
}

/* A legacy cap: curl's `--tls-max 1.0|1.1`, node's `--tls-max-v1.0|1.1`. */
static bool sh__is_cap(const struct sh_word *a)
{
	return sh__eq(a->s, a->len, "--tls-max") || strncmp(a->s, "--tls-max-v", 11) == 0;
}

/* The fix of a legacy floor in one word of curl or node (`--tlsv1.0` -> `--tlsv1.2`,
 * `--tls-min-v1.1` -> `--tls-min-v1.2`), written only where the word's bytes are its text (no
 * quotes or escapes) and the command caps no version too (a floor above a cap fails). wget's
 * `--secure-protocol=` pins one version (TLS 1.2 or `auto` is the author's choice) and caps
 * could break an endpoint that speaks nothing newer: neither has a fix. */
static void sh__floor_fix(const file_ctx *ctx, finding *f, const char *text, const char *cmd,
			  size_t clen, const struct sh_word *a, bool capped)
{
	static const char *const curl[] = { "--tlsv1", "--tlsv1.0", "--tlsv1.1", "-1", "--sslv3",
					     "-3", "--sslv2", "-2", NULL };
	static const char *const node[] = { "--tls-min-v1.0", "--tls-min-v1.1", NULL };
	const char *const *floors = sh__eq(cmd, clen, "curl") ? curl
				   : sh__eq(cmd, clen, "node") || sh__eq(cmd, clen, "nodejs") ? node
												: NULL;
	bool floor = false;
	for (size_t i = 0; floors && floors[i] && !floor; i++)
		floor = sh__eq(a->s, a->len, floors[i]);
	if (!floor)
		return;
	if (capped) {
		finding_set_no_fix(f, "The command also caps the version (--tls-max): a TLS 1.2 "
				      "floor above the cap would fail. Remove both where the peer "
				      "speaks TLS 1.2.");
		return;
	}
	if (a->end - a->start != a->len || memcmp(text + a->start, a->s, a->len) != 0)
		return; /* quoted or escaped: the rule's own reason */
	emit_replace(ctx, f, floors == curl ? "Ask curl for TLS 1.2 or later (--tlsv1.2)."
					    : "Ask node for TLS 1.2 or later (--tls-min-v1.2).",
		     a->start, a->end, floors == curl ? "--tlsv1.2" : "--tls-min-v1.2");
}

/* `-Dkey=value` in one word. */
static void sh__jvm_word(const file_ctx *ctx, const rule *jvm, const char *text,
			 const struct sh_word *w, size_t off, uint32_t b, uint32_t e)
{
	const char *s = w->s + off;
	size_t len = w->len - off;
	if (len < 3 || s[0] != '-' || s[1] != 'D')
		return;
	const char *eq = memchr(s, '=', len);
	if (!eq)
		return;
	version_set v;
	if (jvm_property_versions(s + 2, (size_t)(eq - s - 2), eq + 1, len - (size_t)(eq - s) - 1,
				  &v) &&
	    v)
		sh__emit(ctx, jvm, text, b, e, v);
}

void shell_jvm_options(const file_ctx *ctx, const char *text, size_t start, size_t len,
		       const rule *jvm)
{
	if (!jvm)
		return;
	size_t i = start, end = start + len;
	while (i < end) {
		while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' ||
				   text[i] == '\r' || text[i] == '"' || text[i] == '\''))
			i++;
		size_t b = i;
		char quote = 0;
		while (i < end) {
			char c = text[i];
			if (quote) {
				if (c == quote)
					quote = 0;
			} else if (c == '"' || c == '\'') {
				if (i > b && text[i - 1] == '=')
					quote = c; /* -Dkey="a b" */
				else
					break;
			} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				break;
			}
			i++;
		}
		if (i > b && text[b] == '-') {
			struct sh_word w;
			sh__word(&w, text, (uint32_t)b, (uint32_t)i);
			sh__jvm_word(ctx, jvm, text, &w, 0, (uint32_t)b, (uint32_t)i);
		}
		if (i == b)
			i++;
	}
}

static bool sh__prefix_command(const char *s, size_t len)
{
	return sh__eq(s, len, "sudo") || sh__eq(s, len, "exec") || sh__eq(s, len, "nohup") ||
	       sh__eq(s, len, "time") || sh__eq(s, len, "command") || sh__eq(s, len, "env");
}

static void sh__command(const file_ctx *ctx, TSNode cmd, const char *text, const rule *sh,
			const rule *jvm)
{
	static _Thread_local struct sh_word words[SH_MAX_ARGS];
	size_t n = 0;
	uint32_t count = ts_node_named_child_count(cmd);
	for (uint32_t i = 0; i < count && n < SH_MAX_ARGS; i++) {
		TSNode c = ts_node_named_child(cmd, i);
		if (sh__is(c, "command_name") || (n > 0 && !sh__is(c, "file_redirect") &&
						  !sh__is(c, "heredoc_redirect") &&
						  !sh__is(c, "herestring_redirect") &&
						  !sh__is(c, "variable_assignment")))
			sh__word(&words[n++], text, ts_node_start_byte(c), ts_node_end_byte(c));
	}
	if (n == 0)
		return;
	/* The command's name: its base name, after sudo/env/exec and their options. */
	size_t first = 0;
	for (;;) {
		const char *name = words[first].s;
		const char *slash = strrchr(name, '/');
		const char *base = slash ? slash + 1 : name;
		size_t blen = words[first].len - (size_t)(base - name);
		if (!sh__prefix_command(base, blen))
			break;
		size_t k = first + 1;
		while (k < n && (words[k].s[0] == '-' || strchr(words[k].s, '=')))
			k++;
		if (k >= n)
			return;
		first = k;
	}
	const char *name = words[first].s;
	const char *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;
	size_t blen = words[first].len - (size_t)(base - name);
	if (sh__eq(base, blen, "echo") || sh__eq(base, blen, "printf"))
		return; /* text, not options */
	bool capped = false;
	for (size_t i = first + 1; i < n && !capped; i++) {
		bool used_next = false;
		capped = sh__is_cap(&words[i]) &&
			 tls_command_option(base, blen, words[i].s, words[i].len,
					    i + 1 < n ? words[i + 1].s : NULL,
					    i + 1 < n ? words[i + 1].len : 0, &used_next);
	}
	for (size_t i = first + 1; i < n; i++) {
		const struct sh_word *a = &words[i];
		if (sh) {
			bool used_next = false;
			const struct sh_word *next = i + 1 < n ? &words[i + 1] : NULL;
			version_set v = tls_command_option(base, blen, a->s, a->len,
							   next ? next->s : NULL,
							   next ? next->len : 0, &used_next);
			if (v) {
				finding *f = sh__emit(ctx, sh, text, a->start,
						      used_next ? next->end : a->end, v);
				if (f && sh__is_cap(a))
					finding_set_no_fix(f, "A cap: without it the command would use "
							      "TLS 1.2, which a peer that speaks "
							      "nothing newer refuses. Remove it once "
							      "the peer speaks TLS 1.2.");
				else if (f && !used_next)
					sh__floor_fix(ctx, f, text, base, blen, a, capped);
				if (used_next)
					i++;
				continue;
			}
		}
		if (jvm)
			sh__jvm_word(ctx, jvm, text, a, 0, a->start, a->end);
	}
}

/* NAME=value, export NAME=value: `-D` options in JAVA_OPTS-style values, node flags in
 * NODE_OPTIONS. */
static void sh__assignment(const file_ctx *ctx, TSNode as, const char *text, const rule *sh,
			   const rule *jvm)
{
	TSNode name = ts_field_child(as, "name", 4);
	TSNode value = ts_field_child(as, "value", 5);
	if (ts_node_is_null(name) || ts_node_is_null(value))
		return;
	uint32_t b = ts_node_start_byte(value), e = ts_node_end_byte(value);
	shell_jvm_options(ctx, text, b, e - b, jvm);
	uint32_t nb = ts_node_start_byte(name), ne = ts_node_end_byte(name);
	if (!sh || !sh__eq(text + nb, ne - nb, "NODE_OPTIONS"))
		return;
	struct sh_word w;
	sh__word(&w, text, b, e);
	size_t i = 0;
	while (i < w.len) {
		while (i < w.len && w.s[i] == ' ')
			i++;
		size_t s = i;
		while (i < w.len && w.s[i] != ' ')
			i++;
		bool used_next;
		version_set v = tls_command_option("node", 4, w.s + s, i - s, NULL, 0, &used_next);
		if (v)
			sh__emit(ctx, sh, text, b, e, v);
	}
}

void shell_commands_check(const file_ctx *ctx, TSNode root, const char *text, const rule *sh,
			  const rule *jvm)
{
	TSTreeCursor cur = ts_tree_cursor_new(root);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		const char *type = ts_node_type(n);
		if (strcmp(type, "command") == 0)
			sh__command(ctx, n, text, sh, jvm);
		else if (strcmp(type, "variable_assignment") == 0)
			sh__assignment(ctx, n, text, sh, jvm);
		if (strcmp(type, "comment") != 0 && strcmp(type, "heredoc_body") != 0 &&
		    ts_tree_cursor_goto_first_child(&cur))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&cur))
			if (!ts_tree_cursor_goto_parent(&cur)) {
				ts_tree_cursor_delete(&cur);
				return;
			}
	}
}
