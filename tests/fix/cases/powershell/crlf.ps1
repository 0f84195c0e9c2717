# Bootstraps a build agent.
[Net.ServicePointManager]::SecurityProtocol = "Tls,Tls11"
