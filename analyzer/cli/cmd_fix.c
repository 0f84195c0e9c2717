/* cmd_fix.c: `tlslint fix [options] [PATH...]`: applies the fixes of a scan (rules/finding.h).
 *
 * The scan is the one `tlslint scan` makes with the same selection options. The fixes of the
 * findings that have one (unsuppressed; --rule limits them; opt-in fixes need
 * --include-opt-in) are grouped by file. A file is changed only when its text is still the
 * text the fixes were made from, it lies inside the scanned tree, its encoding writes its text
 * back byte for byte, and each replaced range still holds what was scanned; overlapping
 * replacements keep the first. --dry-run prints a unified diff (of the decoded text) and
 * writes nothing; otherwise each file is written atomically in its own encoding (UTF-16 with
 * its byte order mark stays so) and mode, the files written (only they) are scanned again from
 * disk, and a file where a fixed rule's finding is still where a fixed finding's start went
 * through the file's edits (cli/fix_map.h), or that gained a notification (a parse error),
 * gets its old bytes back. */
#include <errno.h>
#include "util/git2_api.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/fix_map.h"
#include "cli/scan_settings.h"
#include "scan/scanner.h"
#include "source/source_file.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "walk/gitwalk.h"
#include "walk/walker.h"

#define FIX_CONTEXT 3

typedef struct fix_edit {
	const fix_replacement *rep;
	const finding *f;
	unsigned line, col; /* where the finding starts in the fixed text */
} fix_edit;

typedef struct fix_file {
	const char *uri;
	const char *display;
	fix_edit *edits;
	size_t nedits;
	char *path;    /* base/uri */
	char *raw;     /* the bytes before the fix */
	size_t rawlen;
	mode_t mode;
	bool written;
} fix_file;

static bool fix__wanted(const finding *f, const scan_settings *st)
{
	if (!f->fix || f->suppressed)
		return false;
	if (f->fix->opt_in && !st->opt.include_opt_in)
		return false;
	return !st->opt.fix_rules.len || str_list_has(&st->opt.fix_rules, f->rule->id);
}

/* Scans `files` (sorted here) and adds the findings and notifications to `results`, sorted. */
static void fix__run(scanner *s, walk_list *files, finding_list *results)
{
	walk_list_sort(files);
	scan_stats stats = { 0 };
	finding_list scanned = { 0 };
	scanner_run(s, files, &scanned, &stats);
	finding_list_take(results, &scanned);
	finding_list_sort(results);
}

/* Runs the scan of `paths` into `results` (sorted). Returns 0 or -1 (printed). */
static int fix__scan(scanner *s, scan_settings *st, const char *base, const char *const *paths,
		     size_t npaths, bool paths_given, finding_list *results)
{
	walk_list files = { 0 };
	gitwalk_changes changes = { 0 };
	git_odb *odb = NULL;
	int rc = scan_select_files(&files, &odb, results, &changes, st, base, paths, npaths,
				   paths_given);
	if (rc == 0)
		fix__run(s, &files, results);
	gitwalk_changes_release(&changes);
	walk_list_release(&files);
	git_odb_free(odb);
	return rc;
}

/* Scans again, from disk, the files of `files` that were written, into `results` (sorted):
 * their uris are the scan's, since each path is the base joined with its uri. */
static void fix__rescan(scanner *s, const scan_settings *st, const fix_file *files,
			size_t nfiles, finding_list *results)
{
	const char **paths = xcalloc(nfiles ? nfiles : 1, sizeof(*paths));
	size_t npaths = 0;
	for (size_t i = 0; i < nfiles; i++)
		if (files[i].written)
			paths[npaths++] = files[i].path;
	walk_list list = { 0 };
	walk_paths(&list, results, paths, npaths, &st->wopts);
	fix__run(s, &list, results);
	walk_list_release(&list);
	free(paths);
}

