/* tlslint shim: NSS <ssl.h> (OpenSSL is <openssl/ssl.h>). */
#include <nss/ssl.h>
