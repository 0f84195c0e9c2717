#!/usr/bin/env bash
# golden.sh: scans the demo tree and compares the SARIF log (normalised: no absolute paths,
# command line, version or version-control provenance, which depend on the checkout; rule
# metadata reduced to ids) and the text report with the files
# in tests/golden/. UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

normalise() {
  jq '.runs[0].invocations[0].commandLine = "tlslint scan"
      | .runs[0].originalUriBaseIds["%SRCROOT%"].uri = "file:///SRCROOT/"
      | .runs[0].tool.driver.version = "VERSION"
      | .runs[0].tool.driver.semanticVersion = "VERSION"
      | .runs[0].tool.driver.rules |= map(.id)
      | del(.runs[0].versionControlProvenance)'
}

"$TLSLINT" scan --fail-on none -f sarif fixtures/demo | normalise > "$WORK/demo.sarif.json"
"$TLSLINT" scan --fail-on none --color never fixtures/demo > "$WORK/demo.txt"
for f in demo.sarif.json demo.txt; do
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$WORK/$f" "tests/golden/$f"
  fi
  if diff -u "tests/golden/$f" "$WORK/$f" > "$WORK/diff"; then
    pass
  else
    fail "golden $f differs (UPDATE_GOLDEN=1 $0 $TLSLINT rewrites it):"
    head -60 "$WORK/diff" >&2
  fi
done
finish
