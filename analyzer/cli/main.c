/* main.c: `tlslint <command> [options]`: dispatches to the subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/language.h"
#include "engine/ts_arena.h"

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "scan", cmd_scan, "scan files and directories for legacy TLS" },
	{ "fix", cmd_fix, "apply the fixes of a scan (--dry-run: print them as a diff)" },
	{ "rules", cmd_rules, "list the rule catalogue" },
	{ "explain", cmd_explain, "print a rule's help" },
	{ "languages", cmd_languages, "list the languages, their files and comment syntax" },
	{ "test", cmd_test, "check rule fixtures against their inline expectations" },
	{ "audit", cmd_audit, "audit many repositories (bare mirrors too) into SARIF and a report" },
	{ "merge", cmd_merge, "join the output directories of sharded audits" },
};

static void usage(FILE *out)
{
	fprintf(out, "usage: tlslint <command> [options] [args]\n\n"
		     "tlslint finds hardcoded legacy TLS (SSL 2.0/3.0, TLS 1.0/1.1) and pinned protocol\n"
		     "versions in source code and configuration, and reports them as SARIF.\n\n"
		     "Commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nRun 'tlslint <command> --help' for a command's options; 'man tlslint' for more.\n"
		     "  -h, --help     show this help\n"
		     "  -V, --version  show the version\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	int status;
	ts_arena_install();
	if (argc == 2 && language_helper_main(argv[1], &status))
		return status; /* a helper process of a scan (C's libclang parser processes) */
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return EXIT_CLEAN;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("tlslint %s\n", TLSLINT_VERSION);
		return EXIT_CLEAN;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "tlslint: '%s' is not a command; see 'tlslint --help'\n", argv[1]);
	return EXIT_USAGE;
}
