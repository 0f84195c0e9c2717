/* tlslint shim: OpenSSL, LibreSSL and BoringSSL <openssl/ssl.h> names and values. */
#ifndef TLSLINT_SHIM_OPENSSL_SSL_H
#define TLSLINT_SHIM_OPENSSL_SSL_H
#include <tlslint/base.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_method_st SSL_METHOD;
typedef struct ssl_conf_ctx_st SSL_CONF_CTX;
typedef struct ssl_session_st SSL_SESSION;
typedef struct ssl_cipher_st SSL_CIPHER;
typedef struct bio_st BIO;
typedef struct x509_st X509;
typedef struct x509_store_ctx_st X509_STORE_CTX;
typedef struct evp_pkey_st EVP_PKEY;

#define SSL2_VERSION 0x0002
#define SSL3_VERSION 0x0300
#define TLS1_VERSION 0x0301
#define TLS1_1_VERSION 0x0302
#define TLS1_2_VERSION 0x0303
#define TLS1_3_VERSION 0x0304
#define DTLS1_VERSION 0xFEFF
#define DTLS1_2_VERSION 0xFEFD
#define DTLS1_BAD_VER 0x0100
#define TLS_MAX_VERSION TLS1_3_VERSION

#define SSL_OP_BIT(n) ((uint64_t)1 << (uint64_t)n)
#define SSL_OP_NO_SSLv2 0
#define SSL_OP_NO_SSLv3 SSL_OP_BIT(25)
#define SSL_OP_NO_TLSv1 SSL_OP_BIT(26)
#define SSL_OP_NO_TLSv1_2 SSL_OP_BIT(27)
#define SSL_OP_NO_TLSv1_1 SSL_OP_BIT(28)
#define SSL_OP_NO_TLSv1_3 SSL_OP_BIT(29)
#define SSL_OP_NO_DTLSv1 SSL_OP_BIT(26)
#define SSL_OP_NO_DTLSv1_2 SSL_OP_BIT(27)
#define SSL_OP_NO_COMPRESSION SSL_OP_BIT(17)
#define SSL_OP_CIPHER_SERVER_PREFERENCE SSL_OP_BIT(22)
#define SSL_OP_ALL (SSL_OP_BIT(31) | SSL_OP_BIT(11) | SSL_OP_BIT(0) | SSL_OP_BIT(4))
#define SSL_OP_NO_SSL_MASK (SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 | SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3)

#define SSL_CTRL_OPTIONS 32
#define SSL_CTRL_CLEAR_OPTIONS 77
#define SSL_CTRL_SET_MIN_PROTO_VERSION 123
#define SSL_CTRL_SET_MAX_PROTO_VERSION 124
#define SSL_CTRL_GET_MIN_PROTO_VERSION 130
#define SSL_CTRL_GET_MAX_PROTO_VERSION 131

#define SSL_VERIFY_NONE 0x00
#define SSL_VERIFY_PEER 0x01
#define SSL_FILETYPE_PEM 1
#define SSL_ERROR_NONE 0
#define SSL_CONF_FLAG_FILE 0x2
#define SSL_CONF_FLAG_CMDLINE 0x1
#define SSL_CONF_FLAG_CLIENT 0x4
#define SSL_CONF_FLAG_SERVER 0x8

#define TLSLINT_SHIM_METHODS(p)                                                          \
	const SSL_METHOD *p##_method(void);                                               \
	const SSL_METHOD *p##_client_method(void);                                        \
	const SSL_METHOD *p##_server_method(void);
TLSLINT_SHIM_METHODS(SSLv2)
TLSLINT_SHIM_METHODS(SSLv3)
TLSLINT_SHIM_METHODS(SSLv23)
TLSLINT_SHIM_METHODS(TLS)
TLSLINT_SHIM_METHODS(TLSv1)
TLSLINT_SHIM_METHODS(TLSv1_1)
TLSLINT_SHIM_METHODS(TLSv1_2)
TLSLINT_SHIM_METHODS(DTLS)
TLSLINT_SHIM_METHODS(DTLSv1)
TLSLINT_SHIM_METHODS(DTLSv1_2)
#undef TLSLINT_SHIM_METHODS

