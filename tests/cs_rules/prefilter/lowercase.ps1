# PowerShell ignores case, and so does its prefilter.
[net.servicepointmanager]::securityprotocol = "tls, tls12"
