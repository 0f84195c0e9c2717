/* libclang.h: libclang loaded on first use with dlopen, as a table of function pointers.
 *
 * Linking libclang costs about 67 ms at start-up, so tlslint never links it: the first C or
 * C++ file that survives the prefilter calls libclang_get(), which loads the library once per
 * process (thread-safe) and returns the table, or NULL with the reason in libclang_error().
 * The types come from <clang-c/Index.h>; no symbol of it is linked. */
#ifndef TLSLINT_LIBCLANG_H
#define TLSLINT_LIBCLANG_H

#include <clang-c/Index.h>

typedef struct libclang_api {
	CXIndex (*createIndex)(int, int);
	void (*disposeIndex)(CXIndex);
	enum CXErrorCode (*parseTranslationUnit2)(CXIndex, const char *, const char *const *, int,
						  struct CXUnsavedFile *, unsigned,
						  unsigned, CXTranslationUnit *);
	void (*disposeTranslationUnit)(CXTranslationUnit);
	CXCursor (*getTranslationUnitCursor)(CXTranslationUnit);
	unsigned (*visitChildren)(CXCursor, CXCursorVisitor, CXClientData);
	CXString (*getCursorSpelling)(CXCursor);
	const char *(*getCString)(CXString);
	void (*disposeString)(CXString);
	CXSourceLocation (*getCursorLocation)(CXCursor);
	CXSourceRange (*getCursorExtent)(CXCursor);
	CXSourceLocation (*getRangeStart)(CXSourceRange);
	CXSourceLocation (*getRangeEnd)(CXSourceRange);
	void (*getFileLocation)(CXSourceLocation, CXFile *, unsigned *, unsigned *, unsigned *);
	int (*Location_isFromMainFile)(CXSourceLocation);
	int (*Cursor_getNumArguments)(CXCursor);
	CXCursor (*Cursor_getArgument)(CXCursor, unsigned);
	CXEvalResult (*Cursor_Evaluate)(CXCursor);
	CXEvalResultKind (*EvalResult_getKind)(CXEvalResult);
	long long (*EvalResult_getAsLongLong)(CXEvalResult);
	unsigned (*EvalResult_isUnsignedInt)(CXEvalResult);
	unsigned long long (*EvalResult_getAsUnsigned)(CXEvalResult);
	const char *(*EvalResult_getAsStr)(CXEvalResult);
	void (*EvalResult_dispose)(CXEvalResult);
	CXCursor (*getCursorReferenced)(CXCursor);
	CXCursor (*getCursorSemanticParent)(CXCursor);
	CXCursor (*getNullCursor)(void);
	unsigned (*equalCursors)(CXCursor, CXCursor);
	int (*Cursor_isNull)(CXCursor);
	unsigned (*getNumDiagnostics)(CXTranslationUnit);
	CXDiagnostic (*getDiagnostic)(CXTranslationUnit, unsigned);
	CXString (*getDiagnosticSpelling)(CXDiagnostic);
	enum CXDiagnosticSeverity (*getDiagnosticSeverity)(CXDiagnostic);
	void (*disposeDiagnostic)(CXDiagnostic);
	void (*tokenize)(CXTranslationUnit, CXSourceRange, CXToken **, unsigned *);
	CXString (*getTokenSpelling)(CXTranslationUnit, CXToken);
	CXTokenKind (*getTokenKind)(CXToken);
	void (*disposeTokens)(CXTranslationUnit, CXToken *, unsigned);
	CXFile (*getFile)(CXTranslationUnit, const char *);
	int (*File_isEqual)(CXFile, CXFile);
	CXSourceLocation (*getLocationForOffset)(CXTranslationUnit, CXFile, unsigned);
	CXSourceRange (*getRange)(CXSourceLocation, CXSourceLocation);
	CXSourceRange (*getTokenExtent)(CXTranslationUnit, CXToken);
} libclang_api;

/* The loaded table, or NULL when libclang cannot be loaded. */
const libclang_api *libclang_get(void);
/* Why libclang_get() returned NULL (a sentence), or "". */
const char *libclang_error(void);

#endif
