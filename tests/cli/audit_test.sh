#!/usr/bin/env bash
# audit_test.sh TLSLINT MODE: end-to-end tests of `tlslint audit` and `tlslint merge` on the
# repositories audit_make_repos.sh builds. MODE is one of:
#   basic   bare + work tree + broken repositories: statuses, exit status, ignore rules (the
#           tree walk lists what a checkout scan lists), provenance without credentials, --ref,
#           every SARIF log through validate-sarif
#   resume  a re-run skips unchanged repositories and rescans changed ones
#   shard   N shards merged equal one run byte for byte; shards do not depend on list order
#   html    report.html in headless Chromium: charts drawn, sorting works, findings pages
#   layout  git directories without a config file, empty repositories, unreadable ones, names
#   fixtures every rule over the fixtures: a bare repository gives what a checkout scan gives
# Environment: TLSLINT_VALIDATE_SARIF (the validator), TLSLINT_SOURCE_DIR (the checkout).
set -euo pipefail
tlslint=$1
mode=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tlslint-audit-$mode.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}
check() { # check DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@"; then echo "ok: $what"; else fail "$what"; fi
}
expect_status() { # expect_status WANT DESCRIPTION COMMAND...
	local want=$1 what=$2 got=0
	shift 2
	"$@" || got=$?
	if [ "$got" -eq "$want" ]; then echo "ok: $what (exit $got)"; else fail "$what: exit $got, want $want"; fi
}
# json FILE EXPR: prints a JavaScript expression evaluated over the parsed JSON file `d`.
json() {
	node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
		 const v = eval(process.argv[2]); console.log(typeof v === "string" ? v : JSON.stringify(v));' "$1" "$2"
}
record() { # record DIR REPOSITORY FIELD
	json "$1/summary.json" "d.repositories.find(r => r.repository === '$2').$3"
}

# Only LT-CS-001 runs, so that the expectations below do not move as other rules land.
rule_opts=()
for id in $("$tlslint" rules --format json | node -e 'let t = ""; process.stdin.on("data", c => t += c).on("end",
		() => console.log(JSON.parse(t).map(r => r.id).filter(id => id !== "LT-CS-001").join(" ")))'); do
	rule_opts+=(--disable "$id")
done
audit() { "$tlslint" audit "${rule_opts[@]}" "$@"; }

"$here/audit_make_repos.sh" "$work/repos" >/dev/null
cd "$work/repos"