int OPENSSL_init_ssl(uint64_t opts, const void *settings);
int SSL_library_init(void);
void SSL_load_error_strings(void);
SSL_CTX *SSL_CTX_new(const SSL_METHOD *meth);
void SSL_CTX_free(SSL_CTX *ctx);
SSL *SSL_new(SSL_CTX *ctx);
void SSL_free(SSL *ssl);
long SSL_CTX_ctrl(SSL_CTX *ctx, int cmd, long larg, void *parg);
long SSL_ctrl(SSL *ssl, int cmd, long larg, void *parg);
int SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version);
int SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version);
int SSL_set_min_proto_version(SSL *ssl, int version);
int SSL_set_max_proto_version(SSL *ssl, int version);
int SSL_CTX_get_min_proto_version(SSL_CTX *ctx);
int SSL_CTX_get_max_proto_version(SSL_CTX *ctx);
uint64_t SSL_CTX_set_options(SSL_CTX *ctx, uint64_t op);
uint64_t SSL_CTX_clear_options(SSL_CTX *ctx, uint64_t op);
uint64_t SSL_CTX_get_options(const SSL_CTX *ctx);
uint64_t SSL_set_options(SSL *s, uint64_t op);
uint64_t SSL_clear_options(SSL *s, uint64_t op);
uint64_t SSL_get_options(const SSL *s);
void SSL_CTX_set_security_level(SSL_CTX *ctx, int level);
void SSL_set_security_level(SSL *s, int level);
int SSL_CTX_get_security_level(const SSL_CTX *ctx);
int SSL_CTX_set_cipher_list(SSL_CTX *ctx, const char *str);
int SSL_set_cipher_list(SSL *s, const char *str);
int SSL_CTX_set_ciphersuites(SSL_CTX *ctx, const char *str);
SSL_CONF_CTX *SSL_CONF_CTX_new(void);
void SSL_CONF_CTX_free(SSL_CONF_CTX *cctx);
unsigned int SSL_CONF_CTX_set_flags(SSL_CONF_CTX *cctx, unsigned int flags);
void SSL_CONF_CTX_set_ssl_ctx(SSL_CONF_CTX *cctx, SSL_CTX *ctx);
int SSL_CONF_CTX_finish(SSL_CONF_CTX *cctx);
int SSL_CONF_cmd(SSL_CONF_CTX *cctx, const char *cmd, const char *value);
int SSL_version(const SSL *ssl);
const char *SSL_get_version(const SSL *s);
int SSL_set_fd(SSL *s, int fd);
int SSL_connect(SSL *ssl);
int SSL_accept(SSL *ssl);
int SSL_read(SSL *ssl, void *buf, int num);
int SSL_write(SSL *ssl, const void *buf, int num);
int SSL_shutdown(SSL *s);
int SSL_get_error(const SSL *s, int ret_code);
int SSL_set_tlsext_host_name(SSL *s, const char *name);
int SSL_CTX_use_certificate_file(SSL_CTX *ctx, const char *file, int type);
int SSL_CTX_use_certificate_chain_file(SSL_CTX *ctx, const char *file);
int SSL_CTX_use_PrivateKey_file(SSL_CTX *ctx, const char *file, int type);
int SSL_CTX_load_verify_locations(SSL_CTX *ctx, const char *CAfile, const char *CApath);
int SSL_CTX_set_default_verify_paths(SSL_CTX *ctx);
void SSL_CTX_set_verify(SSL_CTX *ctx, int mode, int (*cb)(int, X509_STORE_CTX *));
unsigned long ERR_get_error(void);
void ERR_print_errors_fp(void *fp);
#ifdef __cplusplus
}
#endif
#endif
