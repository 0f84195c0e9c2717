/* yaml_doc.c: document trees from tree-sitter-yaml and tree-sitter-json trees
 * (lang/yaml/yaml_doc.h), and the sniff hooks (lang/yaml/yaml_sniff.h). */
#include "lang/yaml/yaml_doc.h"

#include <string.h>

#include "engine/ts_field.h"
#include "lang/yaml/yaml_sniff.h"
#include "util/alloc.h"

#define YDOC_MAX_DEPTH 64
#define YDOC_SNIFF_BYTES 65536

static bool yd__is(TSNode n, const char *type)
{
	return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0;
}

static ydoc *yd__new(ydoc_kind kind, TSNode n)
{
	ydoc *d = xcalloc(1, sizeof(*d));
	d->kind = kind;
	if (!ts_node_is_null(n)) {
		d->start = d->cstart = ts_node_start_byte(n);
		d->end = d->cend = ts_node_end_byte(n);
	}
	return d;
}

static void yd__add(ydoc *parent, ydoc *kid)
{
	parent->kids = xreallocarray(parent->kids, parent->nkids + 1, sizeof(*parent->kids));
	parent->kids[parent->nkids++] = kid;
}

static void yd__set(ydoc *d, const char *s, size_t len)
{
	d->s = xmalloc(len + 1);
	memcpy(d->s, s, len);
	d->s[len] = '\0';
	d->len = len;
}

/* A quoted scalar's value: the content, with '' (single) or \x (double) undone. */
static void yd__quoted(ydoc *d, const char *text, bool single)
{
	if (d->cend - d->cstart >= 2) {
		d->cstart++;
		d->cend--;
	}
	const char *s = text + d->cstart;
	size_t len = d->cend - d->cstart, n = 0;
	d->s = xmalloc(len + 1);
	for (size_t i = 0; i < len; i++) {
		if (single && s[i] == '\'' && i + 1 < len && s[i + 1] == '\'')
			i++;
		else if (!single && s[i] == '\\' && i + 1 < len)
			i++;
		d->s[n++] = s[i];
	}
	d->s[n] = '\0';
	d->len = n;
}

static ydoc *yd__yaml(TSNode n, const char *text, int depth);

static ydoc *yd__yaml_content(TSNode n, const char *text, int depth)
{
	const char *type = ts_node_type(n);
	ydoc *d;
	if (strcmp(type, "block_mapping") == 0 || strcmp(type, "flow_mapping") == 0) {
		d = yd__new(YDOC_MAP, n);
		for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
			TSNode p = ts_node_named_child(n, i);
			TSNode k, v = { 0 };
			if (yd__is(p, "block_mapping_pair") || yd__is(p, "flow_pair")) {
				k = ts_field_child(p, "key", 3);
				v = ts_field_child(p, "value", 5);
			} else if (yd__is(p, "flow_node")) {
				k = p;
			} else {
				continue;
			}
			yd__add(d, ts_node_is_null(k) ? yd__new(YDOC_NONE, p)
						      : yd__yaml(k, text, depth + 1));
			yd__add(d, ts_node_is_null(v) ? yd__new(YDOC_NONE, p)
						      : yd__yaml(v, text, depth + 1));
		}
	} else if (strcmp(type, "block_sequence") == 0 || strcmp(type, "flow_sequence") == 0) {
		d = yd__new(YDOC_SEQ, n);
		for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
			TSNode c = ts_node_named_child(n, i);
			if (yd__is(c, "block_sequence_item"))
				c = ts_node_named_child_count(c) ? ts_node_named_child(c, 0)
								 : (TSNode){ 0 };
			if (yd__is(c, "comment"))
				continue;
			yd__add(d, ts_node_is_null(c) ? yd__new(YDOC_NONE, n)
						      : yd__yaml(c, text, depth + 1));
		}
	} else if (strcmp(type, "plain_scalar") == 0) {
		d = yd__new(YDOC_SCALAR, n);
		yd__set(d, text + d->cstart, d->cend - d->cstart);
	} else if (strcmp(type, "single_quote_scalar") == 0 ||
		   strcmp(type, "double_quote_scalar") == 0) {
		d = yd__new(YDOC_SCALAR, n);
		yd__quoted(d, text, type[0] == 's');
	} else if (strcmp(type, "block_scalar") == 0) {
		d = yd__new(YDOC_SCALAR, n);
		const char *nl = memchr(text + d->cstart, '\n', d->cend - d->cstart);
		d->cstart = nl ? (uint32_t)(nl - text) + 1 : d->cend;
		yd__set(d, text + d->cstart, d->cend - d->cstart);
	} else {
		d = yd__new(YDOC_NONE, n); /* alias, error */
	}
	return d;
}

/* block_node / flow_node: an optional tag and anchor, then the content. */
static ydoc *yd__yaml(TSNode n, const char *text, int depth)
{
	if (depth > YDOC_MAX_DEPTH)
		return yd__new(YDOC_NONE, n);
	if (!yd__is(n, "block_node") && !yd__is(n, "flow_node"))
		return yd__yaml_content(n, text, depth);
	const char *tag = NULL;
	size_t taglen = 0;
	TSNode content = { 0 };
	for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
		TSNode c = ts_node_named_child(n, i);
		if (yd__is(c, "tag")) {
			tag = text + ts_node_start_byte(c);
			taglen = ts_node_end_byte(c) - ts_node_start_byte(c);
		} else if (!yd__is(c, "anchor") && !yd__is(c, "comment")) {
			content = c;
		}
	}
	ydoc *d = ts_node_is_null(content) ? yd__new(YDOC_SCALAR, n)
					   : yd__yaml_content(content, text, depth);
	if (!d->s && d->kind == YDOC_SCALAR) {
		d->cstart = d->cend = ts_node_end_byte(n); /* `!Ref` alone: an empty scalar */
		yd__set(d, "", 0);
	}
	d->start = ts_node_start_byte(n);
	d->tag = tag;
	d->taglen = taglen;
	return d;
}

