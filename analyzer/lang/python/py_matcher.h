/* py_matcher.h: Python patterns answered by C code (py_matcher.c): the matchers
 * `python-cleared-options` of rules/python/LT-PY-003.scm, `python-default-parameters` of
 * LT-PY-004.scm, `python-unversioned-calls` of LT-PY-005.scm and `python-legacy-constants` of
 * LT-PY-001.scm. */
#ifndef TLSLINT_PY_MATCHER_H
#define TLSLINT_PY_MATCHER_H
#include "engine/native_matcher.h"

extern const ts_native_matcher py_unversioned_calls;
extern const ts_native_matcher py_default_parameters;
extern const ts_native_matcher py_cleared_options;
extern const ts_native_matcher py_legacy_constants;

#endif
