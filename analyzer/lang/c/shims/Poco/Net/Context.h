// tlslint shim: POCO NetSSL <Poco/Net/Context.h> names and values.
#ifndef TLSLINT_SHIM_POCO_NET_CONTEXT_H
#define TLSLINT_SHIM_POCO_NET_CONTEXT_H
namespace Poco {
template <class C> class AutoPtr {
public:
	AutoPtr(C *ptr);
	C *operator->();
};
namespace Net {
class Context {
public:
	typedef Poco::AutoPtr<Context> Ptr;
	enum Usage {
		TLS_CLIENT_USE, TLS_SERVER_USE, CLIENT_USE, SERVER_USE, TLSV1_CLIENT_USE,
		TLSV1_SERVER_USE, TLSV1_1_CLIENT_USE, TLSV1_1_SERVER_USE, TLSV1_2_CLIENT_USE,
		TLSV1_2_SERVER_USE, TLSV1_3_CLIENT_USE, TLSV1_3_SERVER_USE
	};
	enum VerificationMode { VERIFY_NONE = 0, VERIFY_RELAXED = 1, VERIFY_STRICT = 3, VERIFY_ONCE = 5 };
	enum Protocols {
		PROTO_SSLV2 = 0x01, PROTO_SSLV3 = 0x02, PROTO_TLSV1 = 0x04, PROTO_TLSV1_1 = 0x08,
		PROTO_TLSV1_2 = 0x10, PROTO_TLSV1_3 = 0x20
	};
	template <class... Rest> Context(Usage usage, const Rest &...rest);
	void requireMinimumProtocol(Protocols protocol);
	void disableProtocols(int protocols);
	void enableExtendedCertificateVerification(bool flag = true);
};
} // namespace Net
} // namespace Poco
#endif
