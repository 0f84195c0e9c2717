/* tlslint shim: <sspi.h>. */
#include <security.h>
