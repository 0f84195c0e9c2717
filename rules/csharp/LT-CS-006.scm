; id: LT-CS-006
; name: HardcodedModernSecurityProtocol
; kind: hardcoded-modern
; language: csharp
; precision: medium
; short: ServicePointManager.SecurityProtocol pins TLS 1.2/1.3 where the OS default is available
; full: 'ServicePointManager.SecurityProtocol' is set to Tls12 and/or Tls13 (or 3072, 12288) in
;   a project that targets .NET Framework 4.7 or later, or modern .NET, where
;   'SecurityProtocolType.SystemDefault' lets the operating system choose. It works today, but
;   the application will not follow future protocol policy (a TLS 1.4, a TLS 1.2 deprecation).
;   Projects on older targets are never reported: there hardcoding TLS 1.2 is the fix.
; narrow: statement
; matcher: csharp-pinned-security-protocol
; keywords: SecurityProtocol
; keywords-in: code
; keywords-here: ServicePointManager
; value: @value SecurityProtocolType
; report-if: pins-modern
; message: 'ServicePointManager.SecurityProtocol' is pinned to {versions} although the project's target framework can use the operating system's default. Remove the assignment (or set 'SecurityProtocolType.SystemDefault').
; help:
;   ## Hardcoded TLS 1.2/1.3 where SystemDefault exists
;
;   From .NET Framework 4.7 on, the runtime defers to the operating system's protocol
;   defaults, which follow security updates and policy. Pinning versions freezes today's
;   choice in the binary.
;
;   **Problem** (in a project targeting net48 or net8.0)
;
;   ```csharp
;   ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
;   ```
;
;   **Fix**: remove the assignment, or set `SecurityProtocolType.SystemDefault`.
;
;   The owning project is found with tlslint's project model (the nearest project file above
;   the source file, its target framework, or that of Directory.Build.props). On targets below
;   4.7, or when the target is not known, the rule stays silent.

(assignment_expression
  left: (member_access_expression
    expression: (_) @class
    name: (identifier) @property)
  operator: "="
  right: (_) @value
  (#match? @class "(^|\\.)ServicePointManager$")
  (#eq? @property "SecurityProtocol"))
