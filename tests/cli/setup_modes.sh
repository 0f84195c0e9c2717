#!/usr/bin/env bash
# setup_modes.sh SOURCE-DIR: `scripts/setup.sh scan` (what `make scan` runs) installs only what
# building and scanning need; `scripts/setup.sh test` adds the test tools.
set -u
setup=${1:?usage: $0 SOURCE-DIR}/scripts/setup.sh
passed=0 failed=0
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
has() { if grep -qx -- "$2" <<<"$1"; then passed=$((passed + 1)); else fail "$3 lists $2"; fi; }
lacks() { if grep -qx -- "$2" <<<"$1"; then fail "$3 lists $2"; else passed=$((passed + 1)); fi; }
scan=$("$setup" --list scan) || fail "setup.sh --list scan failed"
test=$("$setup" --list test) || fail "setup.sh --list test failed"
default=$("$setup" --list) || fail "setup.sh --list failed"
for p in build-essential cmake pkg-config libcjson-dev libgit2-dev libpcre2-dev libclang-dev; do
  has "$scan" "$p" scan; has "$test" "$p" test
done
for p in dpkg-dev file; do
  has "$scan" "$p" scan; has "$test" "$p" test
done
for p in chromium jq patch ripgrep hyperfine bc time zsh libssl-dev libcurl4-openssl-dev; do
  lacks "$scan" "$p" scan; has "$test" "$p" test
done
if [ "$default" = "$scan" ]; then passed=$((passed + 1)); else fail "the default mode is not scan"; fi
got=0; "$setup" bogus >/dev/null 2>&1 || got=$?
if [ "$got" = 2 ]; then passed=$((passed + 1)); else fail "an unknown mode exits $got, not 2"; fi
# make scan runs setup in scan mode and builds only the program; make test runs it in test mode.
mk=$(dirname "$setup")/../Makefile
if grep -q '^scan: setup ' "$mk" && grep -q 'setup.sh scan$' "$mk" && grep -q '^test: setup-test ' "$mk" &&
   grep -q 'setup.sh test$' "$mk"; then passed=$((passed + 1)); else fail "Makefile: scan and test use their setup modes"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