case "$mode" in
basic)
	expect_status 3 "an audit with broken repositories exits 3" \
		audit -q -j 2 -o out list
	printf 'repository,rule,level,count\nbare/alpha.git,LT-CS-001,error,3\nbare/beta.git,LT-CS-001,error,1\nbare/broken.git,LT-CS-001,error,1\nwork/gamma,LT-CS-001,error,1\n' >want.csv
	check "summary.csv counts findings per repository, rule and level" diff -u want.csv out/summary.csv
	check "eight repositories, directories expanded" \
		test "$(json out/summary.json 'd.repositories.map(r => r.repository).join(" ")')" = \
		"bare/alpha.git bare/beta.git bare/broken.git bare/clean.git bare/nohead.git missing notarepo work/gamma"
	for r in bare/alpha.git bare/beta.git bare/clean.git work/gamma; do
		check "$r is scanned" test "$(record out "$r" status)" = scanned
	done
	check "bare repositories are read as bare" test "$(record out bare/alpha.git kind)" = bare
	check "work trees are read as work trees" test "$(record out work/gamma kind)" = worktree
	for r in bare/nohead.git missing notarepo; do
		check "$r is reported as failed" test "$(record out "$r" status)" = failed
	done
	# One unreadable blob: partial, not failed, and the findings of the other file are kept.
	check "a repository with one unreadable blob is partial" test "$(record out bare/broken.git status)" = partial
	check "a missing blob is named as such" test "$(record out bare/broken.git error)" = \
		"1 of 2 files could not be read (missing or corrupt objects); the others were scanned"
	check "the readable file of a broken repository is still scanned" \
		test "$(record out bare/broken.git findings)" = 1
	check "totals count failed, partial and empty apart" \
		test "$(json out/summary.json '[d.totals.failed, d.totals.partial, d.totals.empty].join()')" = 3,1,0
	check "totals count findings per area" \
		test "$(json out/summary.json 'd.totals.areas')" = \
		'{"code":6}'
	# Names: the remote's path when the remote has a host, else the path without '.git'.
	check "a repository with a remote is named after it" test "$(record out bare/beta.git name)" = org/beta
	check "a repository with a local remote is named after its path" test "$(record out bare/clean.git name)" = bare/clean
	check "a repository without a remote is named after its path" test "$(record out bare/alpha.git name)" = bare/alpha
	check "a work tree keeps its path as its name" test "$(record out work/gamma name)" = work/gamma
	check "a HEAD naming no branch is explained" grep -q "refs/heads/gone" <<<"$(record out bare/nohead.git error)"

	# The tree walk of a bare repository lists what scanning a checkout lists.
	(cd src/alpha && "$tlslint" scan "${rule_opts[@]}" -q -f json .) >checkout.json || true
	json checkout.json 'd.findings.map(f => f.path).sort().join(" ")' >checkout.paths
	sarif=$(ls out/repos/bare_alpha.git-*.sarif)
	json "$sarif" 'd.runs[0].results.map(r => r.locations[0].physicalLocation.artifactLocation.uri).sort().join(" ")' >bare.paths
	check "ignore rules from .gitignore blobs match a checkout's" diff -u checkout.paths bare.paths
	check "and they leave the expected files" test "$(cat bare.paths)" = \
		"Forms/Important.Designer.cs Net/Client.cs tools/keep/Keep.cs"

	beta=$(ls out/repos/bare_beta.git-*.sarif)
	check "provenance names the commit" test "$(json "$beta" 'd.runs[0].versionControlProvenance[0].revisionId')" = \
		"$(git -C bare/beta.git rev-parse HEAD)"
	check "provenance names the branch" test "$(json "$beta" 'd.runs[0].versionControlProvenance[0].branch')" = release
	check "provenance URI has no credentials, query or fragment" \
		test "$(json "$beta" 'd.runs[0].versionControlProvenance[0].repositoryUri')" = "https://git.example.com/org/beta.git"
	check "no credential anywhere in the output" bash -c "! grep -rq -e s3cret -e token= out"

	expect_status 3 "--ref scans another revision" audit -q --ref main -o refout list
	check "--ref main fails where there is no main" grep -q "'main'" <<<"$(record refout bare/beta.git error)"
	check "--ref main scans the others" test "$(record refout bare/alpha.git findings)" = 3

	# A progress line on a terminal only.
	audit --no-resume -o out list 2>plain.txt || true
	check "no progress line when standard error is not a terminal" bash -c "! grep -q \$'\\r' plain.txt"
	if command -v script >/dev/null; then
		script -qec "'$tlslint' audit ${rule_opts[*]} --no-resume -o out list" /dev/null >tty.txt 2>&1 || true
		check "a progress line on a terminal: done/total, failed, findings, rate" \
			grep -aq $'\r.*8/8 repositories, 3 failed, 6 findings, [0-9]*/min' tty.txt
	fi

	printf 'bare/clean.git\n' >clean.list
	expect_status 0 "an audit of clean repositories exits 0" audit -q -o clean clean.list
	printf 'bare/beta.git\n' >beta.list
	expect_status 1 "an audit with findings exits 1" audit -q -o betaout beta.list
	expect_status 0 "--fail-on none" audit -q --fail-on none -o betaout beta.list
	expect_status 2 "no list is a usage error" audit -q -o x
	expect_status 2 "a bad --shard is a usage error" audit -q --shard 3/2 -o x list
	expect_status 2 "an unreadable list is an error" audit -q -o x no-such-list

	# SARIF: complete logs pass --strict; a failed repository's log differs only in saying so.
	validator=${TLSLINT_VALIDATE_SARIF:-}
	if [ -z "$validator" ]; then
		echo "ok: SARIF validation left to the plain flavour"
	elif [ ! -x "$validator" ]; then
		fail "validate-sarif not found at $validator"
	else
		good=() bad=()
		for r in alpha beta clean; do good+=("$(ls "$PWD"/out/repos/bare_$r.git-*.sarif)"); done
		good+=("$(ls "$PWD"/out/repos/work_gamma-*.sarif)")
		for r in bare_broken.git bare_nohead.git missing notarepo; do bad+=("$(ls "$PWD"/out/repos/$r-*.sarif)"); done
		if (cd "${TLSLINT_SOURCE_DIR:?}" && "$validator" --strict "${good[@]}") >validate.txt 2>&1; then
			echo "ok: per-repository SARIF logs pass validate-sarif --strict"
		else
			cat validate.txt
			fail "per-repository SARIF logs pass validate-sarif --strict"
		fi
		if (cd "$TLSLINT_SOURCE_DIR" && "$validator" "${bad[@]}") >validate-bad.txt 2>&1; then
			echo "ok: failed repositories' SARIF logs are valid"
		else
			cat validate-bad.txt
			fail "failed repositories' SARIF logs are valid"
		fi
		check "failed repositories' logs warn only that the execution failed" \
			bash -c "! grep ': warning ' validate-bad.txt | grep -v ': warning github/execution: '"
		check "failed repositories' logs carry the reason" \
			test "$(json "${bad[1]}" 'd.runs[0].invocations[0].toolExecutionNotifications.map(n => n.level).join()')" = error
	fi
	;;
