; id: LT-CS-001
; name: LegacySecurityProtocolType
; kind: explicit-legacy
; language: csharp
; precision: high
; short: ServicePointManager.SecurityProtocol enables a legacy SSL/TLS version
; full: A 'SecurityProtocolType' value that includes Ssl3, Tls (TLS 1.0) or Tls11 is written to
;   'ServicePointManager.SecurityProtocol'. Every HTTP, FTP and SMTP connection of the process
;   then offers that protocol, and once a service stops accepting TLS 1.0 and 1.1 the
;   connections that negotiate it fail.
; keywords: SecurityProtocol
; value: @value SecurityProtocolType
; report-if: enables-legacy
; message: 'ServicePointManager.SecurityProtocol' is set to a value that enables {versions}. Remove the assignment so the operating system's default applies (.NET Framework 4.7 or later), or set 'SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13' on older targets.
; help:
;   ## Legacy protocol versions in ServicePointManager.SecurityProtocol
;
;   `ServicePointManager.SecurityProtocol` decides which protocol versions every
;   `HttpWebRequest`, `WebClient`, `FtpWebRequest` and `SmtpClient` of the process offers.
;   SSL 3.0, TLS 1.0 and TLS 1.1 are broken or deprecated (RFC 8996), and cloud services
;   (Azure Storage, Azure Resource Manager, Azure Batch and many more) stop accepting them:
;   on the cut-over date a client that still offers or pins them fails to connect.
;
;   **Problem**
;
;   ```csharp
;   ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11;
;   ServicePointManager.SecurityProtocol |= SecurityProtocolType.Ssl3;
;   ServicePointManager.SecurityProtocol = (SecurityProtocolType)768;
;   ```
;
;   **Fix**: target .NET Framework 4.7 or later and remove the assignment, so the operating
;   system chooses (it enables TLS 1.2 and TLS 1.3 and follows future policy). On an older
;   target, name only modern versions:
;
;   ```csharp
;   ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
;   ```
;
;   Removing old versions from the existing value is also fine and is not reported:
;   `ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Tls | SecurityProtocolType.Tls11);`

; Assignment (=) or adding versions (|=) to the process-wide setting, with or without
; qualification (System.Net.ServicePointManager.SecurityProtocol).
(assignment_expression
  left: (member_access_expression
    expression: (_) @class
    name: (identifier) @property)
  operator: ["=" "|="]
  right: (_) @value
  (#match? @class "(^|\\.)ServicePointManager$")
  (#eq? @property "SecurityProtocol"))
