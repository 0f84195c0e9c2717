/* yaml_doc.h: a small document tree (mappings, sequences, scalars with their tags) built from
 * a tree-sitter-yaml or tree-sitter-json tree, so that CloudFormation's checks read YAML and
 * JSON templates alike; and the checks of the YAML front end's languages. */
#ifndef TLSLINT_YAML_DOC_H
#define TLSLINT_YAML_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "engine/emit.h"
#include "rules/rule.h"

typedef enum ydoc_kind { YDOC_NONE, YDOC_SCALAR, YDOC_MAP, YDOC_SEQ } ydoc_kind;

typedef struct ydoc {
	ydoc_kind kind;
	uint32_t start, end;       /* the node's bytes in the file */
	uint32_t cstart, cend;     /* a scalar's content (without quotes or block header) */
	const char *tag;           /* "!Ref", "!If", ... (into the file's text); NULL: none */
	size_t taglen;
	char *s;                   /* a scalar's value (newly allocated, NUL-ended) */
	size_t len;
	/* Children: a mapping's keys and values alternate (key, value, key, value, ...; a value
	 * may be a YDOC_NONE node); a sequence's items in order. */
	struct ydoc **kids;
	size_t nkids;
} ydoc;

/* The documents of a tree-sitter-yaml `stream` or tree-sitter-json `document` (`json`), newly
 * allocated (free each with ydoc_free); returns how many (at most `max`). */
size_t ydoc_build(ydoc **out, size_t max, TSNode root, const char *text, bool json);
void ydoc_free(ydoc *d);

/* The value under `key` of mapping `map`, or NULL. */
const ydoc *ydoc_get(const ydoc *map, const char *key);
/* True when `d` is a scalar equal to `s`. */
bool ydoc_is(const ydoc *d, const char *s);
/* True when `d` is a scalar written in place as its value: plain or quoted (YAML or JSON),
 * on one line, without escapes, so that a fix may replace bytes [cstart, cend) of `text`
 * (a block scalar, `|` or `>`, is not). */
bool ydoc_literal_in_place(const ydoc *d, const char *text);

/* What the YAML front end's checks need of one file. */
typedef struct yaml_rules {
	const rule *sh;   /* LT-SH-001 */
	const rule *jvm;  /* LT-JVM-001 */
	const rule *cfn;  /* LT-CFN-001 */
	const rule *k8s;  /* LT-K8S-001 */
} yaml_rules;

/* LT-CFN-001 over one template document. */
void cfn_check(const file_ctx *ctx, const ydoc *doc, const rule *cfn);
/* LT-K8S-001 over one manifest document. */
void k8s_check(const file_ctx *ctx, const ydoc *doc, const rule *k8s);

#endif
