/* classify.c: file name to language. */
#include "classify.h"

#include <string.h>
#include <strings.h>

static const char *const language_names[LANG_COUNT] = {
	[LANG_NONE] = "none",
	[LANG_C] = "c",
	[LANG_CPP] = "cpp",
	[LANG_CSHARP] = "csharp",
	[LANG_PYTHON] = "python",
	[LANG_POWERSHELL] = "powershell",
	[LANG_MSBUILD] = "msbuild",
	[LANG_DOTNET_CONFIG] = "dotnet-config",
	[LANG_JSON] = "json",
	[LANG_REG] = "reg",
	[LANG_INSTALLER] = "installer",
	[LANG_NGINX] = "nginx",
	[LANG_TERRAFORM] = "terraform",
};

static const struct {
	const char *ext; /* lower case, with the dot */
	language lang;
} extensions[] = {
	{ ".c", LANG_C },          { ".h", LANG_C },
	{ ".cc", LANG_CPP },       { ".cpp", LANG_CPP },     { ".cxx", LANG_CPP },
	{ ".c++", LANG_CPP },      { ".hpp", LANG_CPP },     { ".hh", LANG_CPP },
	{ ".hxx", LANG_CPP },      { ".h++", LANG_CPP },     { ".ipp", LANG_CPP },
	{ ".cs", LANG_CSHARP },    { ".py", LANG_PYTHON },   { ".pyw", LANG_PYTHON },
	{ ".ps1", LANG_POWERSHELL }, { ".psm1", LANG_POWERSHELL },
	{ ".csproj", LANG_MSBUILD }, { ".vbproj", LANG_MSBUILD }, { ".fsproj", LANG_MSBUILD },
	{ ".props", LANG_MSBUILD }, { ".targets", LANG_MSBUILD },
	{ ".config", LANG_DOTNET_CONFIG },
	{ ".json", LANG_JSON },    { ".reg", LANG_REG },
	{ ".wxs", LANG_INSTALLER }, { ".wxi", LANG_INSTALLER }, { ".iss", LANG_INSTALLER },
	{ ".bat", LANG_INSTALLER }, { ".cmd", LANG_INSTALLER },
	/* Configuration that may be nginx's: lang/nginx decides by path and content. */
	{ ".conf", LANG_NGINX },    { ".template", LANG_NGINX }, { ".tmpl", LANG_NGINX },
	{ ".j2", LANG_NGINX },      { ".jinja", LANG_NGINX },    { ".jinja2", LANG_NGINX },
	{ ".erb", LANG_NGINX },
	{ ".tf", LANG_TERRAFORM },
};

language classify_path(const char *name)
{
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	const char *dot = strrchr(base, '.');
	if (!dot || dot == base)
		return LANG_NONE;
	for (size_t i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++)
		if (strcasecmp(dot, extensions[i].ext) == 0)
			return extensions[i].lang;
	return LANG_NONE;
}

const char *language_name(language lang)
{
	return language_names[lang];
}

bool language_parse(const char *name, language *out)
{
	for (int i = 1; i < LANG_COUNT; i++) {
		if (strcmp(language_names[i], name) == 0) {
			*out = (language)i;
			return true;
		}
	}
	return false;
}

bool language_ignores_case(language lang)
{
	return lang == LANG_POWERSHELL; /* [net.servicepointmanager]::securityprotocol */
}
