; id: LT-CS-004
; name: LegacyTlsAppContextSwitch
; kind: re-enable
; language: csharp
; precision: very-high
; short: An AppContext switch turns the .NET Framework's TLS protections back off
; full: 'AppContext.SetSwitch' sets 'Switch.System.Net.DontEnableSchUseStrongCrypto',
;   'Switch.System.Net.DontEnableSystemDefaultTlsVersions',
;   'Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions' or
;   'Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols' to true. These
;   opt-out switches undo what .NET Framework 4.6 and 4.7 turned on (strong cryptography, the
;   operating system's default protocol versions): the process falls back to the framework's own
;   defaults, SSL 3.0 and TLS 1.0, which services no longer accept.
; narrow: statement
; keywords: SetSwitch & Dont, Disable
; keywords-in: code
; value: @value NetFxOptOut
; report-if: enables-legacy
; report: @switch
; message: This AppContext switch is set to 'true', which brings back the .NET Framework's own defaults ({versions}). Remove the call, or set the switch to 'false' so the operating system's default protocol versions and strong cryptography apply.
; help:
;   ## AppContext switches that turn TLS protections back off
;
;   .NET Framework 4.6 enabled strong cryptography (TLS 1.1 and TLS 1.2 in
;   `ServicePointManager`) and 4.7 made the framework use the operating system's default
;   protocol versions. Four opt-out switches undo that for compatibility with old servers:
;
;   - `Switch.System.Net.DontEnableSchUseStrongCrypto`
;   - `Switch.System.Net.DontEnableSystemDefaultTlsVersions`
;   - `Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions`
;   - `Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols`
;
;   Set to `true`, the process is back on SSL 3.0 and TLS 1.0, which RFC 8996 deprecates and
;   which cloud services (Azure, AWS endpoints, payment gateways) stop accepting: connections
;   fail on their cut-over date, and a TLS 1.2-only server cannot be reached at all.
;
;   **Problem**
;
;   ```csharp
;   AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true);
;   private const string NoSystemDefaults = "Switch.System.Net.DontEnableSystemDefaultTlsVersions";
;   AppContext.SetSwitch(NoSystemDefaults, true);
;   ```
;
;   **Fix**: delete the call (the default is `false`), or set the switch to `false` explicitly
;   when an older configuration may have turned it on:
;
;   ```csharp
;   AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", false);
;   ```
;
;   The same switches in `app.config` (`<AppContextSwitchOverrides>`) are LT-NET-002.

; AppContext.SetSwitch(name, value), also as System.AppContext and with named arguments
; (switchName:, isEnabled:); the name may be a literal or a constant of the file.
(invocation_expression
  function: (member_access_expression
    expression: (_) @class
    name: (identifier) @method)
  arguments: (argument_list
    .
    (argument
      (_) @switch .)
    .
    (argument
      (_) @value .)
    .)
  (#match? @class "(^|\\.)AppContext$")
  (#eq? @method "SetSwitch")
  (#string-any-of? @switch
    "Switch.System.Net.DontEnableSchUseStrongCrypto"
    "Switch.System.Net.DontEnableSystemDefaultTlsVersions"
    "Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions"
    "Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols"))

; `using static System.AppContext;` then SetSwitch(name, value).
(invocation_expression
  function: (identifier) @method
  arguments: (argument_list
    .
    (argument
      (_) @switch .)
    .
    (argument
      (_) @value .)
    .)
  (#eq? @method "SetSwitch")
  (#string-any-of? @switch
    "Switch.System.Net.DontEnableSchUseStrongCrypto"
    "Switch.System.Net.DontEnableSystemDefaultTlsVersions"
    "Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions"
    "Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols"))
