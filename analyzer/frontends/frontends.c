/* frontends.c: which front end analyses which language. */
#include "frontend.h"

extern const frontend treesitter_frontend;
extern const frontend clang_frontend;
extern const frontend dotnet_frontend;
extern const frontend reg_frontend;
extern const frontend installer_frontend;
extern const frontend nginx_frontend;
extern const frontend terraform_frontend;

static const struct {
	language lang;
	const frontend *fe;
} table[] = {
	{ LANG_CSHARP, &treesitter_frontend },
	{ LANG_PYTHON, &treesitter_frontend },
	{ LANG_POWERSHELL, &treesitter_frontend },
	{ LANG_MSBUILD, &dotnet_frontend },
	{ LANG_DOTNET_CONFIG, &dotnet_frontend },
	{ LANG_JSON, &treesitter_frontend },
	{ LANG_REG, &reg_frontend },
	{ LANG_INSTALLER, &installer_frontend },
	{ LANG_NGINX, &nginx_frontend },
	{ LANG_TERRAFORM, &terraform_frontend },
	{ LANG_C, &clang_frontend },
	{ LANG_CPP, &clang_frontend },
};

const frontend *frontend_for(language lang)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (table[i].lang == lang)
			return table[i].fe;
	return NULL;
}
