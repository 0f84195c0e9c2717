$legacy = [Net.SecurityProtocolType]::Tls
[Net.ServicePointManager]::SecurityProtocol += [Net.SecurityProtocolType]::Tls11
[Net.ServicePointManager]::SecurityProtocol = 3072 -bor 768
