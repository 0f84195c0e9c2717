/* tlslint shim: <openssl/ssl2.h> is part of <openssl/ssl.h> here. */
#include <openssl/ssl.h>
