/* value_types.c: member tables of the protocol-setting types. Values are the platforms' own. */
#include "value_types.h"

#include <string.h>
#include <strings.h>

/* System.Net.SecurityProtocolType */
static const value_member security_protocol_type[] = {
	{ "SystemDefault", 0, 0 },
	{ "Ssl3", 48, VERSION_SSL3 },
	{ "Tls", 192, VERSION_TLS10 },
	{ "Tls11", 768, VERSION_TLS11 },
	{ "Tls12", 3072, VERSION_TLS12 },
	{ "Tls13", 12288, VERSION_TLS13 },
};

/* System.Security.Authentication.SslProtocols */
static const value_member ssl_protocols[] = {
	{ "None", 0, 0 },
	{ "Ssl2", 12, VERSION_SSL2 },
	{ "Ssl3", 48, VERSION_SSL3 },
	{ "Tls", 192, VERSION_TLS10 },
	{ "Default", 240, 0 }, /* Ssl3 | Tls: its bits name the versions */
	{ "Tls11", 768, VERSION_TLS11 },
	{ "Tls12", 3072, VERSION_TLS12 },
	{ "Tls13", 12288, VERSION_TLS13 },
};

/* Python `ssl.PROTOCOL_*` (the ssl module's own values) and pyOpenSSL `OpenSSL.SSL.*_METHOD`
 * (pyOpenSSL's values plus 0x100, so that the two modules' numbers never meet). Members are
 * named by their canonical dotted path: the Python evaluator resolves imports and aliases to
 * it. The version-flexible members (PROTOCOL_TLS, PROTOCOL_SSLv23, PROTOCOL_TLS_CLIENT,
 * SSLv23_METHOD, TLS_METHOD, ...) name no version: they negotiate the highest version both
 * sides support, and what they allow depends on a floor set elsewhere. */
static const value_member python_ssl_protocol[] = {
	{ "ssl.PROTOCOL_SSLv2", 0, VERSION_SSL2 },
	{ "ssl.PROTOCOL_SSLv3", 1, VERSION_SSL3 },
	{ "ssl.PROTOCOL_SSLv23", 2, 0 },
	{ "ssl.PROTOCOL_TLS", 2, 0 },
	{ "ssl.PROTOCOL_TLSv1", 3, VERSION_TLS10 },
	{ "ssl.PROTOCOL_TLSv1_1", 4, VERSION_TLS11 },
	{ "ssl.PROTOCOL_TLSv1_2", 5, VERSION_TLS12 },
	{ "ssl.PROTOCOL_TLS_CLIENT", 16, 0 },
	{ "ssl.PROTOCOL_TLS_SERVER", 17, 0 },
	{ "OpenSSL.SSL.SSLv2_METHOD", 0x101, VERSION_SSL2 },
	{ "OpenSSL.SSL.SSLv3_METHOD", 0x102, VERSION_SSL3 },
	{ "OpenSSL.SSL.SSLv23_METHOD", 0x103, 0 },
	{ "OpenSSL.SSL.TLSv1_METHOD", 0x104, VERSION_TLS10 },
	{ "OpenSSL.SSL.TLSv1_1_METHOD", 0x105, VERSION_TLS11 },
	{ "OpenSSL.SSL.TLSv1_2_METHOD", 0x106, VERSION_TLS12 },
	{ "OpenSSL.SSL.TLS_METHOD", 0x107, 0 },
	{ "OpenSSL.SSL.TLS_SERVER_METHOD", 0x108, 0 },
	{ "OpenSSL.SSL.TLS_CLIENT_METHOD", 0x109, 0 },
};

/* Python `ssl.TLSVersion` and pyOpenSSL's `*_VERSION` constants: OpenSSL's protocol numbers,
 * ordered, for minimum and maximum versions. MINIMUM_SUPPORTED is "as low as the OpenSSL build
 * goes": TLS 1.0 on OpenSSL 1.1 and later, which build without SSL 3.0 by default. */