static int fix__edit_cmp(const void *pa, const void *pb)
{
	const fix_edit *a = pa, *b = pb;
	if (a->rep->start != b->rep->start)
		return a->rep->start < b->rep->start ? -1 : 1;
	return a->rep->end < b->rep->end ? -1 : a->rep->end > b->rep->end;
}

/* The line (0-based) holding byte `off` of `text`. */
static size_t fix__line_of(const source_file *sf, size_t off)
{
	size_t lo = 0, hi = sf->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (sf->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static size_t fix__line_end(const source_file *sf, size_t line)
{
	return line + 1 < sf->nlines ? sf->line_starts[line + 1] : sf->len;
}

static void fix__diff_lines(strbuf *out, char mark, const char *s, size_t len)
{
	while (len) {
		const char *nl = memchr(s, '\n', len);
		size_t n = nl ? (size_t)(nl - s) + 1 : len;
		strbuf_addc(out, mark);
		strbuf_add(out, s, n);
		if (!nl)
			strbuf_adds(out, "\n\\ No newline at end of file\n");
		s += n;
		len -= n;
	}
}

/* The changed lines: line by line when the edits kept the number of lines (an unchanged
 * line between two edits is context), else all old lines then all new ones. */
static void fix__diff_changed(strbuf *out, const char *old, size_t olen, const char *new_text,
			      size_t nlen)
{
	size_t on = 0, nn = 0;
	for (size_t i = 0; i < olen; i++)
		on += old[i] == '\n';
	for (size_t i = 0; i < nlen; i++)
		nn += new_text[i] == '\n';
	if (on != nn) {
		fix__diff_lines(out, '-', old, olen);
		fix__diff_lines(out, '+', new_text, nlen);
		return;
	}
	while (olen || nlen) {
		const char *a = memchr(old, '\n', olen), *b = memchr(new_text, '\n', nlen);
		size_t al = a ? (size_t)(a - old) + 1 : olen, bl = b ? (size_t)(b - new_text) + 1 : nlen;
		if (al == bl && memcmp(old, new_text, al) == 0) {
			fix__diff_lines(out, ' ', old, al);
		} else {
			fix__diff_lines(out, '-', old, al);
			fix__diff_lines(out, '+', new_text, bl);
		}
		old += al;
		olen -= al;
		new_text += bl;
		nlen -= bl;
	}
}

static size_t fix__count_lines(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	return n + (len && s[len - 1] != '\n');
}

/* Appends the unified diff of the `n` edits (sorted, not overlapping) to `out`. */
static void fix__diff(strbuf *out, const char *uri, const source_file *sf, const fix_edit *e,
		      size_t n)
{
	strbuf_addf(out, "--- a/%s\n+++ b/%s\n", uri, uri);
	long delta = 0; /* lines the hunks before added */
	for (size_t i = 0; i < n;) {
		/* A hunk: edits whose touched lines are at most 2 * context apart. */
		size_t first = fix__line_of(sf, e[i].rep->start);
		size_t last = fix__line_of(sf, e[i].rep->end);
		size_t j = i + 1;
		while (j < n && fix__line_of(sf, e[j].rep->start) <= last + 2 * FIX_CONTEXT) {
			size_t l = fix__line_of(sf, e[j].rep->end);
			last = l > last ? l : last;
			j++;
		}
		size_t ctx0 = first >= FIX_CONTEXT ? first - FIX_CONTEXT : 0;
		size_t ctx1 = last + FIX_CONTEXT < sf->nlines ? last + FIX_CONTEXT : sf->nlines - 1;
		if (sf->line_starts[ctx1] == sf->len && ctx1 > last)
			ctx1--; /* the empty "line" after a final newline */
		size_t cs = sf->line_starts[first], ce = fix__line_end(sf, last);
		strbuf changed = STRBUF_INIT;
		size_t at = cs;
		for (size_t k = i; k < j; k++) {
			strbuf_add(&changed, sf->text + at, e[k].rep->start - at);
			strbuf_adds(&changed, e[k].rep->text);
			at = e[k].rep->end;
		}
		strbuf_add(&changed, sf->text + at, ce - at);
		size_t before = sf->line_starts[first] - sf->line_starts[ctx0];
		size_t after_s = ce, after_e = fix__line_end(sf, ctx1);
		if (after_e < after_s)
			after_e = after_s;
		size_t old_n = fix__count_lines(sf->text + sf->line_starts[ctx0],
						after_e - sf->line_starts[ctx0]);
		size_t new_n = fix__count_lines(sf->text + sf->line_starts[ctx0], before) +
			       fix__count_lines(changed.buf ? changed.buf : "", changed.len) +
			       fix__count_lines(sf->text + after_s, after_e - after_s);
		strbuf_addf(out, "@@ -%zu,%zu +%ld,%zu @@\n", ctx0 + 1, old_n,
			    (long)ctx0 + 1 + delta, new_n);
		fix__diff_lines(out, ' ', sf->text + sf->line_starts[ctx0], before);
		fix__diff_changed(out, sf->text + cs, ce - cs, changed.buf ? changed.buf : "",
				  changed.len);
		fix__diff_lines(out, ' ', sf->text + after_s, after_e - after_s);
		delta += (long)new_n - (long)old_n;
		strbuf_release(&changed);
		i = j;
	}
}

/* Is `path` inside the directory `root_real` (both resolved)? */
static bool fix__inside(const char *path, const char *root_real)
{
	char real[PATH_MAX];
	if (!realpath(path, real))
		return false;
	size_t n = strlen(root_real);
	return strncmp(real, root_real, n) == 0 && (real[n] == '/' || n == 1);
}

/* Sets each edit's `line`/`col`: where its finding starts once the edits of `ff` (sorted, not
 * overlapping) turned `old` into the `len` bytes of `fixed`. */
static void fix__map_findings(fix_file *ff, const source_file *old, const char *fixed, size_t len)
{
	fix_span *spans = xcalloc(ff->nedits ? ff->nedits : 1, sizeof(*spans));
	for (size_t i = 0; i < ff->nedits; i++) {
		const fix_replacement *r = ff->edits[i].rep;
		spans[i] = (fix_span){ r->start, r->end, strlen(r->text) };
	}
	char *copy = xmalloc(len + 1);
	memcpy(copy, fixed, len);
	copy[len] = '\0';
	source_file nsf;
	if (source_decode(&nsf, copy, len) != SOURCE_OK) {
		/* UTF-8 text always decodes; keep the old positions should it not. */
		for (size_t i = 0; i < ff->nedits; i++) {
			ff->edits[i].line = ff->edits[i].f->where.start_line;
			ff->edits[i].col = ff->edits[i].f->where.start_col;
		}
		free(spans);
		return;
	}
	for (size_t i = 0; i < ff->nedits; i++) {
		fix_edit *e = &ff->edits[i];
		e->line = e->f->where.start_line;
		e->col = e->f->where.start_col;
		fix_map_position(old, spans, ff->nedits, &nsf, &e->line, &e->col);
	}
	source_release(&nsf);
	free(spans);
}

/* Prepares `ff` and its new bytes (into *out / *outlen), or says why not (returns -1). The
 * edits are sorted and those overlapping an earlier one dropped (counted in *skipped). */
static int fix__prepare(fix_file *ff, const char *root_real, size_t max, strbuf *diff,
			bool dry_run, char **out, size_t *outlen, size_t *skipped)
{
	struct stat sb;
	if (!fix__inside(ff->path, root_real) || lstat(ff->path, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		fprintf(stderr, "tlslint: %s: not a regular file inside the scanned tree; not "
				"changed\n", ff->display);
		return -1;
	}
	ff->mode = sb.st_mode & 07777;
	if (file_read_all(ff->path, max, &ff->raw, &ff->rawlen) < 0) {
		fprintf(stderr, "tlslint: %s: %s\n", ff->display, strerror(errno));
		return -1;
	}
	source_file sf;
	char *copy = xmalloc(ff->rawlen + 1);
	memcpy(copy, ff->raw, ff->rawlen + 1);
	if (source_decode(&sf, copy, ff->rawlen) != SOURCE_OK) {
		fprintf(stderr, "tlslint: %s: cannot be read as text; not changed\n", ff->display);
		return -1;
	}
	int rc = -1;
	unsigned long long h = finding_text_hash(sf.text, sf.len);
	for (size_t i = 0; i < ff->nedits; i++) {
		if (ff->edits[i].f->file_hash != h) {
			fprintf(stderr, "tlslint: %s: changed since the scan; not changed\n",
				ff->display);
			goto done;
		}
	}
	size_t back_len = 0;
	char *back = source_encode(sf.encoding, sf.bom, sf.text, sf.len, &back_len);
	bool same = back && back_len == ff->rawlen && memcmp(back, ff->raw, back_len) == 0;
	free(back);
	if (!same) {
		fprintf(stderr, "tlslint: %s: its %s bytes do not survive decoding (invalid "
				"sequences); not changed\n", ff->display,
			source_encoding_name(sf.encoding));
		goto done;
	}
	qsort(ff->edits, ff->nedits, sizeof(*ff->edits), fix__edit_cmp);
	size_t kept = 0;
	for (size_t i = 0; i < ff->nedits; i++) {
		const fix_replacement *r = ff->edits[i].rep;
		if (r->end > sf.len || memcmp(sf.text + r->start, r->old, r->end - r->start) != 0 ||
		    (kept && r->start < ff->edits[kept - 1].rep->end)) {
			(*skipped)++;
			fprintf(stderr, "%s:%u:%u: %s: fix not applied: it overlaps another\n",
				ff->display, r->where.start_line, r->where.start_col,
				ff->edits[i].f->rule->id);
			continue;
		}
		ff->edits[kept++] = ff->edits[i];
	}
	ff->nedits = kept;
	strbuf text = STRBUF_INIT;
	size_t at = 0;
	for (size_t i = 0; i < ff->nedits; i++) {
		const fix_replacement *r = ff->edits[i].rep;
		strbuf_add(&text, sf.text + at, r->start - at);
		strbuf_adds(&text, r->text);
		at = r->end;
	}
	strbuf_add(&text, sf.text + at, sf.len - at);
	fix__map_findings(ff, &sf, text.buf ? text.buf : "", text.len);
	*out = source_encode(sf.encoding, sf.bom, text.buf ? text.buf : "", text.len, outlen);
	strbuf_release(&text);
	if (!*out) {
		fprintf(stderr, "tlslint: %s: the fixed text cannot be written as %s; not changed\n",
			ff->display, source_encoding_name(sf.encoding));
		goto done;
	}
	if (dry_run)
		fix__diff(diff, ff->uri, &sf, ff->edits, ff->nedits);
	rc = 0;
done:
	source_release(&sf);
	return rc;
}

static int fix__restore(fix_file *ff)
{
	if (file_write_atomic_mode(ff->path, ff->raw, ff->rawlen, ff->mode) < 0) {
		fprintf(stderr, "tlslint: %s: cannot restore: %s\n", ff->display, strerror(errno));
		return -1;
	}
	return 0;
}

/* After the re-scan: does `ff` still have a finding of a fixed rule where a fix went, or a
 * notification it did not have before? */
static const char *fix__failed(const fix_file *ff, const finding_list *before,
			       const finding_list *after)
{
	for (size_t i = 0; i < after->nnotes; i++) {
		const notification *n = &after->notes[i];
		if (!n->uri || strcmp(n->uri, ff->uri) != 0)
			continue;
		bool old = false;
		for (size_t k = 0; k < before->nnotes && !old; k++)
			old = before->notes[k].uri && strcmp(before->notes[k].uri, ff->uri) == 0 &&
			      strcmp(before->notes[k].message, n->message) == 0;
		if (!old)
			return "the fixed file has a new parse error or notification";
	}
	/* A finding of a fixed rule that starts where a fixed finding's start went (mapped
	 * through the file's edits: an earlier edit that removed a line moved it). */
	for (size_t i = 0; i < after->len; i++) {
		const finding *f = &after->items[i];
		if (strcmp(f->uri, ff->uri) != 0)
			continue;
		for (size_t k = 0; k < ff->nedits; k++) {
			const fix_edit *e = &ff->edits[k];
			if (f->rule == e->f->rule && f->where.start_line == e->line &&
			    f->where.start_col == e->col)
				return "the finding is still there after the fix";
		}
	}
	return NULL;
}

int cmd_fix(int argc, char **argv)
{
	scan_settings st = { 0 };
	int first = 1, rc = EXIT_USAGE;
	char *base = NULL, *root_real = NULL;
	catalogue cat = { 0 };
	scanner *s = NULL;
	finding_list results = { 0 }, again = { 0 };
	fix_file *files = NULL;
	size_t nfiles = 0;
	bool git = false; /* libgit2 started, for as long as `files` may borrow from a repository */

	int prc = cli_parse(&st.opt, CLI_FIX, argc, argv, &first);
	if (prc != 0) {
		rc = prc > 0 ? EXIT_CLEAN : EXIT_USAGE;
		goto cleanup;
	}
	/* Only staged and changed files borrow from a repository's object database; libgit2's
	 * start (it loads the certificate store) is not paid by a plain scan. */
	if (st.opt.staged || st.opt.diff_rev) {
		git_libgit2_init();
		git = true;
	}
	st.sopts.max_file_size = st.opt.max_file_size;
	st.sopts.jobs = st.opt.jobs;
	st.sopts.timeout_ms = st.opt.timeout_ms;
	st.sopts.fe.compile_commands = st.opt.compile_commands;
	st.sopts.fe.system_headers = (system_headers_mode)st.opt.system_headers;
	st.wopts.no_ignore = st.opt.no_ignore;
	if (st.opt.config_path && st.opt.no_config) {
		fprintf(stderr, "tlslint: --config and --no-config exclude each other\n");
		goto cleanup;
	}
	const char *const *paths;
	size_t npaths;
	if (cli_scan_paths(argc, argv, first, st.opt.staged, &paths, &npaths) < 0)
		goto cleanup;
	bool paths_given = first < argc;
	static const char *const here[] = { "." };
	base = st.opt.staged ? walk_choose_base(here, 1) : walk_choose_base(paths, npaths);
	root_real = realpath(base, NULL);
	if (!root_real) {
		fprintf(stderr, "tlslint: %s: %s\n", base, strerror(errno));
		goto cleanup;
	}
	if (scan_settings_merge(&st, base) < 0 || cli_load_catalogue(&cat, st.opt.rule_dirs.items,
								     st.opt.rule_dirs.len) < 0 ||
	    scan_settings_resolve_rules(&st, &cat) < 0)
		goto cleanup;
	for (size_t i = 0; i < st.opt.fix_rules.len; i++) {
		if (!catalogue_find(&cat, st.opt.fix_rules.items[i])) {
			fprintf(stderr, "tlslint: --rule %s: no such rule\n",
				st.opt.fix_rules.items[i]);
			goto cleanup;
		}
	}
	char err[1024];
	st.sopts.progress = !st.opt.quiet && isatty(STDERR_FILENO);
	st.sopts.fe.root = base;
	if (scanner_new(&s, &cat, &st.sopts, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		goto cleanup;
	}
	st.wopts.base = base;
	if (fix__scan(s, &st, base, paths, npaths, paths_given, &results) < 0)
		goto cleanup;

	/* Group the wanted fixes by file (results are sorted by uri). */
	for (size_t i = 0; i < results.len; i++) {
		const finding *f = &results.items[i];
		if (!fix__wanted(f, &st)) {
			if (!f->suppressed && finding_no_fix_reason(f) && st.opt.verbose &&
			    (!st.opt.fix_rules.len || str_list_has(&st.opt.fix_rules, f->rule->id)))
				fprintf(stderr, "%s:%u:%u: %s: no fix: %s\n", f->display_path,
					f->where.start_line, f->where.start_col, f->rule->id,
					finding_no_fix_reason(f));
			continue;
		}
		if (!nfiles || strcmp(files[nfiles - 1].uri, f->uri) != 0) {
			fix_file *ff = PUSH(files, nfiles);
			memset(ff, 0, sizeof(*ff));
			ff->uri = f->uri;
			ff->display = f->display_path;
			ff->path = xasprintf("%s/%s", strcmp(base, "/") ? base : "", f->uri);
		}
		fix_file *ff = &files[nfiles - 1];
		for (size_t k = 0; k < f->fix->nreps; k++)
			*PUSH(ff->edits, ff->nedits) = (fix_edit){ &f->fix->reps[k], f };
	}
	strbuf diff = STRBUF_INIT;
	size_t applied = 0, failed = 0;
	for (size_t i = 0; i < nfiles; i++) {
		fix_file *ff = &files[i];
		char *bytes = NULL;
		size_t len = 0;
		if (fix__prepare(ff, root_real, st.sopts.max_file_size, &diff, st.opt.dry_run, &bytes,
				 &len, &failed) < 0) {
			failed += ff->nedits;
			ff->nedits = 0;
			continue;
		}
		if (!st.opt.dry_run && ff->nedits) {
			if (file_write_atomic_mode(ff->path, bytes, len, ff->mode) < 0) {
				fprintf(stderr, "tlslint: cannot write %s: %s\n", ff->display,
					strerror(errno));
				failed += ff->nedits;
			} else {
				ff->written = true;
			}
		}
		free(bytes);
	}
	if (st.opt.dry_run) {
		for (size_t i = 0; i < nfiles; i++)
			applied += files[i].nedits;
		fwrite(diff.buf ? diff.buf : "", 1, diff.len, stdout);
		strbuf_release(&diff);
		rc = applied || failed ? EXIT_FINDINGS : EXIT_CLEAN;
		goto cleanup;
	}
	strbuf_release(&diff);
	/* The files written are scanned again, from disk (with --staged too: what was written is
	 * the work tree's copy). */
	bool any_written = false;
	for (size_t i = 0; i < nfiles; i++)
		any_written |= files[i].written;
	if (any_written)
		fix__rescan(s, &st, files, nfiles, &again);
	for (size_t i = 0; i < nfiles; i++) {
		fix_file *ff = &files[i];
		if (!ff->written)
			continue;
		const char *why = fix__failed(ff, &results, &again);
		if (why) {
			fprintf(stderr, "tlslint: %s: fixes rolled back: %s\n", ff->display, why);
			fix__restore(ff);
			failed += ff->nedits;
			continue;
		}
		for (size_t k = 0; k < ff->nedits; k++) {
			const finding *f = ff->edits[k].f;
			if (k && ff->edits[k - 1].f == f)
				continue; /* one line per fix, not per replacement */
			if (!st.opt.quiet)
				printf("%s:%u:%u: fixed %s: %s\n", ff->display, f->where.start_line,
				       f->where.start_col, f->rule->id, f->fix->description);
			applied++;
		}
	}
	if (st.opt.verbose)
		fprintf(stderr, "tlslint: %zu fixes applied, %zu not\n", applied, failed);
	rc = failed ? EXIT_FINDINGS : EXIT_CLEAN;
cleanup:
	for (size_t i = 0; i < nfiles; i++) {
		free(files[i].edits);
		free(files[i].path);
		free(files[i].raw);
	}
	free(files);
	finding_list_release(&again);
	finding_list_release(&results);
	if (git)
		git_libgit2_shutdown();
	scanner_free(s);
	catalogue_release(&cat);
	free(root_real);
	free(base);
	scan_settings_release(&st);
	return rc;
}
