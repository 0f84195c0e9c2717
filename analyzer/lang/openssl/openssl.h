/* openssl.h: what the language table needs from lang/openssl/. */
#ifndef TLSLINT_LANG_OPENSSL_H
#define TLSLINT_LANG_OPENSSL_H

#include <stdbool.h>
#include <stddef.h>

/* Does a `.cnf` file set TLS protocol bounds (MinProtocol, MaxProtocol, CipherString)? */
bool openssl_sniff(const char *text, size_t len);

#endif
