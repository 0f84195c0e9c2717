#!/usr/bin/env bash
# speed.sh TLSLINT: the keyword pass and query narrowing (issue 11). Every fixture's findings
# are the same with narrowing (the default) and without (TLSLINT_NO_NARROWING=1); keyword
# groups (`keywords: A & B, C`) keep a rule out of files that lack a group; narrowing a rule
# whose match lies away from its keyword loses that match (so the comparison can fail); a C
# file that spells none of its rules' anchors does not reach libclang; a script whose options
# look like curl's but that runs no curl, wget or node is not parsed; C#'s value positions,
# answered by C code, give what their compiled patterns give.
source "$(dirname "$0")/common.sh"
bin=$1
root=$here/../..
cases=$here/../speed

# Every fixture, with and without narrowing: the same findings, and there are findings.
"$bin" scan --fail-on none -q -f json -o "$tmp/narrow.json" "$root/fixtures" || fail "scan fixtures"
TLSLINT_NO_NARROWING=1 "$bin" scan --fail-on none -q -f json -o "$tmp/whole.json" "$root/fixtures" ||
  fail "scan fixtures without narrowing"
tuples() { jq -r '.findings[] | [.rule, .path, .line, .column, .message] | @tsv' "$1" | sort; }
tuples "$tmp/narrow.json" > "$tmp/narrow.tsv"
tuples "$tmp/whole.json" > "$tmp/whole.tsv"
[ "$(wc -l < "$tmp/narrow.tsv")" -gt 200 ] || fail "too few fixture findings: $(wc -l < "$tmp/narrow.tsv")"
diff "$tmp/whole.tsv" "$tmp/narrow.tsv" > "$tmp/diff" || { fail "narrowing changes fixture findings"; head -20 "$tmp/diff"; }
# The same for tests/speed/src with the built-in rules: values reached through variables and
# fields (Variables.cs), which a rule narrowed around its keyword would lose.
"$bin" scan --fail-on none -q -f json -o "$tmp/narrow2.json" "$cases/src" || fail "scan src"
TLSLINT_NO_NARROWING=1 "$bin" scan --fail-on none -q -f json -o "$tmp/whole2.json" "$cases/src" || fail "scan src"
tuples "$tmp/narrow2.json" > "$tmp/narrow2.tsv"
tuples "$tmp/whole2.json" > "$tmp/whole2.tsv"
# A single-purpose constant is reported once, at the value (lines 4 and 7), with its uses as
# related locations (lines 8-11): narrowing must keep both.
[ "$(grep -c 'LT-CS-001' "$tmp/whole2.tsv")" = 2 ] || fail "Variables.cs: $(grep -c LT-CS-001 "$tmp/whole2.tsv") LT-CS-001 findings, want 2"
diff "$tmp/whole2.tsv" "$tmp/narrow2.tsv" || fail "narrowing changes the findings of tests/speed/src"
related() { "$bin" scan --fail-on none -q -f sarif "$cases/src" | jq -c '[.runs[0].results[] | select(.ruleId=="LT-CS-001") | [.locations[0].physicalLocation.region.startLine, ([.relatedLocations[]?.physicalLocation.region.startLine] | unique)]]'; }
want='[[4,[4,9,10,11]],[7,[7,8]]]'
[ "$(related)" = "$want" ] || fail "Variables.cs related locations: $(related), want $want"
[ "$(TLSLINT_NO_NARROWING=1 related)" = "$want" ] || fail "Variables.cs related locations without narrowing: $(TLSLINT_NO_NARROWING=1 related)"

# C#'s value positions (rules/csharp/LT-CS-001..003.scm, `matcher: csharp-value-positions`)
# are found by C code; the patterns are the reference. Compiled instead
# (TLSLINT_NO_NATIVE_MATCHERS=1), every fixture's results are the same, with their related
# locations, fixes and notifications.
results() {
  jq -S '.runs[0] | [.results[] | {ruleId, message, locations, relatedLocations, fixes, properties}],
    [.invocations[0].toolExecutionNotifications[]?.message.text]' "$1"
}
"$bin" scan --fail-on none -q -f sarif -o "$tmp/native.sarif" "$root/fixtures" "$cases/src" ||
  fail "scan with C#'s matcher"
TLSLINT_NO_NATIVE_MATCHERS=1 "$bin" scan --fail-on none -q -f sarif -o "$tmp/query.sarif" \
  "$root/fixtures" "$cases/src" || fail "scan with C#'s compiled patterns"
