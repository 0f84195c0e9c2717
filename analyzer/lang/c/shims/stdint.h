/* tlslint shim (no system headers): <stdint.h>. */
#include <tlslint/base.h>