layout)
	# Git directories as mirroring tools write them: HEAD, objects/ and refs/ only, built with
	# plumbing (no `config` file). A file with a finding lies beside them, where a git
	# directory mistaken for a work tree's would look.
	export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t
	export GIT_COMMITTER_EMAIL=t@example.com GIT_CONFIG_NOSYSTEM=1 HOME=$work
	mkdir -p layout/mirrors && cd layout
	printf 'using System.Net;\nclass D { static void M() { ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3; } }\n' >mirrors/Decoy.cs
	plumb() { # plumb GITDIR FILE... : a config-less git directory whose one commit holds FILEs
		local d=$1 tree
		shift
		mkdir -p "$d/objects" "$d/refs/heads" "$d/refs/tags"
		printf 'ref: refs/heads/main\n' >"$d/HEAD"
		tree=$(for f in "$@"; do
			printf '100644 blob %s\t%s\n' "$(git --git-dir="$d" hash-object -w "$f")" "$(basename "$f")"
		done | git --git-dir="$d" mktree)
		git --git-dir="$d" update-ref refs/heads/main "$(git --git-dir="$d" commit-tree -m one "$tree" </dev/null)"
	}
	printf 'using System.Net;\nclass C {\n    static void M() {\n        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;\n    }\n}\n' >App.cs
	printf '# docs only\n' >README.md
	plumb mirrors/nocfg.git App.cs
	plumb mirrors/owner+proj/repo App.cs
	plumb mirrors/docs.git README.md
	plumb mirrors/emptytree.git
	plumb mirrors/unreadable.git App.cs
	blob=$(git hash-object App.cs)
	rm -f "mirrors/unreadable.git/objects/${blob:0:2}/${blob:2}"
	git init -q --bare mirrors/empty.git
	git init -q --bare mirrors/remote.git
	git --git-dir=mirrors/remote.git config remote.origin.url git@git.example.com:team/svc.git
	for d in mirrors/nocfg.git mirrors/owner+proj/repo mirrors/unreadable.git; do
		check "$d has no config file" test ! -e "$d/config"
	done
	printf 'mirrors/\n' >list
	expect_status 3 "an audit with an unreadable repository exits 3" audit -q -o out list
	check "the directory's git directories are listed, the decoy file is not" \
		test "$(json out/summary.json 'd.repositories.map(r => r.repository).join(" ")')" = \
		"mirrors/docs.git mirrors/empty.git mirrors/emptytree.git mirrors/nocfg.git mirrors/owner+proj/repo mirrors/remote.git mirrors/unreadable.git"
	for r in mirrors/nocfg.git mirrors/owner+proj/repo; do
		check "$r (no config) is read as bare" test "$(record out "$r" kind)" = bare
		check "$r (no config) is scanned" test "$(record out "$r" status)" = scanned
		check "$r (no config): its one file, not the decoy beside it" \
			test "$(record out "$r" files),$(record out "$r" findings)" = 1,1
	done
	nocfg=$(ls out/repos/mirrors_nocfg.git-*.sarif)
	check "the finding is the commit's App.cs" \
		test "$(json "$nocfg" 'd.runs[0].results.map(r => r.locations[0].physicalLocation.artifactLocation.uri + ":" + r.locations[0].physicalLocation.region.startLine).join()')" = App.cs:4
	check "a config-less git directory is named after its path without .git" test "$(record out mirrors/nocfg.git name)" = mirrors/nocfg
	check "a path ending in /repo is named without it" test "$(record out mirrors/owner+proj/repo name)" = mirrors/owner+proj
	check "an scp-like remote names the repository" test "$(record out mirrors/remote.git name)" = team/svc
	# Nothing scanned is never clean: empty, with the reason.
	for r in mirrors/empty.git mirrors/remote.git; do
		check "$r (no commit) is empty" test "$(record out "$r" status)" = empty
		check "$r says it has no commit" grep -q 'nothing to scan: the repository has no commit' <<<"$(record out "$r" error)"
	done
	check "a commit of docs only is empty" test "$(record out mirrors/docs.git status)" = empty
	check "and says why" test "$(record out mirrors/docs.git error)" = "nothing to scan: no file of the commit is in a language tlslint reads"
	check "a commit of an empty tree is empty" test "$(record out mirrors/emptytree.git status)" = empty
	check "and says why" grep -q '^nothing to scan: the tree of commit [0-9a-f]\{40\} is empty$' <<<"$(record out mirrors/emptytree.git error)"
	check "a repository whose every file is unreadable failed" test "$(record out mirrors/unreadable.git status)" = failed
	check "and says why" test "$(record out mirrors/unreadable.git error)" = "none of the 1 files could be read (missing or corrupt objects)"
	check "totals: 2 scanned, 4 empty, 1 failed" \
		test "$(json out/summary.json '[d.totals.repositories, d.totals.failed, d.totals.partial, d.totals.empty].join()')" = 7,1,0,4
	check "the report shows the empty status" grep -q '>empty: nothing to scan' out/report.html
	docs=$(ls out/repos/mirrors_docs.git-*.sarif)
	check "an empty repository's log says so in a note, and the run succeeded" \
		test "$(json "$docs" 'd.runs[0].invocations[0].executionSuccessful + " " + d.runs[0].invocations[0].toolExecutionNotifications.map(n => n.level).join()')" = "true note"
	# Empty repositories alone: exit 0 (no failure, no finding), and never "scanned".
	printf 'mirrors/empty.git\nmirrors/docs.git\n' >empty.list
	expect_status 0 "an audit of empty repositories exits 0" audit -q -o emptyout empty.list
	# A work tree with nothing to scan.
	mkdir -p work/docs && cp README.md work/docs/ && git -C work/docs init -q -b main &&
		git -C work/docs add -A && git -C work/docs commit -q -m docs
	printf 'work/docs\n' >work.list
	expect_status 0 "an audit of a work tree with nothing to scan exits 0" audit -q -o workout work.list
	check "a work tree with nothing to scan is empty" test "$(record workout work/docs status)" = empty
	check "and says why" test "$(record workout work/docs error)" = "nothing to scan: no file of the work tree is in a language tlslint reads"
	validator=${TLSLINT_VALIDATE_SARIF:-}
	if [ -n "$validator" ]; then
		if "$validator" --strict out/repos/mirrors_nocfg.git-*.sarif "$docs" >validate.txt 2>&1; then
			echo "ok: the logs of config-less and empty repositories pass validate-sarif --strict"
		else
			cat validate.txt
			fail "the logs of config-less and empty repositories pass validate-sarif --strict"
		fi
	fi
	;;
