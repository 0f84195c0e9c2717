#!/usr/bin/env bash
# corpus.sh CORPUS: issue 11's table on the 30-repository corpus, in one run: tlslint against
# ripgrep's keyword prefilter, ast-grep (when installed) parsing every C/C++/C#/Python file,
# Bandit (when installed) B502-B504 on the Python part, one C# file with TLS code and one C
# file without a legacy token against rg on that file, and the peak memory of the whole scan.
# Prints the ratios and the findings counts (a speed change that loses findings shows).
#   CORPUS: the GROUP/OWNER+NAME work trees that ../shared/bench/corpora.sh writes (c/, cs/, py/)
#   env: TLSLINT (build/tlslint), RUNS (5), WARMUP (1), AST_GREP (ast-grep on PATH or
#        /work/tools/node_modules/.bin/ast-grep; AST_GREP=none: left out), BANDIT (bandit on PATH;
#        empty: left out), BANDIT_RUNS (1), OUT (a directory for the
#        SARIF log, the findings tuples and hyperfine's JSON; default a temporary one)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?usage: bench/corpus.sh CORPUS}
bin=$(realpath "${TLSLINT:-build/tlslint}")
runs=${RUNS:-5}
warmup=${WARMUP:-1}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
for t in rg hyperfine jq; do
  command -v "$t" >/dev/null || { echo "corpus: $t is not installed" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "corpus: $bin not built" >&2; exit 2; }
astgrep=${AST_GREP:-$(command -v ast-grep || echo /work/tools/node_modules/.bin/ast-grep)}
[ -x "$astgrep" ] || astgrep=
bandit=${BANDIT-$(command -v bandit || true)}
kw='TLS|Tls|SSL|Ssl|SecurityProtocol|TargetFramework|SchUseStrongCrypto|SystemDefaultTls'
csfile=${CS_FILE:-$corpus/cs/PowerShell+PowerShell/src/Microsoft.PowerShell.Commands.Utility/commands/utility/WebCmdlet/Common/WebRequestPSCmdlet.Common.cs}
cfile=${C_FILE:-$corpus/c/curl+curl/lib/vtls/vtls.c}
scan="$bin scan --fail-on none -q -j2 -f sarif -o /dev/null"

# ast-grep: four rules of our own, one per language, so that it parses every file.
sg="$out/ast-grep"
mkdir -p "$sg/rules"
printf 'ruleDirs: [rules]\n' > "$sg/sgconfig.yml"
rule() { # ID LANGUAGE PATTERN
  printf 'id: %s\nlanguage: %s\nseverity: warning\nmessage: m\nrule:\n  pattern: %s\n' "$1" "$2" "'$3'" > "$sg/rules/$1.yml"
}
rule cs-protocol csharp 'ServicePointManager.SecurityProtocol'
rule py-context python 'ssl.SSLContext($P)'
rule c-method c 'SSL_CTX_new'
rule cpp-method cpp 'SSL_CTX_new'
if [ -n "$astgrep" ] && ! "$astgrep" scan -c "$sg/sgconfig.yml" "$sg" >/dev/null 2>"$out/ast-grep.err"; then
  echo "corpus: ast-grep does not take the rules:" >&2; cat "$out/ast-grep.err" >&2; exit 2
fi

find "$corpus" -type f -exec cat {} + >/dev/null # warm the page cache
echo "corpus: $corpus: $(find "$corpus" -type f | wc -l) files, $(du -sh "$corpus" | cut -f1)"
cmds=(-n tlslint "$scan $corpus" -n rg "rg -l -j2 '$kw' $corpus"
      -n tlslint-py "$scan $corpus/py"
      -n tlslint-cs-file "$scan $csfile" -n rg-cs-file "rg -l '$kw' $csfile"
      -n tlslint-c-file "$scan $cfile" -n rg-c-file "rg -l '$kw' $cfile")
[ -n "$astgrep" ] && cmds+=(-n ast-grep "$astgrep scan -c $sg/sgconfig.yml -j 2 $corpus")
# -N: no shell between hyperfine and the command (it would add milliseconds to the one-file
# measurements); -i: findings make tlslint, rg and ast-grep exit non-zero.
hyperfine -N --style basic --warmup "$warmup" --runs "$runs" -i --export-json "$out/main.json" "${cmds[@]}" >/dev/null
if [ -n "$bandit" ]; then
  hyperfine --style basic --runs "${BANDIT_RUNS:-1}" -i --export-json "$out/bandit.json" \
    -n bandit "$bandit -q -r -t B502,B503,B504 -f json -o /dev/null $corpus/py" >/dev/null 2>&1
fi
t() { jq -r --arg n "$2" '.results[] | select(.command == $n) | .median' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
ms() { awk -v a="$1" 'BEGIN { printf "%.0f ms", a * 1000 }'; }
tl=$(t "$out/main.json" tlslint); rg_=$(t "$out/main.json" rg)
tpy=$(t "$out/main.json" tlslint-py)
tcs=$(t "$out/main.json" tlslint-cs-file); rcs=$(t "$out/main.json" rg-cs-file)
tc=$(t "$out/main.json" tlslint-c-file); rc=$(t "$out/main.json" rg-c-file)
printf '| measure | tlslint | peer | ratio | goal |\n|---|---|---|---|---|\n'
printf '| whole corpus, tlslint / rg prefilter | %.2f s | %.2f s | %sx | <= 2x |\n' "$tl" "$rg_" "$(ratio "$tl" "$rg_")"
if [ -n "$astgrep" ]; then
  ta=$(t "$out/main.json" ast-grep)
  printf '| ast-grep (all files) / tlslint | %.2f s | %.2f s | %sx | >= 20x |\n' "$tl" "$ta" "$(ratio "$ta" "$tl")"
fi
printf '| one C# file with TLS code, tlslint / rg | %s | %s | %sx | <= 6x (about 25 ms) |\n' "$(ms "$tcs")" "$(ms "$rcs")" "$(ratio "$tcs" "$rcs")"
printf '| one C file without a legacy token | %s | %s | %sx | <= 30 ms |\n' "$(ms "$tc")" "$(ms "$rc")" "$(ratio "$tc" "$rc")"
if [ -n "$bandit" ]; then
  tb=$(t "$out/bandit.json" bandit)
  printf '| Bandit B502-B504 on the Python part / tlslint | %.2f s | %.1f s | %sx | >= 100x |\n' "$tpy" "$tb" "$(ratio "$tb" "$tpy")"
fi
# Peak memory and findings from one more scan.
/usr/bin/time -f '%M' -o "$out/rss" "$bin" scan --fail-on none -q -j2 -f sarif -o "$out/corpus.sarif" "$corpus"
printf '| peak memory, whole corpus | %.0f MiB | | | <= 200 MiB |\n' "$(awk '{ print $1 / 1024 }' "$out/rss")"
bench/sarif_tuples.sh "$out/corpus.sarif" > "$out/findings.tsv"
echo
echo "findings: $(wc -l < "$out/findings.tsv") ($(cut -f1 "$out/findings.tsv" | sort | uniq -c | awk '{ printf "%s %s, ", $2, $1 }' | sed 's/, $//'))"
echo "files:    SARIF log $out/corpus.sarif, tuples $out/findings.tsv, timings $out/main.json"
