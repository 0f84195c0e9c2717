/* ts_grammars.c: one table row per tree-sitter grammar (built from grammars/). */
#include "ts_grammars.h"

#include <stddef.h>

const TSLanguage *tree_sitter_c_sharp(void);
const TSLanguage *tree_sitter_python(void);
const TSLanguage *tree_sitter_powershell(void);
const TSLanguage *tree_sitter_xml(void);
const TSLanguage *tree_sitter_json(void);
const TSLanguage *tree_sitter_hcl(void);

static const struct {
	language lang;
	const TSLanguage *(*grammar)(void);
} grammars[] = {
	{ LANG_CSHARP, tree_sitter_c_sharp },
	{ LANG_PYTHON, tree_sitter_python },
	{ LANG_POWERSHELL, tree_sitter_powershell },
	{ LANG_MSBUILD, tree_sitter_xml },
	{ LANG_DOTNET_CONFIG, tree_sitter_xml },
	{ LANG_JSON, tree_sitter_json },
	{ LANG_TERRAFORM, tree_sitter_hcl },
};

const TSLanguage *ts_grammar_for(language lang)
{
	for (size_t i = 0; i < sizeof(grammars) / sizeof(grammars[0]); i++)
		if (grammars[i].lang == lang)
			return grammars[i].grammar();
	return NULL;
}
