/* tlslint shim: mbedTLS <mbedtls/ssl.h> names and values. */
#ifndef TLSLINT_SHIM_MBEDTLS_SSL_H
#define TLSLINT_SHIM_MBEDTLS_SSL_H
#include <tlslint/base.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct mbedtls_ssl_config mbedtls_ssl_config;
typedef struct mbedtls_ssl_context mbedtls_ssl_context;
#define MBEDTLS_SSL_MAJOR_VERSION_3 3
#define MBEDTLS_SSL_MINOR_VERSION_0 0
#define MBEDTLS_SSL_MINOR_VERSION_1 1
#define MBEDTLS_SSL_MINOR_VERSION_2 2
#define MBEDTLS_SSL_MINOR_VERSION_3 3
#define MBEDTLS_SSL_MINOR_VERSION_4 4
#define MBEDTLS_SSL_IS_CLIENT 0
#define MBEDTLS_SSL_IS_SERVER 1
#define MBEDTLS_SSL_TRANSPORT_STREAM 0
#define MBEDTLS_SSL_TRANSPORT_DATAGRAM 1
#define MBEDTLS_SSL_PRESET_DEFAULT 0
typedef enum { MBEDTLS_SSL_VERSION_UNKNOWN, MBEDTLS_SSL_VERSION_TLS1_2 = 0x0303, MBEDTLS_SSL_VERSION_TLS1_3 = 0x0304 } mbedtls_ssl_protocol_version;
void mbedtls_ssl_config_init(mbedtls_ssl_config *conf);
int mbedtls_ssl_config_defaults(mbedtls_ssl_config *conf, int endpoint, int transport, int preset);
void mbedtls_ssl_conf_min_version(mbedtls_ssl_config *conf, int major, int minor);
void mbedtls_ssl_conf_max_version(mbedtls_ssl_config *conf, int major, int minor);
void mbedtls_ssl_conf_min_tls_version(mbedtls_ssl_config *conf, mbedtls_ssl_protocol_version v);
void mbedtls_ssl_conf_max_tls_version(mbedtls_ssl_config *conf, mbedtls_ssl_protocol_version v);
int mbedtls_ssl_setup(mbedtls_ssl_context *ssl, const mbedtls_ssl_config *conf);
#ifdef __cplusplus
}
#endif
#endif
