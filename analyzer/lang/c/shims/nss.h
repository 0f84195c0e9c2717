/* tlslint shim: NSS <nss.h>. */
#include <nss/ssl.h>
