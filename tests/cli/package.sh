#!/usr/bin/env bash
# package.sh BUILD-DIR SOURCE-DIR: builds the Debian package with CPack (what `make package`
# does), unpacks it into a scratch root with dpkg-deb -x, and checks it: its control fields and
# declared dependencies, its files, and the packaged binary itself on the fixtures (grammars,
# rules and shims linked in; libclang found at run time), against the build tree's binary. The
# completions it carries are run too (bash for real, zsh with its completion system stubbed).
set -u
build=$(realpath "${1:?usage: $0 BUILD-DIR SOURCE-DIR}")
src=$(realpath "${2:?usage: $0 BUILD-DIR SOURCE-DIR}")
work=$(mktemp -d "${TMPDIR:-/tmp}/tlslint-package-XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # check NAME COMMAND...
  local name=$1; shift
  if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); else fail "$name"; fi
}
same() { # same NAME GOT WANT
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); else fail "$1: got '$2', want '$3'"; fi
}

if ! (cd "$build" && cpack -G DEB -B "$work/out") >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log"; echo "FAIL: cpack -G DEB"; exit 1
fi
debs=("$work"/out/*.deb)
same "one package is built" "${#debs[@]}" 1
deb=${debs[0]}
version=$("$build/tlslint" --version | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1)
arch=$(dpkg --print-architecture)
same "the file name" "$(basename "$deb")" "tlslint_${version}_${arch}.deb"
same "Package" "$(dpkg-deb -f "$deb" Package)" tlslint
same "Version" "$(dpkg-deb -f "$deb" Version)" "$version"
same "Architecture" "$(dpkg-deb -f "$deb" Architecture)" "$arch"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for want in '(^|, )libgit2-[0-9]+\.[0-9]+(,|$)' 'libcjson1 \(>= ' 'libpcre2-8-0 \(>= ' 'libc6 \(>= ' \
            '(^|, )libclang1-14 \| libclang1-15 \| libclang1-16(,|$)'; do
  if grep -Eq -- "$want" <<<"$depends"; then passed=$((passed + 1)); else fail "Depends has $want"; fi
done
# Every dependency is installable here: the package installs on this kind of machine.
for alt in $(sed 's/([^)]*)//g; s/[|,]/ /g' <<<"$depends"); do
  if apt-cache show "$alt" >/dev/null 2>&1 || dpkg-query -W "$alt" >/dev/null 2>&1; then
    passed=$((passed + 1)); else fail "dependency $alt is known to apt"; fi
done

root=$work/root
dpkg-deb -x "$deb" "$root"
same "the files" "$(cd "$root" && find . -type f | sort | tr '\n' ' ')" \
  "./usr/bin/tlslint ./usr/share/bash-completion/completions/tlslint ./usr/share/man/man1/tlslint.1.gz ./usr/share/zsh/vendor-completions/_tlslint "
bin=$root/usr/bin/tlslint
check "the binary is executable" test -x "$bin"
check "the man page is the project's, compressed" cmp <(zcat "$root/usr/share/man/man1/tlslint.1.gz") "$src/docs/tlslint.1"
check "the binary is stripped" bash -c "! readelf -S '$bin' | grep -q '\.debug_info'"
libs=$(ldd "$bin")
check "every linked library is found" bash -c "! grep -q 'not found' <<<'$libs'"
for lib in libcjson libpcre2-8; do
  check "links $lib" grep -q "$lib" <<<"$libs"
done
# libgit2 is loaded at its first use (analyzer/util/git2_api.h): not linked, and found then.
check "does not link libgit2" bash -c "! grep -q libgit2 <<<'$libs'"
repo=$work/repo
git init -q "$repo"
printf 'import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n' > "$repo/client.py"
git -C "$repo" add client.py
check "loads libgit2 for a staged scan" bash -c \
  "cd '$repo' && '$bin' scan --staged --fail-on none -q -f json | grep -q LT-PY-001"
check "the grammars are linked in, not loaded" bash -c "! grep -qi 'tree-sitter' <<<'$libs'"
same "--version" "$("$bin" --version)" "$("$build/tlslint" --version)"

# The packaged binary on the fixtures: every rule's cases pass, C and C++ included (libclang
# loaded at run time), and it reports what the build tree's binary reports.
cd "$src"
if "$bin" test --require-all --exclude demo fixtures >"$work/test.out" 2>&1; then passed=$((passed + 1)); else
  fail "the packaged binary passes tlslint test --require-all fixtures"; tail -5 "$work/test.out"; fi
# The same output name for both (the SARIF log records the command line).
mkdir -p "$work/pkg" "$work/build"
(cd "$work/pkg" && "$bin" scan --fail-on none -q -f sarif -o demo.sarif "$src/fixtures/demo")
(cd "$work/build" && "$build/tlslint" scan --fail-on none -q -f sarif -o demo.sarif "$src/fixtures/demo")
check "the packaged binary's SARIF on the demo is the build tree's" cmp "$work/pkg/demo.sarif" "$work/build/demo.sarif"
"$bin" scan --fail-on none -q -f json -o "$work/pkg.json" --exclude '*.good.*' fixtures
"$build/tlslint" scan --fail-on none -q -f json -o "$work/build.json" --exclude '*.good.*' fixtures
check "and so are its findings on every fixture" cmp "$work/pkg.json" "$work/build.json"
check "libclang was loaded (no notification says otherwise)" bash -c "! grep -q 'libclang could not be loaded' '$work/pkg.json'"
n=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).findings.length)' "$work/pkg.json")
check "findings on the fixtures ($n)" test "$n" -gt 100
c=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).findings.filter(f => /^LT-C-/.test(f.rule || f.ruleId)).length)' "$work/pkg.json")
check "C findings on the fixtures ($c)" test "$c" -gt 5

# bash completion, as packaged: commands, options of a command, values, rule ids.
complete_bash() {
  PATH=$root/usr/bin:$PATH bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _tlslint; echo "${COMPREPLY[*]}"' \
    sh "$root/usr/share/bash-completion/completions/tlslint" "$@"
}
same "bash: commands" "$(complete_bash tlslint '')" "scan fix rules explain languages test audit merge --help --version"
same "bash: a command by its start" "$(complete_bash tlslint au)" audit
same "bash: options of scan" "$(complete_bash tlslint scan --fail-o)" "--fail-on --fail-on-new"
same "bash: options of audit" "$(complete_bash tlslint audit --sh)" "--shard"
same "bash: values of --fail-on" "$(complete_bash tlslint scan --fail-on '')" "error warning note none"
same "bash: rule ids for explain" "$(complete_bash tlslint explain LT-PY-00)" "LT-PY-001 LT-PY-002 LT-PY-003 LT-PY-004 LT-PY-005"
same "bash: rule ids for fix --rule" "$(complete_bash tlslint fix --rule LT-PY-00)" "LT-PY-001 LT-PY-002 LT-PY-003 LT-PY-004 LT-PY-005"
check "bash: registered for tlslint" bash -c ". '$root/usr/share/bash-completion/completions/tlslint'; complete -p tlslint | grep -q -- '-F _tlslint'"

# zsh completion: valid zsh, and with compadd and friends stubbed to print what they are
# offered, it offers the same as bash.
zc=$root/usr/share/zsh/vendor-completions/_tlslint
check "zsh: the file parses" zsh -n "$zc"
same "zsh: starts with #compdef tlslint" "$(head -1 "$zc")" "#compdef tlslint"
complete_zsh() { # complete_zsh PREFIX WORD...
  PATH=$root/usr/bin:$PATH zsh -f -c '
    _call_program() { shift; eval "$*"; }
    _describe() { local a=${@[-1]}; print -rl -- ${(P)a%%:*}; }
    _values() { shift; print -rl -- "$@"; }
    compadd() { [[ $1 == -a ]] && print -rl -- ${(P)2}; }
    _files() { print FILES; }
    PREFIX=$1; shift; words=("$@"); CURRENT=$#words
    source "$0"' "$zc" "$@" | tr '\n' ' ' | sed 's/ $//'
}
same "zsh: commands" "$(complete_zsh '' tlslint '')" "scan fix rules explain languages test audit merge --help --version"
same "zsh: options of scan" "$(complete_zsh --fail-o tlslint scan --fail-o | tr ' ' '\n' | grep -- '^--fail-o' | tr '\n' ' ' | sed 's/ $//')" "--fail-on --fail-on-new"
same "zsh: values of --fail-on" "$(complete_zsh '' tlslint scan --fail-on '')" "error warning note none"
same "zsh: rule ids for explain" "$(complete_zsh LT-PY tlslint explain LT-PY | tr ' ' '\n' | grep -c '^LT-PY-')" 5
same "zsh: files for scan" "$(complete_zsh '' tlslint scan '')" FILES

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
