/* scanner.c: preparing front ends and analysing files on worker threads. */
#include "scanner.h"

#include <errno.h>
#include "util/git2_api.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/emit.h"
#include "engine/query_rules.h"
#include "engine/recover.h"
#include "engine/ts_arena.h"
#include "frontends/frontend.h"
#include "project/facts.h"
#include "project/post_scan.h"
#include "util/matcher.h"
#include "source/source_file.h"
#include "util/alloc.h"
#include "util/clock.h"
#include "util/fileio.h"
#include "values/evaluator.h"
#include "walk/vendored.h"

/* A rule's `keywords-alone` words: those of its first group as ids of the language's
 * matcher, those of its later groups as ids of `also`. */
struct alone_words {
	uint32_t *ids;
	size_t n;
	uint32_t *also_ids;
	size_t nalso;
};

/* A rule's `keywords-here` words, as ids of the language's matcher. */
struct here_words {
	uint32_t *ids;
	size_t n;
};

struct lang_slot {
	const frontend *fe;
	void *state;
	matcher *m;              /* every rule's first keyword group, one pass per file */
	matcher *also;           /* the later groups (ASCII case ignored), scanned only in the
				    files where a rule that has some holds its first group */
	keyword_expr *exprs;     /* per rule: its keyword groups */
	struct alone_words *alone; /* per rule: the ids of its `keywords-alone` words */
	struct here_words *here;   /* per rule: the ids of its `keywords-here` words */
	keyword_expr *fact_exprs; /* per post-scan analyzer reading this language */
	size_t nfact_exprs;
	bool always;             /* some rule has no keyword: every file is analysed */
	bool also_alone;         /* some rule has `keywords-alone` words in its later groups:
				    `also` is scanned with its hits' offsets */
	const rule **rules;
	size_t nrules;
	bool facts; /* a post-scan analyzer needs this language's facts */
	atomic_int status; /* SLOT_UNPREPARED until the first file that passes the prefilter */
	atomic_bool built; /* `m` and `also` are built (at the language's first file) */
};

enum { SLOT_UNPREPARED = 0, SLOT_READY, SLOT_FAILED };

struct post_slot {
	const post_scan_analyzer *pa;
	const rule *rule;
};

struct scanner {
	scan_options opts;
	const catalogue *cat;
	struct lang_slot langs[LANG_COUNT];
	struct post_slot *post; /* in rule-id order */
	size_t npost;
	const rule **evidence_only; /* disabled rules run for a post-scan analyzer's facts */
	size_t nevidence_only;
	pthread_mutex_t prepare_lock; /* languages are prepared lazily, by whichever of several
					 concurrent scanner_run() calls (audit) needs one first */
};

static bool scanner__listed(char *const *ids, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return true;
	return false;
}

bool scanner_rule_enabled(const scanner *s, const rule *r)
{
	if (scanner__listed(s->opts.disabled, s->opts.ndisabled, r->id))
		return false;
	return r->enabled_by_default || scanner__listed(s->opts.enabled, s->opts.nenabled, r->id);
}

/* The languages a rule's `language:` names: its name or an alias in the language table ("c"
 * covers C and C++; "dotnet" MSBuild and .NET configuration files). */
static int scanner__rule_languages(const rule *r, language out[LANG_COUNT])
{
	return (int)language_for_rule(r->language, out, LANG_COUNT);
}

static bool scanner__evidence_only(const scanner *s, const rule *r)
{
	for (size_t i = 0; i < s->nevidence_only; i++)
		if (s->evidence_only[i] == r)
			return true;
	return false;
}

static bool scanner__drop_evidence_only(const finding *f, const void *arg)
{
	return f->rule && scanner__evidence_only(arg, f->rule);
}

static void scanner__add_to_slots(scanner *s, const rule *r, const language *langs, int n)
{
	for (int k = 0; k < n; k++) {
		struct lang_slot *slot = &s->langs[langs[k]];
		if (!slot->m)
			slot->m = matcher_new(language_ignores_case(langs[k]));
		slot->exprs = xreallocarray(slot->exprs, slot->nrules + 1, sizeof(*slot->exprs));
		keyword_expr *e = &slot->exprs[slot->nrules];
		memset(e, 0, sizeof(*e));
		slot->here = xreallocarray(slot->here, slot->nrules + 1, sizeof(*slot->here));
		struct here_words *h = &slot->here[slot->nrules];
		h->n = r->nkeywords ? r->nkeywords_here : 0;
		h->ids = h->n ? xcalloc(h->n, sizeof(*h->ids)) : NULL;
		for (size_t i = 0; i < h->n; i++)
			h->ids[i] = matcher_add(slot->m, r->keywords_here[i]);
		*PUSH(slot->rules, slot->nrules) = r;
		if (r->nkeywords)
			keyword_expr_add_group(e, slot->m, (const char *const *)r->keywords,
					       r->nkeywords);
		else
			slot->always = true;
		if (r->nalso && r->nkeywords && !slot->also)
			slot->also = matcher_new(true);
		for (size_t g = 0; g < r->nalso && r->nkeywords; g++)
			keyword_expr_add_group(e, slot->also, (const char *const *)r->also[g].words,
					       r->also[g].len);
		slot->alone = xreallocarray(slot->alone, slot->nrules, sizeof(*slot->alone));
		struct alone_words *a = &slot->alone[slot->nrules - 1];
		memset(a, 0, sizeof(*a));
		size_t nalone = r->nkeywords ? r->nkeywords_alone : 0;
		for (size_t i = 0; i < nalone; i++) {
			const char *w = r->keywords_alone[i];
			bool first = false;
			for (size_t j = 0; j < r->nkeywords && !first; j++)
				first = strcmp(r->keywords[j], w) == 0;
			if (first || !slot->also) {
				*PUSH(a->ids, a->n) = matcher_add(slot->m, w);
			} else {
				*PUSH(a->also_ids, a->nalso) = matcher_add(slot->also, w);
				slot->also_alone = true;
			}
		}
	}
}

