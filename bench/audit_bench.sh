#!/usr/bin/env bash
# audit_bench.sh: `tlslint audit` over generated bare repositories: repositories per minute and
# peak memory (/usr/bin/time -v) for several repository counts, so that a peak that grows with
# the count shows. Each repository is a bare mirror built with git fast-import: about 30 C#
# files (a few hundred lines each) in nested directories, a .gitignore, and legacy-TLS
# assignments (`ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;`) in one
# repository out of three.
#   bench/audit_bench.sh [COUNT...]      (default: 100 300 600)
# Environment: TLSLINT (default build/tlslint), JOBS (default: number of cores), BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${TLSLINT:-build/tlslint}
root=${BENCH_DIR:-${TMPDIR:-/tmp}/tlslint-audit-bench}
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(100 300 600)
[ -x "$bin" ] || { echo "bench: $bin not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
jobs=${JOBS:-$(nproc)}

# One repository's history as a fast-import stream: a single commit on main.
stream() { # stream INDEX
	awk -v n="$1" '
	function blob(path, text) {
		printf "M 100644 inline %s\ndata %d\n%s\n", path, length(text), text
	}
	function cs(ns, cls, k, legacy,   s, i) {
		s = "using System;\nusing System.Net;\nusing System.Collections.Generic;\n\nnamespace Org.Repo" n "." ns "\n{\n    public class " cls "\n    {\n"
		for (i = 0; i < 30 + (k * 7 + n) % 40; i++)
			s = s "        public int Step" i "(int value) { var items = new List<int> { value, " i " }; return items.Count * value + " (i * n) % 97 "; }\n"
		if (legacy)
			s = s "        public void Configure() { ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls; }\n"
		else if (k % 5 == 0)
			s = s "        // TLS is left to the operating system (SecurityProtocol is not set).\n"
		return s "    }\n}\n"
	}
	BEGIN {
		print "commit refs/heads/main"
		print "author Bench <bench@example.com> 1767225600 +0000"
		print "committer Bench <bench@example.com> 1767225600 +0000"
		printf "data 7\nimport\n"
		blob(".gitignore", "bin/\nobj/\n*.Designer.cs\n")
		blob("README.md", "# repository " n "\n")
		for (k = 0; k < 30; k++) {
			dir = "src/Module" (k % 6) "/Part" (k % 3)
			blob(dir "/Service" k ".cs", cs("Module" (k % 6), "Service" k, k, n % 3 == 0 && k % 10 == 0))
		}
		blob("obj/Debug/Generated.cs", cs("Obj", "Generated", 0, 1))
		blob("src/Forms/Main.Designer.cs", cs("Forms", "Main", 1, 1))
		print ""
	}'
}

generate() { # generate DIR COUNT
	local dir=$1 count=$2 i
	rm -rf "$dir"
	mkdir -p "$dir/repos"
	for i in $(seq 1 "$count"); do
		local r
		r=$(printf '%s/repos/org%02d/repo%04d.git' "$dir" $((i % 10)) "$i")
		git init -q --bare --template= -b main "$r"
		stream "$i" | git -C "$r" fast-import --quiet
	done
	echo "$dir/repos" >"$dir/list"
}

peak_kib() { sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$1"; }

printf 'bench: tlslint %s, %s jobs, %s cores\n' "$("$bin" --version | cut -d' ' -f2)" "$jobs" "$(nproc)"
printf '%8s %10s %10s %12s %12s %10s %12s\n' repos seconds repos/min "peak MiB" findings rerun-s rerun-MiB
for count in "${counts[@]}"; do
	dir=$root/$count
	if [ ! -f "$dir/list" ] || [ "$(find "$dir/repos" -name '*.git' -maxdepth 2 | wc -l)" -ne "$count" ]; then
		echo "bench: generating $count bare repositories in $dir" >&2
		generate "$dir" "$count"
	fi
	rm -rf "$dir/out"
	# First run: every repository scanned. Second run: all unchanged (resume).
	/usr/bin/time -v -o "$dir/time1" "$bin" audit -q -j "$jobs" --fail-on none -o "$dir/out" "$dir/list"
	/usr/bin/time -v -o "$dir/time2" "$bin" audit -q -j "$jobs" --fail-on none -o "$dir/out" "$dir/list"
	secs=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time1" |
		awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
	secs2=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time2" |
		awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
	findings=$(sed -n 's/^\t"findings":\t*\([0-9]*\).*/\1/p' "$dir/out/summary.json" | head -1)
	[ -n "$findings" ] || findings=$(grep -m1 -o '"findings":[^0-9]*[0-9]*' "$dir/out/summary.json" | grep -o '[0-9]*$')
	printf '%8d %10.2f %10.0f %12.1f %12s %10.2f %12.1f\n' "$count" "$secs" \
		"$(awk -v c="$count" -v s="$secs" 'BEGIN { print (s > 0 ? c * 60 / s : 0) }')" \
		"$(awk -v k="$(peak_kib "$dir/time1")" 'BEGIN { print k / 1024 }')" "$findings" "$secs2" \
		"$(awk -v k="$(peak_kib "$dir/time2")" 'BEGIN { print k / 1024 }')"
done
