/* cs_matcher.h: C# patterns answered by C code (cs_matcher.c): the value positions, matcher
 * `csharp-value-positions` of rules/csharp/LT-CS-001.scm, LT-CS-002.scm and LT-CS-003.scm, and
 * `csharp-pinned-security-protocol` of LT-CS-006.scm. */
#ifndef TLSLINT_CS_MATCHER_H
#define TLSLINT_CS_MATCHER_H
#include "engine/native_matcher.h"

extern const ts_native_matcher cs_value_positions;
extern const ts_native_matcher cs_pinned_protocol;

#endif
