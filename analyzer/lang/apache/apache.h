/* apache.h: what the language table needs from lang/apache/. */
#ifndef TLSLINT_LANG_APACHE_H
#define TLSLINT_LANG_APACHE_H

#include <stdbool.h>
#include <stddef.h>

/* Does `text` read like Apache httpd configuration (a line starting with `SSLProtocol` or
 * `SSLProxyProtocol`)? Claims `.conf` files from nginx (lang/languages.c). */
bool apache_sniff(const char *text, size_t len);

#endif
