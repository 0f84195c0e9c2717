/* tlslint shim: SSPI <security.h> / <sspi.h> names used around SChannel. */
#ifndef TLSLINT_SHIM_SECURITY_H
#define TLSLINT_SHIM_SECURITY_H
#include <windows.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef LONG SECURITY_STATUS;
typedef struct _SecHandle { unsigned long long dwLower, dwUpper; } SecHandle, CredHandle, CtxtHandle, *PCredHandle, *PCtxtHandle;
typedef struct _TimeStamp { DWORD LowPart; LONG HighPart; } TimeStamp, *PTimeStamp;
#define SECPKG_CRED_OUTBOUND 0x00000002
#define SECPKG_CRED_INBOUND 0x00000001
#define SEC_E_OK ((SECURITY_STATUS)0)
SECURITY_STATUS AcquireCredentialsHandleA(LPSTR, LPSTR, DWORD, void *, void *, void *, void *, PCredHandle, PTimeStamp);
SECURITY_STATUS AcquireCredentialsHandleW(LPWSTR, LPWSTR, DWORD, void *, void *, void *, void *, PCredHandle, PTimeStamp);
#ifdef UNICODE
#define AcquireCredentialsHandle AcquireCredentialsHandleW
#else
#define AcquireCredentialsHandle AcquireCredentialsHandleA
#endif
#ifdef __cplusplus
}
#endif
#endif
