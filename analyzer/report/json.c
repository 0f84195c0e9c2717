/* json.c: a plain JSON rendering of findings and notifications, for scripts. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "report/report.h"
#include "util/alloc.h"

char *report_json(const report_input *in)
{
	cJSON *doc = cJSON_CreateObject();
	cJSON_AddStringToObject(doc, "tool", "tlslint");
	cJSON_AddStringToObject(doc, "version", in->tool_version);
	cJSON *fs = cJSON_AddArrayToObject(doc, "findings");
	for (size_t i = 0; i < in->findings->len; i++) {
		const finding *f = &in->findings->items[i];
		cJSON *j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "rule", f->rule->id);
		cJSON_AddStringToObject(j, "level", level_name(f->level));
		cJSON_AddStringToObject(j, "path", f->uri);
		cJSON_AddNumberToObject(j, "line", f->where.start_line);
		cJSON_AddNumberToObject(j, "column", f->where.start_col);
		cJSON_AddNumberToObject(j, "endLine", f->where.end_line);
		cJSON_AddNumberToObject(j, "endColumn", f->where.end_col);
		cJSON_AddStringToObject(j, "message", f->message);
		cJSON_AddBoolToObject(j, "suppressed", f->suppressed);
		if (f->vendored)
			cJSON_AddStringToObject(j, "vendored", f->vendored);
		if (f->suppressed && f->justification)
			cJSON_AddStringToObject(j, "justification", f->justification);
		if (f->fingerprint)
			cJSON_AddStringToObject(j, "fingerprint", f->fingerprint);
		if (f->baseline != BASELINE_NONE)
			cJSON_AddStringToObject(j, "baselineState",
						f->baseline == BASELINE_NEW ? "new" : "unchanged");
		cJSON_AddItemToArray(fs, j);
	}
	cJSON *ns = cJSON_AddArrayToObject(doc, "notifications");
	for (size_t i = 0; i < in->findings->nnotes; i++) {
		const notification *n = &in->findings->notes[i];
		cJSON *j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "level", level_name(n->level));
		if (n->uri)
			cJSON_AddStringToObject(j, "path", n->uri);
		cJSON_AddStringToObject(j, "message", n->message);
		cJSON_AddItemToArray(ns, j);
	}
	if (in->stats) {
		cJSON *st = cJSON_AddObjectToObject(doc, "stats");
		cJSON_AddNumberToObject(st, "files", (double)in->stats->files);
		cJSON_AddNumberToObject(st, "read", (double)in->stats->read);
		cJSON_AddNumberToObject(st, "parsed", (double)in->stats->parsed);
		cJSON_AddNumberToObject(st, "failed", (double)in->stats->failed);
		cJSON_AddNumberToObject(st, "again", (double)in->stats->again);
	}
	char *text = cJSON_Print(doc);
	cJSON_Delete(doc);
	if (!text)
		abort();
	char *out = xasprintf("%s\n", text);
	cJSON_free(text);
	return out;
}
