// A C++ server and client on legacy OpenSSL methods (fix fixture: server.fixed.cpp is the result).
#include <openssl/ssl.h>

namespace net {

class Server {
public:
	bool start()
	{
		ctx_ = SSL_CTX_new(TLSv1_server_method());
		return ctx_ != nullptr;
	}

private:
	SSL_CTX *ctx_ = nullptr;
};

SSL_CTX *client()
{
	auto *ctx = ::SSL_CTX_new(::TLSv1_1_client_method());
	return ctx;
}

} // namespace net
