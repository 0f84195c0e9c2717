#!/usr/bin/env bash
# line-hash.sh UNIT_BIN: GitHub line hashes of tlslint (tests/tools/line_hash.c FILE) against an
# independent JavaScript implementation (line-hash-reference.js), on inputs in the encodings
# and line endings scanned files come in.
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf 'ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;\n' > "$tmp/ascii.cs"
printf '// caf\xe9 cr\xe8me, not UTF-8\nServicePointManager.SecurityProtocol = SecurityProtocolType.Tls; // \xe9t\xe9\n' > "$tmp/latin1.cs"
printf '\xff\xfe/\x00/\x00 \x00\xe9\x00\n\x00x\x00 \x00=\x00 \x001\x00;\x00\r\x00\n\x00' > "$tmp/utf16le.cs"
printf '\xfe\xff\x00/\x00/\x00 \x00\xe9\x00\n\x00x\x00 \x00=\x00 \x001\x00;' > "$tmp/utf16be.cs"
printf '\xef\xbb\xbfusing System;\r\n\tclass C { } // \xf0\x9f\x94\x92 lock\r\n' > "$tmp/bom-crlf.cs"
printf 'bad: \xc0\x80 \xed\xa0\x80 \xe2\x82 \xf5 \xf0\x9f\x94 end\n\xc3\n\xe0\x80\x80\n\xf4\x90\x80\x80 x\n' > "$tmp/invalid.cs"
printf 'a\rb\r\nc\n\n\r\r  \t \n%0300d\n' 0 > "$tmp/endings.cs"
# Past the reader's 64 KiB chunks, with multi-byte and invalid sequences on the boundaries.
for i in $(seq 1 4000); do printf 'line %d caf\xc3\xa9 \xe9 \xf0\x9f\x94\x92 x\n' "$i"; done > "$tmp/large.cs"
for i in $(seq 1 30); do printf 'Lorem ipsum dolor sit amet.\n'; done > "$tmp/repeat.cs"

fail=0
for f in "$tmp"/*.cs; do
  "$bin" "$f" > "$f.ours"
  node "$here/line-hash-reference.js" "$f" > "$f.reference"
  if ! diff -u "$f.reference" "$f.ours" > "$f.diff"; then
    echo "line hashes differ for $(basename "$f"):"; head -20 "$f.diff"; fail=1
  fi
done
[ "$fail" = 0 ] && echo "line hashes match the reference implementation on $(ls "$tmp"/*.cs | wc -l) inputs"
exit "$fail"
