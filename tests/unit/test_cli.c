/* test_cli.c: the option table of scan, audit and test: every option it holds is in the
 * command's --help and in the command's section of the man page; shared options parse alike
 * and keep their defaults; every output format is in the man page. */
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "report/report.h"
#include "unit.h"
#include "util/alloc.h"
#include "util/fileio.h"

void test_cli_options_documented(void);
void test_cli_options_parse(void);

static const struct {
	unsigned command;
	const char *name, *section;
} commands[] = {
	{ CLI_SCAN, "scan", ".SH SCAN OPTIONS" },
	{ CLI_FIX, "fix", ".SH FIX OPTIONS" },
	{ CLI_AUDIT, "audit", ".SH AUDIT OPTIONS" },
	{ CLI_TEST, "test", ".SH TEST OPTIONS" },
};

static char *help_of(unsigned command)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		abort();
	cli_usage(mem, command);
	fclose(mem);
	return buf;
}

/* "--fail-on" as the man page spells it: \-\-fail\-on. */
static char *roff(const char *dashes, const char *name)
{
	char *plain = xasprintf("%s%s", dashes, name);
	char *out = xmalloc(2 * strlen(plain) + 1), *q = out;
	for (const char *p = plain; *p; p++) {
		if (*p == '-')
			*q++ = '\\';
		*q++ = *p;
	}
	*q = '\0';
	free(plain);
	return out;
}

/* True when `word` stands in [text, end) as a whole option name: not the start of a longer one
 * (--fail-on in --fail-on-new). */
static bool has_option(const char *text, const char *end, const char *word, bool man)
{
	size_t n = strlen(word);
	for (const char *p = text; (p = strstr(p, word)) && p < end; p++) {
		const char *after = p + n;
		bool longer = man ? (after[0] == '\\' && after[1] == '-') ||
					    (after[0] >= 'a' && after[0] <= 'z')
				  : after[0] == '-' || (after[0] >= 'a' && after[0] <= 'z');
		if (!longer)
			return true;
	}
	return false;
}

/* The man page, newly allocated, or NULL. */
static char *read_man(void)
{
	char *path = xasprintf("%s/docs/tlslint.1", TLSLINT_SOURCE_DIR);
	char *text = NULL;
	size_t len = 0;
	int rc = file_read_all(path, 1u << 20, &text, &len);
	free(path);
	return rc < 0 ? NULL : text;
}

void test_cli_options_documented(void)
{
	char *man = read_man();
	CHECK(man != NULL);
	if (!man)
		return;
	for (size_t c = 0; c < sizeof(commands) / sizeof(commands[0]); c++) {
		char *help = help_of(commands[c].command);
		const char *sec = strstr(man, commands[c].section);
		CHECK(sec != NULL);
		if (!sec)
			sec = man;
		const char *sec_end = strstr(sec + 1, "\n.SH ");
		if (!sec_end)
			sec_end = sec + strlen(sec);
		size_t count = 0;
		for (size_t i = 0; i < OPT_COUNT; i++) {
			const cli_opt *o = &cli_opts[i];
			if (!(o->commands & commands[c].command))
				continue;
			count++;
			char *dashed = xasprintf("--%s", o->name);
			if (!has_option(help, help + strlen(help), dashed, false)) {
				fprintf(stderr, "tlslint %s --help does not list %s\n",
					commands[c].name, dashed);
				unit_failed_checks++;
			}
			char *r = roff("--", o->name);
			if (!has_option(sec, sec_end, r, true)) {
				fprintf(stderr, "docs/tlslint.1 '%s' does not document %s\n",
					commands[c].section, dashed);
				unit_failed_checks++;
			}
			if (o->short_name) {
				char *s = xasprintf("-%c, %s", o->short_name, dashed);
				CHECK(strstr(help, s) != NULL);
				free(s);
				char flag[3] = { '-', o->short_name, '\0' };
				char *rs = roff(flag, "");
				CHECK(strstr(sec, rs) != NULL && strstr(sec, rs) < sec_end);
				free(rs);
			}
			free(r);
			free(dashed);
		}
		CHECK(count >= 10);
		free(help);
	}
	/* Every output format, with its description, under --format. */
	const char *scan = strstr(man, ".SH SCAN OPTIONS");
	for (size_t i = 0; scan && i < report_nformats; i++) {
		char *entry = xasprintf(".TP\n.B %s\n%s\n", report_formats[i].name,
					report_formats[i].description);
		if (!strstr(scan, entry)) {
			fprintf(stderr, "docs/tlslint.1 does not list format %s as\n%s",
				report_formats[i].name, entry);
			unit_failed_checks++;
		}
		free(entry);
	}
	free(man);

	/* A negative case: an option the table does not hold is not found. */
	char *help = help_of(CLI_AUDIT);
	CHECK(!has_option(help, help + strlen(help), "--staged", false));
	CHECK(!has_option(help, help + strlen(help), "--fail-on-ne", false));
	free(help);
}

