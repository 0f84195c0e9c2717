/* clang_frontend.c: C and C++ through libclang, loaded on first use.
 *
 * Each scanned file is parsed as its own translation unit and only findings located in it are
 * reported, so a header shared by many sources is analysed once, as itself, and a macro is
 * reported where it is used, never in the header that defines it. Flags come from the
 * compilation database (sanitized, see clang/compdb.h); a header in no entry takes a
 * neighbour's. When headers are missing, the declaration shims (clang/shims.h) stand in for
 * the TLS APIs, and the token fallback (clang/c_fallback.c) reads the calls clang still drops.
 * The file's text as tlslint decoded it is handed to libclang, so offsets agree with emit.h.
 * libclang runs in a parser process per scanning thread (clang/c_server.h): when it crashes
 * on a file or runs out of time, the file is named in a notification and read by the token
 * fallback alone (clang/c_lex.h), and the next file gets a new parser process. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lang/c/c_analyze.h"
#include "lang/c/c_fix.h"
#include "lang/c/c_lex.h"
#include "lang/c/c_server.h"
#include "lang/c/compdb.h"
#include "lang/c/shims.h"
#include "frontends/frontend.h"
#include "util/alloc.h"

/* The names a rule's patterns are anchored on (rules/README.md, "Pattern (C and C++)"): its
 * callees and fields, the values of its conditions, the named values; and the strings of its
 * `contains` patterns. A file whose tokens spell none of them, for every rule its keywords let
 * in, cannot give that rule a finding, so it is not sent to libclang (see cfe__needed). */
typedef struct cfe_anchors {
	const char **names; /* last components (`context::tlsv1` -> `tlsv1`), sorted */
	size_t nnames;
	const char **strings;
	size_t nstrings;
} cfe_anchors;

struct cfe_state {
	language lang;
	c_rule **rules;
	size_t nrules;
	cfe_anchors *anchors; /* one per rule */
	bool no_gate;         /* TLSLINT_NO_NARROWING: every file goes to libclang */
	compdb db;
	bool have_db;
	frontend_config cfg;
};

struct cfe_worker {
	c_server *server;     /* this thread's parser process, started at the first file */
	unsigned timeout_ms;  /* per file (--timeout) */
	bool unavailable;     /* the parser process cannot start: `unavailable_why` says why */
	char unavailable_why[512];
};

/* The part of a (maybe qualified) name that a token spells. */
static const char *cfe__last(const char *name)
{
	const char *last = name;
	for (const char *p = name; *p; p++)
		if (*p == ':' || *p == '.' || *p == '>')
			last = p + 1;
	return last;
}

static void cfe__add_name(cfe_anchors *a, const char *name)
{
	if (name && *cfe__last(name))
		*PUSH(a->names, a->nnames) = cfe__last(name);
}

static void cfe__add_values(cfe_anchors *a, const c_value *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cfe__add_name(a, v[i].name);
}

static int cfe__cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void cfe__anchors_build(cfe_anchors *a, const c_rule *cr)
{
	for (size_t p = 0; p < cr->npatterns; p++) {
		const c_pattern *pat = &cr->patterns[p];
		for (size_t i = 0; i < pat->ncallees; i++)
			cfe__add_name(a, pat->callees[i]);
		cfe__add_name(a, pat->field);
		cfe__add_values(a, pat->values, pat->nvalues);
		for (size_t c = 0; c < pat->nconds; c++)
			cfe__add_values(a, pat->conds[c].values, pat->conds[c].nvalues);
		for (size_t i = 0; i < pat->nvalues; i++)
			if (pat->values[i].text && *pat->values[i].text)
				*PUSH(a->strings, a->nstrings) = pat->values[i].text;
	}
	if (a->nnames)
		qsort(a->names, a->nnames, sizeof(*a->names), cfe__cmp);
}

/* Is one of the strings of `a` inside the string or character literal `tk` (with its prefix
 * and quotes), or spelled by it as an identifier (`STR(TLSv1)`, a macro that stringifies)? */
static bool cfe__spells_string(const cfe_anchors *a, const char *text, const c_tok *tk)
{
	const char *s = text + tk->off;
	bool literal = tk->kind == C_TOK_LITERAL && memchr(s, '"', tk->len);
	if (!literal && tk->kind != C_TOK_IDENT)
		return false;
	for (size_t i = 0; i < a->nstrings; i++) {
		size_t n = strlen(a->strings[i]);
		if (literal ? n <= tk->len && memmem(s, tk->len, a->strings[i], n)
			    : n == tk->len && memcmp(s, a->strings[i], n) == 0)
			return true;
	}
	return false;
}

/* Does the file spell an anchor of some rule that its keywords let in: a name as an
 * identifier, a string inside a string literal? Its tokens are our own (lang/c/c_lex.h),
 * comments left out; directive lines count (a macro that wraps the call). */
