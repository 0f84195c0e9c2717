#!/usr/bin/env bash
# fix_apply.sh TLSLINT: how `tlslint fix` applies fixes: the base of several paths, the
# rollback of a fix the re-scan rejects, files outside the scanned tree, a file changed since
# the scan, the mode of a private file, and --staged.
. "$(dirname "$0")/lib.sh"
TLSLINT=$(realpath "$TLSLINT")

legacy_py() {
  mkdir -p "$(dirname "$1")"
  printf 'import ssl\ncontext = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n' > "$1"
}
FIXED_LINE='context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)'

# Several paths outside any repository: the base is their deepest common directory, so the
# SARIF's uris of both are relative to it and fix changes both.
S=$WORK/siblings
legacy_py "$S/m/a/one.py"
legacy_py "$S/m/b/sub/two.py"
(cd "$S" && "$TLSLINT" scan --fail-on none -f sarif -o "$WORK/siblings.sarif" m/a m/b)
check "two siblings: relative uris" jq -e '[.runs[0].results[].locations[0].physicalLocation.artifactLocation | [.uri, .uriBaseId]] == [["a/one.py", "%SRCROOT%"], ["b/sub/two.py", "%SRCROOT%"]]' "$WORK/siblings.sarif"
check "two siblings: no file:// uri" jq -e '[.. | strings | select(startswith("file:"))] | map(select(test("/m/[ab]/"))) | length == 0' "$WORK/siblings.sarif"
expect_status 0 "two siblings: fix exits 0" bash -c "cd '$S' && '$TLSLINT' fix m/a m/b"
expect_grep "two siblings: the first fixed" "m/a/one.py:2:26: fixed LT-PY-001" "$WORK/out"
expect_grep "two siblings: the second fixed" "m/b/sub/two.py:2:26: fixed LT-PY-001" "$WORK/out"
expect_grep "two siblings: the second's text" "$FIXED_LINE" "$S/m/b/sub/two.py"
check "two siblings: nothing refused" test ! -s "$WORK/err"
# A directory and a file of a sibling, named from inside the first.
legacy_py "$S/m/a/one.py"
legacy_py "$S/m/b/sub/two.py"
expect_status 0 "a directory and a sibling's file" bash -c "cd '$S/m/a' && '$TLSLINT' fix . ../b/sub/two.py"
expect_grep "a sibling's file fixed" "$FIXED_LINE" "$S/m/b/sub/two.py"

# A fix that the re-scan rejects is rolled back: the fix lengthens the file past
# --max-file-size, so the re-scan skips it with a new notification. The bytes come back
# exactly, with the file's mode (0600), and the exit status says so.
B=$WORK/rollback
legacy_py "$B/big.py"
printf '# padding so the size is not round\r\n' >> "$B/big.py"
chmod 600 "$B/big.py"
cp -p "$B/big.py" "$WORK/big.orig"
size=$(stat -c %s "$B/big.py")
expect_status 1 "rolled back: exit 1" "$TLSLINT" fix --max-file-size "$size" "$B"
expect_grep "rolled back: said" "big.py: fixes rolled back: the fixed file has a new parse error or notification" "$WORK/err"
check "rolled back: the bytes restored" cmp "$B/big.py" "$WORK/big.orig"
check "rolled back: the mode restored" test "$(stat -c %a "$B/big.py")" = 600
check "rolled back: not reported as fixed" test ! -s "$WORK/out"
check "rolled back: no temporary file left" test "$(ls -A "$B")" = big.py
# With room for the fix it is applied.
expect_status 0 "room for the fix" "$TLSLINT" fix --max-file-size "$((size + 5))" "$B"
expect_grep "room for the fix: applied" "$FIXED_LINE" "$B/big.py"

# A private file stays private: mode 0600 after the fix (the temporary file has the mode
# before it holds the text).
P=$WORK/private
legacy_py "$P/secret.py"
chmod 600 "$P/secret.py"
expect_status 0 "private: fix exits 0" "$TLSLINT" fix "$P"
check "private: still 0600" test "$(stat -c %a "$P/secret.py")" = 600
expect_grep "private: fixed" "$FIXED_LINE" "$P/secret.py"
chmod 640 "$P/secret.py"
legacy_py "$P/secret.py"
chmod 640 "$P/secret.py"
expect_status 0 "0640: fix exits 0" "$TLSLINT" fix "$P"
check "0640 kept" test "$(stat -c %a "$P/secret.py")" = 640

