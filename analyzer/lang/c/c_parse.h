/* c_parse.h: one file through libclang: parse, then the AST and token passes.
 *
 * This runs inside the parser process (clang/c_server.h), never in the scanning process: a
 * file that crashes libclang (a stack overflow in its recursive parser) then costs that
 * process, not the scan. The caller chooses the compiler flags; the declaration shims are
 * handed to libclang as unsaved files. Findings come back as hits (c_match.h). */
#ifndef TLSLINT_C_PARSE_H
#define TLSLINT_C_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "lang/c/c_match.h"
#include "lang/c/c_rules.h"
#include "lang/c/c_server.h"
#include "lang/c/libclang.h"

typedef struct c_parser {
	const libclang_api *lc;
	CXIndex index;
	struct CXUnsavedFile *unsaved; /* [0] is the scanned file, then the shims */
	size_t nunsaved;
	const c_rule *const *rules;    /* not owned */
	size_t nrules;
	bool no_fallback;
} c_parser;

/* Loads libclang and creates an index. Returns C_PARSE_OK or C_PARSE_NO_LIBCLANG with `why`. */
c_parse_status c_parser_init(c_parser *p, const c_rule *const *rules, size_t nrules,
			     bool no_fallback, char *why, size_t whylen);
/* Parses `len` bytes of `text` as the file `abs` with `args`, with or without the shims, and
 * appends its findings to `out`. Returns C_PARSE_OK, C_PARSE_FAILED or, when libclang's crash
 * recovery caught a crash, C_PARSE_CRASHED; `why` says what happened. */
c_parse_status c_parser_run(c_parser *p, const char *abs, const char *const *args, size_t nargs,
			    bool shims, const char *text, size_t len, c_hits *out, char *why,
			    size_t whylen);
void c_parser_release(c_parser *p);

#endif
