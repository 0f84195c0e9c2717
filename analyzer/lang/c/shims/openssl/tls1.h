/* tlslint shim: <openssl/tls1.h> is part of <openssl/ssl.h> here. */
#include <openssl/ssl.h>
