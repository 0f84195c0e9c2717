/* cli.h: the subcommands of the `tlslint` program. Only this layer prints usage and decides
 * exit statuses. */
#ifndef TLSLINT_CLI_H
#define TLSLINT_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/catalogue.h"

/* EXIT_PARTIAL: an audit or merge in which some repositories could not be audited. */
enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2, EXIT_PARTIAL = 3 };

struct audit_summary;

int cmd_scan(int argc, char **argv);
int cmd_fix(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_languages(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_merge(int argc, char **argv);

/* Parses a whole decimal number in [min, max]. */
bool cli_parse_uint(const char *s, unsigned min, unsigned max, unsigned *out);

/* The paths a scanning command was given (argv[first..argc)), or "." when none was; each
 * must exist unless `staged` (which reads the index). Prints the error and returns -1. */
int cli_scan_paths(int argc, char **argv, int first, bool staged, const char *const **paths,
		   size_t *npaths);
/* Loads the built-in rules plus those under each of `dirs`; prints the error and returns -1. */
int cli_load_catalogue(catalogue *cat, char *const *dirs, size_t ndirs);
/* The exit status an audit's records call for: EXIT_PARTIAL when some repository failed,
 * else EXIT_FINDINGS for a finding at or above `fail_on` (unless `fail_none`), else 0. */
int cli_audit_status(const struct audit_summary *s, bool fail_none, level fail_on);

#endif
