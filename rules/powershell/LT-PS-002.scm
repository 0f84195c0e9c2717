; id: LT-PS-002
; name: LegacyTlsRegistryWriteInPowerShell
; kind: re-enable
; language: powershell
; precision: high
; short: A PowerShell script writes a registry value that turns legacy SSL/TLS back on
; full: 'Set-ItemProperty', 'New-ItemProperty' or 'reg add' writes a value that re-enables a
;   legacy protocol machine-wide: SCHANNEL 'Protocols\{SSL 2.0,SSL 3.0,TLS 1.0,TLS 1.1}\{Client,Server}'
;   'Enabled' non-zero or 'DisabledByDefault' = 0 (LT-REG-001); '.NETFramework\v2.0.50727' or
;   'v4.0.30319' 'SchUseStrongCrypto' = 0 or 'SystemDefaultTlsVersions' = 0 (LT-REG-002); WinHTTP
;   'DefaultSecureProtocols' or Internet Settings 'SecureProtocols' with the SSL 2.0 (0x8),
;   SSL 3.0 (0x20), TLS 1.0 (0x80) or TLS 1.1 (0x200) bits (LT-REG-003).
; narrow: statement
; keywords: ItemProperty, reg & SCHANNEL, NETFramework, SecureProtocols, SchUseStrongCrypto,
;   SystemDefaultTlsVersions, DisabledByDefault
; value: @value RegistryWrite
; report-if: enables-legacy
; message: This registry write{detail} turns {versions} back on for the whole machine. Remove it; to harden a machine, write 'Enabled' = 0 and 'DisabledByDefault' = 1 for the legacy SCHANNEL protocols, 'SchUseStrongCrypto' = 1 and 'SystemDefaultTlsVersions' = 1 for the .NET Framework, and WinHTTP/Internet Settings masks without the 0x8, 0x20, 0x80 and 0x200 bits.
; help:
;   ## PowerShell registry writes that turn legacy SSL/TLS back on
;
;   Provisioning scripts, DSC resources and Packer templates write the SCHANNEL `Protocols`
;   keys, the .NET Framework keys and the WinHTTP / Internet Settings protocol masks. Writing
;   the wrong values re-enables SSL 2.0, SSL 3.0, TLS 1.0 or TLS 1.1 for every program on the
;   machine: RFC 8996 deprecates them, compliance scans flag them, and services that have
;   stopped accepting them fail against clients that still prefer them.
;
;   **Problem**
;
;   ```powershell
;   $tls10 = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'
;   New-ItemProperty -Path $tls10 -Name Enabled -Value 1 -PropertyType DWord -Force
;   Set-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319' -Name SchUseStrongCrypto -Value 0
;   reg add "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp" /v DefaultSecureProtocols /t REG_DWORD /d 0xA80 /f
;   ```
;
;   **Fix**: write the hardening values instead (not reported):
;
;   ```powershell
;   New-ItemProperty -Path $tls10 -Name Enabled -Value 0 -PropertyType DWord -Force
;   New-ItemProperty -Path $tls10 -Name DisabledByDefault -Value 1 -PropertyType DWord -Force
;   Set-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319' -Name SchUseStrongCrypto -Value 1
;   Set-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319' -Name SystemDefaultTlsVersions -Value 1
;   reg add "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp" /v DefaultSecureProtocols /t REG_DWORD /d 0x2800 /f
;   ```
;
;   The key may be a literal, a variable assigned earlier in the script, or a double-quoted
;   string built from such variables (`"$base\TLS 1.0\Server"`). A key computed in a loop is
;   not followed.

; Set-ItemProperty / New-ItemProperty (named or positional -Path, -Name, -Value) and
; reg / reg.exe add KEY /v NAME /d DATA; the evaluator reads the key, name and data.
((command
  command_name: (_) @name) @value
  (#match? @name "^(?i)(Set-ItemProperty|New-ItemProperty|reg|reg\\.exe)$"))