resume)
	audit -j 2 -o out list 2>first.txt || true
	check "a first run scans everything" grep -q '(0 unchanged since the last run)' first.txt
	audit -j 2 -o out list 2>second.txt || true
	check "a re-run skips the four audited repositories, retries the three failed and the partial one" \
		grep -q '8 repositories audited (4 unchanged since the last run), 3 failed, 1 partial, 0 empty' second.txt
	cp out/summary.json first-summary.json
	cs_new='class D { void M() { ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3; } }'
	(cd src/beta && echo "$cs_new" >New.cs && git add New.cs &&
		GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@e GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@e git commit -qm new &&
		git push -q ../../bare/beta.git release)
	echo "$cs_new" >work/gamma/Dirty.cs
	audit -j 2 -o out list 2>third.txt || true
	check "a new commit and a dirty work tree are rescanned" \
		grep -q '(2 unchanged since the last run)' third.txt
	check "the new commit is in the summary" test "$(record out bare/beta.git commit)" = \
		"$(git -C bare/beta.git rev-parse HEAD)"
	check "with its new finding" test "$(record out bare/beta.git findings)" = 2
	check "the dirty work tree's new file is scanned" test "$(record out work/gamma findings)" = 2
	audit -j 2 --no-resume -o out list 2>fourth.txt || true
	check "--no-resume rescans everything" grep -q '(0 unchanged since the last run)' fourth.txt
	audit -j 2 --exclude '*.Designer.cs' -o out list 2>fifth.txt || true
	check "another configuration rescans everything" grep -q '(0 unchanged since the last run)' fifth.txt
	audit -q --exclude '*.Designer.cs' -o out list || true
	audit -q --no-resume --exclude '*.Designer.cs' -o fresh list || true
	check "summary of a resumed run equals a fresh one" cmp out/summary.json fresh/summary.json
	# A rule changed in one header key only (here `spelling`, which decides which writes are
	# reported) is another configuration: nothing made under the old rule is reused.
	mkdir spell
	sed -e 's/^; id: LT-CS-001$/; id: LT-TST-901/' "${TLSLINT_SOURCE_DIR:-$here/../..}/rules/csharp/LT-CS-001.scm" >spell/LT-TST-901.scm
	check "the copied rule spells names" grep -q '^; spelling: names$' spell/LT-TST-901.scm
	total() { json "$1/summary.json" 'd.repositories.reduce((n, r) => n + r.findings, 0)'; }
	audit -q --rules spell --disable LT-CS-001 -o spelled list || true
	audit -q -o cs001 list || true
	check "the copy finds what LT-CS-001 finds (8 named writes)" \
		test "$(total spelled) $(total cs001)" = "8 8"
	sed -i 's/^; spelling: names$/; spelling: numbers/' spell/LT-TST-901.scm
	audit -j 2 --rules spell --disable LT-CS-001 -o spelled list 2>spelled.txt || true
	check "a rule whose spelling changed rescans everything" \
		grep -q '(0 unchanged since the last run)' spelled.txt
	check "and finds no write spelled as a number" test "$(total spelled)" = 0
	;;
