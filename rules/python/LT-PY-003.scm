; id: LT-PY-003
; name: ReenabledLegacyTlsVersion
; kind: re-enable
; language: python
; precision: high
; short: Python code turns legacy SSL/TLS versions back on
; full: An 'OP_NO_SSLv3', 'OP_NO_TLSv1' or 'OP_NO_TLSv1_1' option is cleared from
;   'SSLContext.options' ('ctx.options &= ~ssl.OP_NO_TLSv1'), or a cipher string lowers
;   OpenSSL's security level to 0 ('@SECLEVEL=0'). Python and OpenSSL turn these versions off by
;   default; turning them back on lets connections negotiate broken or deprecated protocols.
; keywords: OP_NO_, SECLEVEL & ~, clear_options, ciphers, set_cipher_list
; matcher: python-cleared-options
; value: @value PythonSslOptions
; report-if: enables-legacy
; message: This turns {versions} back on ('{value}'), which Python and OpenSSL turn off by default. Keep the 'OP_NO_*' options and the default security level; to exclude old versions explicitly, set 'ctx.minimum_version = ssl.TLSVersion.TLSv1_2'.
; no-fix: The statement may clear or set other options too: delete the part that turns ssl.OP_NO_TLSv1
;   or OP_NO_TLSv1_1 off (or lowers the security level) by hand.
; help:
;   ## Legacy TLS versions turned back on in Python
;
;   Python's `ssl` module sets `OP_NO_SSLv2` and `OP_NO_SSLv3` on every context, and OpenSSL 3
;   refuses TLS 1.0 and TLS 1.1 at its default security level (1). Clearing the `OP_NO_*`
;   options, or appending `@SECLEVEL=0` to the cipher string, re-enables what the platform
;   turned off. SSL 3.0, TLS 1.0 and TLS 1.1 are broken or deprecated (RFC 8996), and servers
;   and cloud services no longer accept them: code that needs them is usually talking to a
;   device or service that must be upgraded or isolated.
;
;   **Problem**
;
;   ```python
;   ctx = ssl.create_default_context()
;   ctx.options &= ~ssl.OP_NO_TLSv1
;   ctx.options &= ~(ssl.OP_NO_SSLv3 | ssl.OP_NO_TLSv1_1)
;   ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
;   ```
;
;   **Fix**: leave the defaults alone. To state the floor explicitly, set it to TLS 1.2 (adding
;   `OP_NO_*` options with `|=` is fine too and is not reported):
;
;   ```python
;   ctx = ssl.create_default_context()
;   ctx.minimum_version = ssl.TLSVersion.TLSv1_2
;   ctx.options |= ssl.OP_NO_TLSv1 | ssl.OP_NO_TLSv1_1
;   ```
;
;   Not reported: setting options (`|=`), clearing options that are not about protocol
;   versions, clearing `OP_NO_TLSv1_2` / `OP_NO_TLSv1_3`, security levels above 0, comments and
;   docstrings, and tests that expect the legacy version to be rejected: code inside
;   `with pytest.raises(...)` or `with self.assertRaises(...)`, and test functions (`test*`)
;   that expect an SSL error (`pytest.raises(ssl.SSLError)`).

; ctx.options &= ~X
(augmented_assignment
  left: (attribute attribute: (identifier) @property)
  operator: "&="
  right: (unary_operator operator: "~" argument: (_) @value)
  (#eq? @property "options")
  (#not-in-rejection-test? @value))

; ctx.options = ctx.options & ~X
(assignment
  left: (attribute attribute: (identifier) @property)
  right: (binary_operator
    operator: "&"
    right: (unary_operator operator: "~" argument: (_) @value))
  (#eq? @property "options")
  (#not-in-rejection-test? @value))

; pyOpenSSL Context.clear_options(X)
(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list . (_) @value)
  (#eq? @method "clear_options")
  (#not-in-rejection-test? @value))

; Cipher strings: ssl set_ciphers, pyOpenSSL set_cipher_list, urllib3/requests ciphers=.
(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list . (_) @value)
  (#any-of? @method "set_ciphers" "set_cipher_list")
  (#not-in-rejection-test? @value))

(keyword_argument
  name: (identifier) @keyword
  value: (_) @value
  (#eq? @keyword "ciphers")
  (#not-in-rejection-test? @value))
