#!/usr/bin/env bash
# validate.sh: every kind of log tlslint writes passes tests/tools/validate-sarif --strict
# (SARIF 2.1.0 schema, GitHub code scanning ingestion rules, SARIF Multitool).
. "$(dirname "$0")/lib.sh"
VALIDATE=${2:?usage: $0 TLSLINT VALIDATE-SARIF}
if [ ! -x "$VALIDATE" ]; then
  echo "FAIL: validate-sarif not found or not executable at $VALIDATE"
  exit 1
fi
cd "$ROOT"
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/demo.sarif" fixtures/demo
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/fixtures.sarif" --exclude '*.good.*' fixtures
# The form to upload to GitHub: without the suppressed findings code scanning would not honour.
"$TLSLINT" scan --fail-on none --no-suppressed -f sarif -o "$WORK/upload.sarif" --exclude '*.good.*' fixtures
# Logs with fixes (results[].fixes[]) and with reasons for none (properties.noFix).
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/fixes.sarif" tests/fix/cases tests/fix/nofix
check "the fixes log has fixes" jq -e '[.runs[0].results[] | select(.fixes)] | length > 0' "$WORK/fixes.sarif"
mkdir -p "$WORK/empty"
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/empty.sarif" "$WORK/empty"
# A log with notifications: a binary file and a file over the size limit.
mkdir -p "$WORK/bad"
printf '\x00\x01\x02' > "$WORK/bad/Bin.cs"
head -c 5000 /dev/zero | tr '\0' 'x' > "$WORK/bad/Big.cs"
"$TLSLINT" scan --fail-on none --max-file-size 1K -f sarif -o "$WORK/notes.sarif" "$WORK/bad"
check "the upload form has no suppressed result" jq -e '[.runs[0].results[] | select(.suppressions // [] | length > 0)] | length == 0' "$WORK/upload.sarif"
check "the default form keeps them" jq -e '[.runs[0].results[] | select(.suppressions // [] | length > 0)] | length > 0' "$WORK/fixtures.sarif"
for f in demo fixtures upload empty notes fixes; do
  if [ "$f" = fixtures ]; then
    # The default log keeps suppressed findings on purpose, and GitHub warns about those
    # (github/suppressed): checked without --strict, and the only warning allowed.
    check "validate $f.sarif" "$VALIDATE" "$WORK/$f.sarif"
    "$VALIDATE" "$WORK/$f.sarif" > "$WORK/fixtures.out" 2>&1 || true
    check "github/suppressed warns" grep -q ': warning github/suppressed: ' "$WORK/fixtures.out"
    check "only github/suppressed warns" test "$(grep -c ': warning ' "$WORK/fixtures.out")" = 1
  else
    check "validate --strict $f.sarif" "$VALIDATE" --strict "$WORK/$f.sarif"
  fi
done
finish