static const value_member python_tls_version[] = {
	{ "ssl.TLSVersion.MINIMUM_SUPPORTED", -2, VERSION_TLS10 },
	{ "ssl.TLSVersion.SSLv3", 0x300, VERSION_SSL3 },
	{ "ssl.TLSVersion.TLSv1", 0x301, VERSION_TLS10 },
	{ "ssl.TLSVersion.TLSv1_1", 0x302, VERSION_TLS11 },
	{ "ssl.TLSVersion.TLSv1_2", 0x303, VERSION_TLS12 },
	{ "ssl.TLSVersion.TLSv1_3", 0x304, VERSION_TLS13 },
	{ "ssl.TLSVersion.MAXIMUM_SUPPORTED", -1, VERSION_TLS13 },
	{ "OpenSSL.SSL.SSL3_VERSION", 0x300, VERSION_SSL3 },
	{ "OpenSSL.SSL.TLS1_VERSION", 0x301, VERSION_TLS10 },
	{ "OpenSSL.SSL.TLS1_1_VERSION", 0x302, VERSION_TLS11 },
	{ "OpenSSL.SSL.TLS1_2_VERSION", 0x303, VERSION_TLS12 },
	{ "OpenSSL.SSL.TLS1_3_VERSION", 0x304, VERSION_TLS13 },
};

/* OpenSSL's SSL_OP_NO_* options as Python's ssl module (`ssl.OP_NO_TLSv1`, `ssl.Options.*`)
 * and pyOpenSSL (`OpenSSL.SSL.OP_NO_TLSv1`) expose them: each names the version it turns off.
 * `@SECLEVEL=0` is a pseudo-option (not an OpenSSL bit) for cipher strings: security level 0
 * lets OpenSSL 3 negotiate TLS 1.0 and TLS 1.1 again. */
#define PY_OPTION(name, value, versions) \
	{ "ssl." name, value, versions }, { "ssl.Options." name, value, versions }, \
	{ "OpenSSL.SSL." name, value, versions }
static const value_member python_ssl_options[] = {
	PY_OPTION("OP_NO_SSLv2", 0x01000000, VERSION_SSL2),
	PY_OPTION("OP_NO_SSLv3", 0x02000000, VERSION_SSL3),
	PY_OPTION("OP_NO_TLSv1", 0x04000000, VERSION_TLS10),
	PY_OPTION("OP_NO_TLSv1_2", 0x08000000, VERSION_TLS12),
	PY_OPTION("OP_NO_TLSv1_1", 0x10000000, VERSION_TLS11),
	PY_OPTION("OP_NO_TLSv1_3", 0x20000000, VERSION_TLS13),
	{ "@SECLEVEL=0", 1LL << 48, VERSION_TLS10 | VERSION_TLS11 },
};

/* Python functions whose default protocol lets a handshake negotiate down to TLS 1.0 and 1.1
 * on the runtimes that still have them (`ssl.wrap_socket`, removed in Python 3.12, defaults to
 * PROTOCOL_TLS with no floor). The versions are those the default allows. */
static const value_member python_legacy_default_call[] = {
	{ "ssl.wrap_socket", 1, VERSION_TLS10 | VERSION_TLS11 },
};

static const value_member boolean[] = {
	{ "false", 0, 0 },
	{ "true", 1, 0 },
};

/* A .NET Framework opt-out switch (AppContext `Switch.System.Net.DontEnableSchUseStrongCrypto`
 * and the like): `true` brings back the framework's own defaults, SSL 3.0 and TLS 1.0. */
static const value_member netfx_opt_out[] = {
	{ "false", 0, 0 },
	{ "true", 1, VERSION_SSL3 | VERSION_TLS10 },
};

/* Java protocol names (JSSE `SSLContext.getInstance`, `setEnabledProtocols`, `https.protocols`,
 * matched ignoring case as JSSE does) and the single-purpose constants of OkHttp (`TlsVersion`,
 * `ConnectionSpec.COMPATIBLE_TLS`) and Apache HttpCore 5 (`TLS.V_1_0`): one bit per member, so a
 * list of names is the OR of its members. "TLS", "Default" and "SSLv2Hello" (a hello format)
 * negotiate or enable nothing by themselves. */
