/* tlslint shim: the Win32 names the TLS rules look at (<windows.h>, <winreg.h>). */
#ifndef TLSLINT_SHIM_WINDOWS_H
#define TLSLINT_SHIM_WINDOWS_H
#include <tlslint/base.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef unsigned long DWORD;
typedef int BOOL;
typedef unsigned char BYTE;
typedef unsigned short WORD;
typedef long LONG;
typedef LONG LSTATUS;
typedef void *LPVOID;
typedef void *HANDLE;
typedef const void *LPCVOID;
typedef char CHAR;
typedef __WCHAR_TYPE__ WCHAR;
typedef const CHAR *LPCSTR;
typedef CHAR *LPSTR;
typedef const WCHAR *LPCWSTR;
typedef WCHAR *LPWSTR;
typedef DWORD *LPDWORD;
typedef const BYTE *LPCBYTE;
typedef struct HKEY__ *HKEY;
typedef HKEY *PHKEY;
typedef DWORD REGSAM;
typedef struct _SECURITY_ATTRIBUTES SECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;
#ifdef UNICODE
typedef LPCWSTR LPCTSTR;
#define TEXT(s) L##s
#else
typedef LPCSTR LPCTSTR;
#define TEXT(s) s
#endif
#define _T(s) TEXT(s)
#define TRUE 1
#define FALSE 0
#define ERROR_SUCCESS 0L
#define HKEY_LOCAL_MACHINE ((HKEY)(unsigned long)0x80000002)
#define HKEY_CURRENT_USER ((HKEY)(unsigned long)0x80000001)
#define REG_SZ 1
#define REG_DWORD 4
#define REG_OPTION_NON_VOLATILE 0
#define KEY_SET_VALUE 0x0002
#define KEY_WRITE 0x20006
#define KEY_ALL_ACCESS 0xF003F
LSTATUS RegCreateKeyExA(HKEY, LPCSTR, DWORD, LPSTR, DWORD, REGSAM, LPSECURITY_ATTRIBUTES, PHKEY, LPDWORD);
LSTATUS RegCreateKeyExW(HKEY, LPCWSTR, DWORD, LPWSTR, DWORD, REGSAM, LPSECURITY_ATTRIBUTES, PHKEY, LPDWORD);
LSTATUS RegOpenKeyExA(HKEY, LPCSTR, DWORD, REGSAM, PHKEY);
LSTATUS RegOpenKeyExW(HKEY, LPCWSTR, DWORD, REGSAM, PHKEY);
LSTATUS RegSetValueExA(HKEY, LPCSTR, DWORD, DWORD, const BYTE *, DWORD);
LSTATUS RegSetValueExW(HKEY, LPCWSTR, DWORD, DWORD, const BYTE *, DWORD);
LSTATUS RegSetKeyValueA(HKEY, LPCSTR, LPCSTR, DWORD, LPCVOID, DWORD);
LSTATUS RegSetKeyValueW(HKEY, LPCWSTR, LPCWSTR, DWORD, LPCVOID, DWORD);
LSTATUS RegCloseKey(HKEY);
DWORD GetLastError(void);
#ifdef UNICODE
#define RegCreateKeyEx RegCreateKeyExW
#define RegOpenKeyEx RegOpenKeyExW
#define RegSetValueEx RegSetValueExW
#define RegSetKeyValue RegSetKeyValueW
#else
#define RegCreateKeyEx RegCreateKeyExA
#define RegOpenKeyEx RegOpenKeyExA
#define RegSetValueEx RegSetValueExA
#define RegSetKeyValue RegSetKeyValueA
#endif
#ifdef __cplusplus
}
#endif
#endif
