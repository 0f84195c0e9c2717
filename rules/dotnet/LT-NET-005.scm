; id: LT-NET-005
; name: LegacyKestrelSslProtocols
; kind: explicit-legacy
; language: json
; precision: very-high
; short: Kestrel's SslProtocols setting enables a legacy TLS version
; full: The 'SslProtocols' list of Kestrel's 'EndpointDefaults' or of one of its 'Endpoints' in
;   appsettings.json names Tls (TLS 1.0) or Tls11. The server then accepts those versions from
;   clients, and scanners and compliance checks flag the endpoint.
; keywords: SslProtocols
; files: appsettings*.json
; value: @value SslProtocols
; report-if: enables-legacy
; message: Kestrel's 'SslProtocols' lists {value}, which enables {versions}. Remove the setting so the operating system's default applies, or list only "Tls12" and "Tls13".
; no-fix: The list holds something the fix does not know, or an escaped string: list only "Tls12" and
;   "Tls13", or remove the setting so the operating system chooses.
; help:
;   ## Legacy protocol versions in Kestrel's SslProtocols
;
;   **Problem**
;
;   ```json
;   "Kestrel": {
;     "EndpointDefaults": { "SslProtocols": [ "Tls11", "Tls12" ] }
;   }
;   ```
;
;   **Fix**: remove `SslProtocols` (Kestrel then uses the operating system's defaults), or
;   list modern versions only: `"SslProtocols": [ "Tls12", "Tls13" ]`.

; Kestrel:EndpointDefaults:SslProtocols (configuration keys ignore case)
(pair
  key: (string (string_content) @kestrel)
  value: (object
    (pair
      key: (string (string_content) @defaults)
      value: (object
        (pair
          key: (string (string_content) @key)
          value: (array (string) @value)))))
  (#match? @kestrel "^(?i:kestrel)$")
  (#match? @defaults "^(?i:endpointdefaults)$")
  (#match? @key "^(?i:sslprotocols)$"))

; Kestrel:Endpoints:<name>:SslProtocols
(pair
  key: (string (string_content) @kestrel)
  value: (object
    (pair
      key: (string (string_content) @endpoints)
      value: (object
        (pair
          value: (object
            (pair
              key: (string (string_content) @key)
              value: (array (string) @value)))))))
  (#match? @kestrel "^(?i:kestrel)$")
  (#match? @endpoints "^(?i:endpoints)$")
  (#match? @key "^(?i:sslprotocols)$"))