/* Runs the disabled evidence rules of the post-scan analyzers anyway, for their facts. */
static void scanner__add_evidence_rules(scanner *s)
{
	for (size_t i = 0; i < s->npost; i++) {
		const char *const *ids = s->post[i].pa->evidence_rules;
		for (size_t k = 0; ids && ids[k]; k++) {
			const rule *r = catalogue_find(s->cat, ids[k]);
			language langs[LANG_COUNT];
			int n = r ? scanner__rule_languages(r, langs) : 0;
			if (!n || scanner_rule_enabled(s, r) || scanner__evidence_only(s, r))
				continue;
			*PUSH(s->evidence_only, s->nevidence_only) = r;
			scanner__add_to_slots(s, r, langs, n);
		}
	}
}

/* Compiles a language's rules into its front end's state. Called with prepare_lock held, or
 * before any worker runs. */
static int scanner__prepare(scanner *s, language lang, char *err, size_t errlen)
{
	struct lang_slot *slot = &s->langs[lang];
	if (atomic_load(&slot->status) != SLOT_UNPREPARED || !slot->fe)
		return atomic_load(&slot->status) == SLOT_FAILED ? -1 : 0;
	if (slot->fe->prepare(&slot->state, lang, slot->rules, slot->nrules, err, errlen) < 0) {
		slot->state = NULL;
		atomic_store(&slot->status, SLOT_FAILED);
		return -1;
	}
	if (slot->fe->configure && slot->fe->configure(slot->state, &s->opts.fe, err, errlen) < 0) {
		slot->fe->release(slot->state);
		slot->state = NULL;
		atomic_store(&slot->status, SLOT_FAILED);
		return -1;
	}
	atomic_store(&slot->status, SLOT_READY);
	return 0;
}

/* Compiling queries is most of start-up, so a language is prepared when the first of its
 * files passes the prefilter: a commit that touches no TLS code compiles nothing. A failure
 * (a built-in rule that does not compile, which the test suite rules out) turns the language
 * off and becomes one error notification. */
static bool scanner__ensure_prepared(scanner *s, language lang, finding_list *out)
{
	struct lang_slot *slot = &s->langs[lang];
	int status = atomic_load(&slot->status);
	if (status != SLOT_UNPREPARED)
		return status == SLOT_READY;
	pthread_mutex_lock(&s->prepare_lock);
	char err[1024];
	if (atomic_load(&slot->status) == SLOT_UNPREPARED &&
	    scanner__prepare(s, lang, err, sizeof(err)) < 0)
		finding_list_note(out, LEVEL_ERROR, NULL, NULL, "%s files were not analysed: %s",
				  language_name(lang), err);
	pthread_mutex_unlock(&s->prepare_lock);
	return atomic_load(&slot->status) == SLOT_READY;
}

int scanner_new(scanner **out, const catalogue *cat, const scan_options *opts, char *err,
		size_t errlen)
{
	scanner *s = xcalloc(1, sizeof(*s));
	pthread_mutex_init(&s->prepare_lock, NULL);
	s->opts = *opts;
	s->opts.fe.compile_all = s->opts.prepare_all;
	s->cat = cat;
	if (!s->opts.jobs) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		s->opts.jobs = n > 0 ? (unsigned)n : 1;
	}
	/* Every rule, and after it its variants (its patterns for further languages). */
	for (size_t i = 0, v = 0; i < cat->len; v < cat->rules[i]->nvariants ? v++ : (v = 0, i++)) {
		const rule *r = v ? cat->rules[i]->variants[v - 1] : cat->rules[i];
		language langs[LANG_COUNT];
		int n = scanner__rule_languages(r, langs);
		if (n == 0) {
			snprintf(err, errlen, "%s: unknown language '%s'", r->source_path, r->language);
			scanner_free(s);
			return -1;
		}
		if (!scanner_rule_enabled(s, r))
			continue;
		const post_scan_analyzer *pa = r->primary ? NULL : post_scan_for(r->id);
		if (pa) {
			*PUSH(s->post, s->npost) = (struct post_slot){ pa, r };
			for (const language *l = pa->langs; *l != LANG_NONE; l++) {
				struct lang_slot *slot = &s->langs[*l];
				slot->facts = true;
				size_t nk = 0;
				while (pa->keywords[nk])
					nk++;
				if (!slot->m)
					slot->m = matcher_new(language_ignores_case(*l));
				slot->fact_exprs = xreallocarray(slot->fact_exprs, slot->nfact_exprs + 1,
								 sizeof(*slot->fact_exprs));
				keyword_expr *e = &slot->fact_exprs[slot->nfact_exprs++];
				memset(e, 0, sizeof(*e));
				if (nk)
					keyword_expr_add_group(e, slot->m, pa->keywords, nk);
				else
					slot->always = true;
			}
			if (!pa->per_file)
				continue; /* the analyzer alone makes this rule's findings */
		}
		scanner__add_to_slots(s, r, langs, n);
	}
	scanner__add_evidence_rules(s);
	for (int l = 1; l < LANG_COUNT; l++) {
		struct lang_slot *slot = &s->langs[l];
		if (!slot->nrules && !slot->facts)
			continue;
		slot->fe = frontend_for((language)l);
		if (!slot->fe && !slot->nrules)
			continue; /* no facts to be had from this language yet */
		if (!slot->fe) {
			snprintf(err, errlen, "%s: no front end analyses %s files yet",
				 slot->rules[0]->source_path, language_name((language)l));
			scanner_free(s);
			return -1;
		}
		bool user_rules = false;
		for (size_t i = 0; i < slot->nrules; i++)
			user_rules |= !slot->rules[i]->builtin;
		/* Compiling queries is most of start-up: built-in rules wait until a file of
		 * their language is scanned; a user's rule files are checked now. */
		if ((s->opts.prepare_all || user_rules) &&
		    scanner__prepare(s, (language)l, err, errlen) < 0) {
			scanner_free(s);
			return -1;
		}
	}
	*out = s;
	return 0;
}

