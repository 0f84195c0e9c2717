/* tlslint shim: <openssl/prototypes.h> is part of <openssl/ssl.h> here. */
#include <openssl/ssl.h>
