/* ts_grammars.h: the tree-sitter grammar for each language that is parsed by tree-sitter
 * (the `grammar` of its row in the language table, core/language.h). */
#ifndef TLSLINT_TS_GRAMMARS_H
#define TLSLINT_TS_GRAMMARS_H

#include <tree_sitter/api.h>

#include "core/language.h"

/* The grammar for `lang`, or NULL when tree-sitter does not parse that language. */
static inline const TSLanguage *ts_grammar_for(language lang)
{
	const language_def *def = language_get(lang);
	return def->grammar ? def->grammar() : NULL;
}

#endif
