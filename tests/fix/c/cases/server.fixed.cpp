// A C++ server and client on legacy OpenSSL methods (fix fixture: server.fixed.cpp is the result).
#include <openssl/ssl.h>

namespace net {

class Server {
public:
	bool start()
	{
		ctx_ = SSL_CTX_new(TLS_server_method());
		SSL_CTX_set_min_proto_version(ctx_, TLS1_2_VERSION);
		return ctx_ != nullptr;
	}

private:
	SSL_CTX *ctx_ = nullptr;
};

SSL_CTX *client()
{
	auto *ctx = ::SSL_CTX_new(::TLS_client_method());
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	return ctx;
}

} // namespace net
