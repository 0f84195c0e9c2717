/* cli.h: the subcommands of the `tlslint` program. Only this layer prints usage and decides
 * exit statuses. */
#ifndef TLSLINT_CLI_H
#define TLSLINT_CLI_H

#include <stdbool.h>

#include "rules/catalogue.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

int cmd_scan(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_test(int argc, char **argv);

/* Parses a whole decimal number in [min, max]. */
bool cli_parse_uint(const char *s, unsigned min, unsigned max, unsigned *out);

/* Loads the built-in rules plus those under each of `dirs`; prints the error and returns -1. */
int cli_load_catalogue(catalogue *cat, char *const *dirs, size_t ndirs);

#endif
