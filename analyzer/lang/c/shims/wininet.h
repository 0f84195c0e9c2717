/* tlslint shim: WinINet <wininet.h> names the TLS rules look at. */
#ifndef TLSLINT_SHIM_WININET_H
#define TLSLINT_SHIM_WININET_H
#include <windows.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef LPVOID HINTERNET;
#define INTERNET_OPEN_TYPE_PRECONFIG 0
#define INTERNET_OPTION_SECURITY_FLAGS 31
BOOL InternetSetOptionA(HINTERNET, DWORD, LPVOID, DWORD);
BOOL InternetSetOptionW(HINTERNET, DWORD, LPVOID, DWORD);
HINTERNET InternetOpenA(LPCSTR, DWORD, LPCSTR, LPCSTR, DWORD);
HINTERNET InternetOpenW(LPCWSTR, DWORD, LPCWSTR, LPCWSTR, DWORD);
#ifdef __cplusplus
}
#endif
#endif
