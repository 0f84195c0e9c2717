; id: LT-PY-001
; name: LegacySslProtocolConstant
; kind: explicit-legacy
; language: python
; precision: medium
; short: A Python TLS context or connection is pinned to a legacy SSL/TLS version
; full: An 'ssl.PROTOCOL_SSLv2', 'PROTOCOL_SSLv3', 'PROTOCOL_TLSv1' or 'PROTOCOL_TLSv1_1'
;   constant, or a pyOpenSSL 'SSLv2_METHOD', 'SSLv3_METHOD', 'TLSv1_METHOD' or
;   'TLSv1_1_METHOD', is passed to 'ssl.SSLContext', 'ssl.wrap_socket',
;   'ssl.get_server_certificate' or 'OpenSSL.SSL.Context', given as an 'ssl_version',
;   'method', 'sslmethod', 'version' or 'protocol' argument of any call (urllib3, requests
;   adapters, ldap3, Twisted), or stored in an attribute ('ftplib.FTP_TLS.ssl_version'). The connection then speaks only that legacy version (or offers
;   it), and it fails once the server stops accepting TLS 1.0 and TLS 1.1.
; keywords: PROTOCOL_SSLv2, PROTOCOL_SSLv3, PROTOCOL_TLSv1, SSLv2_METHOD, SSLv3_METHOD, TLSv1_METHOD, TLSv1_1_METHOD
; keywords-in: code
; matcher: python-legacy-constants
; value: @value PythonSslProtocol
; report-if: enables-legacy
; message: '{value}' enables {versions}. Use 'ssl.create_default_context()' or 'ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)' (pyOpenSSL: 'SSL.TLS_CLIENT_METHOD') so that the runtime and OpenSSL choose the protocol version.
; help:
;   ## Legacy protocol constants in Python TLS code
;
;   `ssl.PROTOCOL_TLSv1` and its siblings pin a socket or context to one protocol version, and
;   pyOpenSSL's `SSL.TLSv1_METHOD` does the same. SSL 3.0, TLS 1.0 and TLS 1.1 are broken or
;   deprecated (RFC 8996): browsers, cloud providers, payment processors and package indexes
;   stopped accepting them (PyPI in 2018, AWS API endpoints in 2024), and OpenSSL 3 refuses
;   them at its default security level. Code that pins them fails to connect on the day the
;   server drops the old version, or on the first machine with a newer OpenSSL.
;
;   `ssl.PROTOCOL_SSLv23`, `ssl.PROTOCOL_TLS` and pyOpenSSL's `SSLv23_METHOD` and
;   `TLS_METHOD` are not reported here: they negotiate the highest version both sides
;   support, so what they allow is decided by the runtime and OpenSSL (a floor set elsewhere
;   is LT-PY-002's). `SSL.TLSv1_METHOD` is reported even where the import that binds `SSL`
;   cannot be followed: the `*_METHOD` names are pyOpenSSL's alone.
;
;   **Problem**
;
;   ```python
;   import ssl
;   from OpenSSL import SSL
;
;   ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
;   tls = ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1_1)
;   pool = urllib3.PoolManager(ssl_version=ssl.PROTOCOL_TLSv1)
;   conn = SSL.Context(SSL.TLSv1_METHOD)
;   ```
;
;   **Fix**: let the runtime choose. `ssl.create_default_context()` negotiates the best version
;   both sides support, verifies certificates and host names, and follows the system's
;   OpenSSL policy (its minimum is TLS 1.2 from Python 3.10):
;
;   ```python
;   ctx = ssl.create_default_context()
;   tls = ctx.wrap_socket(sock, server_hostname=host)
;   pool = urllib3.PoolManager()  # urllib3 2.x already requires TLS 1.2
;   conn = SSL.Context(SSL.TLS_CLIENT_METHOD)
;   conn.set_min_proto_version(SSL.TLS1_2_VERSION)
;   ```
;
;   If a peer really only speaks TLS 1.0, isolate that connection and suppress the finding with
;   a reason (`# tlslint-ignore: LT-PY-001 the 2009 card terminal speaks only TLS 1.0`).
;
;   Not reported: reading a constant (comparisons, logging, tables that map a negotiated
;   protocol to a name), `PROTOCOL_TLSv1_2`, comments and docstrings, and tests that expect the
;   legacy version to be rejected: code inside `with pytest.raises(...)` or
;   `with self.assertRaises(...)`, the arguments of `self.assertRaises(E, f, ...)`, and test
;   functions (`test*`) that expect an SSL error (`pytest.raises(ssl.SSLError)`).

; Positional arguments of the constructors and functions that take a protocol.
(call
  function: [(identifier) (attribute)] @function
  arguments: (argument_list (_) @value)
  (#match? @function "(^|\\.)(SSLContext|wrap_socket|get_server_certificate|Context)$")
  (#not-in-rejection-test? @value))

; ssl_version= (ssl, ftplib, urllib3, requests adapters), method= (pyOpenSSL, Twisted
; CertificateOptions), sslmethod= (Twisted DefaultOpenSSLContextFactory), version= (ldap3 Tls),
; protocol= (ssl.SSLContext) keywords of any call.
(keyword_argument
  name: (identifier) @keyword
  value: (_) @value
  (#any-of? @keyword "ssl_version" "method" "sslmethod" "ssl_method" "version" "protocol")
  (#not-in-rejection-test? @value))

; The same keywords built up for **kwargs: kwargs["ssl_version"] = ..., {"ssl_version": ...}.
(assignment
  left: (subscript subscript: (string (string_content) @keyword))
  right: (_) @value
  (#any-of? @keyword "ssl_version" "method" "sslmethod" "ssl_method" "version" "protocol")
  (#not-in-rejection-test? @value))

(pair
  key: (string (string_content) @keyword)
  value: (_) @value
  (#any-of? @keyword "ssl_version" "method" "sslmethod" "ssl_method" "version" "protocol")
  (#not-in-rejection-test? @value))

; Stored in an attribute (self.ssl_version = ..., HTTPSConnection.ssl_version = ...) or a
; class attribute, where later uses can no longer be followed.
(assignment
  left: (attribute)
  right: (_) @value
  (#not-in-rejection-test? @value))

(class_definition
  body: (block
    (expression_statement
      (assignment
        left: (identifier)
        right: (_) @value)))
  (#not-in-rejection-test? @value))

; A single-purpose constant counts wherever it is written, not only at the API that consumes
; it: an argument of any call (a helper of the project), positional or by any keyword, a
; variable, a return value, the elements of a list, tuple or set that is stored or returned.
; Calls that only read, compare or log stay silent; so do tables that map a protocol to a name
; or a name to a protocol (dictionaries: the user picks). @sink is where the value goes (a
; related location); a variable is reported once, at its value, with its uses related.
((call
  function: (_) @sink
  arguments: (argument_list (_) @value))
  (#not-match? @sink "(^|\\.)(print|repr|str|type|format|isinstance|issubclass|getattr|hasattr|id|hash|len|sorted|index|count|remove|discard|__contains__|__eq__|Log[A-Za-z_]*|log[a-z_]*|debug|info|warning|warn|error|exception|critical|assert[A-Za-z_]*|skip[A-Za-z_]*|xfail|expect[A-Za-z_]*)$")
  (#not-match? @sink "(^|\\.)(log|logger|_log|_logger|LOG|LOGGER|logging|warnings|self\\.assert[A-Za-z]*)\\.")
  (#not-in-rejection-test? @value))

((call
  function: (_) @sink
  arguments: (argument_list
    (keyword_argument
      value: (_) @value)))
  (#not-match? @sink "(^|\\.)(print|format|Log[A-Za-z_]*|log[a-z_]*|debug|info|warning|warn|error|exception|critical|assert[A-Za-z_]*)$")
  (#not-match? @sink "(^|\\.)(log|logger|_log|_logger|LOG|LOGGER|logging|warnings)\\.")
  (#not-in-rejection-test? @value))

((assignment
  left: (identifier) @sink
  right: (_) @value)
  (#not-in-rejection-test? @value))

((return_statement
  (_) @value)
  (#not-in-rejection-test? @value))

((assignment
  left: (_) @sink
  right: [(list (_) @value) (tuple (_) @value) (set (_) @value) (expression_list (_) @value)])
  (#not-in-rejection-test? @value))

((return_statement
  [(list (_) @value) (tuple (_) @value) (set (_) @value) (expression_list (_) @value)])
  (#not-in-rejection-test? @value))
