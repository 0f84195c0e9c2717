; id: LT-PY-004
; name: LegacySslProtocolDefaultParameter
; kind: explicit-legacy
; language: python
; precision: high
; short: A function's parameter defaults to a legacy SSL/TLS version
; full: A function parameter's default value is 'ssl.PROTOCOL_SSLv2', 'PROTOCOL_SSLv3',
;   'PROTOCOL_TLSv1', 'PROTOCOL_TLSv1_1' or a pyOpenSSL 'SSLv2_METHOD', 'SSLv3_METHOD',
;   'TLSv1_METHOD' or 'TLSv1_1_METHOD' (Bandit B503). Every caller that does
;   not pass the argument gets the legacy protocol, usually without knowing it.
; keywords: PROTOCOL_SSLv2, PROTOCOL_SSLv3, PROTOCOL_TLSv1, SSLv2_METHOD, SSLv3_METHOD, TLSv1_METHOD, TLSv1_1_METHOD
; keywords-in: code
; matcher: python-default-parameters
; value: @value PythonSslProtocol
; report-if: enables-legacy
; message: The parameter's default value '{value}' enables {versions} for every caller that does not pass one. Default to 'None' and build the context with 'ssl.create_default_context()' (pyOpenSSL: 'SSL.TLS_CLIENT_METHOD') when no protocol is given.
; no-fix: The default is part of the function's interface, and its callers may rely on it: change it
;   to ssl.PROTOCOL_TLS_CLIENT (or PROTOCOL_TLS_SERVER for a server) with the callers in view.
; help:
;   ## Legacy protocol as a default parameter value
;
;   A default such as `ssl_version=ssl.PROTOCOL_TLSv1` hides the legacy protocol in a
;   function's signature: callers that leave the argument out, which is most of them, connect
;   with TLS 1.0 without seeing it. SSL 3.0, TLS 1.0 and TLS 1.1 are broken or deprecated
;   (RFC 8996), and services stop accepting them: every such caller breaks on the cut-over
;   date. Bandit reports the same shape as B503.
;
;   **Problem**
;
;   ```python
;   def connect(host, port=443, ssl_version=ssl.PROTOCOL_TLSv1):
;       sock = socket.create_connection((host, port))
;       return ssl.SSLContext(ssl_version).wrap_socket(sock, server_hostname=host)
;
;   def open_channel(addr, method=SSL.TLSv1_METHOD):
;       ...
;   ```
;
;   **Fix**: default to `None` and let the runtime choose when nothing is passed:
;
;   ```python
;   def connect(host, port=443, context=None):
;       context = context or ssl.create_default_context()
;       sock = socket.create_connection((host, port))
;       return context.wrap_socket(sock, server_hostname=host)
;   ```
;
;   Not reported: defaults of `PROTOCOL_TLS_CLIENT`, `PROTOCOL_TLS`, `PROTOCOL_TLSv1_2` and
;   the pyOpenSSL `TLS_*_METHOD`s, names from other modules, comments and docstrings, and
;   helpers nested in tests that expect the legacy version to be rejected (inside
;   `with pytest.raises(...)`, or in a `test*` function that expects an SSL error).

(default_parameter
  value: (_) @value
  (#not-in-rejection-test? @value))

(typed_default_parameter
  value: (_) @value
  (#not-in-rejection-test? @value))
