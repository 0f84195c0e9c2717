#!/usr/bin/env bash
# validate.sh: every kind of log tlslint writes passes ../shared/tools/validate-sarif --strict
# (SARIF 2.1.0 schema, GitHub code scanning ingestion rules, SARIF Multitool).
. "$(dirname "$0")/lib.sh"
VALIDATE=${2:?usage: $0 TLSLINT VALIDATE-SARIF}
if [ ! -x "$VALIDATE" ]; then
  echo "validate-sarif not found at $VALIDATE; skipped"
  exit 77
fi
cd "$ROOT"
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/demo.sarif" fixtures/demo
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/fixtures.sarif" --exclude '*.good.*' fixtures
# The form to upload to GitHub: without the suppressed findings code scanning would not honour.
"$TLSLINT" scan --fail-on none --no-suppressed -f sarif -o "$WORK/upload.sarif" --exclude '*.good.*' fixtures
mkdir -p "$WORK/empty"
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/empty.sarif" "$WORK/empty"
# A log with notifications: a binary file and a file over the size limit.
mkdir -p "$WORK/bad"
printf '\x00\x01\x02' > "$WORK/bad/Bin.cs"
head -c 5000 /dev/zero | tr '\0' 'x' > "$WORK/bad/Big.cs"
"$TLSLINT" scan --fail-on none --max-file-size 1K -f sarif -o "$WORK/notes.sarif" "$WORK/bad"
check "the upload form has no suppressed result" jq -e '[.runs[0].results[] | select(.suppressions // [] | length > 0)] | length == 0' "$WORK/upload.sarif"
check "the default form keeps them" jq -e '[.runs[0].results[] | select(.suppressions // [] | length > 0)] | length > 0' "$WORK/fixtures.sarif"
for f in demo fixtures upload empty notes; do
  if [ "$f" = fixtures ]; then
    # The default log keeps suppressed findings on purpose, and GitHub warns about those
    # (GH-SUPPRESSIONS): checked without --strict, and the only warning allowed.
    check "validate $f.sarif" "$VALIDATE" "$WORK/$f.sarif"
    "$VALIDATE" "$WORK/$f.sarif" > "$WORK/fixtures.out" 2>&1 || true
    check "only GH-SUPPRESSIONS warns" test "$(grep -c ' warning ' "$WORK/fixtures.out")" = "$(grep -c 'warning GH-SUPPRESSIONS' "$WORK/fixtures.out")"
  else
    check "validate --strict $f.sarif" "$VALIDATE" --strict "$WORK/$f.sarif"
  fi
done
finish
