#!/usr/bin/env bash
# no_fix.sh TLSLINT: every finding either carries a fix or says why it has none, in its own
# words. Over every fixture, no result is left with the generic reason that a rule without a
# `no-fix:` key would give, and every rule of the catalogue that reports findings there is one
# of the two kinds; a rule's `no-fix:` text reaches SARIF's properties.noFix.
. "$(dirname "$0")/lib.sh"
TLSLINT=$(realpath "$TLSLINT")
generic="tlslint has no automatic edit for this case"

"$TLSLINT" scan --fail-on none -q -f sarif -o "$WORK/all.sarif" "$ROOT/fixtures" "$ROOT/tests/fix"
check "fixtures scanned" test -s "$WORK/all.sarif"
jq -r --arg g "$generic" '.runs[0].results[] | select((.properties.noFix // "") | startswith($g)) | .ruleId' \
  "$WORK/all.sarif" | sort | uniq -c > "$WORK/generic"
check "no finding with the generic no-fix reason" test ! -s "$WORK/generic"
[ -s "$WORK/generic" ] && { echo "rules whose findings give the generic reason:"; cat "$WORK/generic"; } >&2
check "each result has a fix or a reason" jq -e '[.runs[0].results[] | select(((.fixes // []) | length) == 0 and (.properties.noFix // "") == "")] | length == 0' "$WORK/all.sarif"
n=$(jq '[.runs[0].results[].ruleId] | unique | length' "$WORK/all.sarif")
check "findings of many rules compared ($n)" test "$n" -gt 40

# A rule's own reason: LT-GO-001's findings carry its `no-fix:` text.
want=$(sed -n '/^; no-fix: /{s/^; no-fix: //;p;q}' "$ROOT/rules/go/LT-GO-001.scm")
check "LT-GO-001 has a no-fix key" test -n "$want"
jq -r '[.runs[0].results[] | select(.ruleId == "LT-GO-001") | .properties.noFix] | unique | .[]' "$WORK/all.sarif" > "$WORK/go"
check "LT-GO-001's findings carry it" test "$(wc -l < "$WORK/go")" = 1
expect_grep "LT-GO-001's reason starts as written" "$want" "$WORK/go"
finish