static const value_member java_tls_protocols[] = {
	{ "SSLv2", 1 << 0, VERSION_SSL2 },
	{ "SSLv3", 1 << 1, VERSION_SSL3 },
	{ "SSL", 1 << 2, VERSION_SSL3 },
	{ "TLSv1", 1 << 3, VERSION_TLS10 },
	{ "TLSv1.1", 1 << 4, VERSION_TLS11 },
	{ "TLSv1.2", 1 << 5, VERSION_TLS12 },
	{ "TLSv1.3", 1 << 6, VERSION_TLS13 },
	{ "TLS", 1 << 7, 0 },
	{ "Default", 1 << 8, 0 },
	{ "SSLv2Hello", 1 << 9, 0 },
	{ "TlsVersion.SSL_3_0", 1 << 10, VERSION_SSL3 },
	{ "TlsVersion.TLS_1_0", 1 << 11, VERSION_TLS10 },
	{ "TlsVersion.TLS_1_1", 1 << 12, VERSION_TLS11 },
	{ "TlsVersion.TLS_1_2", 1 << 13, VERSION_TLS12 },
	{ "TlsVersion.TLS_1_3", 1 << 14, VERSION_TLS13 },
	{ "TLS.V_1_0", 1 << 15, VERSION_TLS10 },
	{ "TLS.V_1_1", 1 << 16, VERSION_TLS11 },
	{ "TLS.V_1_2", 1 << 17, VERSION_TLS12 },
	{ "TLS.V_1_3", 1 << 18, VERSION_TLS13 },
	{ "SSL.V_3_0", 1 << 19, VERSION_SSL3 },
	/* OkHttp 3.x-4.x: TLS 1.3, 1.2, 1.1 and 1.0. */
	{ "ConnectionSpec.COMPATIBLE_TLS", 1 << 20, VERSION_TLS10 | VERSION_TLS11 },
};

/* Go `crypto/tls` version constants (the protocol numbers, ordered: a minimum or a maximum). */
static const value_member go_tls_version[] = {
	{ "tls.VersionSSL30", 0x300, VERSION_SSL3 },
	{ "tls.VersionTLS10", 0x301, VERSION_TLS10 },
	{ "tls.VersionTLS11", 0x302, VERSION_TLS11 },
	{ "tls.VersionTLS12", 0x303, VERSION_TLS12 },
	{ "tls.VersionTLS13", 0x304, VERSION_TLS13 },
};

/* Node.js `tls` protocol names: `minVersion`/`maxVersion` and `tls.DEFAULT_MIN_VERSION` take
 * 'TLSv1'..'TLSv1.3' (OpenSSL's numbers, ordered: a minimum or a maximum); `secureProtocol`
 * takes an OpenSSL method name, which pins one version ('TLSv1_method', its `_client_` and
 * `_server_` forms) or negotiates ('TLS_method', 'SSLv23_method': no version). Names compare
 * exactly, as Node.js does. */
#define NODE_METHOD(prefix, value, versions) \
	{ prefix "_method", value, versions }, { prefix "_client_method", value + 1, versions }, \
	{ prefix "_server_method", value + 2, versions }
static const value_member node_tls_version[] = {
	{ "TLSv1", 0x301, VERSION_TLS10 },
	{ "TLSv1.1", 0x302, VERSION_TLS11 },
	{ "TLSv1.2", 0x303, VERSION_TLS12 },
	{ "TLSv1.3", 0x304, VERSION_TLS13 },
	NODE_METHOD("SSLv2", 0x1000, VERSION_SSL2),
	NODE_METHOD("SSLv3", 0x1010, VERSION_SSL3),
	NODE_METHOD("TLSv1", 0x1020, VERSION_TLS10),
	NODE_METHOD("TLSv1_1", 0x1030, VERSION_TLS11),
	NODE_METHOD("TLSv1_2", 0x1040, VERSION_TLS12),
	NODE_METHOD("TLS", 0x1050, 0),
	NODE_METHOD("SSLv23", 0x1060, 0),
};

