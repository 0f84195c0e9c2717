/* tlslint shim: GnuTLS <gnutls/gnutls.h> names and values. */
#ifndef TLSLINT_SHIM_GNUTLS_H
#define TLSLINT_SHIM_GNUTLS_H
#include <tlslint/base.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct gnutls_session_int *gnutls_session_t;
typedef struct gnutls_priority_st *gnutls_priority_t;
typedef enum {
	GNUTLS_VERSION_UNKNOWN = 0xff,
	GNUTLS_SSL3 = 1,
	GNUTLS_TLS1_0 = 2,
	GNUTLS_TLS1 = GNUTLS_TLS1_0,
	GNUTLS_TLS1_1 = 3,
	GNUTLS_TLS1_2 = 4,
	GNUTLS_TLS1_3 = 5,
	GNUTLS_DTLS0_9 = 200,
	GNUTLS_DTLS1_0 = 201,
	GNUTLS_DTLS1_2 = 202,
} gnutls_protocol_t;
#define GNUTLS_SERVER 1
#define GNUTLS_CLIENT (1 << 1)
int gnutls_global_init(void);
int gnutls_init(gnutls_session_t *session, unsigned int flags);
void gnutls_deinit(gnutls_session_t session);
int gnutls_priority_init(gnutls_priority_t *cache, const char *priorities, const char **err_pos);
int gnutls_priority_init2(gnutls_priority_t *cache, const char *priorities, const char **err_pos, unsigned flags);
int gnutls_priority_set(gnutls_session_t session, gnutls_priority_t priority);
int gnutls_priority_set_direct(gnutls_session_t session, const char *priorities, const char **err_pos);
int gnutls_set_default_priority(gnutls_session_t session);
int gnutls_protocol_set_priority(gnutls_session_t session, const int *list);
gnutls_protocol_t gnutls_protocol_get_version(gnutls_session_t session);
int gnutls_handshake(gnutls_session_t session);
#ifdef __cplusplus
}
#endif
#endif
