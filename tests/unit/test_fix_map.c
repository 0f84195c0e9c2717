/* test_fix_map.c: positions mapped through a fix's replacements (cli/fix_map.h). */
#include "cli/fix_map.h"
#include "unit.h"
#include "util/alloc.h"

void test_fix_map_offset(void);
void test_fix_map_position(void);

void test_fix_map_offset(void)
{
	/* [10, 20) deleted, [30, 32) becomes 5 bytes, an insertion of 3 at 40. */
	const fix_span s[] = { { 10, 20, 0 }, { 30, 32, 5 }, { 40, 40, 3 } };
	CHECK_UINT(fix_map_offset(s, 3, 0), 0);
	CHECK_UINT(fix_map_offset(s, 3, 10), 10); /* a replacement's start stays */
	CHECK_UINT(fix_map_offset(s, 3, 15), 10); /* inside a deletion: its start */
	CHECK_UINT(fix_map_offset(s, 3, 20), 10);
	CHECK_UINT(fix_map_offset(s, 3, 25), 15);
	CHECK_UINT(fix_map_offset(s, 3, 30), 20);
	CHECK_UINT(fix_map_offset(s, 3, 31), 21); /* inside: the same distance from the start */
	CHECK_UINT(fix_map_offset(s, 3, 32), 25);
	CHECK_UINT(fix_map_offset(s, 3, 39), 32);
	CHECK_UINT(fix_map_offset(s, 3, 40), 36); /* after the insertion at its place */
	CHECK_UINT(fix_map_offset(s, 3, 50), 46);
	CHECK_UINT(fix_map_offset(s, 0, 50), 50);
	/* Inside a range replaced by shorter text: at most the text's end. */
	const fix_span t[] = { { 4, 12, 2 } };
	CHECK_UINT(fix_map_offset(t, 1, 5), 5);
	CHECK_UINT(fix_map_offset(t, 1, 9), 6);
}

static void decode(source_file *sf, const char *text)
{
	CHECK(source_decode(sf, xstrdup(text), strlen(text)) == SOURCE_OK);
}

void test_fix_map_position(void)
{
	/* A C# fix that removes line 2 whole, then a fix on line 3 that is ineffective: the
	 * finding that stays is on line 2 of the new text, where line 3's start went. */
	const char *old = "{\n    A = X.Tls;\n    B = X.Tls11;\n}\n";
	const char *fixed = "{\n    B = X.Tls11;\n}\n";
	source_file o, n;
	decode(&o, old);
	decode(&n, fixed);
	size_t l2 = 2, l3 = strlen("{\n    A = X.Tls;\n");
	const fix_span s[] = { { l2, l3, 0 }, { l3 + 8, l3 + 15, 7 } };
	CHECK_UINT(fix_offset_of(&o, 3, 9), l3 + 8);
	unsigned line = 3, col = 9;
	fix_map_position(&o, s, 2, &n, &line, &col);
	CHECK_UINT(line, 2);
	CHECK_UINT(col, 9);
	/* The removed line's own finding goes to the start of what replaced it. */
	line = 2;
	col = 9;
	fix_map_position(&o, s, 2, &n, &line, &col);
	CHECK_UINT(line, 2);
	CHECK_UINT(col, 1);
	/* Before any edit: unchanged. */
	line = 1;
	col = 1;
	fix_map_position(&o, s, 2, &n, &line, &col);
	CHECK_UINT(line, 1);
	CHECK_UINT(col, 1);
	source_release(&o);
	source_release(&n);
	/* Columns are UTF-16 units: "é" is one unit of two bytes, "😀" two units of four. */
	decode(&o, "\xc3\xa9\xf0\x9f\x98\x80x = 1;\n");
	CHECK_UINT(fix_offset_of(&o, 1, 1), 0);
	CHECK_UINT(fix_offset_of(&o, 1, 2), 2);
	CHECK_UINT(fix_offset_of(&o, 1, 4), 6);
	CHECK_UINT(fix_offset_of(&o, 1, 99), 12); /* clamped to the line, before its newline */
	CHECK_UINT(fix_offset_of(&o, 9, 1), o.len);
	decode(&n, "\xc3\xa9\xf0\x9f\x98\x80yy = 1;\n");
	const fix_span u[] = { { 6, 7, 2 } }; /* x -> yy */
	line = 1;
	col = 6; /* the '=' after "éx " */
	fix_map_position(&o, u, 1, &n, &line, &col);
	CHECK_UINT(line, 1);
	CHECK_UINT(col, 7);
	source_release(&o);
	source_release(&n);
}
