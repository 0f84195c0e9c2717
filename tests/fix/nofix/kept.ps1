$legacy = [Net.SecurityProtocolType]::Tls
[Net.ServicePointManager]::SecurityProtocol += [Net.SecurityProtocolType]::Tls11
[Net.ServicePointManager]::SecurityProtocol = 3072 -bor 768
Set-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client' -Name Enabled -Value (0 + 1)
