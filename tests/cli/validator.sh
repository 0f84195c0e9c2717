#!/usr/bin/env bash
# validator.sh VALIDATE-SARIF: tests/tools/validate-sarif finds each defect it is meant to find,
# by its check id, and passes a minimal good log. Every case is a log written here.
set -u
validator=${1:?usage: $0 VALIDATE-SARIF}
work=$(mktemp -d "${TMPDIR:-/tmp}/validator-XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# mklog NAME JS: writes $work/NAME.sarif from a minimal good log `log`, changed by JS.
mklog() {
  node - "$work/$1.sarif" "$2" <<'EOF'
const fs = require('fs');
const [file, change] = process.argv.slice(2);
const rule = (id) => ({ id, shortDescription: { text: 'A rule.' }, fullDescription: { text: 'A rule that finds.' },
  help: { text: 'Do not.' }, properties: { tags: ['security'], 'security-severity': '7.5' } });
const result = (line) => ({
  ruleId: 'T-1', ruleIndex: 0, level: 'error', message: { text: 'A finding.' }, suppressions: [],
  locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.c' }, region: { startLine: line, startColumn: 1, endLine: line, endColumn: 5 } } }],
  partialFingerprints: { primaryLocationLineHash: `${(1000 + line).toString(16)}:1` },
});
const run = () => ({
  tool: { driver: { name: 'tool', version: '1.0', informationUri: 'https://example.com/tool', rules: [rule('T-1')] } },
  columnKind: 'utf16CodeUnits', results: [result(1)],
  invocations: [{ executionSuccessful: true }],
});
const log = { version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [run()] };
new Function('log', 'run', 'rule', 'result', change)(log, run, rule, result);
fs.writeFileSync(file, JSON.stringify(log, null, 1));
EOF
}

# expect NAME WANT-STATUS PATTERN [OPTIONS]: the validator exits WANT-STATUS on NAME.sarif
# and prints a line matching PATTERN (an extended regular expression; '' for none expected).
expect() {
  local name=$1 want=$2 pattern=$3; shift 3
  local got=0
  "$validator" "$@" "$work/$name.sarif" >"$work/$name.out" 2>&1 || got=$?
  if [ "$got" != "$want" ]; then
    fail "$name: exit $got, expected $want"; sed 's/^/  | /' "$work/$name.out" | head -8; return
  fi
  if [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$work/$name.out"; then
    fail "$name: no line matches '$pattern'"; sed 's/^/  | /' "$work/$name.out" | head -8; return
  fi
  passed=$((passed + 1))
}

# A good log: no error, no warning, even with --strict, and the Multitool ran.
mklog good ''
expect good 0 ', 0 error\(s\), 0 warning\(s\)' --strict
if grep -q 'Multitool not run' "$work/good.out"; then fail "good: the Multitool did not run"; fi

# File level.
printf '{"version": "2.1.0", "runs": [' >"$work/notjson.sarif"
expect notjson 1 ': error file/json: '
mklog bom ''
printf '\xef\xbb\xbf' | cat - "$work/bom.sarif" >"$work/bom2.sarif"; mv "$work/bom2.sarif" "$work/bom.sarif"
expect bom 1 ': error file/bom: '
# The schema.
mklog level 'log.runs[0].results[0].level = "fatal";'
expect level 1 ': error schema: .*allowed values.*\[at /runs/0/results/0/level\]|: error schema: .*must be equal to one of the allowed values: none, note, warning, error \[at /runs/0/results/0/level\]' --no-multitool
mklog version 'log.version = "2.0.0";'
expect version 1 ': error schema: .*\[at /version\]' --no-multitool
# GitHub's rules.
mklog category 'log.runs.push(run());'
expect category 1 ': error github/category: runs 0 and 1 are both tool .tool. in category' --no-multitool
mklog categories 'log.runs.push(run()); log.runs[0].automationDetails = { id: "a/" }; log.runs[1].automationDetails = { id: "b/" };'
expect categories 0 '' --strict --no-multitool
mklog runs 'for (let i = 1; i <= 20; i++) { const r = run(); r.automationDetails = { id: `c${i}/` }; log.runs.push(r); }'
expect runs 1 ': error github/runs: 21 runs: GitHub rejects more than 20' --no-multitool
mklog severity 'log.runs[0].tool.driver.rules[0].properties["security-severity"] = "high";'
expect severity 1 ': error github/security-severity: security-severity "high" is not a number' --no-multitool
mklog severity-number 'log.runs[0].tool.driver.rules[0].properties["security-severity"] = 7.5;'
expect severity-number 1 ': error (schema|github/security-severity): ' --no-multitool
mklog severity-over 'log.runs[0].tool.driver.rules[0].properties["security-severity"] = "11.0";'
expect severity-over 1 ': error github/security-severity: security-severity 11.0 is over 10.0' --no-multitool
mklog severity-untagged 'log.runs[0].tool.driver.rules[0].properties.tags = ["tls"];'
expect severity-untagged 0 ': warning github/security-severity: ' --no-multitool
expect severity-untagged 1 ': warning github/security-severity: ' --strict --no-multitool
mklog tags-kept 'log.runs[0].tool.driver.rules[0].properties.tags.push(...Array.from({length: 10}, (_, i) => `t${i}`));'
expect tags-kept 1 ': warning github/limit: 11 tags on one rule: GitHub keeps only 10' --strict --no-multitool
mklog tags 'log.runs[0].tool.driver.rules[0].properties.tags.push(...Array.from({length: 20}, (_, i) => `t${i}`));'
expect tags 1 ': error github/limit: 21 tags on one rule: GitHub rejects more than 20' --no-multitool
mklog results 'log.runs[0].results = Array.from({length: 25001}, (_, i) => result(i + 1));'
expect results 1 ': error github/limit: 25001 results in one run: GitHub rejects more than 25000' --no-multitool
mklog results-kept 'log.runs[0].results = Array.from({length: 5001}, (_, i) => result(i + 1));'
expect results-kept 0 ': warning github/limit: 5001 results in one run: GitHub keeps only 5000' --no-multitool
mklog locations 'const r = log.runs[0].results[0]; r.locations = Array.from({length: 1001}, () => r.locations[0]);'
expect locations 1 ': error github/limit: 1001 locations on one result' --no-multitool
mklog nolocation 'delete log.runs[0].results[0].locations;'
expect nolocation 1 ': error github/location: result without a location' --no-multitool
mklog noline 'delete log.runs[0].results[0].locations[0].physicalLocation.region;'
expect noline 1 ': error github/location: primary location without region.startLine' --no-multitool
mklog nomessage 'log.runs[0].results[0].message = { id: "default" };'
expect nomessage 1 ': error github/required: result without message.text' --no-multitool
mklog ruleindex 'log.runs[0].results[0].ruleIndex = 3;'
expect ruleindex 1 ': error spec/rule-index: ruleIndex 3 but the run has 1 rules' --no-multitool
mklog hash 'log.runs[0].results[0].partialFingerprints.primaryLocationLineHash = "xyz";'
expect hash 1 ': error github/fingerprint: primaryLocationLineHash "xyz" is not' --no-multitool
mklog twins 'log.runs[0].results.push(log.runs[0].results[0]);'
expect twins 1 ': warning github/fingerprint: results 0 and 1 have the same rule, file and fingerprints' --strict --no-multitool
mklog twins-told-apart 'const b = result(1); b.partialFingerprints.other = "2"; log.runs[0].results.push(b);'
expect twins-told-apart 0 '' --strict --no-multitool
mklog suppressed 'log.runs[0].results[0].suppressions = [{ kind: "inSource", justification: "test" }];'
expect suppressed 0 ': warning github/suppressed: 1 suppressed results' --no-multitool
expect suppressed 1 ': warning github/suppressed: ' --strict --no-multitool
mklog some-suppressions 'log.runs[0].results.push(result(2)); delete log.runs[0].results[1].suppressions;'
expect some-suppressions 1 ': error spec/suppressions: 1 of 2 results have suppressions' --no-multitool
mklog failed 'log.runs[0].invocations[0].executionSuccessful = false;'
expect failed 0 ': warning github/execution: executionSuccessful is false' --no-multitool
mklog backslash 'log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = "src\\\\a.c";'
expect backslash 1 ': error spec/uri: uri .src.+a.c. holds a backslash' --no-multitool
mklog nocolumnkind 'delete log.runs[0].columnKind;'
expect nocolumnkind 1 ': warning spec/column-kind: ' --strict --no-multitool
# Over 10 MiB gzip-compressed: messages of random text do not compress.
mklog size 'const crypto = require("crypto"); log.runs[0].results = Array.from({length: 1600}, (_, i) => { const r = result(i + 1); r.message.text = crypto.randomBytes(7000).toString("base64"); return r; });'
expect size 1 ': error github/size: [0-9]+ bytes gzip-compressed: GitHub rejects uploads over 10000000' --no-multitool
# The Multitool: an absolute file URI passes the schema and the github checks, not GH1006
# (GitHub cannot tell where the repository root is).
mklog absolute 'log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = "file:///home/user/src/a.c";'
expect absolute 0 '' --strict --no-multitool
expect absolute 1 ': error multitool/GH1006: .*absolute .file. URI'
# Usage.
got=0; "$validator" >/dev/null 2>&1 || got=$?
if [ "$got" = 2 ]; then passed=$((passed + 1)); else fail "no file: exit $got, expected 2"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
