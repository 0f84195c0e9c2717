/* sarif.c: the SARIF 2.1.0 log, built with cJSON.
 *
 * One run per log. tool.driver lists every rule of the catalogue (so ruleIndex is the rule's
 * position there) with help as text and Markdown and a helpUri to its generated page; results
 * carry a %SRCROOT%-relative location with UTF-16 columns, partialFingerprints (GitHub's line
 * hash and tlslint/v1), suppressions and, against a baseline, baselineState; invocations[0]
 * carries a notification for every file that could not be analysed. Optional: the category
 * (automationDetails.id) and the git provenance of the scanned tree. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "report/fingerprint.h"
#include "report/markdown.h"
#include "report/report.h"
#include "source/source_file.h"
#include "util/alloc.h"
#include "util/strbuf.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

char *report_uri_encode(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	strbuf sb = STRBUF_INIT;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		unsigned char c = *p;
		bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			     (c >= '0' && c <= '9') || strchr("-._~/!$&'()*+,;=:@", c);
		if (plain && c) {
			strbuf_addc(&sb, (char)c);
		} else {
			strbuf_addc(&sb, '%');
			strbuf_addc(&sb, hex[c >> 4]);
			strbuf_addc(&sb, hex[c & 15]);
		}
	}
	return strbuf_detach(&sb);
}

/* Text copied from scanned files is already UTF-8 (source_decode guarantees it); this keeps
 * any other string safe too. */
static cJSON *sarif__string(const char *s)
{
	if (utf8_valid(s, strlen(s)))
		return cJSON_CreateString(s);
	strbuf sb = STRBUF_INIT;
	for (const char *p = s; *p; p++)
		strbuf_addc(&sb, (unsigned char)*p < 0x80 ? *p : '?');
	cJSON *j = cJSON_CreateString(strbuf_str(&sb));
	strbuf_release(&sb);
	return j;
}

static cJSON *sarif__message(const char *text)
{
	cJSON *m = cJSON_CreateObject();
	cJSON_AddItemToObject(m, "text", sarif__string(text));
	return m;
}

static cJSON *sarif__artifact(const char *uri)
{
	cJSON *a = cJSON_CreateObject();
	if (uri[0] == '/') {
		char *enc = report_uri_encode(uri);
		char *full = xasprintf("file://%s", enc);
		cJSON_AddStringToObject(a, "uri", full);
		free(full);
		free(enc);
	} else {
		char *enc = report_uri_encode(uri);
		cJSON_AddStringToObject(a, "uri", enc);
		cJSON_AddStringToObject(a, "uriBaseId", "%SRCROOT%");
		free(enc);
	}
	return a;
}

static cJSON *sarif__region(const region *r)
{
	cJSON *j = cJSON_CreateObject();
	cJSON_AddNumberToObject(j, "startLine", r->start_line);
	cJSON_AddNumberToObject(j, "startColumn", r->start_col);
	cJSON_AddNumberToObject(j, "endLine", r->end_line);
	cJSON_AddNumberToObject(j, "endColumn", r->end_col);
	return j;
}

static cJSON *sarif__location(const char *uri, const region *r)
{
	cJSON *loc = cJSON_CreateObject();
	cJSON *phys = cJSON_AddObjectToObject(loc, "physicalLocation");
	cJSON_AddItemToObject(phys, "artifactLocation", sarif__artifact(uri));
	if (r)
		cJSON_AddItemToObject(phys, "region", sarif__region(r));
	return loc;
}

static cJSON *sarif__rule(const rule *r)
{
	cJSON *j = cJSON_CreateObject();
	cJSON_AddStringToObject(j, "id", r->id);
	cJSON_AddStringToObject(j, "name", r->name);
	cJSON_AddItemToObject(j, "shortDescription", sarif__message(r->short_description));
	cJSON_AddItemToObject(j, "fullDescription", sarif__message(r->full_description));
	char *uri = markdown_rule_uri(r);
	cJSON_AddStringToObject(j, "helpUri", uri);
	free(uri);
	cJSON *help = cJSON_AddObjectToObject(j, "help");
	char *text = markdown_to_text(r->help);
	cJSON_AddItemToObject(help, "text", sarif__string(text));
	free(text);
	cJSON_AddItemToObject(help, "markdown", sarif__string(r->help));
	cJSON *conf = cJSON_AddObjectToObject(j, "defaultConfiguration");
	cJSON_AddStringToObject(conf, "level", level_name(r->level));
	if (!r->enabled_by_default)
		cJSON_AddBoolToObject(conf, "enabled", false);
	cJSON *props = cJSON_AddObjectToObject(j, "properties");
	cJSON *tags = cJSON_AddArrayToObject(props, "tags");
	for (size_t i = 0; i < r->ntags; i++)
		cJSON_AddItemToArray(tags, cJSON_CreateString(r->tags[i]));
	cJSON_AddStringToObject(props, "precision", r->precision);
	cJSON_AddStringToObject(props, "security-severity", r->security_severity);
	cJSON_AddStringToObject(props, "problem.severity",
				r->level == LEVEL_ERROR ? "error"
				: r->level == LEVEL_WARNING ? "warning"
							    : "recommendation");
	cJSON_AddStringToObject(props, "kind", kind_name(r->kind));
	return j;
}

