/* c_server.h: libclang in a parser process of its own, so a file that crashes it costs one
 * file, not the scan.
 *
 * libclang is third-party code that a scanned file can crash: 5,000 nested unary operators
 * overflow the stack of its recursive-descent parser, and no signal handler can recover from
 * that inside the process. So tlslint never calls libclang itself: each scanning thread that
 * meets a C or C++ file starts a parser process (this same program, re-executed with
 * C_SERVER_ARG, so it inherits no lock, thread or heap of the scan) and talks to it over a
 * socket pair with a small binary protocol:
 *
 *   hello    scanner -> parser: the C rules (id, path, first line, pattern) and settings
 *   ready    parser -> scanner: libclang is loaded (or why it cannot be)
 *   request  scanner -> parser: the file's absolute path, the compiler flags, its text
 *   reply    parser -> scanner: a status, and the findings (rule, range, versions, related
 *            locations, fix or the reason for none) as one length-prefixed payload whose
 *            decoding checks every count and range (lang/c/c_wire.h)
 *
 * Every integer is a 32- or 64-bit value in the machine's byte order (both ends are the same
 * binary); a string is its 32-bit length and its bytes. When the parser process dies (a
 * signal, an exit), breaks the protocol or takes longer than the per-file time limit, the
 * scanner kills and reaps it, says so in the file's notification, and starts another for the
 * next file; the file itself is read by the token fallback (lang/c/c_lex.h). */
#ifndef TLSLINT_C_SERVER_H
#define TLSLINT_C_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "lang/c/c_match.h"
#include "lang/c/c_rules.h"

/* How parsing one file went (here and in lang/c/c_parse.h). */
typedef enum c_parse_status {
	C_PARSE_OK = 0,
	C_PARSE_FAILED = -1,  /* libclang could not parse the file; it is still usable */
	C_PARSE_CRASHED = -2, /* libclang crashed or ran out of time: its process is gone */
	C_PARSE_NO_LIBCLANG = -3, /* libclang cannot be loaded, or its process cannot start */
} c_parse_status;


/* The hidden argument that makes tlslint a parser process: `tlslint --libclang-server`,
 * with the socket on file descriptor 3. */
#define C_SERVER_ARG "--libclang-server"

typedef struct c_server c_server;

/* Starts a parser process for `rules` (kept by pointer: they outlive the process). Returns
 * NULL with `why` when it cannot start or libclang cannot be loaded in it. */
c_server *c_server_start(const c_rule *const *rules, size_t nrules, bool no_fallback,
			 char *why, size_t whylen);
/* Has the process parse one file (c_parser_run()) within `timeout_ms` (0: no limit), adding
 * its findings to `out` with the caller's rule pointers. On C_PARSE_CRASHED the process is
 * gone: stop it (c_server_stop) and start another for the next file. */
c_parse_status c_server_parse(c_server *s, const char *abs, const char *const *args,
			      size_t nargs, bool shims, const char *text, size_t len,
			      unsigned timeout_ms, c_hits *out, char *why, size_t whylen);
/* Kills the process (it holds nothing worth saving), reaps it and frees `s`. */
void c_server_stop(c_server *s);

/* The parser process's main loop, on file descriptor 3; returns its exit status. */
int c_server_main(void);

#endif
