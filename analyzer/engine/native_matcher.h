/* native_matcher.h: a rule's pattern answered by C code instead of a compiled query.
 *
 * Compiling a tree-sitter query analyses every pattern against the grammar's parse tables;
 * for the value positions of C# (LT-CS-001/002/003: some twenty patterns over the places a
 * value can be written) that costs about 40 ms, most of the time of a one-file scan. A rule
 * whose header says `matcher: NAME` keeps its .scm patterns as the reference, and its
 * language's matcher of that name (language_def.matchers) produces the same matches by walking
 * the tree: TSQueryMatch values whose capture indexes are positions in `captures`.
 *
 * `TLSLINT_NO_NATIVE_MATCHERS=1` in the environment compiles the patterns instead;
 * tests/cli/speed.sh checks that every fixture's findings are the same both ways. */
#ifndef TLSLINT_NATIVE_MATCHER_H
#define TLSLINT_NATIVE_MATCHER_H
#include <stdbool.h>
#include <tree_sitter/api.h>

/* The named nodes of one tree in document order, kept by the first walk of that tree so that
 * the walks of the other matchers read an array instead of moving a tree cursor again. */
typedef struct ts_native_nodes {
	TSNode root;    /* the tree they are of (the walk of another root does not use them) */
	TSNode *nodes;
	size_t len, cap;
	bool complete;  /* a walk reached the end of the tree (one stopped early keeps none) */
} ts_native_nodes;

typedef struct ts_native_sink {
	/* One match; false stops the walk (the file's deadline has passed). */
	bool (*match)(void *arg, const TSQueryMatch *m);
	/* Called every few thousand nodes; false stops the walk. */
	bool (*progress)(void *arg);
	void *arg;
	ts_native_nodes *nodes; /* shared by the walks of one tree, or NULL */
} ts_native_sink;

typedef struct ts_native_matcher {
	const char *name;             /* in rule headers' `matcher:` */
	/* ts_pattern_digest() of the patterns the code answers: a rule whose pattern differs (a
	 * user's edited copy, or the .scm edited without the C code) compiles its pattern. */
	unsigned long long digest;
	const char *const *captures;  /* NULL-ended; a match's capture index is a position here */
	/* Every match of the patterns in the tree under `root` of a file whose text is `text`,
	 * with the cheap predicates applied (a callee's name). */
	void (*run)(TSNode root, const char *text, const ts_native_sink *out);
	/* The costly predicates of the match's pattern (#not-in-rejection-test?), asked only for
	 * matches whose value is worth reporting. */
	bool (*holds)(const TSQueryMatch *m, const char *text);
} ts_native_matcher;

/* Calls `visit` on every named node under `root`, in document order, until it returns false
 * or `out->progress` does (asked every 4096 nodes). The first walk of a tree moves a tree
 * cursor and keeps the nodes in `out->nodes`; the next walks of that tree read them. */
void ts_native_walk(TSNode root, bool (*visit)(void *arg, TSNode n), void *arg,
		    const ts_native_sink *out);
void ts_native_nodes_release(ts_native_nodes *n);
/* The node of capture `index` (a position in the matcher's `captures`) of `m`; false when the
 * match has none. */
bool ts_native_capture(const TSQueryMatch *m, uint32_t index, TSNode *out);

/* The grammar's symbol of the named node type `name`, 0 when it has none (a matcher compares
 * ts_node_symbol() with it rather than type names). */
TSSymbol ts_native_symbol(const TSLanguage *lang, const char *name);
/* Whether the text of `n` is exactly `s` (a query's #eq? on a capture). */
bool ts_native_text_is(const char *text, TSNode n, const char *s);

/* A digest of a rule's pattern that ignores whitespace and `;` comments. */
unsigned long long ts_pattern_digest(const char *pattern);

/* False when TLSLINT_NO_NATIVE_MATCHERS=1: rules with a matcher compile their patterns. */
bool ts_native_matchers_enabled(void);

#endif
