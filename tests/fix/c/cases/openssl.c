/* OpenSSL contexts pinned to legacy versions (fix fixture: openssl.fixed.c is the result). */
#include <stddef.h>
#include <openssl/ssl.h>

struct server {
	SSL_CTX *ctx;
	int port;
};

SSL_CTX *client_context(void)
{
	SSL_CTX *ctx = SSL_CTX_new(TLSv1_client_method());
	if (ctx == NULL)
		return NULL;
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	return ctx;
}

int server_init(struct server *s)
{
	s->ctx = SSL_CTX_new(TLSv1_1_server_method()); // the old appliance
	return s->ctx != NULL;
}

SSL_CTX *generic_context(void)
{
	SSL_CTX *ctx = SSL_CTX_new(TLSv1_method());
	SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
	SSL_CTX_set_max_proto_version(ctx, TLS1_1_VERSION);
	return ctx;
}

SSL_CTX *datagram_context(void)
{
	SSL_CTX *ctx;
	ctx = SSL_CTX_new(DTLSv1_client_method());   /* the sensor */
	return ctx;
}

int bounds(SSL *ssl, SSL_CTX *ctx)
{
	if (!SSL_set_min_proto_version(ssl, TLS1_1_VERSION))
		return 0;
	SSL_CTX_set_min_proto_version(ctx, (int)0x301);
	SSL_CTX_set_min_proto_version(ctx, DTLS1_VERSION);
	SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MAX_PROTO_VERSION, TLS1_VERSION, NULL);
	return 1;
}

int conf(SSL_CONF_CTX *cctx)
{
	SSL_CONF_cmd(cctx, "MinProtocol", "TLSv1");
	return SSL_CONF_cmd(cctx, "MaxProtocol", "TLSv1.1") > 0;
}
