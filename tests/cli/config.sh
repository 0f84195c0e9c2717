#!/usr/bin/env bash
# config.sh TLSLINT VALIDATOR: .tlslint.toml: errors name the file and line; excludes, disabled
# rules, level overrides and the fail level apply; command-line flags override the file.
set -uo pipefail
tlslint=$(realpath "$1") validator=$2
source "$(dirname "$0")/common.sh"

tree=$tmp/tree
mkdir -p "$tree/src" "$tree/legacy"
legacy='ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;'
printf 'class A { void M() { %s } }\n' "$legacy" > "$tree/src/A.cs"
printf 'class B { void M() { %s } }\n' "$legacy" > "$tree/legacy/B.cs"
cfg=$tree/.tlslint.toml
scan() { "$tlslint" scan --quiet --format json -o "$tmp/r.json" "$@" "$tree"; }
count() { node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).findings.length' "$tmp/r.json"; }

# error_at LINE MESSAGE: the file in $cfg must be rejected with "path:LINE: ...MESSAGE".
error_at() {
  expect_rc 2 scan
  grep -qF "$cfg:$1: $2" "$tmp/last.err" ||
    { fail "want '$cfg:$1: $2', got:"; sed 's/^/  | /' "$tmp/last.err"; }
}
printf '# settings\n[scan]\nexclude = ["x"]\nfail-onn = "error"\n' > "$cfg"
error_at 4 "unknown key 'fail-onn' in [scan]"
printf '[scan]\n\n[lint]\nx = 1\n' > "$cfg"
error_at 3 "unknown table [lint]"
printf 'exclude = ["x"]\n' > "$cfg"
error_at 1 "key 'exclude' outside a table"
printf '[scan]\nfail-on = 3\n' > "$cfg"
error_at 2 "'fail-on' must be a string, not an integer"
printf '[scan]\nfail-on = "sometimes"\n' > "$cfg"
error_at 2 "'fail-on' must be"
printf '[rules]\ndisable = [\n  "LT-CS-001",  # fine\n  "LT-XX-999",\n]\n' > "$cfg"
error_at 4 "[rules] disable names no rule 'LT-XX-999'"
printf '[levels]\nLT-CS-001 = "note"\nLT-CS-404 = "error"\n' > "$cfg"
error_at 3 "[levels] names no rule 'LT-CS-404'"
printf '[scan]\nexclude = ["a"]\nexclude = ["b"]\n' > "$cfg"
error_at 3 "'exclude' is set twice"
printf '[scan]\nexclude = ["a]\n' > "$cfg"
error_at 2 "unterminated string"
printf '[scan]\nexclude = "legacy"\n' > "$cfg"
error_at 2 "'exclude' must be an array of strings, not a string"
printf '[scan]\nno-ignore = true false\n' > "$cfg"
error_at 2 "unexpected 'f' after the value"

# Excludes from the file, more from the command line.
printf '[scan]\nexclude = ["legacy"]  # old code\n' > "$cfg"
expect_rc 1 scan
[ "$(count)" = 1 ] || fail "exclude from the file: $(count) findings"
expect_rc 0 scan --exclude src
# Fail level: the file says none; --fail-on on the command line wins.
printf "[scan]\nfail-on = 'none'\n" > "$cfg"
expect_rc 0 scan
expect_rc 1 scan --fail-on error
# Disabled rules; --enable on the command line wins.
printf '[rules]\ndisable = ["LT-CS-001"]\n' > "$cfg"
expect_rc 0 scan
[ "$(count)" = 0 ] || fail "disabled in the file, still $(count) findings"
expect_rc 1 scan --enable LT-CS-001
# Level overrides: results and ruleConfigurationOverrides; notes do not fail at warning.
printf '[levels]\n"LT-CS-001" = "note"\n' > "$cfg"
expect_rc 0 "$tlslint" scan --quiet --format sarif --no-suppressed -o "$tmp/levels.sarif" "$tree"
check "$tmp/levels.sarif" \
  'results.length === 2 && results.every(r => r.level === "note")' \
  'run.invocations[0].ruleConfigurationOverrides[0].descriptor.id === "LT-CS-001"' \
  'run.invocations[0].ruleConfigurationOverrides[0].configuration.level === "note"'
validate --strict "$tmp/levels.sarif"
expect_rc 1 scan --fail-on note
# --no-config and --config.
expect_rc 1 scan --no-config
printf '[scan]\nfail-on = "none"\n' > "$tmp/other.toml"
printf '[scan]\nbogus = 1\n' > "$cfg"
expect_rc 0 scan --config "$tmp/other.toml"
expect_rc 2 scan --config "$tmp/missing.toml"
finish
