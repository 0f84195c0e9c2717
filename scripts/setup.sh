#!/usr/bin/env bash
# setup.sh [--list] [scan|test]: install what is missing, then nothing else (--list: print the
# Debian packages of that mode, one a line, and install nothing).
#   scan (the default)  what building tlslint and scanning need: compiler, CMake, the libraries
#                       it links (libgit2, cJSON, PCRE2), libclang (loaded at run time for
#                       C/C++), Node.js and npm for the pinned grammar sources, and what
#                       `make package` needs (dpkg-dev, file)
#   test                that, plus what the test suite and the benchmarks use: jq, ripgrep,
#                       hyperfine, bc, time, chromium (renders the audit report), zsh, clang and its
#                       libFuzzer runtime (fuzz targets), OpenSSL and
#                       libcurl headers (C fixtures), and the SARIF validator's npm packages
#
# Debian packages come from apt (as root, or through sudo); npm packages from the npm registry,
# pinned by their package-lock.json and installed with `npm ci` (install scripts disabled by
# each folder's .npmrc). Safe to run again: it only acts on what is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
list=0
if [ "${1:-}" = --list ]; then list=1; shift; fi
mode=${1:-scan}
case "$mode" in
  scan|test) ;;
  *) echo "usage: scripts/setup.sh [--list] [scan|test]" >&2; exit 2 ;;
esac

# Building and scanning (Debian 12 package names).
packages=(
  build-essential cmake pkg-config git ca-certificates
  libcjson-dev libgit2-dev libpcre2-dev libclang-dev
  dpkg-dev file                     # make package: CPack's DEB generator and dpkg-shlibdeps
)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [ "$mode" = test ]; then
  packages+=(
    libssl-dev libcurl4-openssl-dev   # headers for the C fixtures' "headers resolved" run
    jq                                # normalising SARIF for golden comparisons
    patch                             # tests/cli/fix.sh applies the diff of fix --dry-run
    ripgrep hyperfine bc              # the peer, timer and arithmetic of bench/
    chromium                          # renders the audit report in tests (headless)
    time                              # /usr/bin/time -v: peak memory in bench/audit_bench.sh
    gdb                               # tests/cli/fix_apply.sh stops fix between scan and write
    zsh                               # runs the packaged zsh completion
    clang libclang-rt-14-dev          # the libFuzzer targets (tests/fuzz/, make fuzz)
  )
fi
if [ "$list" = 1 ]; then printf '%s\n' "${packages[@]}"; exit 0; fi

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

[ "$mode" = test ] || exit 0

# The SARIF validator of the tests (tests/tools/validate-sarif): ajv and the SARIF Multitool's
# package, which carries the SARIF 2.1.0 schema. Install scripts are off (tests/tools/sarif/.npmrc);
# the one they would run makes the Multitool executable, done here.
stamp=tests/tools/sarif/node_modules/.tlslint-lock.sha256
want=$(sha256sum tests/tools/sarif/package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing the pinned SARIF validator packages (npm ci)"
  (cd tests/tools/sarif && npm ci --no-audit --no-fund --loglevel=error)
  chmod u+x tests/tools/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
  echo "$want" > "$stamp"
fi