shard)
	audit -q -j 2 -o single list || true
	n=3
	dirs=()
	for k in $(seq 1 $n); do
		audit -q --shard "$k/$n" -o "shard$k" list || true
		dirs+=("shard$k")
	done
	total=0
	for d in "${dirs[@]}"; do total=$((total + $(json "$d/summary.json" 'd.repositories.length'))); done
	check "the shards together hold every repository once" test "$total" = 8
	expect_status 3 "merge exits like the audit" "$tlslint" merge -q -o merged "${dirs[@]}"
	for f in summary.json summary.csv report.html; do
		check "merged $f equals a single run's, byte for byte" cmp single/$f merged/$f
	done
	check "merged repos/ holds every repository's files" diff <(ls single/repos) <(ls merged/repos)
	for f in single/repos/*; do
		cmp -s "$f" "merged/repos/${f##*/}" || fail "merged ${f##*/} differs from the single run's"
	done
	for k in $(seq 1 $n); do
		audit --dry-run --shard "$k/$n" list >"dry$k.txt"
		check "--dry-run lists shard $k's repositories" test "$(tr '\n' ' ' <"dry$k.txt")" = \
			"$(json "shard$k/summary.json" 'd.repositories.map(r => r.repository).join(" ")') "
	done
	check "--dry-run without --shard lists every repository" test "$(audit --dry-run list | wc -l)" = 8
	# Shards hang on repository identities, not on positions in the list.
	tac list >reversed.list
	audit -q --shard 2/$n -o reversed reversed.list || true
	check "a reordered list gives the same shard" cmp shard2/summary.json reversed/summary.json
	"$tlslint" merge -q -o shard1 shard1 shard2 shard3 || true
	check "merging into one of the shard directories works" cmp single/summary.json shard1/summary.json
	audit -q --shard 1/$n --disable LT-CS-001 --no-resume -o other list || true
	expect_status 2 "shards of different configurations do not merge" \
		"$tlslint" merge -q -o bad shard2 other
	expect_status 2 "a directory without a summary does not merge" "$tlslint" merge -q -o bad shard2 nowhere
	;;
html)
	audit -q -o out list || true
	check "the report loads nothing: no <link>, <img>, src=, @import or url()" \
		bash -c "! grep -Eiq '<link|<img|src=|@import|url\\(' out/report.html"
	check "the only URL in the report is the SVG namespace" \
		test "$(grep -Eo 'https?://[^\"<> ]*' out/report.html | sort -u)" = "http://www.w3.org/2000/svg"
	chromium=$(command -v chromium || command -v chromium-browser || true)
	if [ -z "$chromium" ]; then
		fail "chromium is not installed (scripts/setup.sh installs it)"
		exit 1
	fi
	browse() { # browse ARGS... : headless Chromium with no network, profile or extras
		local profile
		profile=$(mktemp -d "$work/profile.XXXXXX")
		timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
			--disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
			--window-size=1280,1600 "$@" 2>>"$work/chromium.log"
	}
	# The page plus a script that clicks the headers like a user and writes what it saw.
	sed 's#</body>#<script>\n(function () {\n  var t = document.getElementById("repositories"), out = {};\n  function col(i) { return Array.prototype.map.call(t.tBodies[0].rows, function (r) { return r.cells[i].textContent.trim(); }).join("|"); }\n  out.charts = document.querySelectorAll("figure.chart svg").length;\n  out.ruleBars = document.querySelectorAll("\#chart-rules rect").length;\n  out.areaBars = document.querySelectorAll("\#chart-areas rect").length;\n  out.severityBars = document.querySelectorAll("\#chart-severity rect").length;\n  out.repoBars = document.querySelectorAll("\#chart-repositories rect").length;\n  out.widths = Array.prototype.map.call(document.querySelectorAll("\#chart-repositories rect"), function (r) { return Math.round(r.getBoundingClientRect().width); }).join("|");\n  var heads = t.tHead.rows[0].cells;\n  heads[5].querySelector("button").click();\n  out.asc = col(5); out.ascSort = heads[5].getAttribute("aria-sort");\n  heads[5].querySelector("button").click();\n  out.desc = col(5); out.descFirst = t.tBodies[0].rows[0].cells[0].textContent;\n  heads[0].querySelector("button").click();\n  out.byName = col(0);\n  heads[1].querySelector("button").click();\n  out.byStatus = col(1).replace(/(failed|partial|empty)[^|]*/g, "$1");\n  var p = document.createElement("pre"); p.id = "selftest"; p.textContent = JSON.stringify(out); document.body.appendChild(p);\n})();\n</script>\n</body>#' \
		out/report.html >out/report-selftest.html
	browse --dump-dom "file://$PWD/out/report-selftest.html" >dom.html || true
	sed -n 's#.*<pre id="selftest">\(.*\)</pre>.*#\1#p' dom.html | sed 's/&quot;/"/g; s/&amp;/\&/g' >selftest.json
	if [ ! -s selftest.json ]; then
		fail "Chromium ran the page's script (no self-test output)"
		tail -5 "$work/chromium.log" >&2 || true
	else
		cat selftest.json
		check "four charts" test "$(json selftest.json d.charts)" = 4
		check "one bar per area with findings" test "$(json selftest.json d.areaBars)" = 1
		check "one bar per rule" test "$(json selftest.json d.ruleBars)" = 1
		check "one bar per severity" test "$(json selftest.json d.severityBars)" = 3
		check "one bar per repository with findings" test "$(json selftest.json d.repoBars)" = 4
		check "bars are drawn to scale" test "$(json selftest.json 'd.widths.split("|").map(Number).every((w, i, a) => w > 0 && w <= a[0])')" = true
		check "sorting by findings, ascending" test "$(json selftest.json d.asc)" = "0|0|0|0|1|1|1|3"
		check "aria-sort tells the direction" test "$(json selftest.json d.ascSort)" = ascending
		check "sorting by findings, descending on a second click" test "$(json selftest.json d.desc)" = "3|1|1|1|0|0|0|0"
		check "the repository with most findings comes first" test "$(json selftest.json d.descFirst)" = bare/alpha
		check "sorting by name" test "$(json selftest.json d.byName)" = \
			"bare/alpha|bare/broken|bare/clean|bare/nohead|missing|notarepo|org/beta|work/gamma"
		check "sorting by status" test "$(json selftest.json d.byStatus)" = \
			"failed|failed|failed|partial|scanned|scanned|scanned|scanned"
	fi
	page=$(ls out/repos/bare_alpha.git-*.html)
	browse --dump-dom "file://$PWD/$page" >repo-dom.html || true
	check "a repository's page lists its findings" grep -q 'Net/Client.cs:4:48' repo-dom.html
	check "and links back to the report" grep -q 'href="../report.html"' repo-dom.html
	check "the report links to each repository's page" grep -q "href=\"repos/${page##*/}\"" out/report.html
	browse --screenshot="$work/report.png" "file://$PWD/out/report.html" >/dev/null || true
	check "a screenshot of the report is drawn" test "$(stat -c %s "$work/report.png" 2>/dev/null || echo 0)" -gt 20000
	if [ -n "${TLSLINT_KEEP_SCREENSHOT:-}" ]; then cp "$work/report.png" "$TLSLINT_KEEP_SCREENSHOT"; fi
	;;
