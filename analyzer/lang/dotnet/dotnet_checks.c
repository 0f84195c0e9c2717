/* dotnet_checks.c: target frameworks, AppContext switches and WCF protocols in .NET XML. */
#include "dotnet_checks.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "lang/dotnet/msbuild_reader.h"
#include "project/dotnet_target.h"
#include "project/facts.h"
#include "values/value_types.h"

#define MAX_DEPTH 256

/* The switches of LT-CS-004: `true` turns a protection off. */
static const char *const tls_opt_out_switches[] = {
	"Switch.System.Net.DontEnableSchUseStrongCrypto",
	"Switch.System.Net.DontEnableSystemDefaultTlsVersions",
	"Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions",
	"Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols",
};

struct walk {
	const dotnet_rules *rules;
	const file_ctx *ctx;
	bool packages_config; /* packages.config: only <package targetFramework> matters */
};

/* A byte range of the file. */
struct span {
	size_t start, end;
};

static bool dn__eq(const struct walk *w, struct span s, const char *name)
{
	size_t n = strlen(name);
	return s.end - s.start == n && strncasecmp(w->ctx->src->text + s.start, name, n) == 0;
}

static struct span dn__span(TSNode n)
{
	return (struct span){ ts_node_start_byte(n), ts_node_end_byte(n) };
}

/* The value of an AttValue node without its quotes. */
static struct span dn__att_value(const struct walk *w, TSNode value)
{
	struct span s = dn__span(value);
	const char *t = w->ctx->src->text;
	if (s.end - s.start >= 2 && (t[s.start] == '"' || t[s.start] == '\'') &&
	    t[s.end - 1] == t[s.start]) {
		s.start++;
		s.end--;
	}
	return s;
}

static bool dn__space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static struct span dn__trim(const struct walk *w, struct span s)
{
	const char *t = w->ctx->src->text;
	while (s.start < s.end && dn__space(t[s.start]))
		s.start++;
	while (s.end > s.start && dn__space(t[s.end - 1]))
		s.end--;
	return s;
}

/* Splits `s` at `sep` into trimmed items; returns the next item after `*pos`. */
static bool dn__next_item(const struct walk *w, struct span s, char sep, size_t *pos,
			  struct span *item)
{
	const char *t = w->ctx->src->text;
	while (*pos < s.end) {
		size_t b = *pos, e = b;
		while (e < s.end && t[e] != sep)
			e++;
		*pos = e < s.end ? e + 1 : e;
		*item = dn__trim(w, (struct span){ b, e });
		if (item->end > item->start)
			return true;
	}
	return false;
}

/* In a `;` list of target monikers (`list`; empty for a single value): whether an item before
 * `at` is itself a legacy .NET Framework target (its fix retargets the project to net48), and
 * the first .NET Framework item that is not legacy (net472, net48). */
static void dn__list_neighbours(const struct walk *w, struct span list, struct span at,
				bool *legacy_before, struct span *modern)
{
	*legacy_before = false;
	*modern = (struct span){ 0, 0 };
	struct span item;
	size_t pos = list.start;
	while (dn__next_item(w, list, ';', &pos, &item)) {
		if (item.start == at.start)
			continue;
		dotnet_target t;
		if (!dotnet_target_parse_moniker(w->ctx->src->text + item.start,
						 item.end - item.start, &t) ||
		    t.family != DOTNET_FRAMEWORK)
			continue;
		if (dotnet_target_is_legacy(&t))
			*legacy_before = *legacy_before || item.start < at.start;
		else if (modern->end == 0)
			*modern = item;
	}
}

/* Drops the item `at` of the `;` list `list` with one of its separators (the one before it,
 * else the one after), so that `net45;net48` becomes `net48`. */
static void dn__drop_item(const struct walk *w, finding *f, struct span list, struct span at,
			  const char *why)
{
	const char *t = w->ctx->src->text;
	size_t b = at.start, e = at.end;
	size_t p = b;
	while (p > list.start && (t[p - 1] == ' ' || t[p - 1] == '\t'))
		p--;
	if (p > list.start && t[p - 1] == ';') {
		b = p - 1;
	} else {
		size_t q = e;
		while (q < list.end && (t[q] == ' ' || t[q] == '\t'))
			q++;
		if (q < list.end && t[q] == ';') {
			e = q + 1;
			while (e < list.end && (t[e] == ' ' || t[e] == '\t'))
				e++;
		}
	}
	emit_replace(w->ctx, f, why, b, e, "");
	f->fix->opt_in = true;
}

