// tlslint shim: Boost.Asio SSL (<boost/asio/ssl.hpp>) names and values.
#ifndef TLSLINT_SHIM_BOOST_ASIO_SSL_HPP
#define TLSLINT_SHIM_BOOST_ASIO_SSL_HPP
namespace boost {
namespace system { class error_code { public: int value() const; }; }
namespace asio {
class io_context { public: io_context(); void run(); };
typedef io_context io_service;
namespace ip { namespace tcp { class socket { public: explicit socket(io_context &); }; } }
namespace ssl {
class context_base {
public:
	enum method {
		sslv2, sslv2_client, sslv2_server, sslv3, sslv3_client, sslv3_server,
		tlsv1, tlsv1_client, tlsv1_server, sslv23, sslv23_client, sslv23_server,
		tlsv11, tlsv11_client, tlsv11_server, tlsv12, tlsv12_client, tlsv12_server,
		tlsv13, tlsv13_client, tlsv13_server, tls, tls_client, tls_server
	};
	typedef long options;
	static const long default_workarounds = 0x80000BFFL;
	static const long single_dh_use = 0x00100000L;
	static const long no_sslv2 = 0;
	static const long no_sslv3 = 0x02000000L;
	static const long no_tlsv1 = 0x04000000L;
	static const long no_tlsv1_1 = 0x10000000L;
	static const long no_tlsv1_2 = 0x08000000L;
	static const long no_tlsv1_3 = 0x20000000L;
	static const long no_compression = 0x00020000L;
	enum file_format { asn1, pem };
};
class context : public context_base {
public:
	explicit context(method m);
	void set_options(options o);
	void clear_options(options o);
	void set_default_verify_paths();
	void set_verify_mode(int v);
	void load_verify_file(const char *filename);
	void use_certificate_chain_file(const char *filename);
	void use_private_key_file(const char *filename, file_format format);
	void *native_handle();
};
const int verify_none = 0x00;
const int verify_peer = 0x01;
template <typename Stream> class stream {
public:
	template <typename Arg> stream(Arg &&arg, context &ctx);
	void handshake(int type);
};
namespace stream_base { enum handshake_type { client, server }; }
} // namespace ssl
} // namespace asio
} // namespace boost
#endif
