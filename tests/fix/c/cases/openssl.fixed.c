/* OpenSSL contexts pinned to legacy versions (fix fixture: openssl.fixed.c is the result). */
#include <stddef.h>
#include <openssl/ssl.h>

struct server {
	SSL_CTX *ctx;
	int port;
};

SSL_CTX *client_context(void)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	if (ctx == NULL)
		return NULL;
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	return ctx;
}

int server_init(struct server *s)
{
	s->ctx = SSL_CTX_new(TLS_server_method()); // the old appliance
	SSL_CTX_set_min_proto_version(s->ctx, TLS1_2_VERSION);
	return s->ctx != NULL;
}

SSL_CTX *generic_context(void)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_method());
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_max_proto_version(ctx, 0);
	return ctx;
}

SSL_CTX *datagram_context(void)
{
	SSL_CTX *ctx;
	ctx = SSL_CTX_new(DTLS_client_method()); SSL_CTX_set_min_proto_version(ctx, DTLS1_2_VERSION);   /* the sensor */
	return ctx;
}

int bounds(SSL *ssl, SSL_CTX *ctx)
{
	if (!SSL_set_min_proto_version(ssl, TLS1_2_VERSION))
		return 0;
	SSL_CTX_set_min_proto_version(ctx, (int)TLS1_2_VERSION);
	SSL_CTX_set_min_proto_version(ctx, DTLS1_2_VERSION);
	SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MAX_PROTO_VERSION, 0, NULL);
	return 1;
}

int conf(SSL_CONF_CTX *cctx)
{
	SSL_CONF_cmd(cctx, "MinProtocol", "TLSv1.2");
	return SSL_CONF_cmd(cctx, "MaxProtocol", "None") > 0;
}
