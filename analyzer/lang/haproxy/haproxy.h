/* haproxy.h: what the language table needs from lang/haproxy/. */
#ifndef TLSLINT_LANG_HAPROXY_H
#define TLSLINT_LANG_HAPROXY_H

#include <stdbool.h>
#include <stddef.h>

/* Does a `.cfg` file read like HAProxy configuration (a section line and a bind/server line)? */
bool haproxy_sniff(const char *text, size_t len);

#endif
