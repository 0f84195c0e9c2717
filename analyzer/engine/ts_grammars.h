/* ts_grammars.h: the tree-sitter grammar for each language that is parsed by tree-sitter. */
#ifndef TLSLINT_TS_GRAMMARS_H
#define TLSLINT_TS_GRAMMARS_H

#include <tree_sitter/api.h>

#include "walk/classify.h"

/* The grammar for `lang`, or NULL when tree-sitter does not parse that language. */
const TSLanguage *ts_grammar_for(language lang);

#endif
