/* tlslint shim: <openssl/x509.h>. */
#include <openssl/ssl.h>
