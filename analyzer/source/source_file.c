/* source_file.c: decoding scanned files to UTF-8 and mapping offsets to SARIF positions. */
#include "source_file.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "util/alloc.h"
#include "util/fileio.h"

#define SNIFF_BYTES 8192

const char *source_encoding_name(source_encoding e)
{
	static const char *const names[] = { "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE",
					     "ISO-8859-1" };
	return names[e];
}

bool utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
			/* ASCII runs eight bytes at a time (most source files are all ASCII). */
			while (i + 8 <= len) {
				uint64_t w;
				memcpy(&w, s + i, 8);
				if (w & 0x8080808080808080ull)
					break;
				i += 8;
			}
			continue;
		}
		size_t n;
		uint32_t cp;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (i + n >= len)
			return false; /* truncated sequence */
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += n + 1;
	}
	return true;
}

static void source__put_utf8(char **out, size_t *used, size_t *cap, uint32_t cp)
{
	GROW(*out, *cap, *used + 5);
	char *o = *out + *used;
	if (cp < 0x80) {
		o[0] = (char)cp;
		*used += 1;
	} else if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		*used += 2;
	} else if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		*used += 3;
	} else {
		o[0] = (char)(0xF0 | (cp >> 18));
		o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[3] = (char)(0x80 | (cp & 0x3F));
		*used += 4;
	}
}

/* UTF-16 to UTF-8; unpaired surrogates become U+FFFD. */
static char *source__from_utf16(const unsigned char *s, size_t len, bool big_endian, size_t *outlen)
{
	size_t cap = len + len / 2 + 8, used = 0;
	char *out = xmalloc(cap);
	for (size_t i = 0; i + 1 < len; i += 2) {
		uint32_t u = big_endian ? (uint32_t)(s[i] << 8 | s[i + 1])
					: (uint32_t)(s[i + 1] << 8 | s[i]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			uint32_t lo = big_endian ? (uint32_t)(s[i + 2] << 8 | s[i + 3])
						 : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			} else {
				u = 0xFFFD;
			}
		} else if (u >= 0xD800 && u <= 0xDFFF) {
			u = 0xFFFD;
		}
		if (u == 0)
			u = 0xFFFD; /* keep the text NUL-free for the parsers */
		source__put_utf8(&out, &used, &cap, u);
	}
	GROW(out, cap, used + 1);
	out[used] = '\0';
	*outlen = used;
	return out;
}

static char *source__from_latin1(const unsigned char *s, size_t len, size_t *outlen)
{
	size_t cap = len * 2 + 1, used = 0;
	char *out = xmalloc(cap);
	for (size_t i = 0; i < len; i++)
		source__put_utf8(&out, &used, &cap, s[i] ? s[i] : 0xFFFD);
	out[used] = '\0';
	*outlen = used;
	return out;
}

/* Guesses BOM-less UTF-16 from where the zero bytes are: in ASCII-heavy UTF-16LE text, every
 * second byte (odd offsets) is zero and the others are not. */
static int source__sniff_utf16(const unsigned char *s, size_t len)
{
	size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES;
	n &= ~(size_t)1;
	if (n < 4)
		return 0;
	size_t zero_odd = 0, zero_even = 0;
	for (size_t i = 0; i < n; i += 2) {
		zero_even += s[i] == 0;
		zero_odd += s[i + 1] == 0;
	}
	size_t pairs = n / 2;
	if (zero_odd * 10 >= pairs * 7 && zero_even * 50 <= pairs)
		return 1; /* little endian */
	if (zero_even * 10 >= pairs * 7 && zero_odd * 50 <= pairs)
		return 2; /* big endian */
	return 0;
}

void source_index_lines(source_file *sf)
{
	if (sf->line_starts)
		return;
	size_t cap = 64, n = 0;
	size_t *starts = xmalloc(cap * sizeof(*starts));
	starts[n++] = 0;
	for (const char *p = sf->text; (p = memchr(p, '\n', sf->len - (size_t)(p - sf->text)));) {
		p++;
		GROW(starts, cap, n + 1);
		starts[n++] = (size_t)(p - sf->text);
	}
	sf->line_starts = starts;
	sf->nlines = n;
}