static bool cfe__needed(const struct cfe_state *st, const file_ctx *ctx)
{
	if (st->no_gate)
		return true;
	bool any = false;
	bool *live = xcalloc(st->nrules ? st->nrules : 1, sizeof(*live));
	for (size_t r = 0; r < st->nrules; r++) {
		const rule *want = st->rules[r]->rule;
		live[r] = true;
		for (size_t i = 0; ctx->live && i < ctx->nrules; i++)
			if (ctx->rules[i] == want)
				live[r] = ctx->live[i];
		if (!live[r])
			continue;
		const cfe_anchors *a = &st->anchors[r];
		if (!a->nnames && !a->nstrings) {
			free(live);
			return true; /* nothing to anchor on: libclang decides */
		}
		any = true;
	}
	if (!any) {
		free(live);
		return false;
	}
	c_tokens toks = { .text = ctx->src->text };
	c_lex(&toks, ctx->src->len, true);
	bool found = false;
	char word[256];
	for (size_t t = 0; t < toks.len && !found; t++) {
		const c_tok *tk = &toks.toks[t];
		for (size_t r = 0; r < st->nrules && !found; r++)
			found = live[r] && st->anchors[r].nstrings &&
				cfe__spells_string(&st->anchors[r], ctx->src->text, tk);
		if (found || tk->kind != C_TOK_IDENT || tk->len >= sizeof(word))
			continue;
		memcpy(word, ctx->src->text + tk->off, tk->len);
		word[tk->len] = 0;
		const char *key = word;
		for (size_t r = 0; r < st->nrules && !found; r++)
			found = live[r] && st->anchors[r].nnames &&
				bsearch(&key, st->anchors[r].names, st->anchors[r].nnames,
					sizeof(*st->anchors[r].names), cfe__cmp);
	}
	c_tokens_release(&toks);
	free(live);
	return found;
}

static int cfe__prepare(void **state, language lang, const rule *const *rules, size_t nrules,
			char *err, size_t errlen)
{
	struct cfe_state *st = xcalloc(1, sizeof(*st));
	st->lang = lang;
	st->rules = xcalloc(nrules ? nrules : 1, sizeof(*st->rules));
	for (size_t i = 0; i < nrules; i++) {
		c_rule *cr = xcalloc(1, sizeof(*cr));
		if (c_rule_parse(cr, rules[i], err, errlen) < 0) {
			free(cr);
			for (size_t k = 0; k < st->nrules; k++) {
				c_rule_release(st->rules[k]);
				free(st->rules[k]);
			}
			free(st->rules);
			free(st);
			return -1;
		}
		st->rules[st->nrules++] = cr;
	}
	st->anchors = xcalloc(st->nrules ? st->nrules : 1, sizeof(*st->anchors));
	for (size_t i = 0; i < st->nrules; i++)
		cfe__anchors_build(&st->anchors[i], st->rules[i]);
	const char *e = getenv("TLSLINT_NO_NARROWING");
	st->no_gate = e && *e && strcmp(e, "0") != 0;
	*state = st;
	return 0;
}

static void cfe__release(void *state)
{
	struct cfe_state *st = state;
	for (size_t k = 0; k < st->nrules; k++) {
		c_rule_release(st->rules[k]);
		free(st->rules[k]);
		free(st->anchors[k].names);
		free(st->anchors[k].strings);
	}
	free(st->anchors);
	free(st->rules);
	if (st->have_db)
		compdb_release(&st->db);
	free(st);
}

static bool cfe__exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static int cfe__configure(void *state, const frontend_config *cfg, char *err, size_t errlen)
{
	struct cfe_state *st = state;
	st->cfg = *cfg;
	st->cfg.compile_commands = NULL;
	st->cfg.root = NULL;
	char *found = NULL;
	if (cfg->compile_commands) {
		found = xstrdup(cfg->compile_commands);
	} else if (cfg->root) {
		static const char *const where[] = { "compile_commands.json",
						     "build/compile_commands.json" };
		for (size_t i = 0; i < 2 && !found; i++) {
			char *p = xasprintf("%s/%s", cfg->root, where[i]);
			if (cfe__exists(p))
				found = p;
			else
				free(p);
		}
	}
	if (!found)
		return 0;
	int rc = compdb_load(&st->db, found, err, errlen);
	free(found);
	if (rc < 0)
		return -1;
	st->have_db = true;
	return 0;
}

static void *cfe__worker_new(unsigned timeout_ms)
{
	struct cfe_worker *w = xcalloc(1, sizeof(*w));
	w->timeout_ms = timeout_ms;
	return w;
}

static void cfe__worker_free(void *worker)
{
	struct cfe_worker *w = worker;
	c_server_stop(w->server);
	free(w);
}

