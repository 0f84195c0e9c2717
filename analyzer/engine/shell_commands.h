/* shell_commands.h: LT-SH-001 and the `-D` options of LT-JVM-001 over a tree-sitter-bash tree.
 *
 * Shell scripts are parsed whole; Dockerfile RUN/ENV instructions, Makefile recipes and CI
 * YAML `run:` steps are parsed as shell from a copy of the file in which everything else is
 * blanked (same length, newlines kept), so that byte offsets stay the file's. Only real
 * command lines count: the same text in a comment, a string, a here-document or the arguments
 * of `echo`/`printf` is silent. */
#ifndef TLSLINT_SHELL_COMMANDS_H
#define TLSLINT_SHELL_COMMANDS_H

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "engine/emit.h"
#include "engine/query_rules.h"
#include "rules/rule.h"

/* Parses `len` bytes of `text` with `grammar` on the worker's parser, within its timeout.
 * Returns the tree (the caller frees it with ts_tree_delete) or NULL; *timed_out says why. */
TSTree *ts_parse_text(ts_worker *w, const TSLanguage *grammar, const char *text, uint32_t len,
		      bool *timed_out);

/* Checks every command and assignment under `root` (a bash tree of `text`, which has the
 * file's length): curl, wget and node TLS flags for `sh` (may be NULL), `-Dkey=value` Java
 * TLS properties and JAVA_OPTS-style assignments for `jvm` (may be NULL). */
void shell_commands_check(const file_ctx *ctx, TSNode root, const char *text, const rule *sh,
			  const rule *jvm);

/* `-Dkey=value` Java TLS properties in `len` bytes at offset `start` of the file (`text` is
 * the file's or a copy of the same length), reported for `jvm`. */
void shell_jvm_options(const file_ctx *ctx, const char *text, size_t start, size_t len,
		       const rule *jvm);

/* The bash grammar (for front ends that parse embedded command lines). */
const TSLanguage *shell_grammar(void);

#endif
