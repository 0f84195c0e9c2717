#!/usr/bin/env bash
# recall.sh: what the declaration shims and the token fallback each add to recall on the C
# fixtures when no header is installed. Prints one line per configuration; fails unless the
# full configuration finds every expected case and the bare one finds fewer (so the measure
# keeps measuring something).
#   tests/c/recall.sh path/to/tlslint
set -euo pipefail
bin=$1
declare -A missing reported
for mode in "full:" "no-shims:--no-shims" "no-fallback:--no-fallback" "neither:--no-shims --no-fallback"; do
	name=${mode%%:*}
	flags=${mode#*:}
	# shellcheck disable=SC2086
	line=$("$bin" test --no-system-headers $flags fixtures/c | grep -E '^[0-9]+ reported' || true)
	r=$(echo "$line" | sed -E 's/^([0-9]+) reported.*/\1/')
	m=$(echo "$line" | sed -E 's/.* ([0-9]+) missing.*/\1/')
	reported[$name]=$r
	missing[$name]=$m
	total=$((r + m))
	awk -v n="$name:" -v r="$r" -v t="$total" \
		'BEGIN { printf "recall without headers, %-12s %3d/%d = %5.1f%%\n", n, r, t, 100 * r / t }' 
done
[ "${missing[full]}" -eq 0 ] || { echo "recall.sh: the full configuration misses cases"; exit 1; }
[ "${missing[neither]}" -gt 0 ] || { echo "recall.sh: the bare configuration misses nothing?"; exit 1; }
