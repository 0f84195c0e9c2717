/* test_source.c: decoding, line and UTF-16 column arithmetic. */
#include <errno.h>
#include <stdlib.h>

#include "source/source_file.h"
#include "unit.h"
#include "util/alloc.h"

void test_utf8_validation(void);
void test_decode_utf8(void);
void test_decode_utf8_bom(void);
void test_decode_utf16le_bom(void);
void test_decode_utf16be_bom(void);
void test_decode_utf16_sniffed(void);
void test_decode_latin1(void);
void test_decode_binary(void);
void test_decode_every_offset(void);
void test_utf16_columns(void);
void test_lone_surrogate(void);
void test_source_line(void);
void test_load_errors(void);

static source_error decode(source_file *sf, const char *bytes, size_t len)
{
	char *raw = xmalloc(len + 1);
	memcpy(raw, bytes, len);
	raw[len] = '\0';
	return source_decode(sf, raw, len);
}

void test_utf8_validation(void)
{
	CHECK(utf8_valid("plain", 5));
	CHECK(utf8_valid("caf\xc3\xa9", 5));
	CHECK(utf8_valid("\xf0\x9f\x98\x80", 4));     /* U+1F600 */
	CHECK(!utf8_valid("\xc3", 1));                /* truncated */
	CHECK(!utf8_valid("\xc0\xaf", 2));            /* overlong '/' */
	CHECK(!utf8_valid("\xed\xa0\x80", 3));        /* a surrogate */
	CHECK(!utf8_valid("\xf4\x90\x80\x80", 4));    /* above U+10FFFF */
	CHECK(!utf8_valid("caf\xe9", 4));             /* Latin-1 */
}

void test_decode_utf8(void)
{
	source_file sf;
	CHECK(decode(&sf, "a\nbc\r\nd", 7) == SOURCE_OK);
	CHECK(sf.encoding == ENCODING_UTF8);
	CHECK_UINT(sf.nlines, 3);
	unsigned line, col;
	source_position(&sf, 3, &line, &col); /* 'c' */
	CHECK_UINT(line, 2);
	CHECK_UINT(col, 2);
	source_release(&sf);
}

void test_decode_utf8_bom(void)
{
	source_file sf;
	CHECK(decode(&sf, "\xef\xbb\xbfx = 1", 8) == SOURCE_OK);
	CHECK(sf.encoding == ENCODING_UTF8_BOM);
	CHECK_STR(sf.text, "x = 1");
	unsigned line, col;
	source_position(&sf, 0, &line, &col);
	CHECK_UINT(col, 1);
	source_release(&sf);
}

void test_decode_utf16le_bom(void)
{
	/* "[K]\r\n\"A\"=1" as regedit writes it */
	const char bytes[] = "\xff\xfe[\0K\0]\0\r\0\n\0\"\0A\0\"\0=\0" "1\0";
	source_file sf;
	CHECK(decode(&sf, bytes, sizeof(bytes) - 1) == SOURCE_OK);
	CHECK(sf.encoding == ENCODING_UTF16LE);
	CHECK_STR(sf.text, "[K]\r\n\"A\"=1");
	CHECK_UINT(sf.nlines, 2);
	unsigned line, col;
	source_position(&sf, 9, &line, &col); /* '1' */
	CHECK_UINT(line, 2);
	CHECK_UINT(col, 5);
	source_release(&sf);
}

void test_decode_utf16be_bom(void)
{
	const char bytes[] = "\xfe\xff\0h\0i";
	source_file sf;
	CHECK(decode(&sf, bytes, sizeof(bytes) - 1) == SOURCE_OK);
	CHECK(sf.encoding == ENCODING_UTF16BE);
	CHECK_STR(sf.text, "hi");
	source_release(&sf);
}

void test_decode_utf16_sniffed(void)
{
	const char bytes[] = "W\0i\0n\0d\0o\0w\0s\0 \0R\0e\0g\0";
	source_file sf;
	CHECK(decode(&sf, bytes, sizeof(bytes) - 1) == SOURCE_OK);
	CHECK(sf.encoding == ENCODING_UTF16LE);
	CHECK_STR(sf.text, "Windows Reg");
	source_release(&sf);
}