/* Ruby (LT-RB-001): the versions a setting allows, one bit each; lang/ruby/rb_values.c works
 * out from the setting (a pin, a floor, a cap) which bits a value sets. */
static const value_member ruby_tls_versions[] = {
	{ "SSLv2", VERSION_SSL2, VERSION_SSL2 },
	{ "SSLv3", VERSION_SSL3, VERSION_SSL3 },
	{ "TLSv1", VERSION_TLS10, VERSION_TLS10 },
	{ "TLSv1_1", VERSION_TLS11, VERSION_TLS11 },
	{ "TLSv1_2", VERSION_TLS12, VERSION_TLS12 },
	{ "TLSv1_3", VERSION_TLS13, VERSION_TLS13 },
};

#define TYPE(name, kind, members) { name, kind, members, sizeof(members) / sizeof(members[0]) }
static const value_type types[] = {
	TYPE("SecurityProtocolType", VALUE_FLAGS, security_protocol_type),
	TYPE("SslProtocols", VALUE_FLAGS, ssl_protocols),
	TYPE("bool", VALUE_BOOL, boolean),
	TYPE("NetFxOptOut", VALUE_BOOL, netfx_opt_out),
	{ "int", VALUE_INT, NULL, 0 },
	{ "RegistryWrite", VALUE_REGISTRY, NULL, 0 },
	TYPE("PythonSslProtocol", VALUE_ENUM, python_ssl_protocol),
	TYPE("PythonTlsVersion", VALUE_ENUM, python_tls_version),
	TYPE("PythonSslOptions", VALUE_FLAGS, python_ssl_options),
	TYPE("PythonLegacyDefaultCall", VALUE_ENUM, python_legacy_default_call),
	TYPE("JavaTlsProtocols", VALUE_FLAGS, java_tls_protocols),
	TYPE("GoTlsVersion", VALUE_ENUM, go_tls_version),
	/* PHP: curl's CURLOPT_SSLVERSION, stream crypto methods and transport URLs; the
	 * evaluator (lang/php/php_values.c) holds their tables and says the versions itself. */
	{ "PhpTlsSetting", VALUE_FLAGS, NULL, 0 },
	TYPE("NodeTlsVersion", VALUE_ENUM, node_tls_version),
	TYPE("RubyTlsVersions", VALUE_FLAGS, ruby_tls_versions),
};

const value_type *value_type_find(const char *name)
{
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(types[i].name, name) == 0)
			return &types[i];
	return NULL;
}

const value_member *value_type_member(const value_type *t, const char *name, size_t len)
{
	for (size_t i = 0; i < t->nmembers; i++)
		if (strlen(t->members[i].name) == len && memcmp(t->members[i].name, name, len) == 0)
			return &t->members[i];
	return NULL;
}

const value_member *value_type_member_nocase(const value_type *t, const char *name, size_t len)
{
	for (size_t i = 0; i < t->nmembers; i++)
		if (strlen(t->members[i].name) == len && strncasecmp(t->members[i].name, name, len) == 0)
			return &t->members[i];
	return NULL;
}

version_set value_type_versions(const value_type *t, long long value)
{
	version_set v = 0;
	for (size_t i = 0; i < t->nmembers; i++) {
		const value_member *m = &t->members[i];
		if (!m->versions)
			continue;
		/* Flags: any bit of a member enables its version. SChannel splits each version
		 * into a server and a client bit, and either one alone turns the version on:
		 * (SecurityProtocolType)384 is the TLS 1.0 client bit plus the TLS 1.1 server
		 * bit. */
		if (t->kind == VALUE_FLAGS ? (value & m->value) != 0
					   : value == m->value)
			v |= m->versions;
	}
	return v;
}