ncs=$(jq '[.runs[0].results[] | select(.ruleId | test("^LT-CS-00[123]$"))] | length' "$tmp/native.sarif")
[ "$ncs" -gt 60 ] || fail "too few LT-CS-001..003 results to compare: $ncs"
nrel=$(jq '[.runs[0].results[] | select(.ruleId | test("^LT-CS-00[123]$")) | .relatedLocations[]?] | length' "$tmp/native.sarif")
[ "$nrel" -gt 50 ] || fail "too few related locations of LT-CS-001..003 to compare: $nrel"
# Python's matchers too; LT-PY-001's (python-legacy-constants) hands on its matches in the
# query cursor's order, which decides the order of a finding's related locations
# (tests/speed/src/legacy_constants_order.py).
npy=$(jq '[.runs[0].results[] | select(.ruleId == "LT-PY-001")] | length' "$tmp/native.sarif")
[ "$npy" -gt 30 ] || fail "too few LT-PY-001 results to compare: $npy"
npyrel=$(jq '[.runs[0].results[] | select(.ruleId == "LT-PY-001") | .relatedLocations[]?] | length' "$tmp/native.sarif")
[ "$npyrel" -gt 30 ] || fail "too few related locations of LT-PY-001 to compare: $npyrel"
results "$tmp/query.sarif" > "$tmp/query.results"
results "$tmp/native.sarif" > "$tmp/native.results"
diff "$tmp/query.results" "$tmp/native.results" > "$tmp/matcher.diff" ||
  { fail "the native matchers (C#, Python) and their patterns differ on the fixtures"; head -40 "$tmp/matcher.diff"; }
# tree-sitter's memory comes from a region per file (engine/ts_arena.h); with malloc
# (TLSLINT_NO_TS_ARENA=1) every fixture's results are the same.
TLSLINT_NO_TS_ARENA=1 "$bin" scan --fail-on none -q -f sarif -o "$tmp/malloc.sarif" \
  "$root/fixtures" "$cases/src" || fail "scan with malloc for tree-sitter"
results "$tmp/malloc.sarif" > "$tmp/malloc.results"
diff "$tmp/malloc.results" "$tmp/native.results" > "$tmp/arena.diff" ||
  { fail "tree-sitter's region and malloc give different results on the fixtures"; head -40 "$tmp/arena.diff"; }
# A rule naming a matcher its language does not have fails to load.
mkdir -p "$tmp/badrule"
sed 's/^; matcher: csharp-value-positions$/; matcher: no-such-matcher/; s/^; id: LT-CS-001$/; id: LT-XX-990/' \
  "$root/rules/csharp/LT-CS-001.scm" > "$tmp/badrule/LT-XX-990.scm"
grep -q '^; matcher: no-such-matcher' "$tmp/badrule/LT-XX-990.scm" || fail "could not write the bad rule"
if "$bin" scan --rules "$tmp/badrule" --fail-on none -q -f sarif -o /dev/null "$cases/src" 2> "$tmp/badrule.err"; then
  fail "a rule with an unknown matcher loaded"
fi
grep -q "no matcher 'no-such-matcher'" "$tmp/badrule.err" || { fail "unknown matcher: wrong message"; cat "$tmp/badrule.err"; }

