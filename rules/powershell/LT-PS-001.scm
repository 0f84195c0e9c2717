; id: LT-PS-001
; name: LegacySecurityProtocolInPowerShell
; kind: explicit-legacy
; language: powershell
; precision: high
; short: A PowerShell script sets ServicePointManager.SecurityProtocol to a legacy SSL/TLS version
; full: '[Net.ServicePointManager]::SecurityProtocol' is assigned (or added to with '+=') a value
;   that includes Ssl3, Tls (TLS 1.0) or Tls11: a '[Net.SecurityProtocolType]' member, a string
;   form such as 'Tls,Tls11', a number (48, 192, 768) or a '-bor' of those. Every web request of
;   the session (Invoke-WebRequest, Invoke-RestMethod, WebClient, PowerShellGet) then offers
;   that version, and fails once the service stops accepting TLS 1.0 and 1.1. A legacy
;   '[Net.SecurityProtocolType]' value named by its type is reported wherever it is written
;   (stored in a variable, passed to a command or a method), once, at the value.
; narrow: statement
; keywords: SecurityProtocol
; value: @value SecurityProtocolType
; report-if: enables-legacy
; message: This SecurityProtocolType value ({value}) enables {versions} for every web request of the session once it reaches '[Net.ServicePointManager]::SecurityProtocol'. Use '[Net.SecurityProtocolType]::Tls12 -bor [Net.SecurityProtocolType]::Tls13' (or remove the line on PowerShell 7, which uses the operating system's default).
; help:
;   ## Legacy protocol versions in PowerShell's SecurityProtocol
;
;   Windows PowerShell 5.1 runs on the .NET Framework, where
;   `[Net.ServicePointManager]::SecurityProtocol` decides which protocol versions
;   `Invoke-WebRequest`, `Invoke-RestMethod`, `Net.WebClient` and PowerShellGet offer. Scripts
;   copied from old answers set it to `Tls`, `Tls11` or `Ssl3`, by name, as a string or as a
;   number. SSL 3.0, TLS 1.0 and TLS 1.1 are deprecated (RFC 8996), and services such as the
;   PowerShell Gallery, GitHub and Azure stop accepting them: the script then fails to
;   download or to call the API.
;
;   **Problem**
;
;   ```powershell
;   [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls -bor [Net.SecurityProtocolType]::Tls11
;   [Net.ServicePointManager]::SecurityProtocol = 'Tls,Tls11,Tls12'
;   [Net.ServicePointManager]::SecurityProtocol = 3072 -bor 768
;   ```
;
;   **Fix**: add TLS 1.2 (and 1.3) to what the system allows, without the legacy versions:
;
;   ```powershell
;   [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12 -bor [Net.SecurityProtocolType]::Tls13
;   ```
;
;   On PowerShell 7 (.NET) the line is not needed: the operating system's default applies.
;   Reading the value (`-eq`, `-band`, `.HasFlag()`, `Write-Host`) is not reported.

; [Net.ServicePointManager]::SecurityProtocol = ... and += ..., also [System.Net....] and
; [ServicePointManager] (after `using namespace System.Net`); names ignore case.
(assignment_expression
  (left_assignment_expression) @target @sink
  (assignement_operator) @operator
  value: (_) @value
  (#match? @target "^(?i)\\[\\s*((System\\.)?Net\\.)?ServicePointManager\\s*\\]::SecurityProtocol$")
  (#any-of? @operator "=" "+="))

; A SecurityProtocolType value counts wherever it is written, named by its type
; ([Net.SecurityProtocolType]::Tls11, a cast), not only at ServicePointManager: stored in a
; variable, passed to a command or a method. @sink is where it goes (a related location); a
; variable written to SecurityProtocol is reported once, at its value.
(assignment_expression
  (left_assignment_expression) @sink
  (assignement_operator) @operator
  value: (_) @value
  (#any-of? @operator "=" "+=")
  (#match? @value "(?i)SecurityProtocolType\\s*\\]"))

(command
  command_name: (_) @sink
  command_elements: (command_elements
    (array_literal_expression) @value)
  (#not-match? @sink "^(?i)(Write-|Out-|Format-|Test-|Should|Assert)")
  (#match? @value "(?i)SecurityProtocolType\\s*\\]"))

((invokation_expression
  (argument_list
    (argument_expression_list
      (argument_expression) @value))) @sink
  (#not-match? @sink "(?i)\\.(HasFlag|Equals|CompareTo|ToString|Contains|Write\\w*|Log\\w*)\\s*\\(")
  (#match? @value "(?i)SecurityProtocolType\\s*\\]"))