static int parse(cli_options *o, unsigned command, int argc, const char **argv, int *first)
{
	return cli_parse(o, command, argc, (char **)argv, first);
}

void test_cli_options_parse(void)
{
	const unsigned both[] = { CLI_SCAN, CLI_AUDIT };
	for (size_t c = 0; c < 2; c++) {
		cli_options o;
		int first = 0;
		const char *none[] = { "x", NULL };
		CHECK(parse(&o, both[c], 1, none, &first) == 0);
		CHECK_UINT(first, 1);
		CHECK_UINT(o.max_file_size, 8u << 20);
		CHECK_UINT(o.timeout_ms, 10000);
		CHECK_UINT(o.jobs, 0);
		CHECK(o.fail_on == LEVEL_WARNING && !o.fail_none);
		CHECK(!cli_given(&o, OPT_FAIL_ON) && !cli_given(&o, OPT_MAX_FILE_SIZE));
		cli_options_release(&o);

		const char *argv[] = { "x", "--exclude", "a", "--exclude=b", "-j", "3",
				       "--max-file-size", "4K", "--fail-on", "none", "--timeout",
				       "5", "LIST", NULL };
		CHECK(parse(&o, both[c], 13, argv, &first) == 0);
		CHECK_UINT(first, 12);
		CHECK_UINT(o.excludes.len, 2);
		if (o.excludes.len == 2)
			CHECK_STR(o.excludes.items[1], "b");
		CHECK_UINT(o.jobs, 3);
		CHECK_UINT(o.max_file_size, 4096);
		CHECK_UINT(o.timeout_ms, 5);
		CHECK(o.fail_none && cli_given(&o, OPT_FAIL_ON) && cli_given(&o, OPT_MAX_FILE_SIZE));
		CHECK(!cli_given(&o, OPT_RULES));
		cli_options_release(&o);
	}
	cli_options o;
	int first = 0;
	const char *scan[] = { "scan", "--colour", "never", "-f", "json", "--no-system-headers", "p",
			       NULL };
	CHECK(parse(&o, CLI_SCAN, 7, scan, &first) == 0);
	CHECK_STR(o.color, "never");
	CHECK(o.fmt == report_format_find("json"));
	CHECK(o.system_headers == SYSTEM_HEADERS_NEVER);
	CHECK_STR(o.output, "-");
	cli_options_release(&o);
	const char *shard[] = { "audit", "--shard", "2/5", NULL };
	CHECK(parse(&o, CLI_AUDIT, 3, shard, &first) == 0);
	CHECK(o.shard_k == 2 && o.shard_n == 5);
	cli_options_release(&o);

	/* Usage errors: a bad value, a bad choice, an option of another command. */
	const char *bad_jobs[] = { "scan", "-j", "0", NULL };
	CHECK(parse(&o, CLI_SCAN, 3, bad_jobs, &first) == -1);
	cli_options_release(&o);
	const char *bad_color[] = { "scan", "--color", "sometimes", NULL };
	CHECK(parse(&o, CLI_SCAN, 3, bad_color, &first) == -1);
	cli_options_release(&o);
	const char *bad_format[] = { "scan", "--format", "xml", NULL };
	CHECK(parse(&o, CLI_SCAN, 3, bad_format, &first) == -1);
	cli_options_release(&o);
	const char *bad_shard[] = { "audit", "--shard", "3/2", NULL };
	CHECK(parse(&o, CLI_AUDIT, 3, bad_shard, &first) == -1);
	cli_options_release(&o);
	const char *other[] = { "test", "--staged", "dir", NULL };
	CHECK(parse(&o, CLI_TEST, 3, other, &first) == -1);
	cli_options_release(&o);
}