static ydoc *yd__json(TSNode n, const char *text, int depth)
{
	if (depth > YDOC_MAX_DEPTH)
		return yd__new(YDOC_NONE, n);
	ydoc *d;
	if (yd__is(n, "object")) {
		d = yd__new(YDOC_MAP, n);
		for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
			TSNode p = ts_node_named_child(n, i);
			if (!yd__is(p, "pair"))
				continue;
			TSNode k = ts_field_child(p, "key", 3);
			TSNode v = ts_field_child(p, "value", 5);
			yd__add(d, yd__json(k, text, depth + 1));
			yd__add(d, ts_node_is_null(v) ? yd__new(YDOC_NONE, p)
						      : yd__json(v, text, depth + 1));
		}
	} else if (yd__is(n, "array")) {
		d = yd__new(YDOC_SEQ, n);
		for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
			TSNode c = ts_node_named_child(n, i);
			if (!yd__is(c, "comment"))
				yd__add(d, yd__json(c, text, depth + 1));
		}
	} else if (yd__is(n, "string")) {
		d = yd__new(YDOC_SCALAR, n);
		yd__quoted(d, text, false);
	} else if (yd__is(n, "number") || yd__is(n, "true") || yd__is(n, "false")) {
		d = yd__new(YDOC_SCALAR, n);
		yd__set(d, text + d->cstart, d->cend - d->cstart);
	} else {
		d = yd__new(YDOC_NONE, n);
	}
	return d;
}

size_t ydoc_build(ydoc **out, size_t max, TSNode root, const char *text, bool json)
{
	size_t n = 0;
	for (uint32_t i = 0; i < ts_node_named_child_count(root) && n < max; i++) {
		TSNode c = ts_node_named_child(root, i);
		if (json) {
			if (yd__is(c, "object"))
				out[n++] = yd__json(c, text, 0);
			continue;
		}
		if (!yd__is(c, "document"))
			continue;
		for (uint32_t k = 0; k < ts_node_named_child_count(c) && n < max; k++) {
			TSNode b = ts_node_named_child(c, k);
			if (yd__is(b, "block_node") || yd__is(b, "flow_node"))
				out[n++] = yd__yaml(b, text, 0);
		}
	}
	return n;
}

void ydoc_free(ydoc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nkids; i++)
		ydoc_free(d->kids[i]);
	free(d->kids);
	free(d->s);
	free(d);
}

bool ydoc_is(const ydoc *d, const char *s)
{
	return d && d->kind == YDOC_SCALAR && d->s && strcmp(d->s, s) == 0;
}

bool ydoc_literal_in_place(const ydoc *d, const char *text)
{
	if (!d || d->kind != YDOC_SCALAR || !d->s || d->cend < d->cstart ||
	    d->cend - d->cstart != d->len || d->start >= d->end)
		return false;
	if (text[d->start] == '|' || text[d->start] == '>')
		return false; /* a block scalar */
	return memcmp(text + d->cstart, d->s, d->len) == 0 && !memchr(d->s, '\n', d->len);
}

const ydoc *ydoc_get(const ydoc *map, const char *key)
{
	if (!map || map->kind != YDOC_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < map->nkids; i += 2)
		if (ydoc_is(map->kids[i], key))
			return map->kids[i + 1];
	return NULL;
}

static const char *yd__find(const char *s, size_t len, const char *lit)
{
	return memmem(s, len, lit, strlen(lit));
}

static bool yd__alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool cfn_sniff(const char *head, size_t len)
{
	if (len > YDOC_SNIFF_BYTES)
		len = YDOC_SNIFF_BYTES;
	if (yd__find(head, len, "AWSTemplateFormatVersion"))
		return true;
	/* "Type": "AWS::S3::Bucket" / Type: AWS::ElasticLoadBalancingV2::Listener */
	const char *p = head, *end = head + len;
	while ((p = yd__find(p, (size_t)(end - p), "AWS::")) != NULL) {
		const char *q = p + 5;
		while (q < end && yd__alpha(*q))
			q++;
		if (q > p + 5 && q + 2 < end && q[0] == ':' && q[1] == ':' && yd__alpha(q[2]))
			return true;
		p += 5;
	}
	return false;
}

static bool yd__line_starts(const char *head, size_t len, const char *key)
{
	size_t n = strlen(key);
	for (size_t i = 0; i + n <= len; i++) {
		if ((i == 0 || head[i - 1] == '\n') && memcmp(head + i, key, n) == 0)
			return true;
		const char *nl = memchr(head + i, '\n', len - i);
		if (!nl)
			break;
		i = (size_t)(nl - head);
	}
	return false;
}

bool k8s_sniff(const char *head, size_t len)
{
	if (len > YDOC_SNIFF_BYTES)
		len = YDOC_SNIFF_BYTES;
	return yd__line_starts(head, len, "apiVersion:") && yd__line_starts(head, len, "kind:");
}