# A fix that removes a whole line moves the findings after it: the re-scan's finding of the
# same rule that now stands where the removed one was (a variable's initialiser, which has no
# fix, aligned on the removed value's column) is not the fixed finding, and the fix is kept.
C=$WORK/moved
mkdir -p "$C"
cp "$ROOT/tests/fix/modern/App.csproj" "$C/"
cat > "$C/Client.cs" <<'EOF'
using System.Net;

namespace Payments
{
    public static class Client
    {
        static void Configure()
        {
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;
            SecurityProtocolType p               = SecurityProtocolType.Tls11;
            ServicePointManager.SecurityProtocol = p;
        }
    }
}
EOF
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/moved.sarif" "$C"
check "moved: the two findings, on one column" jq -e '[.runs[0].results[] | [.ruleId, .locations[0].physicalLocation.region.startLine, .locations[0].physicalLocation.region.startColumn, (.fixes | length)]] == [["LT-CS-001", 9, 52, 1], ["LT-CS-001", 10, 52, 0]]' "$WORK/moved.sarif"
expect_status 0 "moved: fix exits 0" "$TLSLINT" fix "$C"
expect_grep "moved: fixed" "Client.cs:9:52: fixed LT-CS-001" "$WORK/out"
check "moved: not rolled back" bash -c "! grep -q 'rolled back' '$WORK/err'"
check "moved: the line is gone" bash -c "! grep -q 'SecurityProtocolType.Tls;' '$C/Client.cs'"
check "moved: the rest kept" grep -qF 'SecurityProtocolType p               = SecurityProtocolType.Tls11;' "$C/Client.cs"

# Nothing outside the scanned tree is edited. A symbolic link in the tree to a file outside
# it is not followed by the scan (a notification), and its target is left as it was.
O=$WORK/outside
legacy_py "$O/target.py"
cp "$O/target.py" "$WORK/target.orig"
T=$WORK/tree
legacy_py "$T/own.py"
ln -s "$O/target.py" "$T/link.py"
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/tree.sarif" "$T"
check "link: only the tree's own file has a finding" jq -e '[.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri] == ["own.py"]' "$WORK/tree.sarif"
check "link: the scan says it is not followed" jq -e '[.runs[0].invocations[0].toolExecutionNotifications[].message.text | select(test("symbolic link points outside the scan root; not followed"))] | length == 1' "$WORK/tree.sarif"
expect_status 0 "link: fix exits 0" "$TLSLINT" fix "$T"
expect_grep "link: the tree's file fixed" "$FIXED_LINE" "$T/own.py"
check "link: the target unchanged" cmp "$O/target.py" "$WORK/target.orig"
check "link: still a link" test -L "$T/link.py"

# With --staged the scan reads the index; a work tree copy that is a symbolic link (here to a
# file outside the repository with the staged text) is refused, and its target not touched.
R=$WORK/repo
mkdir -p "$R" && git -C "$R" init -q
legacy_py "$R/app.py"
git -C "$R" add app.py
rm "$R/app.py"
ln -s "$O/target.py" "$R/app.py"
expect_status 1 "staged link: refused" bash -c "cd '$R' && '$TLSLINT' fix --staged"
expect_grep "staged link: said" "app.py: not a regular file inside the scanned tree; not changed" "$WORK/err"
check "staged link: the target unchanged" cmp "$O/target.py" "$WORK/target.orig"
check "staged link: still a link" test -L "$R/app.py"

# --staged applies to the work tree copy when it is the staged text, and the re-scan reads
# what was written (not the index, which still has the legacy text): the fix is kept.
rm "$R/app.py"
legacy_py "$R/app.py"
expect_status 0 "staged: fix exits 0" bash -c "cd '$R' && '$TLSLINT' fix --staged"
expect_grep "staged: fixed" "app.py:2:26: fixed LT-PY-001" "$WORK/out"
expect_grep "staged: written" "$FIXED_LINE" "$R/app.py"
check "staged: not rolled back" bash -c "! grep -q 'rolled back' '$WORK/err'"

