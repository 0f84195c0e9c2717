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

struct cfe_state {
	language lang;
	c_rule **rules;
	size_t nrules;
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
	*state = st;
	return 0;
}

static void cfe__release(void *state)
{
	struct cfe_state *st = state;
	for (size_t k = 0; k < st->nrules; k++) {
		c_rule_release(st->rules[k]);
		free(st->rules[k]);
	}
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
