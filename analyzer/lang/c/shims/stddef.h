/* tlslint shim (no system headers): <stddef.h>. */
#include <tlslint/base.h>
