/* tlslint shim: <openssl/err.h>. */
#include <openssl/ssl.h>
