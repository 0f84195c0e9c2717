# Bootstraps a build agent.
[Net.ServicePointManager]::SecurityProtocol = "Tls12"
