; id: LT-PHP-001
; name: LegacyPhpTlsVersion
; kind: explicit-legacy
; language: php
; precision: high
; short: PHP code lets curl or a stream use SSL 2.0/3.0, TLS 1.0 or TLS 1.1
; full: 'curl_setopt($h, CURLOPT_SSLVERSION, ...)' (also 'CURLOPT_PROXY_SSLVERSION',
;   'curl_setopt_array' and Guzzle's 'curl' request option) with a floor of SSL 2.0, SSL 3.0,
;   TLS 1.0 or TLS 1.1 ('CURL_SSLVERSION_TLSv1', 'CURL_SSLVERSION_TLSv1_0', ..., or the numbers
;   1 to 5) or a cap 'CURL_SSLVERSION_MAX_TLSv1_0' / 'MAX_TLSv1_1'; a stream 'crypto_method'
;   (stream contexts, Guzzle and Symfony HttpClient options, 'stream_context_set_option',
;   'stream_socket_enable_crypto') that includes 'STREAM_CRYPTO_METHOD_SSLv2_*', 'SSLv3_*',
;   'TLSv1_0_*' or 'TLSv1_1_*'; a 'sslv3://', 'tlsv1.0://' or 'tlsv1.1://' transport given to
;   'stream_socket_client', 'stream_socket_server' or 'fsockopen'. The single-purpose constants
;   count wherever they are written (assigned, passed, listed, returned, declared with 'const'
;   or 'define'); comparisons are silent. Such a connection offers or accepts a protocol
;   version that current OpenSSL builds disable and servers refuse.
; keywords: CURLOPT_SSLVERSION, CURLOPT_PROXY_SSLVERSION, CURL_SSLVERSION_, STREAM_CRYPTO_METHOD_, sslv2://, sslv3://, tlsv1.0://, tlsv1.1://
; value: @value PhpTlsSetting
; report-if: enables-legacy
; message: '{value}' lets the connection use {versions}. Name only TLS 1.2 and later: 'CURL_SSLVERSION_TLSv1_2' (or no CURLOPT_SSLVERSION and no 'CURL_SSLVERSION_MAX_*' cap below TLS 1.2), 'STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT | STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT', the 'tls://' transport.
; no-fix: The value is chosen where no edit is known to keep the code's meaning (a value computed at
;   run time, a constant other code reads, a stream's crypto method): use
;   CURL_SSLVERSION_TLSv1_2 for CURLOPT_SSLVERSION, and STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT (or
;   _SERVER) for streams.
; help:
;   ## Legacy TLS versions in PHP's curl and stream settings
;
;   `curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1)` sets the lowest version a
;   transfer may use to TLS 1.0 (the numbers mean the same: 1 and 4 are TLS 1.0, 5 TLS 1.1,
;   3 SSL 3.0, 2 SSL 2.0), and `CURL_SSLVERSION_MAX_TLSv1_1` caps it at TLS 1.1. Stream
;   contexts' `crypto_method` and `stream_socket_enable_crypto()` take
;   `STREAM_CRYPTO_METHOD_*` bits: any bit of `SSLv3`, `TLSv1_0` or `TLSv1_1` turns that version
;   on. SSL 3.0, TLS 1.0 and TLS 1.1 are broken or deprecated (RFC 8996): OpenSSL 3 disables
;   them at its default security level, and servers, cloud endpoints and payment processors
;   refuse them. Code that asks for them fails to connect, or re-enables what the platform
;   switched off.
;
;   **Problem**
;
;   ```php
;   const LEGACY = CURL_SSLVERSION_TLSv1_0;
;   curl_setopt($ch, CURLOPT_SSLVERSION, LEGACY);
;   $client->request('GET', $url, ['curl' => [CURLOPT_SSLVERSION => 1]]);
;   $ctx = stream_context_create(['ssl' => [
;       'crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT | STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT,
;   ]]);
;   stream_socket_enable_crypto($socket, true, STREAM_CRYPTO_METHOD_TLSv1_1_CLIENT);
;   ```
;
;   **Fix**: leave the version to libcurl and OpenSSL, or name only modern versions:
;
;   ```php
;   curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
;   $ctx = stream_context_create(['ssl' => [
;       'crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT | STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT,
;   ]]);
;   ```
;
;   If a peer really only speaks TLS 1.0, isolate that connection and suppress the finding with
;   a reason (`// tlslint-ignore: LT-PHP-001 the 2009 card terminal speaks only TLS 1.0`; `#`
;   comments work too).
;
;   Not reported: the version-flexible methods (`STREAM_CRYPTO_METHOD_TLS_CLIENT`,
;   `TLS_ANY_CLIENT`, `ANY_CLIENT`, `SSLv23_CLIENT`), masking a version out
;   (`STREAM_CRYPTO_METHOD_TLS_CLIENT & ~STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT`), comparisons
;   (`$info['ssl_version'] === CURL_SSLVERSION_TLSv1`, `case`, `match` conditions, array keys of
;   tables that name methods), numbers anywhere but at `CURLOPT_SSLVERSION`, names in strings
;   and comments, and tests that expect a legacy handshake to fail (arguments of
;   `assertFalse(...)`, methods that call `expectException(...)` with a connection, transport,
;   SSL or TLS exception, or `expectWarning()`).

; curl_setopt($h, CURLOPT_SSLVERSION, VALUE)
(function_call_expression
  function: [(name) (qualified_name)] @sink
  arguments: (arguments . (argument) . (argument [(name) (qualified_name)] @option) . (argument (_) @value))
  (#match? @sink "(?i)(^|\\\\)curl_setopt$")
  (#match? @option "(^|\\\\)CURLOPT_(PROXY_)?SSLVERSION$")
  (#not-in-rejection-test? @value))

; [CURLOPT_SSLVERSION => VALUE]: curl_setopt_array, Guzzle's 'curl' option, option tables
(array_element_initializer
  . [(name) (qualified_name)] @sink
  . (_) @value
  (#match? @sink "(^|\\\\)CURLOPT_(PROXY_)?SSLVERSION$")
  (#not-in-rejection-test? @value))

; ['crypto_method' => VALUE]: stream contexts' 'ssl' options, Guzzle and Symfony HttpClient
(array_element_initializer
  . (string) @sink
  . (_) @value
  (#match? @sink "^['\"]crypto_method['\"]$")
  (#not-in-rejection-test? @value))

; stream_socket_enable_crypto($stream, true, VALUE)
(function_call_expression
  function: [(name) (qualified_name)] @sink
  arguments: (arguments . (argument) . (argument) . (argument (_) @value))
  (#match? @sink "(?i)(^|\\\\)stream_socket_enable_crypto$")
  (#not-in-rejection-test? @value))

; stream_context_set_option($ctx, 'ssl', 'crypto_method', VALUE)
(function_call_expression
  function: [(name) (qualified_name)] @sink
  arguments: (arguments . (argument) . (argument) . (argument (string) @option) . (argument (_) @value))
  (#match? @sink "(?i)(^|\\\\)stream_context_set_option$")
  (#match? @option "^['\"]crypto_method['\"]$")
  (#not-in-rejection-test? @value))

; stream_socket_client('tlsv1.0://host:443'), fsockopen('sslv3://' . $host, 443)
(function_call_expression
  function: [(name) (qualified_name)] @sink
  arguments: (arguments . (argument [(string) (encapsed_string) (binary_expression)] @value))
  (#match? @sink "(?i)(^|\\\\)(stream_socket_client|stream_socket_server|p?fsockopen)$")
  (#match? @value "^['\"](?i:sslv[23]|tlsv1\\.[01])://")
  (#not-in-rejection-test? @value))

; The single-purpose constants wherever else they are written: passed to a call (not to
; comparisons, logging or output), assigned (also '|='), listed, returned, given as a default,
; declared ('const', 'define', class constants), or chosen by a 'match' arm. Array keys,
; 'case' labels, 'match' conditions, comparisons and '&' masks are reads.
(function_call_expression
  function: (_) @function
  arguments: (arguments (argument [(name) (qualified_name) (binary_expression) (parenthesized_expression) (conditional_expression)] @value))
  (#match? @value "(^|[^A-Za-z0-9_])(STREAM_CRYPTO_METHOD_(SSLv2|SSLv3|TLSv1_0|TLSv1_1)_(CLIENT|SERVER)|CURL_SSLVERSION_(TLSv1|TLSv1_0|TLSv1_1|SSLv2|SSLv3|MAX_TLSv1_0|MAX_TLSv1_1))($|[^A-Za-z0-9_])")
  (#not-match? @function "(?i)(^|\\\\)(defined|constant|in_array|array_search|array_keys|printf|sprintf|vsprintf|fprintf|var_dump|var_export|print_r|error_log|trigger_error|assert|assertEquals|assertSame|assertNotEquals|assertNotSame|assertContains)$")
  (#not-in-rejection-test? @value))

(_
  name: (name) @function
  arguments: (arguments (argument [(name) (qualified_name) (binary_expression) (parenthesized_expression) (conditional_expression)] @value))
  (#match? @value "(^|[^A-Za-z0-9_])(STREAM_CRYPTO_METHOD_(SSLv2|SSLv3|TLSv1_0|TLSv1_1)_(CLIENT|SERVER)|CURL_SSLVERSION_(TLSv1|TLSv1_0|TLSv1_1|SSLv2|SSLv3|MAX_TLSv1_0|MAX_TLSv1_1))($|[^A-Za-z0-9_])")
  (#not-match? @function "(?i)^(assert[A-Za-z]*|expect[A-Za-z]*|log|debug|info|notice|warning|warn|error|critical|alert|emergency|contains|has|in|equals)$")
  (#not-in-rejection-test? @value))

(object_creation_expression
  (arguments (argument [(name) (qualified_name) (binary_expression) (parenthesized_expression) (conditional_expression)] @value))
  (#match? @value "(^|[^A-Za-z0-9_])(STREAM_CRYPTO_METHOD_(SSLv2|SSLv3|TLSv1_0|TLSv1_1)_(CLIENT|SERVER)|CURL_SSLVERSION_(TLSv1|TLSv1_0|TLSv1_1|SSLv2|SSLv3|MAX_TLSv1_0|MAX_TLSv1_1))($|[^A-Za-z0-9_])")
  (#not-in-rejection-test? @value))

(assignment_expression
  right: [(name) (qualified_name) (binary_expression) (parenthesized_expression) (conditional_expression)] @value
  (#match? @value "(^|[^A-Za-z0-9_])(STREAM_CRYPTO_METHOD_(SSLv2|SSLv3|TLSv1_0|TLSv1_1)_(CLIENT|SERVER)|CURL_SSLVERSION_(TLSv1|TLSv1_0|TLSv1_1|SSLv2|SSLv3|MAX_TLSv1_0|MAX_TLSv1_1))($|[^A-Za-z0-9_])")
  (#not-in-rejection-test? @value))

(augmented_assignment_expression
  operator: "|="
  right: [(name) (qualified_name) (binary_expression) (parenthesized_expression) (conditional_expression)] @value
  (#match? @value "(^|[^A-Za-z0-9_])(STREAM_CRYPTO_METHOD_(SSLv2|SSLv3|TLSv1_0|TLSv1_1)_(CLIENT|SERVER)|CURL_SSLVERSION_(TLSv1|TLSv1_0|TLSv1_1|SSLv2|SSLv3|MAX_TLSv1_0|MAX_TLSv1_1))($|[^A-Za-z0-9_])")
  (#not-in-rejection-test? @value))

; [VALUE] and [KEY => VALUE]: the value (the evaluator never reads an array key as a setting)
(array_element_initializer
  [(name) (qualified_name) (binary_expression) (parenthesized_expression) (conditional_expression)] @value
  (#match? @value "(^|[^A-Za-z0-9_])(STREAM_CRYPTO_METHOD_(SSLv2|SSLv3|TLSv1_0|TLSv1_1)_(CLIENT|SERVER)|CURL_SSLVERSION_(TLSv1|TLSv1_0|TLSv1_1|SSLv2|SSLv3|MAX_TLSv1_0|MAX_TLSv1_1))($|[^A-Za-z0-9_])")
  (#not-in-rejection-test? @value))

(return_statement
  [(name) (qualified_name) (binary_expression) (parenthesized_expression) (conditional_expression)] @value
  (#match? @value "(^|[^A-Za-z0-9_])(STREAM_CRYPTO_METHOD_(SSLv2|SSLv3|TLSv1_0|TLSv1_1)_(CLIENT|SERVER)|CURL_SSLVERSION_(TLSv1|TLSv1_0|TLSv1_1|SSLv2|SSLv3|MAX_TLSv1_0|MAX_TLSv1_1))($|[^A-Za-z0-9_])")
  (#not-in-rejection-test? @value))

(const_element
  (name)
  [(name) (qualified_name) (binary_expression) (parenthesized_expression) (conditional_expression)] @value
  (#match? @value "(^|[^A-Za-z0-9_])(STREAM_CRYPTO_METHOD_(SSLv2|SSLv3|TLSv1_0|TLSv1_1)_(CLIENT|SERVER)|CURL_SSLVERSION_(TLSv1|TLSv1_0|TLSv1_1|SSLv2|SSLv3|MAX_TLSv1_0|MAX_TLSv1_1))($|[^A-Za-z0-9_])")
  (#not-in-rejection-test? @value))

(simple_parameter
  default_value: [(name) (qualified_name) (binary_expression) (parenthesized_expression) (conditional_expression)] @value
  (#match? @value "(^|[^A-Za-z0-9_])(STREAM_CRYPTO_METHOD_(SSLv2|SSLv3|TLSv1_0|TLSv1_1)_(CLIENT|SERVER)|CURL_SSLVERSION_(TLSv1|TLSv1_0|TLSv1_1|SSLv2|SSLv3|MAX_TLSv1_0|MAX_TLSv1_1))($|[^A-Za-z0-9_])")
  (#not-in-rejection-test? @value))

(property_element
  default_value: [(name) (qualified_name) (binary_expression) (parenthesized_expression) (conditional_expression)] @value
  (#match? @value "(^|[^A-Za-z0-9_])(STREAM_CRYPTO_METHOD_(SSLv2|SSLv3|TLSv1_0|TLSv1_1)_(CLIENT|SERVER)|CURL_SSLVERSION_(TLSv1|TLSv1_0|TLSv1_1|SSLv2|SSLv3|MAX_TLSv1_0|MAX_TLSv1_1))($|[^A-Za-z0-9_])")
  (#not-in-rejection-test? @value))

(match_conditional_expression
  return_expression: [(name) (qualified_name) (binary_expression) (parenthesized_expression) (conditional_expression)] @value
  (#match? @value "(^|[^A-Za-z0-9_])(STREAM_CRYPTO_METHOD_(SSLv2|SSLv3|TLSv1_0|TLSv1_1)_(CLIENT|SERVER)|CURL_SSLVERSION_(TLSv1|TLSv1_0|TLSv1_1|SSLv2|SSLv3|MAX_TLSv1_0|MAX_TLSv1_1))($|[^A-Za-z0-9_])")
  (#not-in-rejection-test? @value))
