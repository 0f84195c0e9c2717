/* ts_field.h: a node's child by field name, without tree-sitter's look-up of the name.
 *
 * ts_node_child_by_field_name() finds the field's id by comparing the name with each of the
 * grammar's field names (strncmp in a loop, 40 to 90 of them) on every call, and the matchers
 * and evaluators call it for most nodes they visit: on the Python part of the corpus that was
 * 2% of the scan. ts_field_child() gives the same node with the id kept in a small table per
 * thread, keyed by the grammar and the name's address and checked against the grammar's own
 * name for the id, so a name passed from a buffer whose text changes is still looked up. */
#ifndef TLSLINT_TS_FIELD_H
#define TLSLINT_TS_FIELD_H

#include <stdint.h>
#include <tree_sitter/api.h>

/* ts_node_child_by_field_name(n, name, len), the same node. */
TSNode ts_field_child(TSNode n, const char *name, uint32_t len);

#endif
