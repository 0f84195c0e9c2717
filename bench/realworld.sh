#!/usr/bin/env bash
# realworld.sh: tlslint on real repositories, for a person to judge precision.
#
# Scans each directory given (or listed, one a line, in -l FILE), prints the findings per rule
# and per repository, and a random sample of N findings (seeded: the same seed and the same
# scans give the same sample) with the source lines around each, numbered for review. The
# sample is also written as a TSV with an empty verdict column (TP / FP / ?) to fill in.
#
#   bench/realworld.sh [-n N] [-s SEED] [-b TLSLINT] [-o OUTDIR] [-r RULE] [-l LIST] [-k] DIR...
#     -n N       sample size (default 40; 0: no sample)
#     -s SEED    sample seed (default 1)
#     -b TLSLINT the program (default build/tlslint)
#     -o OUTDIR  where the SARIF logs and sample.tsv go (default: a new temporary directory)
#     -r RULE    sample only this rule's findings (repeatable)
#     -l LIST    a file naming one directory a line (# comments)
#     -p N       sample at most N findings of each rule (default: no limit; a stratified
#                sample keeps rare rules in view)
#     -k         keep: reuse the SARIF logs already in OUTDIR (sample again without scanning)
# Nothing from a scanned repository is executed; .tlslint.toml files in them are ignored.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
n=40 seed=1 bin="$here/../build/tlslint" out="" rules=() dirs=() keep=0 per=0
while getopts "n:s:b:o:r:l:p:kh" opt; do
	case $opt in
	n) n=$OPTARG ;;
	s) seed=$OPTARG ;;
	b) bin=$OPTARG ;;
	o) out=$OPTARG ;;
	r) rules+=("$OPTARG") ;;
	k) keep=1 ;;
	p) per=$OPTARG ;;
	l) while IFS= read -r line; do
		line=${line%%#*}
		line=$(echo "$line" | xargs)
		[ -n "$line" ] && dirs+=("$line")
	   done < "$OPTARG" ;;
	h|*) sed -n '2,20p' "$0"; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
dirs+=("$@")
[ "${#dirs[@]}" -gt 0 ] || { sed -n '2,20p' "$0"; exit 2; }
[ -x "$bin" ] || { echo "realworld.sh: no program at $bin (build it, or -b)" >&2; exit 2; }
[ -n "$out" ] || out=$(mktemp -d "${TMPDIR:-/tmp}/tlslint-realworld-XXXXXX")
mkdir -p "$out"

logs=()
[ "$keep" = 1 ] || rm -f "$out/scans.tsv"
for d in "${dirs[@]}"; do
	[ -d "$d" ] || { echo "realworld.sh: $d: not a directory" >&2; continue; }
	name=$(basename "$(cd "$d" && pwd)")
	log="$out/$name.sarif"
	if [ "$keep" = 1 ] && [ -s "$log" ] && grep -q "^$name	" "$out/scans.tsv" 2>/dev/null; then
		continue
	fi
	start=$(date +%s.%N)
	(cd "$d" && "$bin" scan --no-config --fail-on none -f sarif -o "$log" .) >/dev/null 2>"$out/$name.err" || {
		echo "realworld.sh: $d: scan failed (exit $?): $(head -c 300 "$out/$name.err")" >&2
		continue
	}
	end=$(date +%s.%N)
	printf '%s\t%s\t%s\n' "$name" "$(cd "$d" && pwd)" "$(echo "$end - $start" | bc)" >> "$out/scans.tsv"
	logs+=("$log")
done

node - "$out" "$n" "$seed" "$per" "${rules[*]:-}" <<'EOF'
const fs = require("fs"), path = require("path");
const [out, nStr, seedStr, perStr, ruleList] = process.argv.slice(2);
const n = Number(nStr), only = ruleList ? ruleList.split(" ") : [];
const scans = fs.readFileSync(path.join(out, "scans.tsv"), "utf8").trim().split("\n")
  .map(l => l.split("\t"));
