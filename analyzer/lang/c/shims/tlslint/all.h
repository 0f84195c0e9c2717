/* tlslint shim prelude: every TLS API shim, force-included when a file's own includes could
 * not be resolved (its TLS types may come from a project header that is not there). */
#include <openssl/ssl.h>
#include <curl/curl.h>
#include <winhttp.h>
#include <wininet.h>
#include <schannel.h>
#include <security.h>
#include <mbedtls/ssl.h>
#include <wolfssl/ssl.h>
#include <gnutls/gnutls.h>
#include <nss/ssl.h>
#ifdef __cplusplus
#include <boost/asio/ssl.hpp>
#include <QtNetwork/QSslSocket>
#include <Poco/Net/Context.h>
#endif