static void dn__target(const struct walk *w, struct span at, struct span list, dotnet_target t,
		       target_origin origin)
{
	const file_ctx *ctx = w->ctx;
	if (ctx->facts) {
		fact *f = fact_list_add(ctx->facts, FACT_TARGET, ctx->lang, ctx->uri, ctx->src,
					at.start, at.end);
		f->target = t;
		f->origin = origin;
	}
	if (!w->rules->target || !dotnet_target_is_legacy(&t))
		return;
	message_args args = { .versions = dotnet_target_default_legacy(&t),
			      .value_text = ctx->src->text + at.start,
			      .value_len = at.end - at.start };
	finding *f = emit_finding(ctx, w->rules->target, at.start, at.end, &args);
	f->level = t.version <= DOTNET_LAST_SSL3_DEFAULT ? LEVEL_ERROR : LEVEL_WARNING;
	/* An opt-in fix (it changes the build): retarget to .NET Framework 4.8, spelled as the
	 * project spells its target (v4.5 -> v4.8, net45 -> net48). */
	const char *s = ctx->src->text + at.start;
	size_t len = at.end - at.start;
	bool v = len >= 2 && s[0] == 'v' && s[1] >= '0' && s[1] <= '9';
	bool moniker = len > 3 && memcmp(s, "net", 3) == 0;
	for (size_t i = 3; moniker && i < len; i++)
		moniker = s[i] >= '0' && s[i] <= '9';
	if (origin != TARGET_MSBUILD || (!v && !moniker)) {
		finding_set_no_fix(f, "The target is not spelled as a project's TargetFramework or "
				      "TargetFrameworkVersion.");
		return;
	}
	if (moniker && list.end > list.start) {
		/* net45;net461 must not become net48;net48 (NuGet refuses a target listed twice),
		 * and a list that already holds net472 or net48 only loses its legacy targets. */
		bool legacy_before;
		struct span modern;
		dn__list_neighbours(w, list, at, &legacy_before, &modern);
		if (modern.end > modern.start) {
			char why[200];
			snprintf(why, sizeof(why), "Drop this target: the project also targets %.*s "
				 "(opt-in: it changes the build).", (int)(modern.end - modern.start),
				 ctx->src->text + modern.start);
			dn__drop_item(w, f, list, at, why);
			return;
		}
		if (legacy_before) {
			dn__drop_item(w, f, list, at,
				      "Drop this target: the fix of the project's first .NET Framework "
				      "target retargets it to net48 (opt-in: it changes the build).");
			return;
		}
	}
	emit_replace(ctx, f,
		     "Retarget the project to .NET Framework 4.8 (opt-in: it changes the build; "
		     "check the project's dependencies and deployment targets).",
		     at.start, at.end, v ? "v4.8" : "net48");
	f->fix->opt_in = true;
}

/* Does the project say that its TargetFrameworkVersion is not a .NET Framework version: a
 * portable class library (`<TargetFrameworkProfile>Profile88`), Silverlight or Windows Phone
 * (`<TargetFrameworkIdentifier>Silverlight`)? Their v4.0 is not .NET Framework 4.0. */
static bool dn__not_netfx(const struct walk *w)
{
	const char *t = w->ctx->src->text;
	size_t len = w->ctx->src->len;
	static const char *const markers[] = {
		"<TargetFrameworkProfile>Profile", "<TargetFrameworkProfile>WindowsPhone",
		"<TargetFrameworkIdentifier>Silverlight", "<TargetFrameworkIdentifier>WindowsPhone",
		"<TargetFrameworkIdentifier>.NETPortable", "<TargetFrameworkIdentifier>MonoAndroid",
		"<TargetFrameworkIdentifier>Xamarin",
	};
	for (size_t i = 0; i < sizeof(markers) / sizeof(markers[0]); i++)
		if (memmem(t, len, markers[i], strlen(markers[i])))
			return true;
	return false;
}

static bool dn__target_property(const char *name, size_t len)
{
	return (len == 22 && strncasecmp(name, "TargetFrameworkVersion", len) == 0) ||
	       (len == 15 && strncasecmp(name, "TargetFramework", len) == 0) ||
	       (len == 16 && strncasecmp(name, "TargetFrameworks", len) == 0);
}