/* Decodes one UTF-8 sequence at s[*i] (of `len`), advancing *i; U+FFFD for a bad one. */
static unsigned source__next_cp(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned c = u[*i];
	size_t n = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
	unsigned cp = n == 0 ? c : n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
	(*i)++;
	for (size_t k = 0; k < n && *i < len; k++)
		cp = (cp << 6) | (u[(*i)++] & 0x3F);
	return cp;
}

size_t source_raw_offset(const source_file *sf, size_t off)
{
	switch (sf->encoding) {
	case ENCODING_UTF8:
		return off;
	case ENCODING_UTF8_BOM:
		return off + 3;
	case ENCODING_UTF16LE:
	case ENCODING_UTF16BE:
		return (sf->bom ? 2 : 0) + 2 * (size_t)utf8_utf16_units(sf->text, off);
	case ENCODING_LATIN1: {
		size_t n = 0;
		for (size_t i = 0; i < off;) {
			source__next_cp(sf->text, off, &i);
			n++;
		}
		return n;
	}
	}
	return off;
}

char *source_encode(source_encoding e, bool bom, const char *utf8, size_t len, size_t *outlen)
{
	size_t cap = 4 + (e == ENCODING_UTF16LE || e == ENCODING_UTF16BE ? 4 * len : len);
	unsigned char *out = xmalloc(cap + 1), *p = out;
	if (e == ENCODING_UTF8 || e == ENCODING_UTF8_BOM) {
		if (e == ENCODING_UTF8_BOM) {
			*p++ = 0xEF;
			*p++ = 0xBB;
			*p++ = 0xBF;
		}
		memcpy(p, utf8, len);
		p += len;
	} else if (e == ENCODING_LATIN1) {
		for (size_t i = 0; i < len;) {
			unsigned cp = source__next_cp(utf8, len, &i);
			if (cp > 0xFF) {
				free(out);
				return NULL;
			}
			*p++ = (unsigned char)cp;
		}
	} else {
		bool be = e == ENCODING_UTF16BE;
		unsigned units[2];
		if (bom) {
			*p++ = be ? 0xFE : 0xFF;
			*p++ = be ? 0xFF : 0xFE;
		}
		for (size_t i = 0; i < len;) {
			unsigned cp = source__next_cp(utf8, len, &i), n = 1;
			if (cp >= 0x10000) {
				cp -= 0x10000;
				units[0] = 0xD800 | (cp >> 10);
				units[1] = 0xDC00 | (cp & 0x3FF);
				n = 2;
			} else {
				units[0] = cp;
			}
			for (unsigned k = 0; k < n; k++) {
				*p++ = (unsigned char)(be ? units[k] >> 8 : units[k] & 0xFF);
				*p++ = (unsigned char)(be ? units[k] & 0xFF : units[k] >> 8);
			}
		}
	}
	*p = 0;
	*outlen = (size_t)(p - out);
	return (char *)out;
}

/* The length of the leading run of `s` that is ASCII without NUL bytes: most source files are
 * that throughout, and one pass tells it instead of memchr() for NUL and then utf8_valid(). */
static size_t source__plain_ascii_prefix(const char *s, size_t len)
{
	size_t i = 0;
#ifdef __SSE2__
	const __m128i zero = _mm_setzero_si128();
	for (; i + 64 <= len; i += 64) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));
		__m128i c = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 32));
		__m128i d = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 48));
		/* A high bit, or a zero byte: min_epu8 is zero where any of the four is. */
		__m128i high = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
		__m128i low = _mm_min_epu8(_mm_min_epu8(a, b), _mm_min_epu8(c, d));
		if (_mm_movemask_epi8(_mm_or_si128(high, _mm_cmpeq_epi8(low, zero))))
			break;
	}
