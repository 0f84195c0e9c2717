#!/usr/bin/env bash
# hostile.sh TLSLINT HOSTILE_TREE: hostile repositories at scale. One tree holds a sparse 1 GiB
# file, 100,000 files in one directory, 10,000-deep nesting, a path of about 4,000 bytes, names
# with a newline and with invalid UTF-8, a FIFO and a socket under source names; a second one a
# 50 MB compile_commands.json. Each scan must finish (a hang is caught by `timeout`), keep every
# finding, name every problem in the SARIF notifications, and write a log that passes the
# project's validator; memory stays bounded because --max-file-size applies before reading.
. "$(dirname "$0")/lib.sh"
TREE_TOOL=${2:?usage: $0 TLSLINT HOSTILE_TREE}
VALIDATE="$ROOT/tests/tools/validate-sarif"

T="$WORK/t"
"$TREE_TOOL" "$T" huge wide deep longpath names special
# 50 MB compilation database at the root of its own tree, where the C front end looks for it.
"$TREE_TOOL" "$WORK/c" compdb
mv "$WORK/c/compdb/compile_commands.json" "$WORK/c/compdb/main.c" "$WORK/c/" && rmdir "$WORK/c/compdb"

# 1. The hostile tree. --max-file-size 8M (the default) skips the 1 GiB file unread.
/usr/bin/time -f '%M' -o "$WORK/rss" timeout 600 "$TLSLINT" scan "$T" --format sarif \
  -o "$WORK/t.sarif" 2>"$WORK/err" && st=0 || st=$?
if [ "$st" -eq 1 ]; then pass; else fail "hostile tree: exit $st, expected 1 (findings); $(head -c 400 "$WORK/err")"; fi
check "the log passes validate-sarif --strict" "$VALIDATE" --strict "$WORK/t.sarif"
jq -r '.runs[0].results[] | .locations[0].physicalLocation.artifactLocation.uri' "$WORK/t.sarif" \
  | sed -E 's/n{200}/N/g' | sort > "$WORK/uris"
cat > "$WORK/want" <<'WANT'
long/N/N/N/N/N/N/N/N/N/N/N/N/N/N/N/N/N/N/N/N/leaf.cs
names/bad-%FF%FE-utf8.cs
names/new%0Aline.cs
special/ok.cs
wide/z-finding.cs
WANT
if diff -u "$WORK/want" "$WORK/uris" >"$WORK/diff"; then pass; else fail "findings: $(cat "$WORK/diff")"; fi
jq -r '.runs[0].invocations[0].toolExecutionNotifications[] | .message.text' "$WORK/t.sarif" \
  | sed -E 's#(/d){20,}#/d...#' > "$WORK/notes"
expect_grep "the 1 GiB file is named, unread" "$T/huge.cs: skipped: larger than the 8388608-byte limit (--max-file-size)" "$WORK/notes"
expect_grep "the nesting is named" "$T/deep/d...: directory nesting deeper than 256 levels; skipped" "$WORK/notes"
expect_grep "the FIFO is named, unread" "$T/special/pipe.cs: a FIFO (named pipe), not a file; not read" "$WORK/notes"
expect_grep "the socket is named, unread" "$T/special/sock.cs: a socket, not a file; not read" "$WORK/notes"
# Peak memory: the 1 GiB file was not read, and 100,000 names cost little (ASan's own shadow
# memory included, well under 512 MiB).
rss=$(tail -1 "$WORK/rss")
if [ "$rss" -lt 524288 ]; then pass; else fail "peak memory $rss KiB on the hostile tree"; fi
# The text output writes the newline in a name escaped, never as a line break of its own.
timeout 600 "$TLSLINT" scan "$T/names" >"$WORK/text" 2>&1 || true
if grep -q '^line.cs' "$WORK/text"; then fail "a newline in a name broke a text line: $(head -c 300 "$WORK/text")"; else pass; fi

# 2. The 50 MB compilation database: read (it is under the database's own 256 MiB cap), and
#    the C file it sits beside is still analysed.
timeout 600 "$TLSLINT" scan "$WORK/c" --format sarif -o "$WORK/c.sarif" 2>"$WORK/err" && st=0 || st=$?
if [ "$st" -eq 1 ]; then pass; else fail "compdb tree: exit $st, expected 1; $(head -c 400 "$WORK/err")"; fi
check "the compdb log passes validate-sarif --strict" "$VALIDATE" --strict "$WORK/c.sarif"
got=$(jq -r '[.runs[0].results[] | "\(.ruleId) \(.locations[0].physicalLocation.artifactLocation.uri)"] | join(",")' "$WORK/c.sarif")
if [ "$got" = "LT-C-001 main.c" ]; then pass; else fail "compdb tree findings: '$got'"; fi
finish
