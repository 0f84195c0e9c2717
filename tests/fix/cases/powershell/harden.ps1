# Re-enables the protocols the old terminals need (run as Administrator).
$protocols = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols'
New-ItemProperty -Path "$protocols\TLS 1.0\Server" -Name 'Enabled' -Value 0xffffffff -PropertyType 'DWord' -Force | Out-Null
New-ItemProperty -Path "$protocols\TLS 1.0\Server" -Name 'DisabledByDefault' -Value 0 -PropertyType 'DWord' -Force | Out-Null
Set-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319' -Name 'SchUseStrongCrypto' -Value '0' -Type DWord
reg add "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp" /v DefaultSecureProtocols /t REG_DWORD /d 0xA80 /f
reg.exe add "HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings" /v SecureProtocols /t REG_DWORD /d 160 /f
function Set-NetFxDefaults([string] $path) {
    Set-ItemProperty -Path $path -Name 'SchUseStrongCrypto' -Value 0 -Type DWord
}
