/* level.h: how serious a finding or a notification is (SARIF's `level`). */
#ifndef TLSLINT_LEVEL_H
#define TLSLINT_LEVEL_H

#include <stdbool.h>

typedef enum level { LEVEL_NONE = 0, LEVEL_NOTE, LEVEL_WARNING, LEVEL_ERROR } level;

/* "none", "note", "warning", "error". */
const char *level_name(level l);
bool level_parse(const char *s, level *out);

#endif