/* The token pass alone, on tokens of our own: for a file libclang could not analyse. */
static void cfe__fallback_only(const struct cfe_state *st, const file_ctx *ctx, bool cxx)
{
	if (st->cfg.no_fallback)
		return;
	c_unit u = { .rules = (const c_rule *const *)st->rules, .nrules = st->nrules };
	u.toks.text = ctx->src->text;
	c_lex(&u.toks, ctx->src->len, cxx);
	c_fallback_run(&u);
	c_anywhere_run(&u);
	c_fix_hits(&u.hits, &u.toks);
	c_hits_emit(&u.hits, ctx);
	c_unit_release(&u);
}

/* A .h file is parsed as C++ when it looks like C++. */
static bool cfe__looks_cxx(const source_file *src)
{
	static const char *const marks[] = { "namespace ", "template <", "template<", "class ",
					     "::", "#include <boost/", "#include <Q" };
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (memmem(src->text, src->len, marks[i], strlen(marks[i])))
			return true;
	return false;
}

static void cfe__push(const char ***args, size_t *n, const char *a)
{
	*PUSH(*args, *n) = a;
}

static int cfe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			size_t whylen)
{
	const struct cfe_state *st = state;
	struct cfe_worker *w = worker;
	if (!cfe__needed(st, ctx))
		return 0;
	char abs[PATH_MAX];
	if (!realpath(ctx->display_path, abs))
		snprintf(abs, sizeof(abs), "%s", ctx->display_path);

	const char **args = NULL;
	size_t nargs = 0;
	bool exact = false;
	const compdb_entry *ent = st->have_db ? compdb_lookup(&st->db, abs, &exact) : NULL;
	size_t alen = strlen(abs);
	bool header = alen > 2 && strcmp(abs + alen - 2, ".h") == 0;
	bool cxx = ctx->lang == LANG_CPP || (ent && !exact && ent->cxx) ||
		   (!ent && header && cfe__looks_cxx(ctx->src));
	cfe__push(&args, &nargs, "-x");
	cfe__push(&args, &nargs, cxx ? "c++" : "c");
	if (ent) {
		for (size_t i = 0; i < ent->nargs; i++) {
			if (!exact && strcmp(ent->args[i], "-x") == 0 && i + 1 < ent->nargs) {
				i++; /* a header keeps the language chosen above */
				continue;
			}
			cfe__push(&args, &nargs, ent->args[i]);
		}
	} else {
		cfe__push(&args, &nargs, cxx ? "-std=gnu++17" : "-std=gnu17");
	}
	cfe__push(&args, &nargs, "-ferror-limit=0");
	cfe__push(&args, &nargs, "-fno-spell-checking");
	cfe__push(&args, &nargs, "-w");
	/* Without a compilation database the project's include paths and macros are unknown, so
	 * the installed headers are more likely to mislead than to help, and they cost about 75 ms
	 * a file; the shims and the token fallback find the same cases (tests/c/recall.sh). */
	bool system_headers = st->cfg.system_headers == SYSTEM_HEADERS_ALWAYS ||
			      (st->cfg.system_headers == SYSTEM_HEADERS_AUTO && ent);
	if (!system_headers) {
		cfe__push(&args, &nargs, "-nostdinc");
		cfe__push(&args, &nargs, "-nobuiltininc");
		if (cxx)
			cfe__push(&args, &nargs, "-nostdinc++");
	}
	if (!st->cfg.no_shims) {
		cfe__push(&args, &nargs, "-idirafter");
		cfe__push(&args, &nargs, CLANG_SHIM_DIR);
	}

	if (!w->server && !w->unavailable) {
		w->server = c_server_start((const c_rule *const *)st->rules, st->nrules,
					   st->cfg.no_fallback, w->unavailable_why,
					   sizeof(w->unavailable_why));
		w->unavailable = !w->server;
	}
	c_parse_status rc = C_PARSE_NO_LIBCLANG;
	if (w->server) {
		c_hits hits = { 0 };
		rc = c_server_parse(w->server, abs, args, nargs, !st->cfg.no_shims, ctx->src->text,
				    ctx->src->len, w->timeout_ms, &hits, why, whylen);
		if (rc == C_PARSE_OK)
			c_hits_emit(&hits, ctx);
		c_hits_release(&hits);
		if (rc == C_PARSE_CRASHED) {
			c_server_stop(w->server); /* the next file starts another */
			w->server = NULL;
		}
	} else {
		snprintf(why, whylen, "%s", w->unavailable_why);
	}
	free(args);
	if (rc == C_PARSE_OK)
		return 0;
	/* libclang failed on this file: its notification says how, and the token pass still
	 * reads it, so its findings are not lost with the parse. */
	cfe__fallback_only(st, ctx, cxx);
	if (!st->cfg.no_fallback) {
		size_t n = strlen(why);
		snprintf(why + n, whylen - n, "; only the token fallback read it");
	}
	return -1;
}

const frontend clang_frontend = {
	.name = "libclang",
	.prepare = cfe__prepare,
	.release = cfe__release,
	.worker_new = cfe__worker_new,
	.worker_free = cfe__worker_free,
	.analyze = cfe__analyze,
	.configure = cfe__configure,
};
