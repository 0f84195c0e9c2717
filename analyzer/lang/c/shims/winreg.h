/* tlslint shim: <winreg.h>. */
#include <windows.h>