/* SARIF 2.1.0 §3.55-3.57: a fix, its artifactChange (one file: a finding's fix never edits
 * another) and replacements. deletedRegion carries lines and columns (what the VS Code SARIF
 * viewer applies) and the same range as byteOffset/byteLength in the file's own bytes. */
static cJSON *sarif__fix(const finding *f)
{
	cJSON *fx = cJSON_CreateObject();
	cJSON_AddItemToObject(fx, "description", sarif__message(f->fix->description));
	cJSON *changes = cJSON_AddArrayToObject(fx, "artifactChanges");
	cJSON *ch = cJSON_CreateObject();
	cJSON_AddItemToArray(changes, ch);
	cJSON_AddItemToObject(ch, "artifactLocation", sarif__artifact(f->uri));
	cJSON *reps = cJSON_AddArrayToObject(ch, "replacements");
	for (size_t i = 0; i < f->fix->nreps; i++) {
		const fix_replacement *r = &f->fix->reps[i];
		cJSON *rj = cJSON_CreateObject();
		cJSON *del = sarif__region(&r->where);
		cJSON_AddNumberToObject(del, "byteOffset", (double)r->raw_start);
		cJSON_AddNumberToObject(del, "byteLength", (double)r->raw_len);
		cJSON_AddItemToObject(rj, "deletedRegion", del);
		cJSON *ins = cJSON_AddObjectToObject(rj, "insertedContent");
		cJSON_AddItemToObject(ins, "text", sarif__string(r->text));
		cJSON_AddItemToArray(reps, rj);
	}
	if (f->fix->opt_in) {
		cJSON *props = cJSON_AddObjectToObject(fx, "properties");
		cJSON_AddBoolToObject(props, "optIn", true);
	}
	return fx;
}

static cJSON *sarif__result(const report_input *in, const finding *f)
{
	cJSON *j = cJSON_CreateObject();
	cJSON_AddStringToObject(j, "ruleId", f->rule->id);
	cJSON_AddNumberToObject(j, "ruleIndex", (double)catalogue_index(in->cat, f->rule));
	cJSON_AddStringToObject(j, "level", level_name(f->level));
	cJSON_AddItemToObject(j, "message", sarif__message(f->message));
	cJSON *locs = cJSON_AddArrayToObject(j, "locations");
	cJSON *loc = sarif__location(f->uri, &f->where);
	if (f->snippet) {
		cJSON *reg = cJSON_GetObjectItem(cJSON_GetObjectItem(loc, "physicalLocation"), "region");
		cJSON *snip = cJSON_AddObjectToObject(reg, "snippet");
		cJSON_AddItemToObject(snip, "text", sarif__string(f->snippet));
	}
	cJSON_AddItemToArray(locs, loc);
	if (f->nrelated) {
		cJSON *rel = cJSON_AddArrayToObject(j, "relatedLocations");
		for (size_t i = 0; i < f->nrelated; i++) {
			cJSON *rl = sarif__location(f->related[i].uri, &f->related[i].where);
			cJSON_AddNumberToObject(rl, "id", (double)i + 1);
			cJSON_AddItemToObject(rl, "message", sarif__message(f->related[i].message));
			cJSON_AddItemToArray(rel, rl);
		}
	}
	if (f->line_hash || f->fingerprint) {
		cJSON *pf = cJSON_AddObjectToObject(j, "partialFingerprints");
		if (f->line_hash)
			cJSON_AddStringToObject(pf, "primaryLocationLineHash", f->line_hash);
		if (f->fingerprint)
			cJSON_AddStringToObject(pf, FINGERPRINT_STABLE_KEY, f->fingerprint);
	}
	if (f->fix) {
		cJSON *fixes = cJSON_AddArrayToObject(j, "fixes");
		cJSON_AddItemToArray(fixes, sarif__fix(f));
	}
	if (finding_no_fix_reason(f))
		cJSON_AddItemToObject(cJSON_AddObjectToObject(j, "properties"), "noFix",
				      sarif__string(finding_no_fix_reason(f)));
	if (f->vendored) {
		/* Code the repository did not write: labelled, so that a reader can tell it. */
		cJSON *props = cJSON_GetObjectItemCaseSensitive(j, "properties");
		if (!props)
			props = cJSON_AddObjectToObject(j, "properties");
		cJSON_AddBoolToObject(props, "vendored", true);
		cJSON_AddStringToObject(props, "vendoredReason", f->vendored);
		cJSON *tags = cJSON_AddArrayToObject(props, "tags");
		cJSON_AddItemToArray(tags, cJSON_CreateString("vendored"));
	}
	if (f->baseline != BASELINE_NONE)
		cJSON_AddStringToObject(j, "baselineState",
					f->baseline == BASELINE_NEW ? "new" : "unchanged");
	if (f->suppressed) {
		cJSON *sup = cJSON_AddArrayToObject(j, "suppressions");
		cJSON *s = cJSON_CreateObject();
		cJSON_AddStringToObject(s, "kind", "inSource");
		if (f->justification && f->justification[0])
			cJSON_AddItemToObject(s, "justification", sarif__string(f->justification));
		cJSON_AddItemToArray(sup, s);
	}
	return j;
}

