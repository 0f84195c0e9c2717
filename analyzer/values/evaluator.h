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

#include "rules/finding.h"
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
	/* Said in the message where its template has {detail}: " (key: computed)" for a
	 * registry write whose key is not known. A static string, or NULL. */
	const char *detail;
	/* The captured expression was a name (a local, a field, a constant) followed to the one
	 * initialiser it holds: bytes [origin_start, origin_end) of the file are that value's
	 * own code, where the finding is reported (the name's use is its sink). */
	bool followed;
	uint32_t origin_start, origin_end;
	/* The value came through a constant of another file (C#'s scan-wide index): its
	 * initialiser there, for a related location. NULL when not. */
	const char *defined_uri;
	region defined_at;
} eval_result;

struct index_lookups;

typedef struct eval_ctx {
	const source_file *src;
	TSNode root;
	language lang;
	unsigned depth; /* recursion guard */
	bool numeric;   /* C#: under a cast to the value's type, casts to other enums pass through */
	/* The node that is the whole value so far: a name it is, once followed to its
	 * initialiser, makes that initialiser the whole value (eval_result.followed). */
	TSNode whole;
	bool followed;
	uint32_t origin_start, origin_end;
	/* The evaluator's scan-wide index (C#: the constants of every file,
	 * lang/csharp/csharp_constants.h), or NULL. While the scan still fills it (not sealed),
	 * a lookup fails and is logged in `lookups` (NULL: not logged). */
	const void *scan_index;
	struct index_lookups *lookups;
	const char *defined_uri; /* the last constant found there (eval_result.defined_uri) */
	region defined_at;
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
	/* Optional (all NULL when the language needs none): an index of the whole scan, names
	 * defined in one file and used in another, filled from the trees the scan parses anyway.
	 * The scanner makes it empty (scan_index_new, for files of at most `max_file_size`
	 * bytes); the front end hands it each file's tree (scan_index_record, from any worker at
	 * once); when every file has been analysed the scanner seals it (scan_index_seal). A
	 * lookup before that fails and is logged as a key (eval_ctx.lookups); afterwards the
	 * scanner analyses again only the files with a logged key that the sealed index answers
	 * (scan_index_answers), so the findings are those of an index built first. */
	void *(*scan_index_new)(size_t max_file_size);
	void (*scan_index_record)(void *index, const char *uri, const source_file *src,
				  TSNode root);
	void (*scan_index_seal)(void *index);
	bool (*scan_index_answers)(const void *index, const char *key);
	void (*scan_index_free)(void *index);
	/* For `keywords-here` (scan/scanner.c): whether the file adds to the index (it must be
	 * analysed in the first round), and whether the sealed index holds a name the text
	 * spells (a file that spells none cannot resolve a name there). */
	bool (*scan_index_reads)(const source_file *src);
	bool (*scan_index_mentioned)(const void *index, const char *text, size_t len);
} value_evaluator;

/* Keys of the lookups a file made in an index that was not sealed yet: distinct, owned. A
 * file that makes more than INDEX_LOOKUPS_MAX is analysed again in any case (`overflow`). */
#define INDEX_LOOKUPS_MAX 1024
typedef struct index_lookups {
	char **keys;
	size_t len, cap;
	bool overflow;
	bool deferred; /* not analysed: a `keywords-here` file, for the second round */
} index_lookups;

/* Adds `key` (taken) unless it is there already. */
void index_lookups_add(index_lookups *l, char *key);
void index_lookups_release(index_lookups *l);

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
/* The binary operators evaluators fold; each language maps its spelling (`|`, `-bor`) to one. */
typedef enum eval_op { EVAL_OP_NONE = 0, EVAL_OP_OR, EVAL_OP_ADD, EVAL_OP_AND, EVAL_OP_XOR } eval_op;
/* Folds `a op b` into `out` (value and named bits; not versions), the same way for every
 * language. `ka`/`kb` say whether each side is known. With `partial_or`, an OR with one
 * unknown side is what the known side names (`SecurityProtocol | Tls11` enables at least
 * Tls11); every other operator needs both sides. False when the value cannot be known
 * (EVAL_OP_NONE: an operator the language's values do not use). */
bool eval_fold_binary(eval_op op, bool partial_or, eval_result a, bool ka, eval_result b, bool kb,
		      eval_result *out);
/* Following names to their values (eval_result.followed): _start at the evaluation's top,
 * _follow(ctx, node, next, name) where `node` evaluates to just `next` (`name`: a name to its
 * initialiser, which records the origin; else a parenthesis to its content), _result at the
 * end. Steps from a node that is not the whole value so far (an operand) change nothing. */
void eval_follow_start(eval_ctx *ctx, TSNode node);
void eval_follow(eval_ctx *ctx, TSNode node, TSNode next, bool name);
void eval_follow_result(const eval_ctx *ctx, eval_result *out);
/* Parses a C-family integer literal (decimal, 0x hex, 0b binary; suffixes and '_' ignored). */
bool eval_parse_integer(const char *s, size_t len, long long *out);

#endif