const all = [], perRule = new Map(), repos = [];
for (const [name, root, secs] of scans) {
  const run = JSON.parse(fs.readFileSync(path.join(out, name + ".sarif"), "utf8")).runs[0];
  const notes = (run.invocations[0].toolExecutionNotifications || []).length;
  repos.push({ name, count: run.results.length, secs: Number(secs), notes });
  for (const r of run.results) {
    const loc = r.locations[0].physicalLocation;
    const f = { repo: name, root, rule: r.ruleId, uri: loc.artifactLocation.uri,
                line: loc.region.startLine, col: loc.region.startColumn,
                message: r.message.text, vendored: (r.properties || {}).vendoredReason || "",
                suppressed: (r.suppressions || []).length > 0 };
    all.push(f);
    const m = perRule.get(f.rule) || new Map();
    m.set(name, (m.get(name) || 0) + 1);
    perRule.set(f.rule, m);
  }
}
const names = repos.map(r => r.name);
console.log("== findings per rule and repository (vendored included)");
for (const rule of [...perRule.keys()].sort()) {
  const m = perRule.get(rule);
  const total = [...m.values()].reduce((a, b) => a + b, 0);
  const parts = names.filter(x => m.has(x)).map(x => `${x}=${m.get(x)}`);
  console.log(`${rule.padEnd(11)} ${String(total).padStart(5)}  ${parts.join(" ")}`);
}
console.log("\n== repositories");
for (const r of repos)
  console.log(`${r.name.padEnd(40)} ${String(r.count).padStart(5)} findings, ` +
              `${String(r.notes).padStart(3)} notifications, ${r.secs.toFixed(1)} s`);
const vend = all.filter(f => f.vendored).length;
console.log(`\n${all.length} findings in ${repos.length} repositories, ${vend} in vendored or generated code`);
if (!n) process.exit(0);
/* mulberry32: a small seeded generator, so that a sample can be reproduced. */
let s = Number(seedStr) >>> 0;
const rand = () => { s = (s + 0x6D2B79F5) >>> 0; let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pool = all.filter(f => !only.length || only.includes(f.rule));
for (let i = pool.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1)); [pool[i], pool[j]] = [pool[j], pool[i]];
}
const taken = new Map(), per = Number(perStr);
const sample = pool.filter(f => {
  const k = taken.get(f.rule) || 0;
  if (per && k >= per) return false;
  taken.set(f.rule, k + 1);
  return true;
}).slice(0, n);
sample.sort((a, b) => a.rule.localeCompare(b.rule) || a.repo.localeCompare(b.repo));
console.log(`\n== a sample of ${sample.length} findings (seed ${seedStr})`);
const tsv = ["id\trule\trepository\tlocation\tvendored\tverdict\tnote"];
sample.forEach((f, i) => {
  const id = i + 1;
  console.log(`\n[${id}] ${f.rule} ${f.repo}/${f.uri}:${f.line}:${f.col}` +
              `${f.vendored ? " [vendored: " + f.vendored + "]" : ""}${f.suppressed ? " [suppressed]" : ""}`);
  console.log(`    ${f.message.slice(0, 160)}`);
  let lines = [];
  try { lines = fs.readFileSync(path.join(f.root, decodeURIComponent(f.uri)), "utf8").split("\n"); }
  catch (e) { lines = []; }
  for (let l = Math.max(1, f.line - 2); l <= Math.min(lines.length, f.line + 2); l++)
    console.log(`  ${l === f.line ? ">" : " "}${String(l).padStart(6)} | ${lines[l - 1].slice(0, 200)}`);
  tsv.push([id, f.rule, f.repo, `${f.uri}:${f.line}:${f.col}`, f.vendored, "", ""].join("\t"));
});
fs.writeFileSync(path.join(out, "sample.tsv"), tsv.join("\n") + "\n");
console.log(`\nSARIF logs and sample.tsv in ${out}`);
EOF
