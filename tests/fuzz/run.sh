#!/usr/bin/env bash
# run.sh: runs every libFuzzer target of a fuzz build for a while and prints one line each.
#   tests/fuzz/run.sh FUZZ_BUILD_DIR SECONDS [TARGET...]
# Each target first replays its regression inputs (tests/fuzz/regressions/TARGET/: inputs that
# once crashed it), then fuzzes for SECONDS, starting from its seeds (tests/fuzz/seeds/TARGET/
# and the fixtures of its format) and from the corpus it grew in earlier runs
# (FUZZ_BUILD_DIR/fuzz-corpus/TARGET/). A crash leaves its input in
# FUZZ_BUILD_DIR/fuzz-artifacts/TARGET/. Exit status 1 when any target crashed. An input that
# runs longer than FUZZ_TIMEOUT seconds (default 30: generous, for a loaded machine) counts as
# a crash too.
set -uo pipefail
build=$(cd "$1" && pwd)
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(reg config rule compdb baseline decode gitignore nginx directives shell_readers properties cwire cfix msbuild)

# The fixtures of each target's format, as seeds (found at run time, never copied in).
seed_files() {
	case $1 in
	reg) find "$root/fixtures" -name '*.reg' ;;
	config) find "$root/fixtures" "$root/tests" -name '.tlslint.toml' ;;
	rule) find "$root/rules" -name '*.rule' -o -name '*.scm' ;;
	compdb) find "$root/fixtures" "$root/tests" -name 'compile_commands.json' ;;
	baseline) find "$root/tests/golden" -name '*.sarif.json' ;;
	decode) find "$root/fixtures" -type f -size -64k | sort | head -400 ;;
	gitignore) find "$root/fixtures" "$root/tests" -name '.gitignore' ;;
	nginx) find "$root/fixtures" -path "*nginx*" -type f -size -64k ;;
	properties) find "$root/fixtures/jvm" -type f -size -64k ;;
	cfix) find "$root/fixtures/c" "$root/tests/fix/c" -type f -size -64k ;;
	shell_readers) find "$root/fixtures/shell" -type f -size -64k ;;
	msbuild) find "$root/fixtures/dotnet" "$root/fixtures/demo" -type f \( -name "*.*proj" -o -name "*.props" -o -name "*.targets" -o -name "*.config" \) -size -64k ;;
	directives) find "$root/fixtures/apache" "$root/fixtures/haproxy" "$root/fixtures/openssl" -type f -size -64k ;;
	esac
}

status=0
for t in "${targets[@]}"; do
	exe=$build/fuzz_$t
	[ -x "$exe" ] || { echo "fuzz_$t: not built ($exe)"; status=1; continue; }
	corpus=$build/fuzz-corpus/$t
	seeds=$build/fuzz-seeds/$t
	arts=$build/fuzz-artifacts/$t
	log=$build/fuzz-logs/$t.log
	mkdir -p "$corpus" "$arts" "$(dirname "$log")"
	rm -rf "$seeds" && mkdir -p "$seeds"
	[ -d "$here/seeds/$t" ] && cp "$here/seeds/$t"/* "$seeds/" 2>/dev/null
	n=0
	while IFS= read -r f; do
		n=$((n + 1))
		cp "$f" "$seeds/fixture-$n"
	done < <(seed_files "$t")
	# Known crashers must stay fixed.
	regressions=$(find "$here/regressions/$t" -type f 2>/dev/null | sort)
	if [ -n "$regressions" ]; then
		# shellcheck disable=SC2086
		if ! "$exe" -runs=1 $regressions >"$log.regressions" 2>&1; then
			echo "fuzz_$t: a regression input crashes again (see $log.regressions)"
			status=1
			continue
		fi
	fi
	before=$(find "$arts" -type f ! -name "slow-unit-*" | wc -l)
	"$exe" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-30}" -rss_limit_mb=2048 -max_len=65536 \
		-print_final_stats=1 -artifact_prefix="$arts/" "$corpus" "$seeds" >"$log" 2>&1
	rc=$?
	after=$(find "$arts" -type f ! -name "slow-unit-*" | wc -l)
	execs=$(LC_ALL=C sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(grep -ao 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
	ft=$(grep -ao 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
	crashes=$((after - before))
	[ $rc -eq 0 ] || [ $crashes -gt 0 ] || crashes=1
	echo "fuzz_$t: ${execs:-0} executions in ${seconds} s, coverage ${cov:-0} edges (${ft:-0} features), corpus $(find "$corpus" -type f | wc -l) inputs, $crashes crashes"
	[ $crashes -eq 0 ] || { status=1; echo "  see $log and $arts/"; }
done
exit $status