static bool sarif__is_suppressed(const cJSON *result)
{
	return cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(result, "suppressions")) > 0;
}

/* A baseline result that matched nothing, carried over as "absent". Its ruleIndex is
 * renumbered for this log's rule list (dropped when the rule no longer exists). */
static cJSON *sarif__absent(const report_input *in, const cJSON *old)
{
	cJSON *j = cJSON_Duplicate(old, true);
	cJSON_DeleteItemFromObjectCaseSensitive(j, "baselineState");
	cJSON_AddStringToObject(j, "baselineState", "absent");
	cJSON_DeleteItemFromObjectCaseSensitive(j, "ruleIndex");
	cJSON_DeleteItemFromObjectCaseSensitive(j, "rule");
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(j, "ruleId");
	const rule *r = cJSON_IsString(id) ? catalogue_find(in->cat, id->valuestring) : NULL;
	if (r)
		cJSON_AddNumberToObject(j, "ruleIndex", (double)catalogue_index(in->cat, r));
	return j;
}

/* SARIF's all-or-none rule: when any result has suppressions, every result has the property
 * (an empty array for the unsuppressed ones); otherwise none has it. */
static void sarif__suppressions_all_or_none(cJSON *results)
{
	bool any = false;
	cJSON *r;
	cJSON_ArrayForEach(r, results)
		any |= sarif__is_suppressed(r);
	cJSON_ArrayForEach(r, results) {
		bool has = cJSON_HasObjectItem(r, "suppressions");
		if (any && !has)
			cJSON_AddArrayToObject(r, "suppressions");
		else if (!any && has)
			cJSON_DeleteItemFromObjectCaseSensitive(r, "suppressions");
	}
}

static void sarif__provenance(cJSON *run, const report_vcs *vcs)
{
	cJSON *list = cJSON_AddArrayToObject(run, "versionControlProvenance");
	cJSON *v = cJSON_CreateObject();
	cJSON_AddItemToArray(list, v);
	cJSON_AddItemToObject(v, "repositoryUri", sarif__string(vcs->repository_uri));
	if (vcs->revision_id)
		cJSON_AddStringToObject(v, "revisionId", vcs->revision_id);
	if (vcs->branch)
		cJSON_AddItemToObject(v, "branch", sarif__string(vcs->branch));
	cJSON_AddStringToObject(cJSON_AddObjectToObject(v, "mappedTo"), "uriBaseId", "%SRCROOT%");
}

