/* c_fix.h: the fixes of C and C++ findings, worked out from the file's tokens.
 *
 * Runs where the findings are made (the parser process on libclang's tokens, or the scanner
 * on the token fallback's own), after every pass, and gives each hit of a rule that offers
 * fixes either replacements or the reason it has none (docs/fix.md has the table):
 *
 *   LT-C-001  a version-specific OpenSSL method passed straight to SSL_CTX_new() in a
 *             statement that stores the context in a variable (`SSL_CTX *ctx = ...;`,
 *             `s->ctx = ...;`) becomes TLS_client_method()/TLS_server_method()/TLS_method()
 *             (DTLS_* for DTLS), and `SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);`
 *             is inserted after the statement unless the block already sets that floor
 *   LT-C-002  a legacy minimum written as the setter's argument becomes TLS1_2_VERSION
 *             (DTLS1_2_VERSION), a legacy maximum 0 (no cap); SSL_CONF_cmd's "MinProtocol"
 *             value "TLSv1.2" ("DTLSv1.2"), "MaxProtocol" "None"
 *   LT-C-004  curl_easy_setopt's CURLOPT_(PROXY_)SSLVERSION value: legacy floors become
 *             CURL_SSLVERSION_TLSv1_2, legacy CURL_SSLVERSION_MAX_* caps joined by '|' are
 *             dropped (a cap alone becomes CURL_SSLVERSION_TLSv1_2)
 *
 * Values spelled through a project's macro or variable, computed, stored in a name, or passed
 * to a helper get a reason instead. Other C rules offer no fixes: their hits get neither. */
#ifndef TLSLINT_C_FIX_H
#define TLSLINT_C_FIX_H

#include "lang/c/c_hits.h"
#include "lang/c/c_tokens.h"

/* Works out the fix (or the reason for none) of every hit in `h`, from tokens `t`. */
void c_fix_hits(c_hits *h, const c_tokens *t);

#endif
