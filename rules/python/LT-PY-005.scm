; id: LT-PY-005
; name: WrapSocketWithoutVersion
; kind: allowed-by-default
; language: python
; precision: high
; short: ssl.wrap_socket is called without a protocol version
; full: 'ssl.wrap_socket' is called without 'ssl_version'. Its default, 'PROTOCOL_TLS' with no
;   minimum version, negotiates down to TLS 1.0 and TLS 1.1 on the Python and OpenSSL versions
;   that still have the function, and it does not check certificates or host names. The
;   function was deprecated in Python 3.7 and removed in Python 3.12.
; keywords: wrap_socket
; keywords-in: code
; matcher: python-unversioned-calls
; value: @value PythonLegacyDefaultCall
; report-if: enables-legacy
; message: '{value}' is called without 'ssl_version', so its default lets the connection negotiate {versions} on older runtimes; the function is also removed in Python 3.12. Use 'ssl.create_default_context().wrap_socket(sock, server_hostname=host)'.
; no-fix: ssl.wrap_socket is gone in Python 3.12, and its replacement checks certificates, which
;   changes behaviour: build a context with ssl.create_default_context() and call its
;   wrap_socket(sock, server_hostname=...).
; help:
;   ## ssl.wrap_socket without a protocol version
;
;   The module-level `ssl.wrap_socket()` predates `SSLContext`. Without `ssl_version` it uses
;   `PROTOCOL_TLS` (formerly `PROTOCOL_SSLv23`) with no minimum version, so on Python 3.9 and
;   older, or any runtime linked to OpenSSL 1.1, a connection can still negotiate TLS 1.0 or
;   TLS 1.1, which are deprecated (RFC 8996) and refused by more and more services. It also
;   skips certificate and host name verification unless `cert_reqs` and `ca_certs` are given.
;   It was deprecated in Python 3.7 and removed in Python 3.12, so the code stops running on
;   current Python as well.
;
;   **Problem**
;
;   ```python
;   sock = socket.create_connection((host, 443))
;   tls = ssl.wrap_socket(sock)
;   tls = ssl.wrap_socket(sock, certfile="client.pem", keyfile="client.key")
;   ```
;
;   **Fix**: create a context and wrap the socket with it. `ssl.create_default_context()`
;   verifies certificates and host names and follows the runtime's and OpenSSL's minimum
;   version (TLS 1.2 from Python 3.10):
;
;   ```python
;   ctx = ssl.create_default_context()
;   ctx.load_cert_chain("client.pem", "client.key")
;   tls = ctx.wrap_socket(sock, server_hostname=host)
;   ```
;
;   Not reported: `SSLContext.wrap_socket` (a context's method), calls that pass
;   `ssl_version` (a legacy value there is LT-PY-001) or forward `*args` / `**kwargs`, comments
;   and docstrings, and tests that expect the connection to fail (inside
;   `with pytest.raises(...)`, or in a `test*` function that expects an SSL error).

; ssl.wrap_socket(sock, keyfile, certfile, server_side, cert_reqs, ssl_version, ...): the
; protocol is the keyword ssl_version or the sixth positional argument.
(call
  function: [(identifier) (attribute)] @value
  arguments: (argument_list) @arguments
  (#not-has-arg? @arguments "ssl_version" "5")
  (#not-in-rejection-test? @value))