/* <TargetFrameworkVersion>, <TargetFramework>, <TargetFrameworks>: each `;` item of each run
 * of character data in the element (a comment between two runs separates them). */
static void dn__msbuild_runs(const struct walk *w, struct span name, const struct span *runs,
			     size_t nruns)
{
	const char *text = w->ctx->src->text;
	if (!dn__target_property(text + name.start, name.end - name.start))
		return;
	bool version = dn__eq(w, name, "TargetFrameworkVersion");
	if (version && dn__not_netfx(w))
		return;
	for (size_t r = 0; r < nruns; r++) {
		struct span item, all = runs[r];
		size_t pos = all.start;
		while (dn__next_item(w, all, ';', &pos, &item)) {
			const char *s = text + item.start;
			size_t len = item.end - item.start;
			dotnet_target t;
			if (version ? dotnet_target_parse_version(s, len, &t)
				    : dotnet_target_parse_moniker(s, len, &t))
				dn__target(w, item, version ? (struct span){ 0, 0 } : all, t,
					   TARGET_MSBUILD);
		}
	}
}

static void dn__msbuild_property(const struct walk *w, struct span name, TSNode content)
{
	if (!dn__target_property(w->ctx->src->text + name.start, name.end - name.start))
		return;
	uint32_t n = ts_node_named_child_count(content);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(content, i);
		if (strcmp(ts_node_type(c), "CharData") == 0) {
			struct span run = dn__span(c);
			dn__msbuild_runs(w, name, &run, 1);
		}
	}
}

/* value="Switch.A=true;Switch.B=false" */
static void dn__switch_overrides(const struct walk *w, struct span value)
{
	const file_ctx *ctx = w->ctx;
	const char *t = ctx->src->text;
	struct span item;
	size_t pos = value.start;
	while (dn__next_item(w, value, ';', &pos, &item)) {
		const char *eq = memchr(t + item.start, '=', item.end - item.start);
		if (!eq)
			continue;
		struct span name = dn__trim(w, (struct span){ item.start, (size_t)(eq - t) });
		struct span val = dn__trim(w, (struct span){ (size_t)(eq - t) + 1, item.end });
		bool on = dn__eq(w, val, "true");
		if (!on && !dn__eq(w, val, "false"))
			continue;
		size_t nlen = name.end - name.start;
		for (size_t k = 0; k < sizeof(tls_opt_out_switches) / sizeof(tls_opt_out_switches[0]); k++) {
			const char *sw = tls_opt_out_switches[k];
			if (strlen(sw) != nlen || memcmp(t + name.start, sw, nlen) != 0)
				continue;
			if (on && w->rules->switches) {
				message_args args = { .value_text = t + item.start,
						      .value_len = item.end - item.start };
				finding *f = emit_finding(ctx, w->rules->switches, name.start,
							  item.end, &args);
				emit_replace(ctx, f, "Set the switch to false.", val.start,
					     val.end, "false");
			} else if (!on && ctx->facts && k < 2) {
				fact *f = fact_list_add(ctx->facts, FACT_OPT_IN, ctx->lang, ctx->uri,
							ctx->src, item.start, item.end);
				f->opt_in = k == 0 ? OPT_STRONG_CRYPTO : OPT_SYSTEM_DEFAULT;
				f->scope = OPT_SCOPE_PROJECT;
			}
		}
	}
}

/* sslProtocols="Tls, Tls11, Tls12": the SslProtocols flags, names compared as whole words. */
static void dn__wcf_protocols(const struct walk *w, struct span value)
{
	const value_type *type = value_type_find("SslProtocols");
	const char *t = w->ctx->src->text;
	version_set v = 0;
	struct span item;
	size_t pos = value.start;
	while (dn__next_item(w, value, ',', &pos, &item)) {
		const value_member *m = value_type_member_nocase(type, t + item.start,
								 item.end - item.start);
		if (!m)
			return; /* not a value we know: silent */
		v |= value_type_versions(type, m->value);
	}
	if (!(v & VERSIONS_LEGACY))
		return;
	message_args args = { .versions = v & VERSIONS_LEGACY, .value_text = t + value.start,
			      .value_len = value.end - value.start };
	emit_finding(w->ctx, w->rules->wcf, value.start, value.end, &args);
}

