/* tlslint shim: <openssl/ssl3.h> is part of <openssl/ssl.h> here. */
#include <openssl/ssl.h>
