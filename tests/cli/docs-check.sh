#!/usr/bin/env bash
# docs-check.sh TLSLINT: `tlslint rules --format markdown --output-dir DIR --check` fails, and
# says to run `make docs`, when a page is edited by hand, missing, or documents a rule that no
# longer exists; --output-dir then brings DIR back in line.
set -uo pipefail
tlslint=$(realpath "$1")
source "$(dirname "$0")/common.sh"

docs=$tmp/rules
gen() { "$tlslint" rules --format markdown --output-dir "$docs" "$@"; }
expect_rc 0 gen
page=$(ls "$docs"/LT-*.md | head -1)
[ -n "$page" ] && [ -f "$docs/README.md" ] || fail "no pages written"
expect_rc 0 gen --check

stale() { # WHAT
  expect_rc 1 gen --check
  grep -q 'run `make docs`' "$tmp/last.err" || fail "$1: the message does not say 'run \`make docs\`'"
  expect_rc 0 gen
  expect_rc 0 gen --check
}
echo "hand edit" >> "$page"
stale "an edited page"
rm "$page"
stale "a missing page"
echo "# gone" > "$docs/LT-XX-999.md"
stale "a page of no rule"
[ ! -e "$docs/LT-XX-999.md" ] || fail "the page of a rule that does not exist was not removed"
expect_rc 2 "$tlslint" rules --output-dir "$docs"
finish
