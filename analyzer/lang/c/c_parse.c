/* c_parse.c: parsing one file with libclang and running the AST and token passes on it. */
#include "c_parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/c/c_analyze.h"
#include "lang/c/c_fix.h"
#include "lang/c/shims.h"
#include "util/alloc.h"

c_parse_status c_parser_init(c_parser *p, const c_rule *const *rules, size_t nrules,
			     bool no_fallback, char *why, size_t whylen)
{
	memset(p, 0, sizeof(*p));
	p->rules = rules;
	p->nrules = nrules;
	p->no_fallback = no_fallback;
	p->lc = libclang_get();
	if (!p->lc) {
		snprintf(why, whylen, "%s", libclang_error());
		return C_PARSE_NO_LIBCLANG;
	}
	p->index = p->lc->createIndex(0, 0);
	if (!p->index) {
		snprintf(why, whylen, "libclang could not create an index");
		return C_PARSE_NO_LIBCLANG;
	}
	p->nunsaved = 1 + clang_shims_count;
	p->unsaved = xcalloc(p->nunsaved, sizeof(*p->unsaved));
	for (size_t i = 0; i < clang_shims_count; i++) {
		p->unsaved[i + 1].Filename = xasprintf("%s/%s", CLANG_SHIM_DIR, clang_shims[i].path);
		p->unsaved[i + 1].Contents = clang_shims[i].text;
		p->unsaved[i + 1].Length = (unsigned long)clang_shims[i].size;
	}
	return C_PARSE_OK;
}

/* Whether clang reads the file as C++: the last `-x` of its arguments says (the front end
 * always passes one). */
static bool c_parser__cxx(const char *const *args, size_t nargs)
{
	bool cxx = false;
	for (size_t i = 0; i + 1 < nargs; i++)
		if (strcmp(args[i], "-x") == 0)
			cxx = strncmp(args[i + 1], "c++", 3) == 0;
	return cxx;
}

c_parse_status c_parser_run(c_parser *p, const char *abs, const char *const *args, size_t nargs,
			    bool shims, const char *text, size_t len, c_hits *out, char *why,
			    size_t whylen)
{
	p->unsaved[0].Filename = abs;
	p->unsaved[0].Contents = text;
	p->unsaved[0].Length = (unsigned long)len;
	CXTranslationUnit tu = NULL;
	enum CXErrorCode rc = p->lc->parseTranslationUnit2(
		p->index, abs, args, (int)nargs, p->unsaved, shims ? (unsigned)p->nunsaved : 1,
		CXTranslationUnit_KeepGoing, &tu);
	if (rc == CXError_Crashed) {
		snprintf(why, whylen, "libclang crashed while parsing the file (its crash recovery "
				      "caught it)");
		return C_PARSE_CRASHED;
	}
	if (rc != CXError_Success || !tu) {
		snprintf(why, whylen, "libclang could not parse the file (error %d)", (int)rc);
		return C_PARSE_FAILED;
	}
	c_unit u = { .lc = p->lc, .tu = tu, .rules = p->rules, .nrules = p->nrules,
		     .no_fallback = p->no_fallback };
	u.toks.text = text;
	u.main = p->lc->getFile(tu, abs);
	if (u.main) {
		c_unit_tokenize(&u, len, c_parser__cxx(args, nargs));
		c_ast_run(&u);
		if (!u.no_fallback)
			c_fallback_run(&u);
		c_anywhere_run(&u);
		c_fix_hits(&u.hits, &u.toks);
		c_hits_take(out, &u.hits);
	}
	c_unit_release(&u);
	p->lc->disposeTranslationUnit(tu);
	return C_PARSE_OK;
}

void c_parser_release(c_parser *p)
{
	if (p->lc && p->index)
		p->lc->disposeIndex(p->index);
	for (size_t i = 1; i < p->nunsaved; i++)
		free((char *)p->unsaved[i].Filename);
	free(p->unsaved);
	memset(p, 0, sizeof(*p));
}
