#!/usr/bin/env bash
# staged-diff.sh TLSLINT: --staged scans the content staged in the index, not the work tree;
# --diff REV reports only findings on lines changed since REV (work tree, or index with
# --staged).
set -uo pipefail
tlslint=$(realpath "$1")
source "$(dirname "$0")/common.sh"

repo=$tmp/repo
new_repo "$repo"
legacy='ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;'
clean='ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;'
printf 'class A {\n  void M() {\n    %s\n  }\n}\n' "$legacy" > "$repo/A.cs"
git -C "$repo" add A.cs && git -C "$repo" commit -qm "A with a finding"
cd "$repo"
scan() { "$tlslint" scan --quiet --format json "$@"; }
# paths FILE: "uri:line" of every finding in a JSON report.
paths() { node -e 'for (const f of JSON.parse(require("fs").readFileSync(process.argv[1])).findings) console.log(`${f.path}:${f.line}`)' "$1" | tr '\n' ' '; }
same() { [ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"; }

# Nothing staged: nothing to scan, whatever the work tree holds.
printf 'class A {\n  void M() {\n    %s\n    %s\n  }\n}\n' "$legacy" "$legacy" > A.cs
expect_rc 0 scan --staged -o "$tmp/r.json"
same "$(paths "$tmp/r.json")" "" "--staged with nothing staged"

# B.cs is staged with a finding and then fixed in the work tree only; C.cs is staged clean
# and broken in the work tree only. The index decides.
printf 'class B {\n  void M() { %s }\n}\n' "$legacy" > B.cs
printf 'class C {\n  void M() { %s }\n}\n' "$clean" > C.cs
git add B.cs C.cs
printf 'class B {\n  void M() { %s }\n}\n' "$clean" > B.cs
printf 'class C {\n  void M() { %s }\n}\n' "$legacy" > C.cs
expect_rc 1 scan --staged -o "$tmp/r.json"
same "$(paths "$tmp/r.json")" "B.cs:2 " "--staged"
expect_rc 1 "$tlslint" scan --quiet --staged --color never -o "$tmp/r.txt"
grep -q '^B.cs:2:' "$tmp/r.txt" || fail "text output names the staged file as B.cs"

# Named paths: their index content, changed or not (pre-commit passes file names).
expect_rc 1 scan --staged A.cs -o "$tmp/r.json"
same "$(paths "$tmp/r.json")" "A.cs:3 " "--staged A.cs (the committed content)"
expect_rc 0 scan --staged C.cs -o "$tmp/r.json"
expect_rc 1 scan --staged . -o "$tmp/r.json"
same "$(paths "$tmp/r.json")" "A.cs:3 B.cs:2 " "--staged ."

# --diff HEAD: the work tree against HEAD. A.cs line 4 is new (line 3 is old); B.cs is clean
# in the work tree; C.cs is new.
expect_rc 1 scan --diff HEAD -o "$tmp/r.json"
same "$(paths "$tmp/r.json")" "A.cs:4 C.cs:2 " "--diff HEAD"
expect_rc 1 scan --diff HEAD C.cs -o "$tmp/r.json"
same "$(paths "$tmp/r.json")" "C.cs:2 " "--diff HEAD C.cs"
# --staged --diff HEAD: the index against HEAD.
expect_rc 1 scan --staged --diff HEAD -o "$tmp/r.json"
same "$(paths "$tmp/r.json")" "B.cs:2 " "--staged --diff HEAD"

# Commit, then compare with the first commit: A.cs is unchanged in the index (its new line is
# not staged), B.cs is new.
git commit -qm "B and C"
expect_rc 1 scan --staged --diff HEAD~1 -o "$tmp/r.json"
same "$(paths "$tmp/r.json")" "B.cs:2 " "--staged --diff HEAD~1"
expect_rc 0 scan --staged --diff HEAD -o "$tmp/r.json"

# UTF-16 text is binary to git: the whole file counts as changed.
node -e 'require("fs").writeFileSync("D.cs", Buffer.from("\ufeffclass D {\r\n void M() { ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3; }\r\n}\r\n", "utf16le"))'
git add D.cs
expect_rc 1 scan --staged --diff HEAD -o "$tmp/r.json"
same "$(paths "$tmp/r.json")" "D.cs:2 " "--staged --diff HEAD with UTF-16"

# Errors: an unknown revision, and --staged outside a work tree.
expect_rc 2 scan --diff no-such-rev
grep -q "no-such-rev" "$tmp/last.err" || fail "an unknown revision is not named"
mkdir "$tmp/plain" && cd "$tmp/plain"
expect_rc 2 scan --staged
cd "$repo"

# How long a typical commit takes: a few staged files.
# libgit2 is loaded at its first use (analyzer/util/git2_api.h): without it, --staged stops
# with status 2 and says what to install, and a scan that reads no repository still runs.
TLSLINT_LIBGIT2=/nonexistent/libgit2.so expect_rc 2 scan --staged -o "$tmp/missing.json"
grep -q 'libgit2 could not be loaded.*install libgit2' "$tmp/last.err" ||
  fail "a missing libgit2 is named, with what to install: $(cat "$tmp/last.err")"
[ ! -e "$tmp/missing.json" ] || fail "a missing libgit2 left a report behind"
mkdir -p "$tmp/plain" && printf 'class P {\n  void M() { %s }\n}\n' "$legacy" > "$tmp/plain/P.cs"
TLSLINT_LIBGIT2=/nonexistent/libgit2.so expect_rc 1 "$tlslint" scan --quiet --format json \
  -o "$tmp/plain.json" "$tmp/plain/P.cs"

start=$(date +%s%N)
scan --staged -o /dev/null > /dev/null 2>&1
end=$(date +%s%N)
echo "scan --staged of $(git diff --cached --name-only HEAD | wc -l) staged file(s): $(( (end - start) / 1000000 )) ms"
finish
