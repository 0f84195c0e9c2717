; id: LT-RB-001
; name: LegacyRubyTlsVersion
; kind: explicit-legacy
; language: ruby
; precision: high
; short: Ruby code pins SSL 3.0, TLS 1.0 or TLS 1.1, or sets a minimum or maximum version at or below TLS 1.1
; full: 'ssl_version = :TLSv1' (or ':TLSv1_1', ':SSLv3', ':SSLv2', the same as strings) on an
;   OpenSSL::SSL::SSLContext, Net::HTTP or in 'SSLContext.new(...)', 'set_params',
;   'Net::HTTP.start(..., ssl_version: ...)', Faraday's 'ssl: { version: ... }' and other
;   options hashes; 'min_version' at or below TLS 1.1 ('OpenSSL::SSL::TLS1_VERSION',
;   'TLS1_1_VERSION', 'SSL3_VERSION', ':TLS1', ':TLS1_1', 0x0301) and 'max_version' at or below
;   TLS 1.1; constants and variables holding them are followed within the file, and the
;   single-purpose 'OpenSSL::SSL::*_VERSION' constants count wherever else they are passed,
;   stored or returned. The connection then speaks, or accepts, a protocol version that is
;   broken or deprecated.
; keywords: ssl_version, min_version, max_version, SSLContext, TLS1_VERSION, TLS1_1_VERSION, SSL3_VERSION, SSL2_VERSION, ssl:, :ssl, ssl.version, ssl[
; value: @value RubyTlsVersions
; report-if: enables-legacy
; message: '{value}' allows {versions}. Leave 'ssl_version' unset and let OpenSSL negotiate, or set 'min_version = OpenSSL::SSL::TLS1_2_VERSION' (Faraday: 'ssl: { min_version: OpenSSL::SSL::TLS1_2_VERSION }') and no 'max_version' below TLS 1.2.
; no-fix: tlslint does not edit Ruby yet: set min_version = OpenSSL::SSL::TLS1_2_VERSION, and remove
;   ssl_version and a max_version below TLS 1.2.
; help:
;   ## Legacy protocol versions in Ruby's OpenSSL, Net::HTTP and Faraday
;
;   `ssl_version = :TLSv1` pins a connection to one protocol version (`:TLSv1_1`, `:SSLv3`
;   and the strings `'TLSv1'` alike); `min_version` is the oldest version accepted and
;   `max_version` the newest offered. SSL 3.0, TLS 1.0 and TLS 1.1 are broken or deprecated
;   (RFC 8996): a pin to one of them, a floor at or below TLS 1.1, or a cap at or below TLS 1.1
;   keeps them in use. The same settings reach `OpenSSL::SSL::SSLContext` through
;   `SSLContext.new(:TLSv1)` and `set_params(ssl_version: ...)`, Net::HTTP through
;   `http.ssl_version=`, `http.min_version=` and `Net::HTTP.start(..., ssl_version: ...)`,
;   and Faraday through `ssl: { version: ..., min_version: ..., max_version: ... }`.
;
;   **Problem**
;
;   ```ruby
;   LEGACY = :TLSv1
;   http = Net::HTTP.new(host, 443)
;   http.use_ssl = true
;   http.ssl_version = LEGACY
;   conn = Faraday.new(url, ssl: { min_version: OpenSSL::SSL::TLS1_VERSION })
;   ```
;
;   **Fix**: leave `ssl_version` unset (OpenSSL then negotiates the best version both sides
;   support) and, if a floor is wanted, name TLS 1.2:
;
;   ```ruby
;   http.min_version = OpenSSL::SSL::TLS1_2_VERSION
;   conn = Faraday.new(url, ssl: { min_version: OpenSSL::SSL::TLS1_2_VERSION })
;   ```
;
;   If a peer really only speaks TLS 1.0, isolate that connection and suppress the finding with
;   a reason (`# tlslint-ignore: LT-RB-001 the 2009 card terminal speaks only TLS 1.0`).
;
;   Not reported: `:SSLv23` (it negotiates), TLS 1.2 and 1.3, `OP_NO_TLSv1` options (they turn
;   legacy versions off), comparisons (`ssl.ssl_version == 'TLSv1'`), `case`/`when`, names of
;   versions in log lines or other strings, the assignment of a constant or local variable
;   itself (its use at a setting is reported), and tests that expect the handshake to fail
;   (inside `assert_raise(...) { }`, `expect { }.to raise_error`, or a `test_*` method or `it`
;   block that asserts an SSL error or calls `assert_handshake_error`).

; ctx.ssl_version = ..., http.min_version = ..., ctx.max_version = ...
(assignment
  left: (call method: (identifier) @setting)
  right: (_) @value
  (#any-of? @setting "ssl_version" "min_version" "max_version")
  (#not-in-rejection-test? @value))

; options[:ssl_version] = ...; Faraday conn.ssl[:version] = ...
(assignment
  left: (element_reference object: (_) @object [(simple_symbol) (string)] @key .)
  right: (_) @value
  (#match? @key "^[:\"'](ssl_version|(ssl_)?min_version|(ssl_)?max_version)[\"']?$")
  (#not-in-rejection-test? @value))

(assignment
  left: (element_reference object: (call method: (identifier) @ssl) [(simple_symbol) (string)] @key .)
  right: (_) @value
  (#eq? @ssl "ssl")
  (#match? @key "^[:\"']version[\"']?$")
  (#not-in-rejection-test? @value))

; Faraday conn.ssl.version = ...
(assignment
  left: (call receiver: (call method: (identifier) @ssl) method: (identifier) @setting)
  right: (_) @value
  (#eq? @ssl "ssl")
  (#eq? @setting "version")
  (#not-in-rejection-test? @value))

; Net::HTTP.start(host, port, use_ssl: true, ssl_version: :TLSv1), ctx.set_params(...),
; Excon, RestClient and other options hashes.
(pair
  key: [(hash_key_symbol) (simple_symbol) (string)] @setting
  value: (_) @value
  (#match? @setting "^[:\"']?(ssl_version|(ssl_)?min_version|(ssl_)?max_version)[\"']?$")
  (#not-in-rejection-test? @value))

; Faraday: ssl: { version: :TLSv1 } (min_version and max_version are matched above)
(pair
  key: [(hash_key_symbol) (simple_symbol) (string)] @ssl
  value: (hash
    (pair
      key: [(hash_key_symbol) (simple_symbol) (string)] @setting
      value: (_) @value))
  (#match? @ssl "^[:\"']?ssl[\"']?$")
  (#match? @setting "^[:\"']?version[\"']?$")
  (#not-in-rejection-test? @value))

; OpenSSL::SSL::SSLContext.new(:TLSv1)
(call
  receiver: (_) @class
  method: (identifier) @method
  arguments: (argument_list . (_) @value)
  (#match? @class "(^|::)SSLContext$")
  (#eq? @method "new")
  (#not-in-rejection-test? @value))

; HTTParty's class macro: ssl_version :TLSv1
(call
  method: (identifier) @setting
  arguments: (argument_list . (_) @value .)
  (#eq? @setting "ssl_version")
  (#not-in-rejection-test? @value))

; The single-purpose constants wherever else they are written: passed to a call (not to the
; calls above, comparisons, matchers or logging), stored in an object, in a hash or in an array
; that is passed or stored, or returned.
(call
  method: (identifier) @method
  arguments: (argument_list (scope_resolution name: (constant) @constant) @value)
  (#match? @constant "^(SSL2|SSL3|TLS1|TLS1_1)_VERSION$")
  (#not-any-of? @method "ssl_version" "new" "puts" "print" "p" "pp" "warn" "debug" "info" "error" "fatal" "log" "format" "sprintf" "raise" "assert_equal" "assert_not_equal" "refute_equal" "assert_operator" "eq" "eql" "equal" "be" "include" "include?" "eql?" "equal?" "key?" "value?" "member?" "index" "delete" "to" "not_to" "to_not")
  (#not-in-rejection-test? @value))

(assignment
  left: [(call) (element_reference) (instance_variable) (class_variable) (global_variable)] @target
  right: (scope_resolution name: (constant) @constant) @value
  (#not-match? @target "(\\.|\\[[:\"'])(ssl_version|min_version|max_version)[\"']?\\]?$")
  (#match? @constant "^(SSL2|SSL3|TLS1|TLS1_1)_VERSION$")
  (#not-in-rejection-test? @value))

(pair
  key: (_) @key
  value: (scope_resolution name: (constant) @constant) @value
  (#not-match? @key "^[:\"']?(ssl_version|(ssl_)?min_version|(ssl_)?max_version|version)[\"']?$")
  (#not-match? @key "^[:\"']?(SSL|TLS|ssl|tls)v?[0-9]")
  (#match? @constant "^(SSL2|SSL3|TLS1|TLS1_1)_VERSION$")
  (#not-in-rejection-test? @value))

(argument_list
  (array (scope_resolution name: (constant) @constant) @value)
  (#match? @constant "^(SSL2|SSL3|TLS1|TLS1_1)_VERSION$")
  (#not-in-rejection-test? @value))

(assignment
  left: [(call) (element_reference) (instance_variable) (class_variable) (global_variable)]
  right: (array (scope_resolution name: (constant) @constant) @value)
  (#match? @constant "^(SSL2|SSL3|TLS1|TLS1_1)_VERSION$")
  (#not-in-rejection-test? @value))

(return
  (argument_list (scope_resolution name: (constant) @constant) @value)
  (#match? @constant "^(SSL2|SSL3|TLS1|TLS1_1)_VERSION$")
  (#not-in-rejection-test? @value))

(method
  body: (body_statement (scope_resolution name: (constant) @constant) @value .)
  (#match? @constant "^(SSL2|SSL3|TLS1|TLS1_1)_VERSION$")
  (#not-in-rejection-test? @value))
