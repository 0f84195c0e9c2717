/* msbuild_reader.h: the properties of an MSBuild project that is plain XML, without a parse.
 *
 * What the MSBuild checks read of a project (dotnet_checks.c) is the text of a few property
 * elements (`<TargetFramework>net48</TargetFramework>`); tree-sitter-xml parses a project at
 * about 5 MB/s, and parsing the corpus's 250 projects was a tenth of its C# and Python parse
 * time. This reader accepts the plain form that almost every project has and nothing else:
 * an optional XML declaration, comments, one root element, elements with quoted attributes,
 * and character data, all in ASCII names, with no entity or character reference, CDATA
 * section, processing instruction or DOCTYPE, no `--` inside a comment, and nesting at most
 * MSBUILD_READER_MAX_DEPTH deep. For such a document tree-sitter-xml's tree has no error, and
 * its CharData nodes are the reader's runs (tests/unit and tests/fuzz/fuzz_msbuild.c compare
 * the two); for any other the reader says no, and the caller parses the file. */
#ifndef TLSLINT_MSBUILD_READER_H
#define TLSLINT_MSBUILD_READER_H

#include <stdbool.h>
#include <stddef.h>

#define MSBUILD_READER_MAX_DEPTH 100

#define MSBUILD_NO_RUN ((size_t)-1)

typedef struct msbuild_span {
	size_t start, end;
} msbuild_span;

/* A run of character data: bytes of the file, and the next run of its element. */
typedef struct msbuild_run {
	size_t start, end;
	size_t next; /* an index in runs, or MSBUILD_NO_RUN */
} msbuild_run;

/* An element the caller asked for: its name and the runs of character data directly in it
 * (first_run, then each run's next). */
typedef struct msbuild_element {
	msbuild_span name;
	size_t first_run, last_run;
} msbuild_element;

typedef struct msbuild_doc {
	msbuild_element *elements; /* in document order (of their start tags) */
	size_t nelements, cap_elements;
	msbuild_run *runs;
	size_t nruns, cap_runs;
} msbuild_doc;

/* Reads `text` (`len` bytes); keeps the elements for which `want(name, len)` holds. False,
 * with `out` empty, when the document is not of the plain form. */
bool msbuild_read(const char *text, size_t len, bool (*want)(const char *name, size_t len),
		  msbuild_doc *out);
void msbuild_doc_release(msbuild_doc *d);

#endif