char *report_sarif(const report_input *in)
{
	cJSON *log = cJSON_CreateObject();
	cJSON_AddStringToObject(log, "$schema", SARIF_SCHEMA);
	cJSON_AddStringToObject(log, "version", "2.1.0");
	cJSON *runs = cJSON_AddArrayToObject(log, "runs");
	cJSON *run = cJSON_CreateObject();
	cJSON_AddItemToArray(runs, run);

	cJSON *driver = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "tool"), "driver");
	cJSON_AddStringToObject(driver, "name", "tlslint");
	cJSON_AddStringToObject(driver, "version", in->tool_version);
	cJSON_AddStringToObject(driver, "semanticVersion", in->tool_version);
	cJSON_AddStringToObject(driver, "informationUri", TLSLINT_HOMEPAGE);
	cJSON *rules = cJSON_AddArrayToObject(driver, "rules");
	for (size_t i = 0; i < in->cat->len; i++)
		cJSON_AddItemToArray(rules, sarif__rule(in->cat->rules[i]));

	cJSON *invs = cJSON_AddArrayToObject(run, "invocations");
	cJSON *inv = cJSON_CreateObject();
	cJSON_AddItemToArray(invs, inv);
	if (in->command_line)
		cJSON_AddItemToObject(inv, "commandLine", sarif__string(in->command_line));
	cJSON_AddBoolToObject(inv, "executionSuccessful", in->execution_successful);
	if (in->noverrides) {
		cJSON *ovs = cJSON_AddArrayToObject(inv, "ruleConfigurationOverrides");
		for (size_t i = 0; i < in->noverrides; i++) {
			cJSON *o = cJSON_CreateObject();
			cJSON *desc = cJSON_AddObjectToObject(o, "descriptor");
			cJSON_AddStringToObject(desc, "id", in->overrides[i].rule->id);
			cJSON_AddNumberToObject(desc, "index",
						(double)catalogue_index(in->cat, in->overrides[i].rule));
			cJSON *conf = cJSON_AddObjectToObject(o, "configuration");
			cJSON_AddStringToObject(conf, "level", level_name(in->overrides[i].level));
			cJSON_AddItemToArray(ovs, o);
		}
	}
	cJSON *notes = cJSON_AddArrayToObject(inv, "toolExecutionNotifications");
	for (size_t i = 0; i < in->findings->nnotes; i++) {
		const notification *n = &in->findings->notes[i];
		cJSON *nj = cJSON_CreateObject();
		cJSON_AddStringToObject(nj, "level", level_name(n->level));
		cJSON_AddItemToObject(nj, "message", sarif__message(n->message));
		if (n->uri) {
			cJSON *locs = cJSON_AddArrayToObject(nj, "locations");
			cJSON_AddItemToArray(locs, sarif__location(n->uri, NULL));
		}
		cJSON_AddItemToArray(notes, nj);
	}

	if (in->base) {
		cJSON *bases = cJSON_AddObjectToObject(run, "originalUriBaseIds");
		cJSON *srcroot = cJSON_AddObjectToObject(bases, "%SRCROOT%");
		char *enc = report_uri_encode(in->base);
		size_t elen = strlen(enc);
		char *base_uri =
			xasprintf("file://%s%s", enc, elen && enc[elen - 1] == '/' ? "" : "/");
		cJSON_AddStringToObject(srcroot, "uri", base_uri);
		free(base_uri);
		free(enc);
	} else if (in->vcs) {
		/* No checkout on disk: %SRCROOT% is the repository's tree at the revision. */
		cJSON *bases = cJSON_AddObjectToObject(run, "originalUriBaseIds");
		cJSON *srcroot = cJSON_AddObjectToObject(bases, "%SRCROOT%");
		cJSON_AddItemToObject(srcroot, "description",
				      sarif__message("The root of the repository's tree at the "
						     "revision in versionControlProvenance."));
	}
	if (in->vcs)
		sarif__provenance(run, in->vcs);

	if (in->category && in->category[0]) {
		/* As the upload action does with its category: a trailing '/' makes it all
		 * category, with no run id. */
		size_t clen = strlen(in->category);
		char *id = xasprintf("%s%s", in->category, in->category[clen - 1] == '/' ? "" : "/");
		cJSON *auto_details = cJSON_AddObjectToObject(run, "automationDetails");
		cJSON_AddItemToObject(auto_details, "id", sarif__string(id));
		free(id);
	}

	cJSON *results = cJSON_AddArrayToObject(run, "results");
	for (size_t i = 0; i < in->findings->len; i++) {
		const finding *f = &in->findings->items[i];
		if (!(in->no_suppressed && f->suppressed))
			cJSON_AddItemToArray(results, sarif__result(in, f));
	}
	for (size_t i = 0; in->baseline && i < in->baseline->len; i++) {
		const baseline_entry *e = &in->baseline->entries[i];
		if (!e->matched && !(in->no_suppressed && sarif__is_suppressed(e->result)))
			cJSON_AddItemToArray(results, sarif__absent(in, e->result));
	}
	sarif__suppressions_all_or_none(results);
	cJSON_AddStringToObject(run, "columnKind", "utf16CodeUnits");

	/* A buffer about the log's size from the start: cJSON otherwise doubles it from 256
	 * bytes, copying what it printed each time (the rules alone print 170 KB). Past 16 MB it
	 * grows as it needs. */
	size_t hint = 4096 * (in->cat->len + (in->findings ? in->findings->len +
							  in->findings->nnotes : 0)) + 65536;
	char *text = cJSON_PrintBuffered(log, hint > (16u << 20) ? (int)(16u << 20) : (int)hint, 1);
	cJSON_Delete(log);
	if (!text) {
		fprintf(stderr, "tlslint: out of memory rendering SARIF\n");
		abort();
	}
	size_t len = strlen(text);
	char *out = xmalloc(len + 2);
	memcpy(out, text, len);
	out[len] = '\n';
	out[len + 1] = 0;
	cJSON_free(text);
	return out;
}
