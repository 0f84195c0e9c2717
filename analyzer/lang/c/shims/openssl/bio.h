/* tlslint shim: <openssl/bio.h>. */
#include <openssl/ssl.h>
