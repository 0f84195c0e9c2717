/* tlslint shim: NSS <ssl.h> / <sslproto.h> names and values. */
#ifndef TLSLINT_SHIM_NSS_SSL_H
#define TLSLINT_SHIM_NSS_SSL_H
#include <tlslint/base.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef unsigned short PRUint16;
typedef int PRIntn;
typedef enum { SECFailure = -1, SECSuccess = 0 } SECStatus;
typedef struct PRFileDesc PRFileDesc;
typedef enum { ssl_variant_stream = 0, ssl_variant_datagram = 1 } SSLProtocolVariant;
typedef struct SSLVersionRange { PRUint16 min; PRUint16 max; } SSLVersionRange;
#define SSL_LIBRARY_VERSION_3_0 0x0300
#define SSL_LIBRARY_VERSION_TLS_1_0 0x0301
#define SSL_LIBRARY_VERSION_TLS_1_1 0x0302
#define SSL_LIBRARY_VERSION_TLS_1_2 0x0303
#define SSL_LIBRARY_VERSION_TLS_1_3 0x0304
SECStatus SSL_VersionRangeSet(PRFileDesc *fd, const SSLVersionRange *vrange);
SECStatus SSL_VersionRangeSetDefault(SSLProtocolVariant protocolVariant, const SSLVersionRange *vrange);
SECStatus SSL_VersionRangeGet(PRFileDesc *fd, SSLVersionRange *vrange);
PRFileDesc *SSL_ImportFD(PRFileDesc *model, PRFileDesc *fd);
#ifdef __cplusplus
}
#endif
#endif