void scanner_free(scanner *s)
{
	if (!s)
		return;
	for (int l = 0; l < LANG_COUNT; l++) {
		struct lang_slot *slot = &s->langs[l];
		if (slot->fe && atomic_load(&slot->status) == SLOT_READY && slot->state)
			slot->fe->release(slot->state);
		for (size_t i = 0; i < slot->nrules; i++) {
			keyword_expr_release(&slot->exprs[i]);
			free(slot->alone[i].ids);
			free(slot->alone[i].also_ids);
			free(slot->here[i].ids);
		}
		free(slot->alone);
		free(slot->here);
		for (size_t i = 0; i < slot->nfact_exprs; i++)
			keyword_expr_release(&slot->fact_exprs[i]);
		free(slot->exprs);
		free(slot->fact_exprs);
		matcher_free(slot->m);
		matcher_free(slot->also);
		free(slot->rules);
	}
	free(s->post);
	free(s->evidence_only);
	pthread_mutex_destroy(&s->prepare_lock);
	free(s);
}

/* What a file's analysis gives: its findings, facts and scan-wide index lookups. */
struct file_out {
	finding_list results;
	fact_list facts;
	index_lookups lookups;
};

struct run {
	scanner *s;
	const walk_list *files;
	/* Streamed (scanner_run_walk): the list grows while the workers read it
	 * (walk_list_stream_get), and each file's outputs go to outs[i] until the walk is over
	 * and they are put in the list's order. */
	walk_list *stream;
	struct file_out **outs;
	size_t nouts;
	pthread_mutex_t outs_lock;
	finding_list *results; /* one per file */
	fact_list *facts;      /* one per file */
	/* Per language, its evaluator's scan-wide index: filled by the workers from the trees
	 * they parse, sealed when they are done, then only read (value_evaluator.scan_index_new). */
	void *scan_index[LANG_COUNT];
	bool sealed;               /* the second round: the indexes are complete */
	index_lookups *lookups;    /* one per file: what it looked up before they were */
	const size_t *order;       /* the second round's files (NULL: every file, in order) */
	size_t norder;
	atomic_size_t next;
	atomic_size_t done;
	atomic_size_t read, parsed, failed, unreadable, bytes, findings;
	atomic_size_t deferred_parsed; /* `keywords-here` files analysed in the second round */
	size_t again; /* files of the second round */
};

static bool scanner__any_rule_applies(const struct lang_slot *slot, const char *uri)
{
	if (slot->facts)
		return true;
	for (size_t i = 0; i < slot->nrules; i++)
		if (rule_applies_to(slot->rules[i], uri))
			return true;
	return false;
}

/* The file's bytes as stored, from disk or from its object database. */
static int scanner__raw(const walk_file *f, size_t max, char **out, size_t *len)
{
	if (!f->odb)
		return file_read_all(f->path, max, out, len);
	git_odb_object *obj = NULL;
	if (git_odb_read(&obj, f->odb, &f->blob) < 0)
		return -1;
	*len = git_odb_object_size(obj);
	*out = xmalloc(*len + 1);
	memcpy(*out, git_odb_object_data(obj), *len);
	(*out)[*len] = '\0';
	git_odb_object_free(obj);
	return 0;
}

/* The file pass (scan_options.file_pass) reads a file's bytes as stored. For plain UTF-8 those
 * are the decoded text; other encodings are read again (rare, and only for files with
 * findings). */
