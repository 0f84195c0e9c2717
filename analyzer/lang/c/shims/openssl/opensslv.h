/* tlslint shim: <openssl/opensslv.h> is part of <openssl/ssl.h> here. */
#include <openssl/ssl.h>
