/* writers.c: the output formats of `tlslint scan`, one row each. The first row is the
 * default. */
#include <string.h>

#include "report/report.h"
#include "util/strbuf.h"

const report_format report_formats[] = {
	{ "text", ".txt", report_text, REPORT_USES_COLOR,
	  "compiler-style lines with the source line and a caret, then a summary (default)" },
	{ "sarif", ".sarif", report_sarif, REPORT_USES_VCS,
	  "a SARIF 2.1.0 log, the form code scanning uploads" },
	{ "json", ".json", report_json, 0, "a plain JSON document of findings, for scripts" },
};
const size_t report_nformats = sizeof(report_formats) / sizeof(report_formats[0]);

const report_format *report_format_find(const char *name)
{
	for (size_t i = 0; i < report_nformats; i++)
		if (strcmp(report_formats[i].name, name) == 0)
			return &report_formats[i];
	return NULL;
}

char *report_format_names(void)
{
	strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < report_nformats; i++) {
		if (i)
			strbuf_adds(&sb, i + 1 == report_nformats ? " or " : ", ");
		strbuf_adds(&sb, report_formats[i].name);
	}
	return strbuf_detach(&sb);
}