static void scanner__file_pass(struct run *run, const walk_file *f, const source_file *src,
			       finding_list *out)
{
	const finding_pass *pass = run->s->opts.file_pass;
	if (!pass)
		return;
	if (src->encoding == ENCODING_UTF8) {
		pass->run(f->uri, src->text, src->len, out);
		return;
	}
	char *raw = NULL;
	size_t len = 0;
	if (scanner__raw(f, run->s->opts.max_file_size, &raw, &len) < 0)
		return;
	pass->run(f->uri, raw, len, out);
	free(raw);
}

static int scanner__cmp_file_uri(const void *key, const void *elem)
{
	return strcmp(key, ((const walk_file *)elem)->uri);
}

/* Findings that post-scan analyses added have not been through the file pass: read their files
 * again for it (`out` is sorted, so a file's findings are together). */
static void scanner__post_scan_file_pass(scanner *s, const walk_list *files, finding_list *out)
{
	const finding_pass *pass = s->opts.file_pass;
	for (size_t i = 0; pass && i < out->len; i++) {
		finding *f = &out->items[i];
		if (i > 0 && strcmp(out->items[i - 1].uri, f->uri) == 0)
			continue; /* not the first finding of its file */
		size_t end = i;
		bool missing = false;
		while (end < out->len && strcmp(out->items[end].uri, f->uri) == 0)
			missing |= pass->wants(&out->items[end++]);
		const walk_file *wf = files->len ? bsearch(f->uri, files->files, files->len,
							   sizeof(*files->files),
							   scanner__cmp_file_uri)
						 : NULL;
		char *raw = NULL;
		size_t len = 0;
		if (!missing || !wf || scanner__raw(wf, s->opts.max_file_size, &raw, &len) < 0)
			continue;
		finding_list file_findings = { .items = out->items + i, .len = end - i }; /* a view */
		pass->run(f->uri, raw, len, &file_findings);
		free(raw);
	}
}

/* Per-thread scratch of the keyword pass. */
struct keyword_scratch {
	match_result hits;
	match_result also;
	bool *live;
	size_t cap;
};

/* A language's keyword tables are built at its first file read (scanner__keywords), not at
 * start-up: a scan of one file builds one language's, not those of every language. */
static pthread_mutex_t scanner__build_lock = PTHREAD_MUTEX_INITIALIZER;

static void scanner__ensure_built(struct lang_slot *slot)
{
	if (atomic_load(&slot->built))
		return;
	pthread_mutex_lock(&scanner__build_lock);
	if (!atomic_load(&slot->built)) {
		if (slot->m)
			matcher_build(slot->m);
		if (slot->also)
			matcher_build(slot->also);
		atomic_store(&slot->built, true);
	}
	pthread_mutex_unlock(&scanner__build_lock);
}

static int scanner__cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* `keywords-in: code`: a live rule whose first-group words the file spells only in comments
 * and strings is not live. */
static void scanner__keywords_in_code(const struct lang_slot *slot, language lang,
				      const source_file *src, struct keyword_scratch *ks)
{
	uint32_t *at = NULL;
	size_t cap = 0;
	for (size_t r = 0; r < slot->nrules; r++) {
		if (!ks->live[r] || !slot->rules[r]->keywords_in_code)
			continue;
		if (!ts_narrowing_enabled())
			break;
		size_t n = 0;
		for (size_t k = 0; k < ks->hits.nhits; k++)
			if (keyword_expr_in_group(&slot->exprs[r], 0, ks->hits.hits[k].word)) {
				GROW(at, cap, n + 1);
				at[n++] = ks->hits.hits[k].offset;
			}
		qsort(at, n, sizeof(*at), scanner__cmp_u32);
		ks->live[r] = recover_first_in_code(lang, src->text, src->len, at, n) < n;
	}
	free(at);
}

/* `keywords-alone`: a word stands alone when neither byte beside it is a letter, a digit,
 * `_`, `-` or `.`: `-1` in `curl -1 URL` or `"-1"`, not in `x-1`, `-10` or `2021-1.5`. */
static bool scanner__word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.';
}

static bool scanner__alone(const matcher *m, const source_file *src, const match_hit *h)
{
	size_t end = h->offset + matcher_word_len(m, h->word);
	return (h->offset == 0 || !scanner__word_char(src->text[h->offset - 1])) &&
	       (end >= src->len || !scanner__word_char(src->text[end]));
}

/* Does group `g` of `e` hold in `hits` (of matcher `m`, with offsets), its `keywords-alone`
 * words (`alone`, ids of `m`) counting only standing alone? */
static bool scanner__group_alone(const keyword_expr *e, size_t g, const matcher *m,
				 const uint32_t *alone, size_t nalone, const source_file *src,
				 const match_result *hits)
{
	for (size_t k = 0; k < hits->nhits; k++) {
		const match_hit *h = &hits->hits[k];
		if (!keyword_expr_in_group(e, g, h->word))
			continue;
		bool restricted = false;
		for (size_t i = 0; i < nalone && !restricted; i++)
			restricted = alone[i] == h->word;
		if (!restricted || scanner__alone(m, src, h))
			return true;
	}
	return false;
}

/* One pass over the text for every keyword of the language; says which rules can match
 * (`ks->live`) and whether the file is worth analysing at all. */
