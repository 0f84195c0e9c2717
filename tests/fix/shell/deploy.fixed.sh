#!/bin/sh
# Fetches the rate tables before the service starts.
set -eu
curl --tlsv1.2 -fsS https://rates.example.com/daily.csv -o /tmp/daily.csv
if [ -n "${MIRROR:-}" ]; then
	curl --tlsv1.2 -fsS "$MIRROR/daily.csv" -o /tmp/daily.csv
fi
curl "--tlsv1.1" -fsS https://quoted.example.com/ -o /dev/null
curl --tlsv1 --tls-max 1.1 https://legacy-gateway.example.com/health
wget --secure-protocol=TLSv1 -q https://mirror.example.com/daily.csv
echo "curl --tlsv1.0 is not a command here"
exec node --tls-min-v1.2 server.js