# A copy of LT-CS-001 whose pattern was edited (only returns are values) but that still names
# the matcher: the edited pattern is compiled and decides, not the matcher's C code.
mkdir -p "$tmp/edited" "$tmp/edited-src"
awk '/^; id: LT-CS-001$/ { print "; id: LT-XX-991"; next }
     /^; name: / { print "; name: EditedValuePositions"; next }
     /^[(]/ { exit } { print }' "$root/rules/csharp/LT-CS-001.scm" > "$tmp/edited/LT-XX-991.scm"
printf '((return_statement (_) @value)\n  (#not-in-rejection-test? @value))\n' >> "$tmp/edited/LT-XX-991.scm"
grep -q '^; matcher: csharp-value-positions$' "$tmp/edited/LT-XX-991.scm" || fail "the edited copy lost its matcher line"
cat > "$tmp/edited-src/Edited.cs" <<'CS'
using System.Net;
static class Edited
{
    static void Set() { ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls11; }
    static SecurityProtocolType Get() { return SecurityProtocolType.Tls; }
}
CS
"$bin" scan --rules "$tmp/edited" --fail-on none -q -f json -o "$tmp/edited.json" "$tmp/edited-src" || fail "scan with the edited rule"
lines991=$(jq -r '[.findings[] | select(.rule == "LT-XX-991") | .line] | join(" ")' "$tmp/edited.json")
[ "$lines991" = "5" ] || fail "an edited pattern with a matcher: LT-XX-991 at lines '$lines991', want '5' (the return only)"

# Keyword groups: Settings.cs has SetValue but neither SCHANNEL nor SecureProtocols, so the
# rule is not considered there; Registry.cs names Schannel (case ignored in later groups).
"$bin" scan --rules "$cases/rules" --fail-on none -q \
  -f json -o "$tmp/groups.json" "$cases/src" || fail "scan with test rules"
jq -r '.findings[] | select(.rule == "LT-XX-901") | "\(.path):\(.line)"' "$tmp/groups.json" |
  sed 's|.*/src/|src/|' > "$tmp/901"
[ "$(cat "$tmp/901")" = "src/Registry.cs:4" ] || { fail "LT-XX-901 findings:"; cat "$tmp/901"; }

# Narrowing: only the Configure call in the statement around LegacyMarker is seen; without
# narrowing both are.
count902() { jq '[.findings[] | select(.rule == "LT-XX-902")] | length' "$1"; }
[ "$(count902 "$tmp/groups.json")" = 1 ] || fail "narrowed LT-XX-902: $(count902 "$tmp/groups.json") findings, want 1"
TLSLINT_NO_NARROWING=1 "$bin" scan --rules "$cases/rules" --fail-on none -q \
  -f json -o "$tmp/whole902.json" "$cases/src" || fail "scan without narrowing"
[ "$(count902 "$tmp/whole902.json")" = 2 ] || fail "whole-tree LT-XX-902: $(count902 "$tmp/whole902.json") findings, want 2"

# C files: one that spells a keyword of a rule but none of the names its patterns are
# anchored on (callees, fields, values) is not sent to libclang; one that calls the rule's
# function is. A string value counts inside a string literal (string_literal.c), not in a
# comment or an identifier (string_outside_literal.c). With libclang unloadable, a file sent
# to it becomes a notification.
notified() {
  env "$@" TLSLINT_LIBCLANG=/nonexistent/libclang.so "$bin" scan --fail-on none -q -f sarif "$cases/c" |
    jq -r '[.runs[0].invocations[0].toolExecutionNotifications[]? | .locations[0].physicalLocation.artifactLocation.uri | sub(".*/"; "")] | sort | join(" ")'
}
# boost_names.c spells LT-C-007's names, but that rule's `files: !*.c` leaves C files out
# (Boost.Asio is C++): it is not parsed either way; boost_names.cpp is.
[ "$(notified TLSLINT_NO_NARROWING=0)" = "anchored.c boost_names.cpp string_literal.c" ] ||
  fail "C files sent to libclang: $(notified TLSLINT_NO_NARROWING=0), want anchored.c boost_names.cpp string_literal.c"
[ "$(notified TLSLINT_NO_NARROWING=1)" = "anchored.c boost_names.cpp keyword_only.c string_literal.c string_outside_literal.c" ] ||
  fail "C files sent to libclang without narrowing: $(notified TLSLINT_NO_NARROWING=1)"

# `keywords-in: code` (the C# rules, LT-PY-001/004/005): a file that names their keywords
# only in comments and strings is read but not parsed; one that spells them in code, or in
# an interpolated string's hole (C# `$"{...}"`, Python `f"{...}"`), is. Without narrowing,
# every one is parsed.
parsed() {
  local file=$1; shift
  env "$@" "$bin" scan --fail-on none -q -v -f sarif -o /dev/null "$cases/code_only/$file" 2>&1 |
    sed -n 's/.* read, \([0-9]*\) parsed.*/\1/p'
}
for want in Comments.cs:0 Interpolated.cs:1 Code.cs:1 comment.py:0 fstring.py:1; do
  got=$(parsed "${want%%:*}" TLSLINT_NO_NARROWING=0)
  [ "$got" = "${want##*:}" ] || fail "keywords-in: code: ${want%%:*} parsed $got times, want ${want##*:}"
done
[ "$(parsed Comments.cs TLSLINT_NO_NARROWING=1)" = 1 ] ||
  fail "keywords-in: code: Comments.cs is parsed without narrowing"

# LT-SH-001 needs a command it knows (curl, wget, node; case ignored) beside its options: a
# script with only `ls -1` is read but not parsed; `CURL -1` is parsed and reported.
"$bin" scan --fail-on none -q -v -f json -o "$tmp/sh.json" "$cases/sh/options_only.sh" 2> "$tmp/sh.err" || fail "scan options_only.sh"
grep -q ' 1 read, 0 parsed' "$tmp/sh.err" || { fail "options_only.sh was parsed"; cat "$tmp/sh.err"; }
"$bin" scan --fail-on none -q -v -f json -o "$tmp/sh2.json" "$cases/sh/curl_upper.sh" 2> "$tmp/sh2.err" || fail "scan curl_upper.sh"
grep -q ' 1 read, 1 parsed' "$tmp/sh2.err" || { fail "curl_upper.sh was not parsed"; cat "$tmp/sh2.err"; }
[ "$(jq -r '[.findings[] | "\(.rule):\(.line)"] | join(" ")' "$tmp/sh2.json")" = "LT-SH-001:3" ] ||
  fail "curl_upper.sh: $(jq -c '[.findings[] | .rule]' "$tmp/sh2.json"), want LT-SH-001 at line 3"

# `keywords-alone: -1, -3`: a script whose -1 and -3 are only inside longer words (pkg-1.3-1,
# -10) is read but not parsed; without narrowing it is parsed. A quoted "-3" stands alone and
# is reported.
"$bin" scan --fail-on none -q -v -f json -o "$tmp/sh3.json" "$cases/sh/words_only.sh" 2> "$tmp/sh3.err" || fail "scan words_only.sh"
grep -q ' 1 read, 0 parsed' "$tmp/sh3.err" || { fail "words_only.sh was parsed"; cat "$tmp/sh3.err"; }
TLSLINT_NO_NARROWING=1 "$bin" scan --fail-on none -q -v -f json -o "$tmp/sh4.json" "$cases/sh/words_only.sh" 2> "$tmp/sh4.err" || fail "scan words_only.sh without narrowing"
grep -q ' 1 read, 1 parsed' "$tmp/sh4.err" || { fail "words_only.sh was not parsed without narrowing"; cat "$tmp/sh4.err"; }
# The command names are `keywords-alone` words too: `curl` inside libcurl or GIT_CURL_VERBOSE
# does not count (tool_in_words.sh is read, not parsed; parsed without narrowing), and
# /usr/bin/curl or NODE_OPTIONS does (tool_with_path.sh: both reported).
"$bin" scan --fail-on none -q -v -f json -o "$tmp/sh6.json" "$cases/sh/tool_in_words.sh" 2> "$tmp/sh6.err" || fail "scan tool_in_words.sh"
grep -q ' 1 read, 0 parsed' "$tmp/sh6.err" || { fail "tool_in_words.sh was parsed"; cat "$tmp/sh6.err"; }
TLSLINT_NO_NARROWING=1 "$bin" scan --fail-on none -q -v -f json -o "$tmp/sh7.json" "$cases/sh/tool_in_words.sh" 2> "$tmp/sh7.err" || fail "scan tool_in_words.sh without narrowing"
grep -q ' 1 read, 1 parsed' "$tmp/sh7.err" || { fail "tool_in_words.sh was not parsed without narrowing"; cat "$tmp/sh7.err"; }
"$bin" scan --fail-on none -q -f json -o "$tmp/sh8.json" "$cases/sh/tool_with_path.sh" || fail "scan tool_with_path.sh"
[ "$(jq -r '[.findings[] | "\(.rule):\(.line)"] | join(" ")' "$tmp/sh8.json")" = "LT-SH-001:3 LT-SH-001:4" ] ||
  fail "tool_with_path.sh: $(jq -c '[.findings[] | "\(.rule):\(.line)"]' "$tmp/sh8.json"), want LT-SH-001 at lines 3 and 4"
"$bin" scan --fail-on none -q -f json -o "$tmp/sh5.json" "$cases/sh/quoted.sh" || fail "scan quoted.sh"
[ "$(jq -r '[.findings[] | "\(.rule):\(.line)"] | join(" ")' "$tmp/sh5.json")" = "LT-SH-001:3" ] ||
  fail "quoted.sh: $(jq -c '[.findings[] | .rule]' "$tmp/sh5.json"), want LT-SH-001 at line 3"

# LT-PY-003 needs OP_NO_ or SECLEVEL and one of the shapes that clear them (`~`,
# clear_options, a cipher setting): a file that only sets the options is read, not parsed.
"$bin" scan --fail-on none -q -v -f json -o /dev/null "$cases/py/options_set.py" 2> "$tmp/py.err" || fail "scan options_set.py"
grep -q ' 1 read, 0 parsed' "$tmp/py.err" || { fail "options_set.py was parsed"; cat "$tmp/py.err"; }

# LT-CS-004 needs SetSwitch and the start of a TLS switch's name (Dont..., Disable...): a
# file that sets other switches is read, not parsed.
"$bin" scan --fail-on none -q -v -f json -o /dev/null "$cases/cs/OtherSwitches.cs" 2> "$tmp/sw.err" || fail "scan OtherSwitches.cs"
grep -q ' 1 read, 0 parsed' "$tmp/sw.err" || { fail "OtherSwitches.cs was parsed"; cat "$tmp/sw.err"; }

# C# constants of another file: the index fills while the files are analysed, and only a
# file whose lookup the complete index answers is analysed again (Bootstrap.cs, once); alone,
# its lookups fail and nothing is analysed twice.
xf=$root/fixtures/csharp/cross-file-constants
"$bin" scan --fail-on none -q -v -f json -o "$tmp/xf.json" "$xf" 2> "$tmp/xf.err" || fail "scan cross-file-constants"
grep -q '; 1 analysed again' "$tmp/xf.err" || { fail "cross-file-constants: not one file analysed again"; cat "$tmp/xf.err"; }
[ "$(jq '[.findings[] | select(.path | endswith("Bootstrap.cs"))] | length' "$tmp/xf.json")" = 3 ] ||
  fail "Bootstrap.cs: $(jq '[.findings[] | select(.path | endswith("Bootstrap.cs"))] | length' "$tmp/xf.json") findings, want 3"

# `keywords-here` (LT-CS-001, LT-CS-006): Channels.cs spells LT-CS-001's keyword in WCF's
# own class names only, and no name of the index: it is read, not parsed. Options.cs spells
# neither SecurityProtocolType nor ServicePointManager but another file's constant: it waits
# for the complete index and is analysed once (not "again"). Without narrowing both are
# parsed in the first round.
grep -q ' 5 read, 4 parsed' "$tmp/xf.err" || { fail "cross-file-constants: Channels.cs was parsed"; cat "$tmp/xf.err"; }
[ "$(jq -r '[.findings[] | select(.path | endswith("Options.cs")) | "\(.rule):\(.line)"] | join(" ")' "$tmp/xf.json")" = "LT-CS-001:13" ] ||
  fail "Options.cs: $(jq -c '[.findings[] | select(.path | endswith("Options.cs"))]' "$tmp/xf.json"), want LT-CS-001 at line 13"
TLSLINT_NO_NARROWING=1 "$bin" scan --fail-on none -q -v -f json -o "$tmp/xf2.json" "$xf" 2> "$tmp/xf2.err" || fail "scan cross-file-constants without narrowing"
grep -q ' 5 read, 5 parsed' "$tmp/xf2.err" || { fail "cross-file-constants without narrowing: not every file parsed"; cat "$tmp/xf2.err"; }
cmp -s <(jq -S .findings "$tmp/xf.json") <(jq -S .findings "$tmp/xf2.json") ||
  fail "cross-file-constants: findings differ without narrowing"
"$bin" scan --fail-on none -q -v -j1 -f json -o /dev/null "$xf" 2> "$tmp/xf1.err" || fail "scan cross-file-constants -j1"
grep -q '; 1 analysed again' "$tmp/xf1.err" || { fail "cross-file-constants -j1: not one file analysed again"; cat "$tmp/xf1.err"; }
"$bin" scan --fail-on none -q -v -f json -o /dev/null "$xf/Client" 2> "$tmp/xf2.err" || fail "scan Client"
grep -q '; 0 analysed again' "$tmp/xf2.err" || { fail "Client alone was analysed again"; cat "$tmp/xf2.err"; }

# `rules -v` shows the keyword groups.
"$bin" rules -v --rules "$cases/rules" > "$tmp/rules.txt" || fail "rules -v"
grep -qF 'keywords: SetValue & (SCHANNEL | SecureProtocols)' "$tmp/rules.txt" || { fail "rules -v lacks the groups"; grep -F 'LT-XX-901' -A2 "$tmp/rules.txt"; }
grep -qF 'keywords: SetValue & (SCHANNEL | NETFramework' "$tmp/rules.txt" || fail "rules -v lacks LT-CS-005's groups"

[ "$failures" -eq 0 ] && echo "speed: all checks passed"
exit $((failures > 0))
