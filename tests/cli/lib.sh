# lib.sh: helpers for the command-line tests. Source it, call `check`/`expect_*`, end with
# `finish`, which prints "N passed, N failed" and sets the exit status.
set -u
TLSLINT=${1:?usage: $0 PATH/TO/tlslint}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
passed=0
failed=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tlslint-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# check NAME COMMAND...: passes when the command succeeds (its output is discarded).
check() {
  local name=$1; shift
  if "$@" >/dev/null; then pass; else fail "$name"; fi
}

# expect_status WANT NAME COMMAND...: runs the command, compares its exit status.
expect_status() {
  local want=$1 name=$2; shift 2
  local got=0
  "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
  if [ "$got" -eq "$want" ]; then pass; else fail "$name: exit $got, expected $want; stderr: $(head -c 400 "$WORK/err")"; fi
}

# expect_grep NAME PATTERN FILE: the file contains the (fixed-string) pattern.
expect_grep() {
  if grep -qF -- "$2" "$3"; then pass; else fail "$1: '$2' not in $3: $(head -c 600 "$3")"; fi
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
