/* clang_frontend.c: C and C++ through libclang, loaded on first use.
 *
 * Each scanned file is parsed as its own translation unit and only findings located in it are
 * reported, so a header shared by many sources is analysed once, as itself, and a macro is
 * reported where it is used, never in the header that defines it. Flags come from the
 * compilation database (sanitized, see clang/compdb.h); a header in no entry takes a
 * neighbour's. When headers are missing, the declaration shims (clang/shims.h) stand in for
 * the TLS APIs, and the token fallback (clang/c_fallback.c) reads the calls clang still drops.
 * The file's text as tlslint decoded it is handed to libclang, so offsets agree with emit.h. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lang/c/c_analyze.h"
#include "lang/c/compdb.h"
#include "lang/c/libclang.h"
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
	struct CXUnsavedFile *unsaved; /* [0] is the scanned file, then the shims */
	size_t nunsaved;
};

struct cfe_worker {
	const libclang_api *lc;
	CXIndex index;
	struct CXUnsavedFile *unsaved; /* this thread's copy of the state's table */
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
	st->nunsaved = 1 + clang_shims_count;
	st->unsaved = xcalloc(st->nunsaved, sizeof(*st->unsaved));
	for (size_t i = 0; i < clang_shims_count; i++) {
		st->unsaved[i + 1].Filename = xasprintf("%s/%s", CLANG_SHIM_DIR, clang_shims[i].path);
		st->unsaved[i + 1].Contents = clang_shims[i].text;
		st->unsaved[i + 1].Length = (unsigned long)clang_shims[i].size;
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
	for (size_t i = 1; i < st->nunsaved; i++)
		free((char *)st->unsaved[i].Filename);
	free(st->unsaved);
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
	(void)timeout_ms; /* libclang cannot be interrupted; files are bounded by size instead */
	struct cfe_worker *w = xcalloc(1, sizeof(*w));
	w->lc = libclang_get();
	if (w->lc)
		w->index = w->lc->createIndex(0, 0);
	return w;
}

static void cfe__worker_free(void *worker)
{
	struct cfe_worker *w = worker;
	if (w->lc && w->index)
		w->lc->disposeIndex(w->index);
	free(w->unsaved);
	free(w);
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
	*args = xreallocarray(*args, *n + 1, sizeof(char *));
	(*args)[(*n)++] = a;
}

static int cfe__analyze(const void *state, void *worker, const file_ctx *ctx, char *why,
			size_t whylen)
{
	const struct cfe_state *st = state;
	struct cfe_worker *w = worker;
	if (!w->lc) {
		snprintf(why, whylen, "%s", libclang_error());
		return -1;
	}
	if (!w->index) {
		snprintf(why, whylen, "libclang could not create an index");
		return -1;
	}
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

	if (!w->unsaved)
		w->unsaved = xcalloc(st->nunsaved, sizeof(*w->unsaved));
	memcpy(w->unsaved, st->unsaved, st->nunsaved * sizeof(*w->unsaved));
	w->unsaved[0].Filename = abs;
	w->unsaved[0].Contents = ctx->src->text;
	w->unsaved[0].Length = (unsigned long)ctx->src->len;
	unsigned nunsaved = st->cfg.no_shims ? 1 : (unsigned)st->nunsaved;

	CXTranslationUnit tu = NULL;
	enum CXErrorCode rc = w->lc->parseTranslationUnit2(
		w->index, abs, args, (int)nargs, w->unsaved, nunsaved,
		CXTranslationUnit_KeepGoing, &tu);
	free(args);
	if (rc != CXError_Success || !tu) {
		snprintf(why, whylen, "libclang could not parse the file (error %d)", (int)rc);
		return -1;
	}
	c_unit u = { .lc = w->lc, .tu = tu, .rules = (const c_rule *const *)st->rules,
		     .nrules = st->nrules, .no_fallback = st->cfg.no_fallback };
	u.toks.text = ctx->src->text;
	u.main = w->lc->getFile(tu, abs);
	if (u.main) {
		c_unit_tokenize(&u, ctx->src->len);
		c_ast_run(&u);
		if (!u.no_fallback)
			c_fallback_run(&u);
		c_hits_emit(&u.hits, ctx);
	}
	c_unit_release(&u);
	w->lc->disposeTranslationUnit(tu);
	return 0;
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