static bool scanner__keywords(struct lang_slot *slot, language lang, const char *uri,
			      const source_file *src, struct keyword_scratch *ks)
{
	scanner__ensure_built(slot);
	if (ks->cap < slot->nrules) {
		ks->live = xreallocarray(ks->live, slot->nrules, sizeof(bool));
		ks->cap = slot->nrules;
	}
	matcher_scan(slot->m, src->text, src->len, true, &ks->hits);
	bool any = slot->always, also_scanned = false;
	for (size_t r = 0; r < slot->nrules; r++) {
		const keyword_expr *e = &slot->exprs[r];
		const struct alone_words *a = &slot->alone[r];
		ks->live[r] = rule_applies_to(slot->rules[r], uri) &&
			      (!e->ngroups || keyword_expr_group_holds(e, 0, &ks->hits));
		if (ks->live[r] && a->n && ts_narrowing_enabled())
			ks->live[r] = scanner__group_alone(e, 0, slot->m, a->ids, a->n, src,
							   &ks->hits);
		bool alone = a->nalso && ts_narrowing_enabled();
		for (size_t g = 1; g < e->ngroups && ks->live[r]; g++) {
			if (!also_scanned)
				matcher_scan(slot->also, src->text, src->len, slot->also_alone,
					     &ks->also);
			also_scanned = true;
			ks->live[r] = alone ? scanner__group_alone(e, g, slot->also, a->also_ids,
								   a->nalso, src, &ks->also)
					    : keyword_expr_group_holds(e, g, &ks->also);
		}
	}
	/* Last, as it reads the text again: only for rules that every group lets in. */
	scanner__keywords_in_code(slot, lang, src, ks);
	for (size_t r = 0; r < slot->nrules; r++)
		any |= ks->live[r];
	for (size_t f = 0; f < slot->nfact_exprs && !any; f++)
		any = keyword_expr_holds(&slot->fact_exprs[f], &ks->hits);
	return any;
}

/* `keywords-here`: every rule the keyword pass let in has such words and the file spells
 * none of them, so its rules can match only through names of the scan's index; and the file
 * adds nothing to that index. */
static bool scanner__index_only(const struct lang_slot *slot, language lang,
				const source_file *src, const struct keyword_scratch *ks)
{
	const value_evaluator *ev = evaluator_for(lang);
	if (!ev || !ev->scan_index_reads || !ev->scan_index_mentioned || slot->nfact_exprs ||
	    slot->always || !ts_narrowing_enabled())
		return false;
	bool any = false;
	for (size_t r = 0; r < slot->nrules; r++) {
		if (!ks->live[r])
			continue;
		const struct here_words *h = &slot->here[r];
		if (!h->n)
			return false;
		for (size_t i = 0; i < h->n; i++)
			if (match_found(&ks->hits, h->ids[i]))
				return false;
		any = true;
	}
	return any && !ev->scan_index_reads(src);
}

static void scanner__file(struct run *run, const walk_file *f, finding_list *out,
			  fact_list *facts, index_lookups *lookups, void **workers,
			  struct keyword_scratch *ks)
{
	language lang = f->lang;
	struct lang_slot *slot = &run->s->langs[lang];
	/* A language whose sniff hook may claim the file by its content (an ARM template among
	 * .json files) counts too: the file is read when any of them has a rule for it. */
	language sniffers[LANG_COUNT];
	size_t nsniffers = language_sniffers(f->uri, sniffers, LANG_COUNT);
	bool wanted = slot->fe && scanner__any_rule_applies(slot, f->uri);
	for (size_t k = 0; k < nsniffers && !wanted; k++) {
		const struct lang_slot *o = &run->s->langs[sniffers[k]];
		wanted = o->fe && scanner__any_rule_applies(o, f->uri);
	}
	if (!wanted)
		return; /* no rule could match: not even read */
	const char *vendored = vendored_path(f->uri);
	if (vendored && run->s->opts.skip_vendored)
		return;