# A file changed since the scan (without --staged) is refused: the hash of the scanned text
# is compared with the file's text just before it is written. The change is made while the
# process is stopped at that step (gdb, installed by scripts/setup.sh test: deterministic, no
# timing); without gdb or the program's debugging information the check fails.
G=$WORK/changed
legacy_py "$G/late.py"
if command -v gdb >/dev/null 2>&1 && gdb -nx -batch -ex 'info functions ^fix__prepare$' "$TLSLINT" 2>/dev/null | grep -q fix__prepare; then
  gdb -nx -batch -ex 'set breakpoint pending on' -ex 'break fix__prepare' -ex run \
      -ex "shell printf '# edited after the scan\n' >> '$G/late.py'" -ex continue \
      --args "$TLSLINT" fix "$G" >"$WORK/gdb.out" 2>&1
  cp "$G/late.py" "$WORK/late.now"
  expect_grep "changed: refused" "late.py: changed since the scan; not changed" "$WORK/gdb.out"
  expect_grep "changed: exit 1" "exited with code 01" "$WORK/gdb.out"
  expect_grep "changed: the edit kept" "# edited after the scan" "$G/late.py"
  expect_grep "changed: not fixed" "ssl.PROTOCOL_TLSv1)" "$G/late.py"
else
  fail "changed since the scan: needs gdb (scripts/setup.sh test) and a build with debugging information"
fi

# LT-SH-001: a legacy floor of curl or node in a plain word becomes TLS 1.2's; a quoted word,
# a command that also caps the version, and wget's pinned protocol keep their finding and say
# why they have no fix.
S=$WORK/shell
mkdir -p "$S" && cp "$ROOT/tests/fix/shell/deploy.sh" "$S/"
"$TLSLINT" scan --fail-on none -q -f sarif -o "$WORK/shell.sarif" "$S"
check "shell: three fixes" jq -e '[.runs[0].results[] | select(.ruleId == "LT-SH-001" and (.fixes | length) == 1) | .locations[0].physicalLocation.region.startLine] == [4, 6, 12]' "$WORK/shell.sarif"
check "shell: the capped command's floor and its cap say why" jq -e '[.runs[0].results[] | select(.ruleId == "LT-SH-001" and .locations[0].physicalLocation.region.startLine == 9) | .properties.noFix[0:24]] == ["The command also caps th", "A cap: without it the co"]' "$WORK/shell.sarif"
check "shell: quoted and wget findings have a reason" jq -e '[.runs[0].results[] | select(.ruleId == "LT-SH-001" and (.locations[0].physicalLocation.region.startLine == 8 or .locations[0].physicalLocation.region.startLine == 10)) | .properties.noFix | length > 20] == [true, true]' "$WORK/shell.sarif"
expect_status 0 "shell: fix" "$TLSLINT" fix "$S"
check "shell: the fixed text" cmp "$S/deploy.sh" "$ROOT/tests/fix/shell/deploy.fixed.sh"
check "shell: still a valid script" sh -n "$S/deploy.sh"

# LT-NET-005 (Kestrel's SslProtocols in appsettings.json): a legacy element leaves a list that
# names TLS 1.2 or 1.3; a list of legacy versions only becomes [ "None" ]; an element naming
# both keeps its modern names; a list with an unknown name has no fix and says why.
K=$WORK/kestrel
mkdir -p "$K" && cp "$ROOT/tests/fix/kestrel/appsettings.json" "$K/"
"$TLSLINT" scan --fail-on none -q -f sarif -o "$WORK/kestrel.sarif" "$K"
check "kestrel: fixes and a reason" jq -e '[.runs[0].results[] | select(.ruleId == "LT-NET-005") | [.locations[0].physicalLocation.region.startLine, (.fixes | length), ((.properties.noFix // "") | startswith("The list names something"))]] == [[6, 1, false], [13, 1, false], [17, 1, false], [17, 1, false], [21, 1, false], [25, 0, true]]' "$WORK/kestrel.sarif"
expect_status 0 "kestrel: fix" "$TLSLINT" fix "$K"
check "kestrel: the fixed text" cmp "$K/appsettings.json" "$ROOT/tests/fix/kestrel/appsettings.fixed.json"
check "kestrel: still JSON" jq -e . "$K/appsettings.json"

finish