void test_decode_latin1(void)
{
	source_file sf;
	CHECK(decode(&sf, "// caf\xe9\nx", 9) == SOURCE_OK);
	CHECK(sf.encoding == ENCODING_LATIN1);
	CHECK_STR(sf.text, "// caf\xc3\xa9\nx");
	CHECK(utf8_valid(sf.text, sf.len));
	source_release(&sf);
}

void test_decode_binary(void)
{
	source_file sf;
	CHECK(decode(&sf, "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20) == SOURCE_BINARY);
	CHECK(decode(&sf, "\xef\xbb\xbf" "a\0b", 6) == SOURCE_BINARY);
}

/* The decoder reads ASCII 64 bytes at a time: a NUL, a Latin-1 byte or a UTF-8 sequence is
 * found at every offset of the blocks and of the tail after them. */
void test_decode_every_offset(void)
{
	char buf[300];
	for (size_t len = 1; len <= 200; len += 67) {
		for (size_t at = 0; at < len; at++) {
			source_file sf;
			memset(buf, 'a', len);
			buf[at] = '\0';
			CHECK(decode(&sf, buf, len) == SOURCE_BINARY);
			buf[at] = '\xe9'; /* Latin-1 */
			CHECK(decode(&sf, buf, len) == SOURCE_OK);
			CHECK(sf.encoding == ENCODING_LATIN1);
			CHECK_UINT(sf.len, len + 1);
			source_release(&sf);
			if (at + 1 < len) {
				buf[at] = '\xc3'; /* U+00E9 in UTF-8 */
				buf[at + 1] = '\xa9';
				CHECK(decode(&sf, buf, len) == SOURCE_OK);
				CHECK(sf.encoding == ENCODING_UTF8);
				CHECK_UINT(sf.len, len);
				source_release(&sf);
			}
		}
		source_file sf;
		memset(buf, 'a', len);
		CHECK(decode(&sf, buf, len) == SOURCE_OK);
		CHECK(sf.encoding == ENCODING_UTF8);
		source_release(&sf);
	}
}

void test_utf16_columns(void)
{
	/* "é😀x": é is 1 UTF-16 unit (2 UTF-8 bytes), 😀 is 2 units (4 bytes). */
	source_file sf;
	CHECK(decode(&sf, "\xc3\xa9\xf0\x9f\x98\x80x", 7) == SOURCE_OK);
	unsigned line, col;
	source_position(&sf, 6, &line, &col); /* 'x' */
	CHECK_UINT(col, 4);
	CHECK_UINT(utf8_utf16_units("\xf0\x9f\x98\x80", 4), 2);
	source_release(&sf);
}

void test_lone_surrogate(void)
{
	const char bytes[] = "\xff\xfe\x00\xd8x\0"; /* a high surrogate followed by 'x' */
	source_file sf;
	CHECK(decode(&sf, bytes, sizeof(bytes) - 1) == SOURCE_OK);
	CHECK_STR(sf.text, "\xef\xbf\xbdx");
	source_release(&sf);
}

void test_source_line(void)
{
	source_file sf;
	CHECK(decode(&sf, "one\r\ntwo\nthree", 14) == SOURCE_OK);
	size_t len = 0;
	const char *l = source_line(&sf, 1, &len);
	CHECK(len == 3 && memcmp(l, "one", 3) == 0);
	l = source_line(&sf, 3, &len);
	CHECK(len == 5 && memcmp(l, "three", 5) == 0);
	source_line(&sf, 9, &len);
	CHECK_UINT(len, 0);
	source_release(&sf);
}

void test_load_errors(void)
{
	char *dir = unit_tempdir();
	unit_write(dir, "big.cs", "0123456789", 10);
	char *big = xasprintf("%s/big.cs", dir);
	char *missing = xasprintf("%s/missing.cs", dir);
	source_file sf;
	int err = 0;
	CHECK(source_load(&sf, big, 5, &err) == SOURCE_TOO_LARGE);
	CHECK(source_load(&sf, missing, 100, &err) == SOURCE_UNREADABLE);
	CHECK(err == ENOENT);
	CHECK(source_load(&sf, dir, 100, &err) == SOURCE_UNREADABLE);
	CHECK(err == EISDIR);
	CHECK(source_load(&sf, big, 100, &err) == SOURCE_OK);
	CHECK_STR(sf.text, "0123456789");
	source_release(&sf);
	free(big);
	free(missing);
	unit_rmtree(dir);
	free(dir);
}