static void dn__attribute(const struct walk *w, struct span element, struct span name,
			  TSNode value_node)
{
	struct span value = dn__att_value(w, value_node);
	const char *s = w->ctx->src->text + value.start;
	size_t len = value.end - value.start;
	dotnet_target t;
	if (w->ctx->lang == LANG_MSBUILD)
		return;
	if (w->packages_config) {
		if (dn__eq(w, element, "package") && dn__eq(w, name, "targetFramework") &&
		    dotnet_target_parse_moniker(s, len, &t))
			dn__target(w, value, (struct span){ 0, 0 }, t, TARGET_PACKAGES);
		return;
	}
	if ((dn__eq(w, element, "httpRuntime") || dn__eq(w, element, "compilation")) &&
	    dn__eq(w, name, "targetFramework")) {
		if (dotnet_target_parse_version(s, len, &t))
			dn__target(w, value, (struct span){ 0, 0 }, t, TARGET_HTTP_RUNTIME);
	} else if (dn__eq(w, element, "supportedRuntime") && dn__eq(w, name, "sku")) {
		if (dotnet_target_parse_sku(s, len, &t))
			dn__target(w, value, (struct span){ 0, 0 }, t, TARGET_SUPPORTED_RUNTIME);
	} else if (dn__eq(w, element, "AppContextSwitchOverrides") && dn__eq(w, name, "value")) {
		dn__switch_overrides(w, value);
	} else if (dn__eq(w, name, "sslProtocols") && w->rules->wcf) {
		dn__wcf_protocols(w, value);
	}
}

static void dn__element(const struct walk *w, TSNode element)
{
	TSNode tag = ts_node_named_child(element, 0);
	const char *kind = ts_node_type(tag);
	if (strcmp(kind, "STag") != 0 && strcmp(kind, "EmptyElemTag") != 0)
		return;
	TSNode name_node = ts_node_named_child(tag, 0);
	if (ts_node_is_null(name_node) || strcmp(ts_node_type(name_node), "Name") != 0)
		return;
	struct span name = dn__span(name_node);
	uint32_t n = ts_node_named_child_count(tag);
	for (uint32_t i = 1; i < n; i++) {
		TSNode a = ts_node_named_child(tag, i);
		if (strcmp(ts_node_type(a), "Attribute") != 0 || ts_node_named_child_count(a) != 2)
			continue;
		TSNode an = ts_node_named_child(a, 0), av = ts_node_named_child(a, 1);
		if (strcmp(ts_node_type(av), "AttValue") == 0)
			dn__attribute(w, name, dn__span(an), av);
	}
	if (w->ctx->lang == LANG_MSBUILD) {
		TSNode content = ts_node_named_child(element, 1);
		if (!ts_node_is_null(content) && strcmp(ts_node_type(content), "content") == 0)
			dn__msbuild_property(w, name, content);
	}
}

static void dn__walk(const struct walk *w, TSNode node, unsigned depth)
{
	if (depth > MAX_DEPTH)
		return;
	uint32_t n = ts_node_named_child_count(node);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(node, i);
		const char *kind = ts_node_type(c);
		if (strcmp(kind, "element") == 0)
			dn__element(w, c);
		if (strcmp(kind, "element") == 0 || strcmp(kind, "content") == 0)
			dn__walk(w, c, depth + 1);
	}
}

void dotnet_checks_run(const void *rules, const file_ctx *ctx, TSNode root)
{
	const char *base = strrchr(ctx->uri, '/');
	base = base ? base + 1 : ctx->uri;
	struct walk w = { .rules = rules, .ctx = ctx,
			  .packages_config = strcasecmp(base, "packages.config") == 0 };
	dn__walk(&w, root, 0);
}

bool dotnet_checks_plain_project(const void *rules, const file_ctx *ctx)
{
	msbuild_doc doc;
	if (ctx->lang != LANG_MSBUILD ||
	    !msbuild_read(ctx->src->text, ctx->src->len, dn__target_property, &doc))
		return false;
	struct walk w = { .rules = rules, .ctx = ctx };
	for (size_t i = 0; i < doc.nelements; i++) {
		const msbuild_element *e = &doc.elements[i];
		for (size_t r = e->first_run; r != MSBUILD_NO_RUN; r = doc.runs[r].next) {
			struct span s = { doc.runs[r].start, doc.runs[r].end };
			dn__msbuild_runs(&w, (struct span){ e->name.start, e->name.end }, &s, 1);
		}
	}
	msbuild_doc_release(&doc);
	return true;
}