	source_file src;
	char why[512];
	source_error rc = walk_file_load_unindexed(&src, f, run->s->opts.max_file_size, why,
						   sizeof(why));
	atomic_fetch_add(&run->read, 1);
	switch (rc) {
	case SOURCE_OK:
		break;
	case SOURCE_TOO_LARGE:
		finding_list_note(out, LEVEL_WARNING, f->uri, f->path,
				  "%s: skipped: larger than the %zu-byte limit (--max-file-size)",
				  f->path, run->s->opts.max_file_size);
		atomic_fetch_add(&run->failed, 1);
		return;
	case SOURCE_BINARY:
		finding_list_note(out, LEVEL_WARNING, f->uri, f->path,
				  "%s: skipped: binary content in a %s file", f->path,
				  language_name(f->lang));
		atomic_fetch_add(&run->failed, 1);
		return;
	case SOURCE_UNREADABLE:
		finding_list_note(out, LEVEL_WARNING, f->uri, f->path, "%s: cannot read: %s",
				  f->path, why);
		atomic_fetch_add(&run->failed, 1);
		atomic_fetch_add(&run->unreadable, 1);
		return;
	}
	atomic_fetch_add(&run->bytes, src.len);
	if (nsniffers) {
		lang = language_sniff(lang, f->uri, src.text, src.len);
		slot = &run->s->langs[lang];
		if (!slot->fe || !scanner__any_rule_applies(slot, f->uri)) {
			source_release(&src);
			return;
		}
	}
	if (src.encoding == ENCODING_LATIN1)
		finding_list_note(out, LEVEL_NOTE, f->uri, f->path,
				  "%s: not valid UTF-8; read as ISO-8859-1", f->path);
	/* Most files end at the keyword pass: what only analysed files need (the generated or
	 * minified check, the line index) comes after it. */
	bool analyse = scanner__keywords(slot, lang, f->uri, &src, ks);
	if (analyse && !vendored)
		vendored = vendored_content(src.text, src.len);
	if (analyse && vendored && run->s->opts.skip_vendored)
		analyse = false;
	/* A file whose rules can match only through another file's names waits for the
	 * complete index, and is analysed then only if it spells one of its names. */
	if (analyse && (lookups || run->sealed) && run->scan_index[lang] &&
	    scanner__index_only(slot, lang, &src, ks)) {
		if (!run->sealed) {
			lookups->deferred = true;
			analyse = false;
		} else if (!evaluator_for(lang)->scan_index_mentioned(run->scan_index[lang],
								      src.text, src.len)) {
			analyse = false;
		} else {
			atomic_fetch_add(&run->deferred_parsed, 1);
		}
	}
	if (analyse && scanner__ensure_prepared(run->s, lang, out)) {
		source_index_lines(&src);
		atomic_fetch_add(&run->parsed, 1);
		if (!workers[lang] && slot->fe->worker_new)
			workers[lang] = slot->fe->worker_new(run->s->opts.timeout_ms);
		file_ctx ctx = { .src = &src, .uri = f->uri, .display_path = f->path,
				 .lang = lang, .out = out, .facts = facts,
				 .observe_value = facts_observe_value,
				 .scan_index = run->scan_index[lang],
				 .scan_index_sink = run->sealed ? NULL : run->scan_index[lang],
				 .lookups = run->sealed || !run->scan_index[lang] ? NULL : lookups,
				 .rules = slot->rules, .nrules = slot->nrules, .live = ks->live,
				 .hits = &ks->hits, .exprs = slot->exprs };
		why[0] = '\0';
		if (slot->fe->analyze(slot->state, workers[lang], &ctx, why, sizeof(why)) < 0) {
			finding_list_note(out, LEVEL_WARNING, f->uri, f->path, "%s: %s", f->path,
					  why);
			atomic_fetch_add(&run->failed, 1);
		}
		atomic_fetch_add(&run->findings, out->len);
		for (size_t k = 0; k < out->len; k++)
			out->items[k].vendored = vendored;
		if (out->len)
			scanner__file_pass(run, f, &src, out);
	}
	source_release(&src);
}

static void *scanner__worker(void *arg)
{
	struct run *run = arg;
	void *workers[LANG_COUNT] = { 0 };
	struct keyword_scratch ks = { 0 };
	for (;;) {
		size_t i = atomic_fetch_add(&run->next, 1);
		if (run->stream) {
			walk_file f;
			if (!walk_list_stream_get(run->stream, i, &f))
				break;
			struct file_out *o = xcalloc(1, sizeof(*o));
			scanner__file(run, &f, &o->results, &o->facts, &o->lookups, workers, &ks);
			pthread_mutex_lock(&run->outs_lock);
			if (i >= run->nouts) {
				size_t n = run->nouts ? run->nouts : 1024;
				while (n <= i)
					n *= 2;
				run->outs = xreallocarray(run->outs, n, sizeof(*run->outs));
				memset(run->outs + run->nouts, 0, (n - run->nouts) * sizeof(*run->outs));
				run->nouts = n;
			}
			run->outs[i] = o;
			pthread_mutex_unlock(&run->outs_lock);
			atomic_fetch_add(&run->done, 1);
			continue;
		}
		if (i >= (run->order ? run->norder : run->files->len))
			break;
		if (run->order)
			i = run->order[i];
		scanner__file(run, &run->files->files[i], &run->results[i], &run->facts[i],
			      run->lookups ? &run->lookups[i] : NULL, workers, &ks);
		atomic_fetch_add(&run->done, 1);
	}
	match_result_release(&ks.hits);
	match_result_release(&ks.also);
	free(ks.live);
	for (int l = 0; l < LANG_COUNT; l++)
		if (workers[l])
			run->s->langs[l].fe->worker_free(workers[l]);
	ts_arena_thread_release();
	return NULL;
}

static void scanner__progress(struct run *run, double start, bool final)
{
	size_t done = atomic_load(&run->done), total = run->files->len;
	double elapsed = clock_seconds() - start;
	double rate = elapsed > 0 ? (double)done / elapsed : 0;
	fprintf(stderr, "\r\033[Ktlslint: %zu/%zu files, %zu findings, %.0f files/s", done, total,
		atomic_load(&run->findings), rate);
	if (final)
		fputc('\n', stderr);
	fflush(stderr);
}

/* Starts up to `jobs` workers on `run` in `threads`, or, when `inline_run` asks for it or no
 * thread can be had, does the work on the calling thread. Returns how many threads to join. */
static unsigned scanner__start(struct run *run, pthread_t *threads, unsigned jobs,
			       bool inline_run)
{
	unsigned started = 0;
	for (unsigned t = 0; t < jobs && !inline_run; t++)
		if (pthread_create(&threads[t], NULL, scanner__worker, run) == 0)
			started++;
	if (started == 0)
		scanner__worker(run); /* no threads to be had: do the work here */
	return started;
}