fixtures)
	# Every rule and front end reads blobs as it reads files: the fixtures committed to a
	# repository and audited bare give what `scan` gives on the checkout. LT-NET-004 is left
	# out: its machine-wide evidence is scoped by directories on disk (docs/audit.md).
	mkdir fx && cp -r "${TLSLINT_SOURCE_DIR:?}/fixtures/." fx/
	(cd fx && git init -q -b main && git add -A &&
		git -c user.name=t -c user.email=t@e commit -qm fixtures)
	git clone -q --bare fx fx.git
	echo fx.git >fx.list
	(cd fx && "$tlslint" scan -q -f json --fail-on none .) >fx-scan.json
	"$tlslint" audit -q --fail-on none -o fxout fx.list
	json fx-scan.json 'd.findings.filter(f => !f.suppressed && f.rule !== "LT-NET-004")
		.map(f => `${f.rule} ${f.path}:${f.line}:${f.column}`).sort().join("\n")' >scan.txt
	json "$(ls fxout/repos/*.sarif)" 'd.runs[0].results.filter(r => !(r.suppressions || []).length && r.ruleId !== "LT-NET-004")
		.map(r => { const l = r.locations[0].physicalLocation; return `${r.ruleId} ${l.artifactLocation.uri}:${l.region.startLine}:${l.region.startColumn}`; })
		.sort().join("\n")' >audit.txt
	check "findings on the fixtures" test "$(wc -l <scan.txt)" -gt 50
	check "a bare repository's findings equal a checkout's, for every front end" diff -u scan.txt audit.txt
	;;
*)
	echo "audit_test.sh: unknown mode '$mode'" >&2
	exit 2
	;;
esac

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed" >&2
	exit 1
fi
echo "all checks passed"
