; id: LT-JS-001
; name: LegacyNodeTlsVersion
; kind: legacy-floor-or-cap
; language: javascript
; precision: high
; short: Node.js TLS options pin or permit SSL 3.0, TLS 1.0 or TLS 1.1
; full: A Node.js TLS options object (of 'tls.connect', 'tls.createSecureContext',
;   'tls.createServer', 'https.Agent', 'https.request', 'https.createServer', or any object
;   that reaches them: a 'const', an agent given to axios, got or node-fetch) sets
;   'minVersion' to 'TLSv1' or 'TLSv1.1', 'maxVersion' at or below 'TLSv1.1', or
;   'secureProtocol' to 'SSLv3_method', 'TLSv1_method' or 'TLSv1_1_method' (and their
;   '_client_'/'_server_' forms); or the code sets 'tls.DEFAULT_MIN_VERSION' or
;   'DEFAULT_MAX_VERSION' so; and those method names wherever else they are passed, stored or
;   returned. The client or server then accepts, or speaks only, a protocol version that is
;   broken or deprecated.
; keywords: minVersion, maxVersion, secureProtocol, DEFAULT_MIN_VERSION, DEFAULT_MAX_VERSION, SSLv2_method, SSLv2_client_method, SSLv2_server_method, SSLv3_method, SSLv3_client_method, SSLv3_server_method, TLSv1_method, TLSv1_client_method, TLSv1_server_method, TLSv1_1_method, TLSv1_1_client_method, TLSv1_1_server_method
; value: @value NodeTlsVersion
; report-if: floor-or-cap
; message: {value} permits {versions}. Remove the setting so that Node.js's default applies (a minimum of TLS 1.2), or set 'minVersion: 'TLSv1.2'' and no 'maxVersion' below it; use 'minVersion' instead of a 'secureProtocol' method.
; no-fix: tlslint does not edit JavaScript or TypeScript yet: use minVersion: 'TLSv1.2' (or leave it
;   out: Node's default is TLS 1.2), and remove secureProtocol and a maxVersion below TLSv1.2.
; help:
;   ## Legacy protocol versions in Node.js TLS options
;
;   Node.js takes the protocol range of a TLS client or server from its options:
;   `minVersion` is the oldest version it accepts, `maxVersion` the newest it offers, and the
;   older `secureProtocol` names one OpenSSL method, which pins a single version. A minimum of
;   `'TLSv1'` or `'TLSv1.1'`, a maximum at or below `'TLSv1.1'`, or a method such as
;   `'TLSv1_method'` keeps TLS 1.0 and TLS 1.1 (or SSL 3.0) on: they are broken or deprecated
;   (RFC 8996), and servers, cloud endpoints and payment processors refuse them. The same
;   options reach `tls.connect`, `tls.createSecureContext`, `tls.createServer`, `https.Agent`,
;   `https.request` and `https.createServer`, and through an agent axios (`httpsAgent`), got
;   (`agent: { https }`) and node-fetch (`agent`); `tls.DEFAULT_MIN_VERSION = 'TLSv1'` lowers
;   the floor of the whole process.
;
;   **Problem**
;
;   ```js
;   const options = { minVersion: 'TLSv1', maxVersion: 'TLSv1.1' };
;   tls.createServer(options, onConnection);
;   axios.get(url, { httpsAgent: new https.Agent({ secureProtocol: 'TLSv1_method' }) });
;   tls.DEFAULT_MIN_VERSION = 'TLSv1';
;   ```
;
;   **Fix**: leave the range to Node.js (its default minimum is TLS 1.2), or name TLS 1.2:
;
;   ```js
;   const options = { minVersion: 'TLSv1.2' };
;   axios.get(url, { httpsAgent: new https.Agent({ minVersion: 'TLSv1.2' }) });
;   ```
;
;   If a peer really only speaks TLS 1.0, isolate that connection and suppress the finding with
;   a reason (`// tlslint-ignore: LT-JS-001 the 2009 card terminal speaks only TLS 1.0`).
;
;   Not reported: protocol names in log lines and comparisons
;   (`socket.getProtocol() === 'TLSv1'`), `'TLS_method'` and `'SSLv23_method'` (they
;   negotiate), comments, and tests that expect a legacy handshake to be refused (inside
;   `assert.throws`, `assert.rejects`, `expect(...).toThrow()` / `.rejects`, or an `it`/`test`
;   whose title says the connection is refused, rejected or fails and whose body looks for the
;   error).

; { minVersion: ... } (a floor), { maxVersion: ... } (a cap), { secureProtocol: ... } (a pin),
; also with quoted keys and as shorthand properties ({ minVersion }).
(pair
  key: (_) @sink
  value: (_) @value
  (#match? @sink "^[\"']?minVersion[\"']?$")
  (#not-in-rejection-test? @value))

(pair
  key: (_) @sink @cap
  value: (_) @value
  (#match? @sink "^[\"']?maxVersion[\"']?$")
  (#not-in-rejection-test? @value))

(pair
  key: (_) @sink @pin
  value: (_) @value
  (#match? @sink "^[\"']?secureProtocol[\"']?$")
  (#not-in-rejection-test? @value))

(object
  (shorthand_property_identifier) @value @sink
  (#eq? @value "minVersion")
  (#not-in-rejection-test? @value))

(object
  (shorthand_property_identifier) @value @sink @cap
  (#eq? @value "maxVersion")
  (#not-in-rejection-test? @value))

(object
  (shorthand_property_identifier) @value @sink @pin
  (#eq? @value "secureProtocol")
  (#not-in-rejection-test? @value))

; options.minVersion = ..., tls.DEFAULT_MIN_VERSION = ..., options['maxVersion'] = ...
(assignment_expression
  left: (member_expression property: (property_identifier) @field) @sink
  right: (_) @value
  (#any-of? @field "minVersion" "DEFAULT_MIN_VERSION")
  (#not-in-rejection-test? @value))

(assignment_expression
  left: (member_expression property: (property_identifier) @cap) @sink
  right: (_) @value
  (#any-of? @cap "maxVersion" "DEFAULT_MAX_VERSION")
  (#not-in-rejection-test? @value))

(assignment_expression
  left: (member_expression property: (property_identifier) @pin) @sink
  right: (_) @value
  (#eq? @pin "secureProtocol")
  (#not-in-rejection-test? @value))

(assignment_expression
  left: (subscript_expression index: (string) @field) @sink
  right: (_) @value
  (#match? @field "^[\"'](minVersion|DEFAULT_MIN_VERSION)[\"']$")
  (#not-in-rejection-test? @value))

(assignment_expression
  left: (subscript_expression index: (string) @cap) @sink
  right: (_) @value
  (#match? @cap "^[\"'](maxVersion|DEFAULT_MAX_VERSION)[\"']$")
  (#not-in-rejection-test? @value))

(assignment_expression
  left: (subscript_expression index: (string) @pin) @sink
  right: (_) @value
  (#match? @pin "^[\"']secureProtocol[\"']$")
  (#not-in-rejection-test? @value))

; The method names are single-purpose: wherever else they are written (initialised, stored
; in another property, listed, assigned, returned, passed to a call that is not logging or a
; comparison), they are a finding.
(variable_declarator
  value: (string) @value @pin
  (#match? @value "^[\"'](SSLv2|SSLv3|TLSv1|TLSv1_1)_(client_|server_)?method[\"']$")
  (#not-in-rejection-test? @value))

(pair
  key: (_) @key
  value: (string) @value @pin
  (#not-match? @key "^[\"']?secureProtocol[\"']?$")
  (#match? @value "^[\"'](SSLv2|SSLv3|TLSv1|TLSv1_1)_(client_|server_)?method[\"']$")
  (#not-in-rejection-test? @value))

(array
  (string) @value @pin
  (#match? @value "^[\"'](SSLv2|SSLv3|TLSv1|TLSv1_1)_(client_|server_)?method[\"']$")
  (#not-in-rejection-test? @value))

(assignment_expression
  left: (_) @target
  right: (string) @value @pin
  (#not-match? @target "(secureProtocol|secureProtocol[\"'])\\]?$")
  (#match? @value "^[\"'](SSLv2|SSLv3|TLSv1|TLSv1_1)_(client_|server_)?method[\"']$")
  (#not-in-rejection-test? @value))

(object_assignment_pattern
  right: (string) @value @pin
  (#match? @value "^[\"'](SSLv2|SSLv3|TLSv1|TLSv1_1)_(client_|server_)?method[\"']$")
  (#not-in-rejection-test? @value))

(assignment_pattern
  right: (string) @value @pin
  (#match? @value "^[\"'](SSLv2|SSLv3|TLSv1|TLSv1_1)_(client_|server_)?method[\"']$")
  (#not-in-rejection-test? @value))

(return_statement
  (string) @value @pin
  (#match? @value "^[\"'](SSLv2|SSLv3|TLSv1|TLSv1_1)_(client_|server_)?method[\"']$")
  (#not-in-rejection-test? @value))

(call_expression
  function: (_) @function
  arguments: (arguments (string) @value @pin)
  (#match? @value "^[\"'](SSLv2|SSLv3|TLSv1|TLSv1_1)_(client_|server_)?method[\"']$")
  (#not-match? @function "(log|debug|info|warn|warning|error|trace|fatal|write|print|printf|format|equal|Equal|strictEqual|deepEqual|deepStrictEqual|notEqual|includes|indexOf|startsWith|endsWith|match|test|toBe|toEqual|toContain|toMatch|expect|has|get)$")
  (#not-in-rejection-test? @value))

(new_expression
  arguments: (arguments (string) @value @pin)
  (#match? @value "^[\"'](SSLv2|SSLv3|TLSv1|TLSv1_1)_(client_|server_)?method[\"']$")
  (#not-in-rejection-test? @value))
