#!/usr/bin/env bash
# run.sh: times `tlslint scan` against `rg -l` (ripgrep listing the files that contain any of
# the catalogue's prefilter keywords) on the same generated tree, in one run, and prints the
# ratio. The peer does strictly less work (no parsing, no rules): the ratio says what the
# analysis costs over the cheapest possible pass over the same bytes.
#   bench/run.sh [FILES] [MIX]     (defaults: 20000 all; MIX as in gen_tree.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-20000}
mix=${2:-all}
bin=${TLSLINT:-build/tlslint}
tree=${BENCH_TREE:-${TMPDIR:-/tmp}/tlslint-bench-$mix-$files}
[ -x "$bin" ] || { echo "bench: $bin not built (run make)" >&2; exit 2; }
command -v rg >/dev/null || { echo "bench: ripgrep (rg) is not installed (run make setup)" >&2; exit 2; }
if [ ! -d "$tree" ]; then
  echo "bench: generating $files files ($mix) in $tree"
  bench/gen_tree.sh "$tree" "$files" "$mix"
fi
# The keywords the rules themselves declare, as one alternation for rg.
pattern=$("$bin" rules --format json | jq -r '[.[].keywords[]] | unique | join("|")')
echo "bench: tree $tree: $(find "$tree" -type f | wc -l) files, $(du -sh "$tree" | cut -f1)"
echo "bench: rg keywords: $pattern"

runs=${RUNS:-5}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_cmd() { # prints the median wall time in seconds of $runs runs
  for _ in $(seq "$runs"); do
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    echo "$e - $s" | bc -l
  done | median
}
find "$tree" -type f -exec cat {} + >/dev/null # warm the page cache
t_lint=$(time_cmd "$bin" scan --fail-on none -q -f sarif -o /dev/null "$tree")
t_rg=$(time_cmd rg -l -e "$pattern" "$tree")
"$bin" scan --fail-on none -q -v -f json -o /dev/null "$tree" 2>"$tree.verbose" || true
findings=$("$bin" scan --fail-on none -q -f json "$tree" | jq '.findings | length')
printf 'bench: tlslint scan  %.3f s  (%s findings; %s)\n' "$t_lint" "$findings" "$(sed 's/^tlslint: //' "$tree.verbose")"
printf 'bench: rg -l         %.3f s\n' "$t_rg"
printf 'bench: files/s       tlslint %.0f, rg %.0f\n' "$(echo "$files / $t_lint" | bc -l)" "$(echo "$files / $t_rg" | bc -l)"
printf 'bench: ratio         tlslint / rg = %.2f\n' "$(echo "$t_lint / $t_rg" | bc -l)"
