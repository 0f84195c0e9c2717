#!/usr/bin/env bash
# baseline.sh TLSLINT VALIDATOR: --baseline and --fail-on-new. Findings that only moved (lines
# inserted above, re-indented) stay unchanged, a new one is new, a removed one is carried over
# as absent; --fail-on-new fails only on new findings; the logs validate.
set -uo pipefail
tlslint=$(realpath "$1") validator=$2
source "$(dirname "$0")/common.sh"

tree=$tmp/tree
mkdir -p "$tree"
legacy='ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;'
cat > "$tree/A.cs" <<CS
class A {
    void M() {
        $legacy
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3;
    }
}
CS
cat > "$tree/B.cs" <<CS
class B {
    void M() { $legacy }
    void N() { $legacy } // tlslint-ignore: LT-CS-001 talks to a TLS 1.0-only printer
}
CS
scan() { "$tlslint" scan --quiet --no-config --format sarif "$@"; }
expect_rc 1 scan -o "$tmp/base.sarif" "$tree"
check "$tmp/base.sarif" 'results.length === 4' 'results.every(r => !("baselineState" in r))'

# Lines move and get re-indented; B.cs goes away; C.cs is new.
cat > "$tree/A.cs" <<CS
// A comment and blank lines push everything down.


class A {
  void M() {
    if (legacy) {
            $legacy
    }
    ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3;
  }
}
CS
rm "$tree/B.cs"
printf 'class C { void M() { %s } }\n' "$legacy" > "$tree/C.cs"

expect_rc 1 scan --baseline "$tmp/base.sarif" -o "$tmp/cmp.sarif" "$tree"
check "$tmp/cmp.sarif" \
  'results.length === 5' \
  'results.filter(r => r.baselineState === "unchanged").every(r => r.locations[0].physicalLocation.artifactLocation.uri === "A.cs")' \
  'results.filter(r => r.baselineState === "unchanged").length === 2' \
  'results.filter(r => r.baselineState === "new").map(r => r.locations[0].physicalLocation.artifactLocation.uri).join() === "C.cs"' \
  'results.filter(r => r.baselineState === "absent").length === 2' \
  'results.filter(r => r.baselineState === "absent").every(r => r.locations[0].physicalLocation.artifactLocation.uri === "B.cs")' \
  'results.filter(r => r.baselineState === "absent").every(r => r.ruleIndex === run.tool.driver.rules.findIndex(x => x.id === r.ruleId))' \
  'results.every(r => Array.isArray(r.suppressions))' \
  'results.filter(r => r.suppressions.length).length === 1'
validate "$tmp/cmp.sarif"

expect_rc 1 scan --baseline "$tmp/base.sarif" --fail-on-new -o "$tmp/x.sarif" "$tree"
rm "$tree/C.cs"
expect_rc 0 scan --baseline "$tmp/base.sarif" --fail-on-new -o "$tmp/nonew.sarif" "$tree"
expect_rc 1 scan --baseline "$tmp/base.sarif" -o "$tmp/x.sarif" "$tree"
check "$tmp/nonew.sarif" 'results.every(r => r.baselineState !== "new")' 'results.length === 4'

# The upload form: the absent suppressed result is left out too, and no result has
# suppressions at all.
expect_rc 0 scan --baseline "$tmp/base.sarif" --fail-on-new --no-suppressed -o "$tmp/upload.sarif" "$tree"
check "$tmp/upload.sarif" 'results.length === 3' 'results.every(r => !("suppressions" in r))'
validate --strict "$tmp/upload.sarif"

# A comparison log as the next baseline: what was absent there is not carried again.
expect_rc 0 scan --baseline "$tmp/nonew.sarif" --fail-on-new -o "$tmp/again.sarif" "$tree"
check "$tmp/again.sarif" 'results.length === 2' 'results.every(r => r.baselineState === "unchanged")'

# Errors.
expect_rc 2 "$tlslint" scan --quiet --fail-on-new "$tree"
echo 'not json' > "$tmp/bad.sarif"
expect_rc 2 "$tlslint" scan --quiet --baseline "$tmp/bad.sarif" "$tree"
grep -q "not a SARIF log" "$tmp/last.err" || fail "a bad baseline is not explained"
expect_rc 2 "$tlslint" scan --quiet --baseline "$tmp/missing.sarif" "$tree"
finish
