#!/usr/bin/env bash
# basics.sh: help, version, usage errors and exit statuses of `tlslint`.
. "$(dirname "$0")/lib.sh"

expect_status 0 "--help" "$TLSLINT" --help
expect_grep "--help lists scan" "scan" "$WORK/out"
expect_status 0 "--version" "$TLSLINT" --version
expect_grep "--version" "tlslint " "$WORK/out"
expect_status 2 "no command" "$TLSLINT"
expect_status 2 "unknown command" "$TLSLINT" frobnicate
expect_status 0 "scan --help" "$TLSLINT" scan --help
expect_grep "scan --help documents exit status" "Exit status" "$WORK/out"
expect_status 2 "unknown option" "$TLSLINT" scan --no-such-option .
expect_status 2 "bad format" "$TLSLINT" scan --format xml .
expect_status 2 "bad fail level" "$TLSLINT" scan --fail-on sometimes .
expect_status 2 "bad jobs" "$TLSLINT" scan -j 0 .
expect_status 2 "missing path" "$TLSLINT" scan "$WORK/does-not-exist"
expect_grep "missing path is named" "does-not-exist" "$WORK/err"
expect_status 2 "unknown rule id" "$TLSLINT" scan --disable LT-NO-999 "$WORK"
expect_status 0 "rules" "$TLSLINT" rules
expect_grep "rules lists LT-CS-001" "LT-CS-001" "$WORK/out"
expect_status 0 "rules json" "$TLSLINT" rules --format json
check "rules json parses" jq -e 'length >= 1' "$WORK/out"
expect_status 0 "explain" "$TLSLINT" explain LT-CS-001
expect_grep "explain shows the help" "SecurityProtocolType.Tls12" "$WORK/out"
expect_status 2 "explain unknown" "$TLSLINT" explain LT-NO-999

# Exit status follows the findings and --fail-on.
mkdir -p "$WORK/clean" "$WORK/dirty"
printf 'class A { void M() { var x = 1; } }\n' > "$WORK/clean/A.cs"
printf 'using System.Net;\nclass A { void M() { ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls; } }\n' > "$WORK/dirty/A.cs"
expect_status 0 "clean tree" "$TLSLINT" scan "$WORK/clean"
expect_grep "clean summary" "0 findings" "$WORK/out"
expect_status 1 "finding" "$TLSLINT" scan "$WORK/dirty"
expect_status 0 "--fail-on none" "$TLSLINT" scan --fail-on none "$WORK/dirty"
expect_status 0 "disabled rule" "$TLSLINT" scan --disable LT-CS-001 "$WORK/dirty"
expect_status 1 "one file named" "$TLSLINT" scan "$WORK/dirty/A.cs"
expect_grep "compiler-style line" "A.cs:2:61: error:" "$WORK/out"
expect_grep "rule id in brackets" "[LT-CS-001]" "$WORK/out"
expect_status 1 "json" "$TLSLINT" scan --format json "$WORK/dirty"
check "json has the finding" jq -e '.findings[0].rule == "LT-CS-001" and .findings[0].line == 2 and .findings[0].column == 61' "$WORK/out"

# Output files are written whole or not at all.
expect_status 1 "-o" "$TLSLINT" scan -f sarif -o "$WORK/out.sarif" "$WORK/dirty"
check "-o wrote valid JSON" jq -e '.runs[0].results | length == 1' "$WORK/out.sarif"
expect_status 2 "-o into a missing directory" "$TLSLINT" scan -f sarif -o "$WORK/nope/out.sarif" "$WORK/dirty"
check "no partial file" test ! -e "$WORK/nope/out.sarif"
check "no stray temporary files" test -z "$(ls "$WORK" | grep tmp)"

# The same output whatever the number of threads.
"$TLSLINT" scan -f sarif -j 1 "$ROOT/fixtures" >"$WORK/j1.sarif" 2>/dev/null
"$TLSLINT" scan -f sarif -j 4 "$ROOT/fixtures" >"$WORK/j4.sarif" 2>/dev/null
# (commandLine records the -j given, so it is left out of the comparison)
jq 'del(.runs[0].invocations[0].commandLine)' "$WORK/j1.sarif" >"$WORK/j1.json"
jq 'del(.runs[0].invocations[0].commandLine)' "$WORK/j4.sarif" >"$WORK/j4.json"
check "deterministic across -j" cmp -s "$WORK/j1.json" "$WORK/j4.json"

# Files are analysed while the walk goes on; a file named twice (a directory and a file in
# it, the same directory again) is analysed once: the log is that of the directory alone.
cs=$ROOT/fixtures/csharp
"$TLSLINT" scan -f sarif -j 2 "$cs" >"$WORK/once.sarif" 2>/dev/null
"$TLSLINT" scan -f sarif -j 2 "$cs" "$cs/LT-CS-001.bad.cs" "$cs/cross-file-constants" "$cs" \
	>"$WORK/twice.sarif" 2>/dev/null
strip() { jq -S 'del(.runs[0].invocations[0].commandLine, .runs[0].invocations[0].startTimeUtc, .runs[0].invocations[0].endTimeUtc)' "$1"; }
strip "$WORK/once.sarif" >"$WORK/once.json"
strip "$WORK/twice.sarif" >"$WORK/twice.json"
check "paths named twice: one analysis each" cmp -s "$WORK/once.json" "$WORK/twice.json"

finish
