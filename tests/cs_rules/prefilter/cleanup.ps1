# No keyword of any PowerShell rule: never parsed.
Get-ChildItem -Path $env:TEMP | Remove-Item -Recurse
