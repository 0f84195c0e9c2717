/* evaluator.h: the per-language layer that turns a captured expression into a value.
 *
 * "Values, not spellings": a rule captures an expression and names the type it holds; the
 * language's evaluator resolves enum members, numbers, casts, bitwise and arithmetic operators,
 * constants and imports to a number, and the type table says which protocol versions that
 * number enables. An evaluator answers "unknown" rather than guess: unknown is silent. */
#ifndef TLSLINT_EVALUATOR_H
#define TLSLINT_EVALUATOR_H

#include <stdbool.h>
#include <tree_sitter/api.h>

#include "source/source_file.h"
#include "util/strbuf.h"
#include "values/value_types.h"
#include "core/language.h"

typedef struct eval_result {
	long long value;
	/* The bits of `value` spelled by name (an enum member, a PowerShell string form such as
	 * 'Tls11'); the others were spelled with numbers. Rules use it to tell
	 * `SecurityProtocolType.Tls` from `(SecurityProtocolType)192` (rule key `spelling`). */
	long long named;
	version_set versions;
} eval_result;

typedef struct eval_ctx {
	const source_file *src;
	TSNode root;
	language lang;
	unsigned depth; /* recursion guard */
	/* Per-file state the evaluator may keep between evaluations (tables of a file's names):
	 * *state is NULL when a file starts and is passed to release_state when it ends. NULL
	 * when the caller keeps no state: the evaluator then works without. */
	void **state;
} eval_ctx;

typedef struct value_evaluator {
	language lang;
	/* Evaluates `node` as a value of `type`; false when the value cannot be known. */
	bool (*eval)(eval_ctx *ctx, TSNode node, const value_type *type, eval_result *out);
	/* Appends the string constant `node` evaluates to (literals, concatenation, constants of
	 * the file) to `out`; false when it cannot be known. NULL when the language has none. */
	bool (*eval_string)(eval_ctx *ctx, TSNode node, strbuf *out);
	/* Frees what eval or eval_string left in *ctx->state; NULL for evaluators that keep
	 * none. */
	void (*release_state)(void *state);
} value_evaluator;

/* The evaluator for `lang`, or NULL. */
const value_evaluator *evaluator_for(language lang);

/* Helpers for evaluators. */
/* The text of `node`; not NUL-terminated. */
const char *eval_node_text(const eval_ctx *ctx, TSNode node, size_t *len);
/* True when the node's text equals `s` (or the `len` bytes at `s`). */
bool eval_node_is(const eval_ctx *ctx, TSNode node, const char *s);
bool eval_node_is_n(const eval_ctx *ctx, TSNode node, const char *s, size_t len);
/* The named children of `node` in a new array (free() it; NULL when there are none), their
 * number in `*n`. Linear, where ts_node_named_child(node, i) in a loop is quadratic. */
TSNode *eval_named_children(TSNode node, uint32_t *n);
/* Appends a string to a value being evaluated, keeping it under EVAL_MAX_STRING bytes;
 * false when it would grow beyond (an unknown value, never a truncated one). */
#define EVAL_MAX_STRING 4096
bool eval_string_add(strbuf *out, const char *s, size_t len);
/* Parses a C-family integer literal (decimal, 0x hex, 0b binary; suffixes and '_' ignored). */
bool eval_parse_integer(const char *s, size_t len, long long *out);

#endif
