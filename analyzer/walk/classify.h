/* classify.h: which language a file is, by its name alone (no I/O). */
#ifndef TLSLINT_CLASSIFY_H
#define TLSLINT_CLASSIFY_H

#include <stdbool.h>

typedef enum language {
	LANG_NONE = 0,
	LANG_C,
	LANG_CPP,
	LANG_CSHARP,
	LANG_PYTHON,
	LANG_POWERSHELL,
	LANG_MSBUILD,       /* .csproj .vbproj .fsproj .props .targets */
	LANG_DOTNET_CONFIG, /* app/web.config, *.exe.config, packages.config, ... */
	LANG_JSON,
	LANG_REG,           /* Windows registry exports */
	LANG_INSTALLER,     /* installer and batch scripts: WiX, Inno Setup, .bat/.cmd */
	LANG_NGINX,         /* .conf and templates; the front end decides by path and content */
	LANG_TERRAFORM,     /* .tf */
	LANG_COUNT
} language;

/* The language of a file called `name` (a path or a base name), or LANG_NONE. */
language classify_path(const char *name);
/* The name rule files use for a language ("csharp", "python", ...). */
const char *language_name(language lang);
bool language_parse(const char *name, language *out);
/* True for languages whose names ignore ASCII case (PowerShell), so keyword prefilters must. */
bool language_ignores_case(language lang);

#endif