#endif
	while (i < len && s[i] && !((unsigned char)s[i] & 0x80))
		i++;
	return i;
}

source_error source_decode_unindexed(source_file *out, char *raw, size_t rawlen)
{
	const unsigned char *u = (const unsigned char *)raw;
	memset(out, 0, sizeof(*out));
	if (rawlen >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		out->encoding = ENCODING_UTF16LE;
		out->bom = true;
		out->text = source__from_utf16(u + 2, rawlen - 2, false, &out->len);
		free(raw);
	} else if (rawlen >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		out->encoding = ENCODING_UTF16BE;
		out->bom = true;
		out->text = source__from_utf16(u + 2, rawlen - 2, true, &out->len);
		free(raw);
	} else if (rawlen >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		out->encoding = ENCODING_UTF8_BOM;
		out->bom = true;
		memmove(raw, raw + 3, rawlen - 3 + 1);
		rawlen -= 3;
		goto utf8;
	} else {
		size_t sniff = rawlen < SNIFF_BYTES ? rawlen : SNIFF_BYTES;
		if (memchr(raw, '\0', sniff)) {
			int kind = source__sniff_utf16(u, rawlen);
			if (!kind) {
				free(raw);
				return SOURCE_BINARY;
			}
			out->encoding = kind == 1 ? ENCODING_UTF16LE : ENCODING_UTF16BE;
			out->text = source__from_utf16(u, rawlen, kind == 2, &out->len);
			free(raw);
		} else {
			out->encoding = ENCODING_UTF8;
		utf8:;
			size_t plain = source__plain_ascii_prefix(raw, rawlen);
			if (plain < rawlen && memchr(raw + plain, '\0', rawlen - plain)) {
				free(raw);
				return SOURCE_BINARY;
			}
			if (plain == rawlen || utf8_valid(raw + plain, rawlen - plain)) {
				out->text = raw;
				out->len = rawlen;
			} else {
				out->encoding = ENCODING_LATIN1;
				out->text = source__from_latin1(u, rawlen, &out->len);
				free(raw);
			}
		}
	}
	return SOURCE_OK;
}

source_error source_decode(source_file *out, char *raw, size_t rawlen)
{
	source_error rc = source_decode_unindexed(out, raw, rawlen);
	if (rc == SOURCE_OK)
		source_index_lines(out);
	return rc;
}

source_error source_load(source_file *out, const char *path, size_t max_size, int *errno_out)
{
	char *raw = NULL;
	size_t len = 0;
	memset(out, 0, sizeof(*out));
	*errno_out = 0;
	if (file_read_all(path, max_size, &raw, &len) < 0) {
		*errno_out = errno;
		return errno == EFBIG ? SOURCE_TOO_LARGE : SOURCE_UNREADABLE;
	}
	return source_decode(out, raw, len);
}

void source_release(source_file *sf)
{
	free(sf->text);
	free(sf->line_starts);
	memset(sf, 0, sizeof(*sf));
}

unsigned utf8_utf16_units(const char *s, size_t len)
{
	unsigned units = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c & 0xC0) == 0x80)
			continue; /* continuation byte */
		units += c >= 0xF0 ? 2 : 1;
	}
	return units;
}

void source_position(const source_file *sf, size_t off, unsigned *line, unsigned *col)
{
	if (off > sf->len)
		off = sf->len;
	size_t lo = 0, hi = sf->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (sf->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)lo + 1;
	*col = utf8_utf16_units(sf->text + sf->line_starts[lo], off - sf->line_starts[lo]) + 1;
}

const char *source_line(const source_file *sf, unsigned line, size_t *len)
{
	if (line == 0 || line > sf->nlines) {
		*len = 0;
		return "";
	}
	size_t start = sf->line_starts[line - 1];
	size_t end = line < sf->nlines ? sf->line_starts[line] : sf->len;
	while (end > start && (sf->text[end - 1] == '\n' || sf->text[end - 1] == '\r'))
		end--;
	*len = end - start;
	return sf->text + start;
}
