/* tlslint shim: NSS <sslproto.h>. */
#include <nss/ssl.h>
