/* msbuild_compare.h: the plain-project reader (lang/dotnet/msbuild_reader.h) against
 * tree-sitter-xml, for tests/unit and tests/fuzz/fuzz_msbuild.c.
 *
 * When the reader accepts a document, tree-sitter-xml must parse it without an error, and
 * the elements the MSBuild checks walk (through element and content nodes) must be the
 * reader's: the same names in the same order, each with the same CharData runs. */
#ifndef TLSLINT_MSBUILD_COMPARE_H
#define TLSLINT_MSBUILD_COMPARE_H

#include <stdbool.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "lang/dotnet/msbuild_reader.h"

const TSLanguage *tree_sitter_xml(void);

struct msbuild_compare {
	const msbuild_doc *doc;
	size_t next;   /* the reader's element to compare the tree's next one with */
	bool differs;
};

static bool msbuild_compare__every(const char *name, size_t len)
{
	(void)name;
	(void)len;
	return true;
}

static void msbuild_compare__element(struct msbuild_compare *c, TSNode element)
{
	TSNode tag = ts_node_named_child(element, 0);
	TSNode name = ts_node_named_child(tag, 0);
	if (c->next >= c->doc->nelements) {
		c->differs = true;
		return;
	}
	const msbuild_element *e = &c->doc->elements[c->next++];
	if (ts_node_is_null(name) || ts_node_start_byte(name) != e->name.start ||
	    ts_node_end_byte(name) != e->name.end)
		c->differs = true;
	size_t run = e->first_run;
	TSNode content = ts_node_named_child(element, 1);
	if (!ts_node_is_null(content) && strcmp(ts_node_type(content), "content") == 0) {
		for (uint32_t i = 0; i < ts_node_named_child_count(content); i++) {
			TSNode k = ts_node_named_child(content, i);
			if (strcmp(ts_node_type(k), "CharData") != 0)
				continue;
			if (run == MSBUILD_NO_RUN || c->doc->runs[run].start != ts_node_start_byte(k) ||
			    c->doc->runs[run].end != ts_node_end_byte(k)) {
				c->differs = true;
				return;
			}
			run = c->doc->runs[run].next;
		}
	}
	if (run != MSBUILD_NO_RUN)
		c->differs = true;
}

static void msbuild_compare__walk(struct msbuild_compare *c, TSNode node, unsigned depth)
{
	if (depth > 2 * MSBUILD_READER_MAX_DEPTH + 2) {
		c->differs = true;
		return;
	}
	for (uint32_t i = 0; i < ts_node_named_child_count(node) && !c->differs; i++) {
		TSNode k = ts_node_named_child(node, i);
		const char *type = ts_node_type(k);
		if (strcmp(type, "element") == 0)
			msbuild_compare__element(c, k);
		if (strcmp(type, "element") == 0 || strcmp(type, "content") == 0)
			msbuild_compare__walk(c, k, depth + 1);
	}
}

/* 1 when the reader refuses the text, 0 when it accepts it and agrees with the tree, -1
 * when it accepts it and disagrees. */
static inline int msbuild_compare(TSParser *parser, const char *text, size_t len)
{
	msbuild_doc doc;
	if (!msbuild_read(text, len, msbuild_compare__every, &doc))
		return 1;
	if (!ts_parser_set_language(parser, tree_sitter_xml())) {
		msbuild_doc_release(&doc);
		return -1;
	}
	TSTree *tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
	struct msbuild_compare c = { &doc, 0, false };
	TSNode root = ts_tree_root_node(tree);
	if (ts_node_has_error(root))
		c.differs = true;
	else
		msbuild_compare__walk(&c, root, 0);
	if (c.next != doc.nelements)
		c.differs = true;
	ts_tree_delete(tree);
	msbuild_doc_release(&doc);
	return c.differs ? -1 : 0;
}

#endif
