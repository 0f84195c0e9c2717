#!/usr/bin/env bash
# bad_input.sh: bad input gets a clear notification and nothing else is lost. One tree holds
# binary, huge, Latin-1, UTF-16, unparsable and pathological files, a symlink loop and a link
# out of the root; the scan must finish quickly, keep every finding, name every problem file
# in the SARIF notifications, and write a valid log.
. "$(dirname "$0")/lib.sh"

T="$WORK/tree"
mkdir -p "$T/src" "$T/deep"
legacy='ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;'

printf 'using System.Net;\nclass Ok { void M() {\n %s\n} }\n' "$legacy" > "$T/src/Ok.cs"
# Binary content under a source name.
printf '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00' > "$T/src/Tool.cs"
# Larger than the limit given below.
head -c 300000 /dev/zero | tr '\0' 'x' > "$T/src/Huge.cs"
# Latin-1 comment, finding on line 3 column 2.
printf '// Caf\xe9 Zahlung\nclass L { void M() {\n %s\n} }\n' "$legacy" > "$T/src/Latin1.cs"
# UTF-16LE with BOM, CRLF, finding on line 3 column 2 of the decoded text.
printf '// \xc3\xa9t\xc3\xa9\r\nclass U { void M() {\r\n %s\r\n} }\r\n' "$legacy" | iconv -f UTF-8 -t UTF-16LE | { printf '\xff\xfe'; cat; } > "$T/src/Utf16.cs"
# Syntax errors around a finding: tree-sitter recovers, the finding survives.
printf 'class Broken { void M( {{{ \n %s\n } ) ]] \n' "$legacy" > "$T/src/Broken.cs"
# Pathological nesting.
{ printf 'class P { object o = '; head -c 20000 /dev/zero | tr '\0' '('; printf '1;\n'; } > "$T/src/Nested.cs"
# A symlink loop and a link out of the scan root.
ln -s loop.cs "$T/src/loop.cs"
ln -s /etc/hostname "$T/src/escape.cs"
# Directories nested deeper than anyone writes by hand.
d="$T/deep"; for i in $(seq 1 60); do d="$d/d$i"; done; mkdir -p "$d"
printf 'using System.Net;\nclass D { void M() {\n %s\n} }\n' "$legacy" > "$d/Deep.cs"
# A directory named like a source file.
mkdir -p "$T/src/Folder.cs"

start=$(date +%s)
expect_status 1 "scan of hostile tree" timeout 120 "$TLSLINT" scan --max-file-size 100K --timeout 5000 -f sarif -o "$WORK/out.sarif" "$T"
check "finished quickly" test $(( $(date +%s) - start )) -lt 60
check "log is valid JSON" jq -e . "$WORK/out.sarif"

results() { jq -r '.runs[0].results[] | "\(.locations[0].physicalLocation.artifactLocation.uri):\(.locations[0].physicalLocation.region.startLine):\(.locations[0].physicalLocation.region.startColumn)"' "$WORK/out.sarif"; }
results > "$WORK/results.txt"
expect_grep "finding in the plain file" "src/Ok.cs:3:41" "$WORK/results.txt"
expect_grep "finding in the Latin-1 file" "src/Latin1.cs:3:41" "$WORK/results.txt"
expect_grep "finding in the UTF-16 file" "src/Utf16.cs:3:41" "$WORK/results.txt"
expect_grep "finding in the broken file" "src/Broken.cs:2:41" "$WORK/results.txt"
expect_grep "finding deep down" "d60/Deep.cs:3:41" "$WORK/results.txt"

jq -r '.runs[0].invocations[0].toolExecutionNotifications[] | "\(.level) \(.message.text)"' "$WORK/out.sarif" > "$WORK/notes.txt"
expect_grep "binary file noted" "src/Tool.cs: skipped: binary content" "$WORK/notes.txt"
expect_grep "huge file noted" "src/Huge.cs: skipped: larger than the 102400-byte limit" "$WORK/notes.txt"
expect_grep "symlink loop noted" "src/loop.cs: symbolic link loop" "$WORK/notes.txt"
expect_grep "escaping link noted" "src/escape.cs: symbolic link points outside the scan root" "$WORK/notes.txt"
expect_grep "Latin-1 noted" "note $T/src/Latin1.cs: not valid UTF-8; read as ISO-8859-1" "$WORK/notes.txt"
check "execution still successful" jq -e '.runs[0].invocations[0].executionSuccessful == true' "$WORK/out.sarif"
check "the log is valid UTF-8" iconv -f UTF-8 -t UTF-8 "$WORK/out.sarif" -o /dev/null

# An unreadable directory (only meaningful when not root: root reads everything).
if [ "$(id -u)" -ne 0 ]; then
  mkdir -p "$WORK/locked/inner" && printf 'x' > "$WORK/locked/inner/A.cs" && chmod 000 "$WORK/locked/inner"
  expect_status 0 "unreadable directory" "$TLSLINT" scan -f json "$WORK/locked"
  expect_grep "unreadable directory noted" "cannot open directory" "$WORK/out"
  chmod 755 "$WORK/locked/inner"
fi

# A file that cannot be analysed in time becomes a notification; the scan goes on.
mkdir -p "$WORK/slow"
{ printf 'using System.Net;\nclass S { void M() {\n'; for i in $(seq 1 40000); do printf ' int v%d = %d; ServicePointManager.SecurityProtocol = (SecurityProtocolType)3072;\n' "$i" "$i"; done; printf '} }\n'; } > "$WORK/slow/Slow.cs"
expect_status 0 "timeout" "$TLSLINT" scan --timeout 1 -f json "$WORK/slow"
check "timeout noted" jq -e '.notifications[0].message | test("analysis stopped after 1 ms")' "$WORK/out"

finish
