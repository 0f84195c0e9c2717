/* ts_field.c: field ids kept per thread (ts_field.h). */
#include "ts_field.h"

#include <string.h>

#define TS_FIELD_SLOTS 256

struct ts_field_slot {
	const TSLanguage *lang;
	const char *name;
	uint32_t len;
	TSFieldId id; /* never 0: a name the grammar lacks is not kept */
};

static _Thread_local struct ts_field_slot ts_field__cache[TS_FIELD_SLOTS];

TSNode ts_field_child(TSNode n, const char *name, uint32_t len)
{
	if (!n.tree) /* what tree-sitter does with a null node, unchanged */
		return ts_node_child_by_field_name(n, name, len);
	const TSLanguage *lang = ts_tree_language(n.tree);
	uintptr_t h = ((uintptr_t)name ^ ((uintptr_t)lang >> 4)) * (uintptr_t)0x9E3779B97F4A7C15ull;
	struct ts_field_slot *s = &ts_field__cache[(h >> 24) % TS_FIELD_SLOTS];
	if (s->lang == lang && s->name == name && s->len == len) {
		const char *known = ts_language_field_name_for_id(lang, s->id);
		if (known && memcmp(known, name, len) == 0 && known[len] == '\0')
			return ts_node_child_by_field_id(n, s->id);
	}
	TSFieldId id = ts_language_field_id_for_name(lang, name, len);
	if (id) {
		s->lang = lang;
		s->name = name;
		s->len = len;
		s->id = id;
	}
	return ts_node_child_by_field_id(n, id);
}
