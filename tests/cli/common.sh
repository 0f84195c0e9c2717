# common.sh: helpers for the CLI test scripts (sourced).
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# check FILE EXPR...: JavaScript expressions over the JSON in FILE (see json-check.js).
check() { node "$here/json-check.js" "$@" || fail "checks on $(basename "$1")"; }
# expect_rc WANT CMD...: runs CMD and checks its exit status.
expect_rc() {
  local want=$1; shift
  local got=0
  "$@" > "$tmp/last.out" 2> "$tmp/last.err" || got=$?
  if [ "$got" != "$want" ]; then
    fail "exit $got (want $want): $*"; sed 's/^/  | /' "$tmp/last.err" | head -20
  fi
}
# validate [--strict] FILE: tests/tools/validate-sarif (the path the test was given). A
# validator that is missing or cannot run is a failure, never a skip.
validate() {
  if [ ! -x "${validator:-}" ]; then
    fail "validate-sarif not found or not executable: ${validator:-(none given)}"
    return
  fi
  if ! "$validator" "$@" > "$tmp/validate.out" 2>&1; then
    fail "validate-sarif $*"; sed 's/^/  | /' "$tmp/validate.out" | head -20
  fi
}
# A git repository with an identity, for tests that commit.
new_repo() {
  mkdir -p "$1" && git -C "$1" init -q -b main && git -C "$1" config user.email t@example.com &&
    git -C "$1" config user.name test && git -C "$1" config commit.gpgsign false
}
finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures failure(s)"; exit 1; fi
  echo "all checks passed"
}
