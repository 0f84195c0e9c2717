# Bootstraps a build agent: downloads the tools over HTTPS.
param([string]$Destination = "C:\tools")

[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
Invoke-WebRequest -Uri "https://downloads.example.test/tools.zip" -OutFile "$Destination\tools.zip"

function Use-LegacyMirror {
    [System.Net.ServicePointManager]::SecurityProtocol = 'Tls12'
    [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
    [Net.ServicePointManager]::SecurityProtocol = ([System.Net.SecurityProtocolType]::Tls12)
    [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]"Tls13"
}

$client.Configure([Net.SecurityProtocolType]::Tls12)
