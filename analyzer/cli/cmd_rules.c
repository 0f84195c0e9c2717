/* cmd_rules.c: `tlslint rules` (the catalogue) and `tlslint explain ID` (one rule's help). */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/alloc.h"

int cli_load_catalogue(catalogue *cat, char *const *dirs, size_t ndirs)
{
	char err[1024];
	if (catalogue_load_builtin(cat, err, sizeof(err)) < 0)
		goto fail;
	for (size_t i = 0; i < ndirs; i++)
		if (catalogue_load_dir(cat, dirs[i], err, sizeof(err)) < 0)
			goto fail;
	if (catalogue_finish(cat, err, sizeof(err)) < 0)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "tlslint: %s\n", err);
	catalogue_release(cat);
	return -1;
}

static void rules__usage(FILE *out)
{
	fprintf(out, "usage: tlslint rules [--format text|json|markdown] [--rules DIR]...\n\n"
		     "Lists every rule: id, kind, default level and short description.\n");
}

static void rules__markdown(const catalogue *cat)
{
	printf("| id | name | kind | level | security-severity | description |\n"
	       "|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < cat->len; i++) {
		const rule *r = cat->rules[i];
		printf("| %s | %s | %s | %s | %s | %s |\n", r->id, r->name, kind_name(r->kind),
		       level_name(r->level), r->security_severity, r->short_description);
	}
}

static void rules__json(const catalogue *cat)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < cat->len; i++) {
		const rule *r = cat->rules[i];
		cJSON *j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "id", r->id);
		cJSON_AddStringToObject(j, "name", r->name);
		cJSON_AddStringToObject(j, "language", r->language);
		cJSON_AddStringToObject(j, "kind", kind_name(r->kind));
		cJSON_AddStringToObject(j, "level", level_name(r->level));
		cJSON_AddStringToObject(j, "securitySeverity", r->security_severity);
		cJSON_AddStringToObject(j, "precision", r->precision);
		cJSON_AddBoolToObject(j, "enabledByDefault", r->enabled_by_default);
		cJSON_AddStringToObject(j, "shortDescription", r->short_description);
		cJSON_AddStringToObject(j, "source", r->source_path);
		cJSON *kw = cJSON_AddArrayToObject(j, "keywords");
		for (size_t k = 0; k < r->nkeywords; k++)
			cJSON_AddItemToArray(kw, cJSON_CreateString(r->keywords[k]));
		cJSON_AddItemToArray(arr, j);
	}
	char *s = cJSON_Print(arr);
	if (s)
		printf("%s\n", s);
	cJSON_free(s);
	cJSON_Delete(arr);
}

int cmd_rules(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "rules", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text";
	char **dirs = NULL;
	size_t ndirs = 0;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'r':
			dirs = xreallocarray(dirs, ndirs + 1, sizeof(char *));
			dirs[ndirs++] = optarg;
			break;
		case 'h':
			rules__usage(stdout);
			free(dirs);
			return EXIT_CLEAN;
		default:
			rules__usage(stderr);
			free(dirs);
			return EXIT_USAGE;
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "markdown")) {
		fprintf(stderr, "tlslint: --format must be text, json or markdown\n");
		free(dirs);
		return EXIT_USAGE;
	}
	catalogue cat = { 0 };
	int rc = cli_load_catalogue(&cat, dirs, ndirs);
	free(dirs);
	if (rc < 0)
		return EXIT_USAGE;
	if (strcmp(format, "json") == 0) {
		rules__json(&cat);
	} else if (strcmp(format, "markdown") == 0) {
		rules__markdown(&cat);
	} else {
		for (size_t i = 0; i < cat.len; i++) {
			const rule *r = cat.rules[i];
			printf("%-11s %-7s %-20s %s%s\n", r->id, level_name(r->level),
			       kind_name(r->kind), r->short_description,
			       r->enabled_by_default ? "" : " (off by default)");
		}
	}
	catalogue_release(&cat);
	return EXIT_CLEAN;
}

int cmd_explain(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fprintf(argc < 2 ? stderr : stdout, "usage: tlslint explain RULE-ID\n");
		return argc < 2 ? EXIT_USAGE : EXIT_CLEAN;
	}
	catalogue cat = { 0 };
	if (cli_load_catalogue(&cat, NULL, 0) < 0)
		return EXIT_USAGE;
	int rc = EXIT_CLEAN;
	for (int i = 1; i < argc; i++) {
		const rule *r = catalogue_find(&cat, argv[i]);
		if (!r) {
			fprintf(stderr, "tlslint: no rule '%s'; 'tlslint rules' lists them\n", argv[i]);
			rc = EXIT_USAGE;
			continue;
		}
		printf("%s %s (%s, %s, security-severity %s)\n\n%s\n\n%s\n", r->id, r->name,
		       kind_name(r->kind), level_name(r->level), r->security_severity,
		       r->full_description, r->help);
	}
	catalogue_release(&cat);
	return rc;
}
