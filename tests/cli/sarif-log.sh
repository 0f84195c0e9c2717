#!/usr/bin/env bash
# sarif-log.sh TLSLINT VALIDATOR: the SARIF log of a scan of a small git repository: rule help
# and helpUri, category, provenance without credentials, fingerprints (GitHub's line hash
# checked against the reference implementation), suppressions in the default log and none in
# the --no-suppressed form, text from Latin-1 and UTF-16 files as UTF-8; validate-sarif on both
# (--strict for the upload form).
set -uo pipefail
tlslint=$(realpath "$1") validator=$2
source "$(dirname "$0")/common.sh"

repo=$tmp/repo
new_repo "$repo"
git -C "$repo" remote add origin https://ci-bot:s3cr3t-t0ken@example.com/contoso/billing.git
mkdir -p "$repo/src/Billing" "$repo/src/Legacy"
cp "$here/../../fixtures/csharp/LT-CS-001.bad.cs" "$repo/src/Billing/TlsSetup.cs"
printf '// Zahlungsmodul f\xfcr H\xe4ndler (ISO-8859-1)\nclass L { void M() { ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls; } } // caf\xe9\n// tlslint-ignore: LT-CS-001 g\xe9r\xe9 par l\x27\xe9quipe r\xe9seau\nclass K { void M() { ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls11; } }\n' \
  > "$repo/src/Legacy/Latin1.cs"
node -e 'require("fs").writeFileSync(process.argv[1], Buffer.from("\ufeff// \u00dcberpr\u00fcfung\r\nclass U { void M() { ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3; } } // na\u00efve \u{1F512}\r\n", "utf16le"))' \
  "$repo/src/Legacy/Utf16.cs"
git -C "$repo" add -A && git -C "$repo" commit -qm init
head=$(git -C "$repo" rev-parse HEAD)

expect_rc 1 "$tlslint" scan --quiet --format sarif --category csharp/legacy -o "$tmp/default.sarif" "$repo"
expect_rc 1 "$tlslint" scan --quiet --format sarif --no-suppressed -o "$tmp/upload.sarif" "$repo"

check "$tmp/default.sarif" \
  'run.automationDetails.id === "csharp/legacy/"' \
  'run.versionControlProvenance[0].repositoryUri === "https://example.com/contoso/billing.git"' \
  '!JSON.stringify(log).includes("s3cr3t")' \
  "run.versionControlProvenance[0].revisionId === '$head'" \
  'run.versionControlProvenance[0].branch === "main"' \
  'run.versionControlProvenance[0].mappedTo.uriBaseId === "%SRCROOT%"' \
  'run.tool.driver.rules.every(r => r.helpUri.endsWith(`/blob/main/docs/rules/${r.id}.md`))' \
  'run.tool.driver.rules.every(r => r.help.markdown.includes("```") && !r.help.text.includes("```") && !r.help.text.includes("**"))' \
  'results.length >= 11' \
  'results.every(r => /^[0-9a-f]{1,16}:[0-9]+$/.test(r.partialFingerprints.primaryLocationLineHash))' \
  'results.every(r => /^[0-9a-f]{16}$/.test(r.partialFingerprints["tlslint/v1"]))' \
  'new Set(results.map(r => r.partialFingerprints["tlslint/v1"])).size === results.length' \
  'results.every(r => Array.isArray(r.suppressions))' \
  'results.filter(r => r.suppressions.length).length === 2' \
  'results.some(r => r.suppressions.length && r.suppressions[0].justification === "géré par l\x27équipe réseau")' \
  'results.some(r => r.suppressions.length && r.suppressions[0].kind === "inSource" && r.suppressions[0].justification === "the 2009 card terminal speaks only TLS 1.0")' \
  'results.some(r => r.locations[0].physicalLocation.region.snippet.text.endsWith("// café"))' \
  'results.some(r => r.locations[0].physicalLocation.region.snippet.text.endsWith("// naïve \u{1F512}"))'
check "$tmp/upload.sarif" \
  'results.every(r => !("suppressions" in r))' \
  'results.length >= 9' \
  '!("automationDetails" in run)'
n_default=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).runs[0].results.length' "$tmp/default.sarif")
n_upload=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).runs[0].results.length' "$tmp/upload.sarif")
[ "$n_upload" = $((n_default - 2)) ] || fail "--no-suppressed kept $n_upload of $n_default results"

# GitHub's line hash of every result, against the reference implementation on the same file:
# this repository's logs, and the demo tree's (every language and the cross-file rules).
check_line_hashes() { # SARIF ROOT
  node -e '
    const log = JSON.parse(require("fs").readFileSync(process.argv[1]));
    for (const r of log.runs[0].results) {
      const l = r.locations[0].physicalLocation;
      console.log(decodeURIComponent(l.artifactLocation.uri), l.region.startLine, (r.partialFingerprints || {}).primaryLocationLineHash);
    }' "$1" > "$tmp/ours"
  [ -s "$tmp/ours" ] || fail "no results in $1"
  while read -r uri line hash; do
    want=$(node "$here/line-hash-reference.js" "$2/$uri" | awk -v l="$line" '$1 == l { print $2 }')
    [ "$want" = "$hash" ] || fail "$uri:$line: primaryLocationLineHash $hash, reference says $want"
  done < "$tmp/ours"
}
check_line_hashes "$tmp/default.sarif" "$repo"
demo=$(cd "$here/../../fixtures/demo" && pwd)
src=$(cd "$here/../.." && pwd)
"$tlslint" scan --quiet --fail-on none --format sarif -o "$tmp/demo.sarif" "$demo"
check_line_hashes "$tmp/demo.sarif" "$src"
check "$tmp/demo.sarif" 'results.every(r => r.partialFingerprints["tlslint/v1"])'

# The default log carries suppressions (GitHub warns about them): valid, not strict.
validate "$tmp/default.sarif"
validate --strict "$tmp/upload.sarif"
finish
