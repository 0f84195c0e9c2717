#!/usr/bin/env bash
# setup.sh: install what building and testing tlslint needs and is missing, then nothing else.
#
# Debian packages come from apt (as root, or through sudo); the tree-sitter C runtime and grammar
# sources come from the npm registry, pinned by grammars/package-lock.json and installed with
# `npm ci` (install scripts disabled by grammars/.npmrc). Safe to run again: it only acts on what
# is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build, runtime and test dependencies (Debian 12 package names).
packages=(
  build-essential cmake pkg-config git ca-certificates
  libcjson-dev libgit2-dev libpcre2-dev libclang-dev
  libssl-dev libcurl4-openssl-dev   # headers for the C fixtures' "headers resolved" run
  jq                                # tests: normalising SARIF for golden comparisons
  ripgrep hyperfine bc              # the peer, timer and arithmetic of bench/
  chromium                          # renders the audit report in tests (headless)
  time                              # /usr/bin/time -v: peak memory in bench/audit_bench.sh
  clang libclang-rt-14-dev          # tests: the libFuzzer targets (tests/fuzz/, make fuzz)
)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Grammars: reinstall only when the lock file changed since the last install.
stamp=grammars/node_modules/.tlslint-lock.sha256
want=$(sha256sum grammars/package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing pinned tree-sitter runtime and grammars (npm ci)"
  (cd grammars && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi
