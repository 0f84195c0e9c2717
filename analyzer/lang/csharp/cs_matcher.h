/* cs_matcher.h: C#'s value positions answered by C code (cs_matcher.c), the matcher
 * `csharp-value-positions` of rules/csharp/LT-CS-001.scm, LT-CS-002.scm and LT-CS-003.scm. */
#ifndef TLSLINT_CS_MATCHER_H
#define TLSLINT_CS_MATCHER_H
#include "engine/native_matcher.h"

extern const ts_native_matcher cs_value_positions;

#endif