static void scanner__join(pthread_t *threads, unsigned started)
{
	for (unsigned t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
}

/* Seals the scan-wide indexes, and analyses again the files that looked up a name there
 * before the index was complete, if the complete index knows it: their findings are then
 * those of a scan that built the index first. Files whose every lookup still fails keep the
 * findings they have. */
static void scanner__second_round(struct run *run, pthread_t *threads, unsigned jobs)
{
	for (int l = 0; l < LANG_COUNT; l++)
		if (run->scan_index[l])
			language_get((language)l)->evaluator->scan_index_seal(run->scan_index[l]);
	size_t *redo = NULL, nredo = 0, ndeferred = 0;
	for (size_t i = 0; i < run->files->len; i++) {
		index_lookups *lk = &run->lookups[i];
		bool again = lk->overflow || lk->deferred;
		ndeferred += lk->deferred;
		/* Keys are asked of every index (a sniff hook may have given the file another
		 * language than its walk entry's). */
		for (int l = 0; l < LANG_COUNT && !again && lk->len; l++) {
			const value_evaluator *o = language_get((language)l)->evaluator;
			for (size_t k = 0; k < lk->len && !again && run->scan_index[l] &&
					   o->scan_index_answers; k++)
				again = o->scan_index_answers(run->scan_index[l], lk->keys[k]);
		}
		index_lookups_release(lk);
		if (again)
			*PUSH(redo, nredo) = i;
	}
	free(run->lookups);
	run->lookups = NULL;
	run->sealed = true;
	run->again = nredo - ndeferred;
	if (!nredo)
		return;
	/* The counts stay those of the first round: these files were read and parsed once
	 * as far as the user is concerned. */
	size_t read = atomic_load(&run->read), parsed = atomic_load(&run->parsed);
	size_t failed = atomic_load(&run->failed), unreadable = atomic_load(&run->unreadable);
	size_t bytes = atomic_load(&run->bytes);
	for (size_t k = 0; k < nredo; k++) {
		finding_list_release(&run->results[redo[k]]);
		memset(&run->results[redo[k]], 0, sizeof(run->results[redo[k]]));
		fact_list_release(&run->facts[redo[k]]);
		memset(&run->facts[redo[k]], 0, sizeof(run->facts[redo[k]]));
	}
	run->order = redo;
	run->norder = nredo;
	atomic_store(&run->next, 0);
	if (jobs > nredo)
		jobs = (unsigned)nredo;
	scanner__join(threads, scanner__start(run, threads, jobs, jobs == 1));
	free(redo);
	run->order = NULL;
	atomic_store(&run->read, read);
	atomic_store(&run->parsed, parsed + atomic_load(&run->deferred_parsed));
	atomic_store(&run->failed, failed);
	atomic_store(&run->unreadable, unreadable);
	atomic_store(&run->bytes, bytes);
}

static bool scanner__vendored(const finding *f, const void *arg)
{
	(void)arg;
	return f->vendored != NULL;
}

/* The scan-wide indexes (C#: constants of every file, so that a use resolves a definition in
 * another file), for the languages with rules to run: empty now, filled by the workers.
 * False when there are none. */
static bool scanner__indexes(scanner *s, struct run *run)
{
	bool any_index = false;
	for (int l = 0; l < LANG_COUNT; l++) {
		const value_evaluator *ev = language_get((language)l)->evaluator;
		if (ev && ev->scan_index_new && s->langs[l].fe && s->langs[l].nrules) {
			run->scan_index[l] = ev->scan_index_new(s->opts.max_file_size);
			any_index = true;
		}
	}
	return any_index;
}

static void scanner__wait(struct run *run, pthread_t *threads, unsigned started, double start)
{
	if (run->s->opts.progress) {
		while (atomic_load(&run->done) < run->files->len && started) {
			scanner__progress(run, start, false);
			struct timespec ts = { 0, 200 * 1000 * 1000 };
			nanosleep(&ts, NULL);
		}
	}
	scanner__join(threads, started);
	if (run->s->opts.progress)
		scanner__progress(run, start, true);
}

/* After the first round: the second, then the cross-file analyses, over `files` in order. */
static void scanner__finish(struct run *run, pthread_t *threads, unsigned jobs, bool any_index,
			    finding_list *out, scan_stats *stats, double start)
{
	scanner *s = run->s;
	const walk_list *files = run->files;
	if (any_index)
		scanner__second_round(run, threads, jobs);
	free(threads);
	fact_list facts = { 0 };
	for (size_t i = 0; i < files->len; i++) {
		finding_list_take(out, &run->results[i]);
		fact_list_take(&facts, &run->facts[i]);
	}
	free(run->results);
	free(run->facts);
	for (int l = 0; l < LANG_COUNT; l++)
		if (run->scan_index[l])
			language_get((language)l)->evaluator->scan_index_free(run->scan_index[l]);
	finding_list_drop_if(out, scanner__drop_evidence_only, s);
	/* Cross-file analyses see every file's findings and facts, in file order. */
	post_scan_shared shared = { 0 };
	for (size_t i = 0; i < s->npost; i++) {
		post_scan_ctx pctx = { .files = files, .facts = &facts, .out = out,
				       .rule = s->post[i].rule,
				       .max_file_size = s->opts.max_file_size, .shared = &shared };
		s->post[i].pa->run(&pctx);
	}
	post_scan_shared_release(&shared);
	/* What the post-scan analyses added is labelled by its path. */
	for (size_t i = 0; i < out->len; i++)
		if (!out->items[i].vendored)
			out->items[i].vendored = vendored_path(out->items[i].uri);
	if (s->opts.skip_vendored)
		finding_list_drop_if(out, scanner__vendored, NULL);
	fact_list_release(&facts);
	finding_list_sort(out);
	scanner__post_scan_file_pass(s, files, out);
	if (stats) {
		stats->files = files->len;
		stats->read = atomic_load(&run->read);
		stats->parsed = atomic_load(&run->parsed);
		stats->failed = atomic_load(&run->failed);
		stats->unreadable = atomic_load(&run->unreadable);
		stats->bytes = atomic_load(&run->bytes);
		stats->again = run->again;
		stats->seconds = clock_seconds() - start;
	}
}

void scanner_run(scanner *s, const walk_list *files, finding_list *out, scan_stats *stats)
{
	double start = clock_seconds();
	struct run run = { .s = s, .files = files };
	run.results = xcalloc(files->len ? files->len : 1, sizeof(*run.results));
	run.facts = xcalloc(files->len ? files->len : 1, sizeof(*run.facts));
	bool any_index = scanner__indexes(s, &run);
	if (any_index)
		run.lookups = xcalloc(files->len ? files->len : 1, sizeof(*run.lookups));
	unsigned jobs = s->opts.jobs;
	if (jobs > files->len)
		jobs = files->len ? (unsigned)files->len : 1;
	pthread_t *threads = xcalloc(jobs, sizeof(*threads));
	/* One job without a progress line runs on the calling thread (callers such as `audit`
	 * that scan many file lists in parallel bring their own threads). */
	unsigned started = scanner__start(&run, threads, jobs, jobs == 1 && !s->opts.progress);
	scanner__wait(&run, threads, started, start);
	scanner__finish(&run, threads, jobs, any_index, out, stats, start);
}

struct walk_order {
	const walk_file *files;
	size_t i;
};

static int scanner__cmp_walk_order(const void *a, const void *b)
{
	const struct walk_order *x = a, *y = b;
	int c = strcmp(x->files[x->i].uri, y->files[y->i].uri);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* The streamed first round is over: the files in uri order (the stream listed each uri
 * once), and their outputs in the per-file arrays of the second round and the cross-file
 * analyses. */
static void scanner__settle(struct run *run, walk_list *files, bool any_index)
{
	size_t n = files->len;
	struct walk_order *order = xcalloc(n ? n : 1, sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = (struct walk_order){ files->files, i };
	qsort(order, n, sizeof(*order), scanner__cmp_walk_order);
	walk_file *sorted = xcalloc(n ? n : 1, sizeof(*sorted));
	run->results = xcalloc(n ? n : 1, sizeof(*run->results));
	run->facts = xcalloc(n ? n : 1, sizeof(*run->facts));
	if (any_index)
		run->lookups = xcalloc(n ? n : 1, sizeof(*run->lookups));
	size_t kept = 0;
	for (size_t k = 0; k < n; k++) {
		size_t i = order[k].i;
		struct file_out *o = i < run->nouts ? run->outs[i] : NULL;
		sorted[kept] = files->files[i];
		if (o) {
			run->results[kept] = o->results;
			run->facts[kept] = o->facts;
			if (any_index)
				run->lookups[kept] = o->lookups;
			else
				index_lookups_release(&o->lookups);
		}
		kept++;
		free(o);
	}
	free(order);
	free(run->outs);
	run->outs = NULL;
	run->nouts = 0;
	free(files->files);
	files->files = sorted;
	files->len = kept;
	files->cap = n ? n : 1;
	files->sorted = true;
	run->stream = NULL;
}

void scanner_run_walk(scanner *s, walk_list *files, scanner_walk_fn walk, void *arg,
		      finding_list *out, scan_stats *stats)
{
	double start = clock_seconds();
	struct run run = { .s = s, .files = files, .stream = files };
	pthread_mutex_init(&run.outs_lock, NULL);
	bool any_index = scanner__indexes(s, &run);
	unsigned jobs = s->opts.jobs ? s->opts.jobs : 1;
	pthread_t *threads = xcalloc(jobs, sizeof(*threads));
	walk_list_stream_begin(files);
	unsigned started = 0;
	for (unsigned t = 0; t < jobs; t++)
		if (pthread_create(&threads[t], NULL, scanner__worker, &run) == 0)
			started++;
	walk(arg, files);
	walk_list_stream_end(files);
	if (!started)
		scanner__worker(&run); /* no thread to be had: the work after the walk */
	scanner__wait(&run, threads, started, start);
	walk_list_stream_free(files);
	pthread_mutex_destroy(&run.outs_lock);
	scanner__settle(&run, files, any_index);
	scanner__finish(&run, threads, jobs, any_index, out, stats, start);
}
