/* scan_settings.c: merging `.tlslint.toml` under the command line, and choosing the files of a
 * scan (a directory walk, the git index, or what changed since a revision). */
#include "cli/scan_settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/fingerprint.h"
#include "util/alloc.h"

int scan_settings_merge(scan_settings *st, const char *base)
{
	char err[1024];
	char *path = NULL;
	if (st->opt.config_path) {
		path = xstrdup(st->opt.config_path);
	} else if (!st->opt.no_config) {
		path = xasprintf("%s/%s", strcmp(base, "/") ? base : "", CONFIG_FILE_NAME);
		if (access(path, F_OK) < 0) {
			free(path);
			path = NULL;
		}
	}
	if (path) {
		if (config_load(&st->cfg, path, err, sizeof(err)) < 0) {
			fprintf(stderr, "tlslint: %s\n", err);
			free(path);
			return -1;
		}
		st->has_cfg = true;
		free(path);
	}
	const config *c = &st->cfg;
	/* Lists add up; the command line wins where the two disagree. */
	for (size_t i = 0; i < c->exclude.len; i++)
		str_list_push(&st->all_excludes, c->exclude.items[i]);
	for (size_t i = 0; i < st->opt.excludes.len; i++)
		str_list_push(&st->all_excludes, st->opt.excludes.items[i]);
	for (size_t i = 0; i < c->disable.len; i++)
		if (!str_list_has(&st->opt.enabled, c->disable.items[i]))
			str_list_push(&st->all_disabled, c->disable.items[i]);
	for (size_t i = 0; i < st->opt.disabled.len; i++)
		str_list_push(&st->all_disabled, st->opt.disabled.items[i]);
	for (size_t i = 0; i < c->enable.len; i++)
		if (!str_list_has(&st->opt.disabled, c->enable.items[i]))
			str_list_push(&st->all_enabled, c->enable.items[i]);
	for (size_t i = 0; i < st->opt.enabled.len; i++)
		str_list_push(&st->all_enabled, st->opt.enabled.items[i]);
	if (!cli_given(&st->opt, OPT_FAIL_ON) && c->has_fail_on) {
		st->opt.fail_on = c->fail_on;
		st->opt.fail_none = c->fail_none;
	}
	if (!cli_given(&st->opt, OPT_MAX_FILE_SIZE) && c->has_max_file_size)
		st->sopts.max_file_size = c->max_file_size;
	if (c->has_no_ignore && !st->wopts.no_ignore)
		st->wopts.no_ignore = c->no_ignore;
	st->sopts.skip_vendored = c->skip_vendored;

	st->wopts.excludes = st->all_excludes.items;
	st->wopts.nexcludes = st->all_excludes.len;
	st->sopts.disabled = st->all_disabled.items;
	st->sopts.ndisabled = st->all_disabled.len;
	st->sopts.enabled = st->all_enabled.items;
	st->sopts.nenabled = st->all_enabled.len;
	st->sopts.file_pass = &line_hash_pass; /* GitHub's primaryLocationLineHash */
	return 0;
}

int scan_settings_resolve_rules(scan_settings *st, const catalogue *cat)
{
	for (size_t i = 0; i < st->opt.disabled.len + st->opt.enabled.len; i++) {
		const char *id = i < st->opt.disabled.len ? st->opt.disabled.items[i]
						      : st->opt.enabled.items[i - st->opt.disabled.len];
		if (!catalogue_find(cat, id)) {
			fprintf(stderr, "tlslint: no rule '%s'; 'tlslint rules' lists them\n", id);
			return -1;
		}
	}
	char err[1024];
	if (st->has_cfg && config_check_rules(&st->cfg, cat, err, sizeof(err)) < 0) {
		fprintf(stderr, "tlslint: %s\n", err);
		return -1;
	}
	for (size_t i = 0; i < st->cfg.nlevels; i++) {
		*PUSH(st->overrides, st->noverrides) = (report_override){
			catalogue_find(cat, st->cfg.levels[i].rule_id), st->cfg.levels[i].level
		};
	}
	return 0;
}

void scan_settings_release(scan_settings *st)
{
	free(st->opt.excludes.items);
	free(st->opt.rule_dirs.items);
	free(st->opt.disabled.items);
	free(st->opt.enabled.items);
	free(st->opt.fix_rules.items);
	free(st->all_excludes.items);
	free(st->all_disabled.items);
	free(st->all_enabled.items);
	free(st->overrides);
	config_release(&st->cfg);
}

/* Keeps the walked files that changed (for --diff with paths named). */
static void scan__keep_changed(walk_list *files, const gitwalk_changes *changes)
{
	walk_list kept = { 0 };
	for (size_t i = 0; i < files->len; i++) {
		walk_file *f = &files->files[i];
		bool changed = false;
		for (size_t k = 0; k < changes->len && !changed; k++)
			changed = strcmp(changes->files[k].uri, f->uri) == 0;
		if (changed) {
			GROW(kept.files, kept.cap, kept.len + 1);
			kept.files[kept.len++] = *f;
			memset(f, 0, sizeof(*f));
		}
	}
	walk_list_release(files);
	*files = kept;
}

int scan_select_files(walk_list *files, git_odb **odb, finding_list *notes,
		      gitwalk_changes *changes, const scan_settings *st, const char *base,
		      const char *const *paths, size_t npaths, bool paths_given)
{
	char err[1024];
	memset(changes, 0, sizeof(*changes));
	if (!st->opt.staged && !st->opt.diff_rev) {
		walk_paths(files, notes, paths, npaths, &st->wopts);
		return 0;
	}
	if (st->opt.diff_rev || (st->opt.staged && !paths_given)) {
		/* --staged alone: what differs between HEAD and the index. */
		const char *rev = st->opt.diff_rev ? st->opt.diff_rev : "HEAD";
		if (gitwalk_changes_since(changes, base, rev, st->opt.staged, err, sizeof(err)) < 0) {
			fprintf(stderr, "tlslint: %s\n", err);
			return -1;
		}
	}
	if (st->opt.staged) {
		const gitwalk_changes *only = st->opt.diff_rev || !paths_given ? changes : NULL;
		if (gitwalk_staged(files, odb, base, paths_given ? paths : NULL,
				   paths_given ? npaths : 0, only, &st->wopts, err, sizeof(err)) < 0) {
			fprintf(stderr, "tlslint: %s\n", err);
			return -1;
		}
		if (!st->opt.diff_rev)
			gitwalk_changes_release(changes); /* whole staged files are reported */
	} else if (paths_given) {
		walk_paths(files, notes, paths, npaths, &st->wopts);
		scan__keep_changed(files, changes);
	} else {
		gitwalk_changed_files(files, base, changes, &st->wopts);
	}
	return 0;
}
