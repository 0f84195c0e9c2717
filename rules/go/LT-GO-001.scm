; id: LT-GO-001
; name: LegacyGoTlsVersionBound
; kind: legacy-floor-or-cap
; language: go
; precision: high
; short: A Go crypto/tls configuration's minimum or maximum version is TLS 1.1 or lower
; full: 'tls.Config{MinVersion: ...}' or 'cfg.MinVersion = ...' is 'tls.VersionSSL30',
;   'VersionTLS10' or 'VersionTLS11' (or the numbers 0x0300-0x0302, or a constant holding
;   them), or 'MaxVersion' is at or below TLS 1.1; and those single-purpose constants wherever
;   else they are passed, stored or returned. The client or server then accepts, or speaks
;   only, a protocol version that is broken or deprecated.
; keywords: MinVersion, MaxVersion, VersionSSL30, VersionTLS10, VersionTLS11
; value: @value GoTlsVersion
; report-if: floor-or-cap
; message: The minimum or maximum protocol version '{value}' permits {versions}. Remove 'MinVersion' so that Go's default applies (TLS 1.2 since Go 1.18 for clients and Go 1.22 for servers), or set 'MinVersion: tls.VersionTLS12' and no 'MaxVersion' below TLS 1.2.
; no-fix: tlslint does not edit Go yet: set MinVersion to tls.VersionTLS12 (or leave it out: Go's
;   default is TLS 1.2), and remove a MaxVersion below tls.VersionTLS12.
; help:
;   ## Legacy minimum and maximum versions in Go's crypto/tls
;
;   `tls.Config.MinVersion` is the oldest protocol a client or server accepts and `MaxVersion`
;   the newest it offers. A floor of `tls.VersionTLS10` (or `VersionTLS11`, `VersionSSL30`, or
;   their numbers `0x0301`, `0x0302`, `0x0300`) keeps TLS 1.0 and TLS 1.1 on: they are broken
;   or deprecated (RFC 8996), and Go itself moved its defaults to TLS 1.2. A cap at TLS 1.1 or
;   lower makes every connection a legacy one.
;
;   **Problem**
;
;   ```go
;   const floor = tls.VersionTLS10
;   cfg := &tls.Config{MinVersion: floor}
;   cfg.MaxVersion = tls.VersionTLS11
;   ```
;
;   **Fix**: leave `MinVersion` unset (Go's default is TLS 1.2 for clients since Go 1.18 and for
;   servers since Go 1.22), or name TLS 1.2, and set no `MaxVersion`:
;
;   ```go
;   cfg := &tls.Config{MinVersion: tls.VersionTLS12}
;   ```
;
;   If a peer really only speaks TLS 1.0, isolate that connection and suppress the finding with
;   a reason (`// tlslint-ignore: LT-GO-001 the 2009 card terminal speaks only TLS 1.0`).
;
;   Not reported: comparisons (`state.Version == tls.VersionTLS10`), `switch` cases, maps from
;   versions to names, `tls.VersionName(...)`, logging, comments, and tests that expect the
;   set-up to fail (in a `Test*` function, the statement or one of the three after it is
;   followed by `if err == nil`, `require.Error(...)` or `assert.Error(...)`).

; tls.Config{MinVersion: ...} (a floor) and {MaxVersion: ...} (a cap).
(keyed_element
  key: (literal_element (identifier) @field)
  value: (literal_element (_) @value)
  (#eq? @field "MinVersion")
  (#not-in-rejection-test? @value))

(keyed_element
  key: (literal_element (identifier) @cap)
  value: (literal_element (_) @value)
  (#eq? @cap "MaxVersion")
  (#not-in-rejection-test? @value))

; cfg.MinVersion = ... and cfg.MaxVersion = ...
(assignment_statement
  left: (expression_list . (selector_expression field: (field_identifier) @field) .)
  right: (expression_list . (_) @value .)
  (#eq? @field "MinVersion")
  (#not-in-rejection-test? @value))

(assignment_statement
  left: (expression_list . (selector_expression field: (field_identifier) @cap) .)
  right: (expression_list . (_) @value .)
  (#eq? @cap "MaxVersion")
  (#not-in-rejection-test? @value))

; The single-purpose constants wherever else they are written: passed (not to comparisons,
; tls.VersionName, logging, or a conversion to a version type such as `TLSVersion(...)`, the
; shape of tables that map configuration names to versions), listed, stored in another field,
; assigned or returned.
(call_expression
  function: (_) @function
  arguments: (argument_list (selector_expression field: (field_identifier) @constant) @value)
  (#match? @constant "^Version(SSL30|TLS10|TLS11)$")
  (#not-match? @function "(VersionName|Print|Printf|Println|Sprintf|Sprint|Errorf|Fatal|Fatalf|Log|Logf|Error|Equal|Equals|NotEqual|Contains)$")
  (#not-match? @function "^(\\(|u?int(16|32)?$|[A-Z][A-Za-z0-9_]*Version$)")
  (#not-in-rejection-test? @value))

(composite_literal
  type: [(slice_type) (array_type) (implicit_length_array_type)]
  body: (literal_value
    (literal_element (selector_expression field: (field_identifier) @constant) @value))
  (#match? @constant "^Version(SSL30|TLS10|TLS11)$")
  (#not-in-rejection-test? @value))

(keyed_element
  key: (literal_element (identifier) @key)
  value: (literal_element (selector_expression field: (field_identifier) @constant) @value)
  (#not-any-of? @key "MinVersion" "MaxVersion")
  (#match? @constant "^Version(SSL30|TLS10|TLS11)$")
  (#not-in-rejection-test? @value))

(assignment_statement
  left: (expression_list (_) @target)
  right: (expression_list (selector_expression field: (field_identifier) @constant) @value)
  (#not-match? @target "\\.M(in|ax)Version$")
  (#match? @constant "^Version(SSL30|TLS10|TLS11)$")
  (#not-in-rejection-test? @value))

(return_statement
  (expression_list (selector_expression field: (field_identifier) @constant) @value)
  (#match? @constant "^Version(SSL30|TLS10|TLS11)$")
  (#not-in-rejection-test? @value))
