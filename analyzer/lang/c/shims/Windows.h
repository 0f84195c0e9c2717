/* tlslint shim: <Windows.h>. */
#include <windows.h>
