/* tlslint shim: wolfSSL <wolfssl/ssl.h> names and values. */
#ifndef TLSLINT_SHIM_WOLFSSL_SSL_H
#define TLSLINT_SHIM_WOLFSSL_SSL_H
#include <tlslint/base.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct WOLFSSL WOLFSSL;
typedef struct WOLFSSL_CTX WOLFSSL_CTX;
typedef struct WOLFSSL_METHOD WOLFSSL_METHOD;
enum { WOLFSSL_SSLV3 = 0, WOLFSSL_TLSV1 = 1, WOLFSSL_TLSV1_1 = 2, WOLFSSL_TLSV1_2 = 3, WOLFSSL_TLSV1_3 = 4 };
#define WOLFSSL_SUCCESS 1
#define TLSLINT_SHIM_WOLF(p)                                                               \
	WOLFSSL_METHOD *p##_method(void);                                                   \
	WOLFSSL_METHOD *p##_client_method(void);                                            \
	WOLFSSL_METHOD *p##_server_method(void);
TLSLINT_SHIM_WOLF(wolfSSLv3)
TLSLINT_SHIM_WOLF(wolfSSLv23)
TLSLINT_SHIM_WOLF(wolfTLS)
TLSLINT_SHIM_WOLF(wolfTLSv1)
TLSLINT_SHIM_WOLF(wolfTLSv1_1)
TLSLINT_SHIM_WOLF(wolfTLSv1_2)
TLSLINT_SHIM_WOLF(wolfTLSv1_3)
TLSLINT_SHIM_WOLF(wolfDTLSv1)
TLSLINT_SHIM_WOLF(wolfDTLSv1_2)
#undef TLSLINT_SHIM_WOLF
int wolfSSL_Init(void);
WOLFSSL_CTX *wolfSSL_CTX_new(WOLFSSL_METHOD *method);
void wolfSSL_CTX_free(WOLFSSL_CTX *ctx);
WOLFSSL *wolfSSL_new(WOLFSSL_CTX *ctx);
int wolfSSL_CTX_SetMinVersion(WOLFSSL_CTX *ctx, int version);
int wolfSSL_SetMinVersion(WOLFSSL *ssl, int version);
int wolfSSL_SetVersion(WOLFSSL *ssl, int version);
int wolfSSL_CTX_load_verify_locations(WOLFSSL_CTX *ctx, const char *file, const char *path);
#ifdef __cplusplus
}
#endif
#endif
