; id: LT-CS-005
; name: LegacyTlsRegistryWrite
; kind: re-enable
; language: csharp
; precision: high
; short: Code writes a registry value that turns legacy SSL/TLS back on
; full: 'Registry.SetValue' or 'RegistryKey.SetValue' writes a value that re-enables a legacy
;   protocol machine-wide: SCHANNEL 'Protocols\{SSL 2.0,SSL 3.0,TLS 1.0,TLS 1.1}\{Client,Server}'
;   'Enabled' non-zero or 'DisabledByDefault' = 0 (LT-REG-001); '.NETFramework\v2.0.50727' or
;   'v4.0.30319' 'SchUseStrongCrypto' = 0 or 'SystemDefaultTlsVersions' = 0 (LT-REG-002); WinHTTP
;   'DefaultSecureProtocols' or Internet Settings 'SecureProtocols' with the SSL 2.0, SSL 3.0,
;   TLS 1.0 or TLS 1.1 bits (LT-REG-003). Every program on the machine then offers or accepts
;   those versions.
; narrow: statement
; keywords: SetValue & SCHANNEL, NETFramework, SecureProtocols, SchUseStrongCrypto,
;   SystemDefaultTlsVersions, DisabledByDefault
; keywords-in: code
; value: @value RegistryWrite
; report-if: enables-legacy
; message: This registry write{detail} turns {versions} back on for the whole machine. Remove it; to harden a machine, write 'Enabled' = 0 and 'DisabledByDefault' = 1 for the legacy SCHANNEL protocols, and 'SchUseStrongCrypto' = 1 and 'SystemDefaultTlsVersions' = 1 for the .NET Framework.
; no-fix: What the program writes to the registry is its own decision: delete the write, or write the
;   value that keeps the legacy version off, where the value is chosen.
; help:
;   ## Registry writes that turn legacy SSL/TLS back on
;
;   Windows reads the SCHANNEL `Protocols` keys, the .NET Framework keys and the WinHTTP and
;   Internet Settings keys to decide which protocol versions every program on the machine may
;   use. Installers and set-up tools sometimes write them to make an old partner work again:
;   the whole machine then offers SSL 3.0, TLS 1.0 or TLS 1.1, which RFC 8996 deprecates,
;   which compliance scans flag and which services stop accepting (the usual reason an old
;   client breaks on a cut-over date).
;
;   **Problem**
;
;   ```csharp
;   const string Tls10 = @"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client";
;   Registry.SetValue(Tls10, "Enabled", 1, RegistryValueKind.DWord);
;   Registry.SetValue(Tls10, "DisabledByDefault", 0, RegistryValueKind.DWord);
;   using (var netfx = Registry.LocalMachine.CreateSubKey(@"SOFTWARE\Microsoft\.NETFramework\v4.0.30319"))
;       netfx.SetValue("SchUseStrongCrypto", 0, RegistryValueKind.DWord);
;   ```
;
;   **Fix**: do not turn legacy versions on. Hardening writes the opposite values, which are
;   not reported:
;
;   ```csharp
;   Registry.SetValue(Tls10, "Enabled", 0, RegistryValueKind.DWord);
;   Registry.SetValue(Tls10, "DisabledByDefault", 1, RegistryValueKind.DWord);
;   netfx.SetValue("SchUseStrongCrypto", 1, RegistryValueKind.DWord);
;   netfx.SetValue("SystemDefaultTlsVersions", 1, RegistryValueKind.DWord);
;   ```
;
;   The key path may be a literal, a constant of the file, or the key a `RegistryKey` variable
;   was opened on (`Registry.LocalMachine.CreateSubKey(...)`, `OpenSubKey(...)`,
;   `RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, ...)`).

; Registry.SetValue(keyName, valueName, value[, kind]) and key.SetValue(valueName, value[, kind]);
; the evaluator reads the key path, the value name and the data (values/registry_policy.c).
((invocation_expression
  function: (member_access_expression
    name: (identifier) @method)) @value
  (#eq? @method "SetValue"))
