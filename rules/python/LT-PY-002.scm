; id: LT-PY-002
; name: LegacyTlsVersionBound
; kind: legacy-floor-or-cap
; language: python
; precision: high
; short: A Python TLS context's minimum or maximum version is TLS 1.1 or lower
; full: 'SSLContext.minimum_version' is set to 'ssl.TLSVersion.SSLv3', 'TLSv1', 'TLSv1_1' or
;   'MINIMUM_SUPPORTED', 'SSLContext.maximum_version' to TLS 1.1 or lower, pyOpenSSL's
;   'set_min_proto_version' / 'set_max_proto_version' to 'SSL3_VERSION', 'TLS1_VERSION' or
;   'TLS1_1_VERSION', or urllib3's 'ssl_minimum_version' / 'ssl_maximum_version' likewise. A
;   floor that low lets connections negotiate legacy versions; a cap that low forbids TLS 1.2
;   and TLS 1.3, so connections fail once the server accepts nothing older.
; narrow: statement
; keywords: minimum_version, maximum_version, set_min_proto_version, set_max_proto_version
; value: @value PythonTlsVersion
; report-if: floor-or-cap
; message: The minimum or maximum protocol version '{value}' permits {versions}. Remove it so the runtime's default applies (TLS 1.2 or later on Python 3.10 and OpenSSL 3), or set 'minimum_version = ssl.TLSVersion.TLSv1_2' (pyOpenSSL: 'set_min_proto_version(SSL.TLS1_2_VERSION)') and no maximum below TLS 1.2.
; no-fix: A floor and a cap are fixed differently (raise the one, remove the other), and the context
;   may be shared: set minimum_version to ssl.TLSVersion.TLSv1_2 and remove a maximum_version
;   below it, by hand.
; help:
;   ## Legacy minimum or maximum TLS version in Python
;
;   `SSLContext.minimum_version` and `maximum_version` (and pyOpenSSL's
;   `set_min_proto_version` / `set_max_proto_version`, urllib3's `ssl_minimum_version` /
;   `ssl_maximum_version`) bound the versions a connection may negotiate. A minimum of TLS 1.1
;   or lower lets a downgraded or outdated peer use SSL 3.0, TLS 1.0 or TLS 1.1, which are
;   broken or deprecated (RFC 8996). A maximum of TLS 1.1 or lower is worse: TLS 1.2 and 1.3
;   are off, and every connection fails once the server stops accepting TLS 1.0 and 1.1, as
;   cloud services, payment processors and package indexes have.
;   `ssl.TLSVersion.MINIMUM_SUPPORTED` means "as low as this OpenSSL goes", TLS 1.0 on most
;   builds.
;
;   **Problem**
;
;   ```python
;   ctx = ssl.create_default_context()
;   ctx.minimum_version = ssl.TLSVersion.TLSv1
;   ctx.maximum_version = ssl.TLSVersion.TLSv1_1
;
;   conn_ctx = SSL.Context(SSL.TLS_CLIENT_METHOD)
;   conn_ctx.set_min_proto_version(SSL.TLS1_VERSION)
;
;   pool = urllib3.PoolManager(ssl_minimum_version=ssl.TLSVersion.TLSv1)
;   ```
;
;   **Fix**: remove the bound. Python 3.10 and later, urllib3 2 and OpenSSL 3 already refuse
;   anything below TLS 1.2, and keep following the platform's policy. Where an older runtime
;   needs a floor, set it to TLS 1.2:
;
;   ```python
;   ctx = ssl.create_default_context()
;   ctx.minimum_version = ssl.TLSVersion.TLSv1_2
;
;   conn_ctx.set_min_proto_version(SSL.TLS1_2_VERSION)
;   ```
;
;   Not reported: reading the bounds (`if ctx.minimum_version <= ssl.TLSVersion.TLSv1_1:`),
;   `TLSv1_2` and above, comments and docstrings, and tests that expect the legacy version to
;   be rejected: code inside `with pytest.raises(...)` or `with self.assertRaises(...)`, and
;   test functions (`test*`) that expect an SSL error (`pytest.raises(ssl.SSLError)`).

; SSLContext.minimum_version = ... (a floor) and maximum_version = ... (a cap).
(assignment
  left: (attribute attribute: (identifier) @property)
  right: (_) @value
  (#eq? @property "minimum_version")
  (#not-in-rejection-test? @value))

(assignment
  left: (attribute attribute: (identifier) @cap)
  right: (_) @value
  (#eq? @cap "maximum_version")
  (#not-in-rejection-test? @value))

; pyOpenSSL Context.set_min_proto_version(v) / set_max_proto_version(v).
(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list . (_) @value)
  (#eq? @method "set_min_proto_version")
  (#not-in-rejection-test? @value))

(call
  function: (attribute attribute: (identifier) @cap)
  arguments: (argument_list . (_) @value)
  (#eq? @cap "set_max_proto_version")
  (#not-in-rejection-test? @value))

; urllib3 (PoolManager, HTTPSConnectionPool, create_urllib3_context, ...) keywords, also when
; built up for **kwargs.
(keyword_argument
  name: (identifier) @keyword
  value: (_) @value
  (#any-of? @keyword "ssl_minimum_version" "minimum_version")
  (#not-in-rejection-test? @value))

(keyword_argument
  name: (identifier) @cap
  value: (_) @value
  (#any-of? @cap "ssl_maximum_version" "maximum_version")
  (#not-in-rejection-test? @value))

(assignment
  left: (subscript subscript: (string (string_content) @keyword))
  right: (_) @value
  (#eq? @keyword "ssl_minimum_version")
  (#not-in-rejection-test? @value))

(assignment
  left: (subscript subscript: (string (string_content) @cap))
  right: (_) @value
  (#eq? @cap "ssl_maximum_version")
  (#not-in-rejection-test? @value))
