#!/usr/bin/env bash
# apps.sh: issue 14's application-language corpus (Java, Kotlin, Go, JavaScript/TypeScript, Ruby,
# PHP): checks the pinned repositories out of git mirrors, then times tlslint against ripgrep's
# keyword prefilter on them in one hyperfine run and prints the findings per language group,
# rule and repository, so that a change that loses or adds findings shows.
#
#   bench/apps.sh MIRROR_DIR OUT            check out (once) into OUT/GROUP/OWNER+NAME and measure
#   bench/apps.sh --list                    print the pinned table
#   env: TLSLINT (build/tlslint), RUNS (3), WARMUP (1), ONLY ("owner+name ..." subset)
#
# MIRROR_DIR holds one OWNER+NAME/repo git directory per repository (the search tool's
# `fetch`, or `git clone --mirror`). The mirrors are only read (git archive); nothing of a
# checkout is executed, and nothing of one is ever committed: only these names are.
set -euo pipefail
cd "$(dirname "$0")/.."

# group  owner+name                 pinned commit (the mirror's HEAD when first measured)
PINS='
java    apache+httpcomponents-client 86c313b2876a8796ab696a2aab546ba4fe6ac227
java    apache+zookeeper             53a78e36f99602162643303ab330377fc383b41f
kotlin  square+okhttp                1682d9bac8c03dffde2969b0b74d47649d0dbb52
go      caddyserver+caddy            0cf03d32f7d99cf160d5375e8a40fbe3d910d515
go      nats-io+nats-server          1787eee035cf0253c201fa0f05afad92b6f296dc
go      prometheus+common            d2417e2cbb82c4c81e4d28d55f354058169a9f08
js      axios+axios                  23a25af0688d1db2c396deb09229d2271cc24f6c
js      nodejs+undici                7eb7c8ec8f23acd9c3da93a286162f8c1dc68326
js      request+request              3c0cddc7c8eb60b470e9519da85896ed7ee0081e
js      websockets+ws                a2f4e7c046c2112bbce6fef39a083dac77d6f0d2
js      mqttjs+MQTT.js               aa03369f5f5daf9b8a98339990cc3ced800a5051
js      tediousjs+tedious            a99826d30bad0a70396d67fa3a3d5e7705e29fae
js      nodemailer+nodemailer        2f667f4272cb2d7cb479b2e3903ab10600fc0eae
ruby    lostisland+faraday           59334e0e9b1918bd26b143f4a7bbc8c765de3ac4
ruby    ruby+net-http                69f6f6dedd5648290e224956c6b3f57ab516f537
ruby    httprb+http                  557b127e1b5c9ca93841fe484c01d94dc9522c75
ruby    excon+excon                  f59b27e16c7516b7f2724401a430cacc144da406
ruby    ruby+openssl                 5fe1b71b1cf233ca178fb1e2e9617840cb39f00a
php     guzzle+guzzle                2779e868a00289e1b1fd854af030c43a06f4bcb4
php     PHPMailer+PHPMailer          4a489474e7ef8bbf03c1cb219d8939ea76a7fb40
php     symfony+http-client          274e2f6886b43a36f8bd5dfeb67215f7ebf9e291
php     stripe+stripe-php            0498d20d0c33490c38df956dd7cef49b3a2ad6f0
php     php-amqplib+php-amqplib      a82bc9dc8f1e108eaa67af9a69c443b911145ac9
'

if [ "${1:-}" = --list ]; then
  printf '%s\n' "$PINS" | sed '/^$/d'
  exit 0
fi
mirrors=${1:?usage: bench/apps.sh MIRROR_DIR OUT}
out=${2:?usage: bench/apps.sh MIRROR_DIR OUT}
bin=$(realpath "${TLSLINT:-build/tlslint}")
for t in rg hyperfine jq; do
  command -v "$t" >/dev/null || { echo "apps: $t is not installed" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "apps: $bin not built" >&2; exit 2; }
mkdir -p "$out/.stamps"

while read -r group repo commit; do
  [ -n "$group" ] || continue
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $repo "* ]]; then continue; fi
  git_dir=$mirrors/$repo/repo
  [ -d "$git_dir" ] || git_dir=$mirrors/$repo
  dest=$out/$group/$repo
  stamp=$out/.stamps/$repo
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$commit" ] && [ -d "$dest" ] && continue
  if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "apps: $repo: commit $commit not in $git_dir (mirror it first); skipped" >&2
    continue
  fi
  rm -rf "$dest" && mkdir -p "$dest"
  # A snapshot may list blobs it does not hold (its largest files): a private index of the
  # commit without them, checked out into the destination; the mirror is not written.
  index=$(mktemp -u "${TMPDIR:-/tmp}/apps-index.XXXXXX")
  GIT_INDEX_FILE=$index git --git-dir="$git_dir" read-tree "$commit"
  git --git-dir="$git_dir" ls-tree -r --format='%(objecttype) %(objectname) %(path)' "$commit" |
    awk '$1 == "blob" { print $2 }' | git --git-dir="$git_dir" cat-file --batch-check |
    awk '$2 == "missing" { print $1 }' > "$index.absent"
  if [ -s "$index.absent" ]; then
    git --git-dir="$git_dir" ls-tree -r --format='%(objectname) %(path)' "$commit" |
      awk 'NR == FNR { gone[$1] = 1; next } ($1 in gone) { sub(/^[^ ]* /, ""); print }' \
        "$index.absent" - |
      while IFS= read -r path; do
        GIT_INDEX_FILE=$index git --git-dir="$git_dir" update-index --force-remove -- "$path"
        echo "apps: $repo: $path is not in the snapshot; left out" >&2
      done
  fi
  GIT_INDEX_FILE=$index git --git-dir="$git_dir" --work-tree="$dest" -c core.autocrlf=false \
    checkout-index -a -f
  rm -f "$index" "$index.absent"
  echo "$commit" > "$stamp"
done <<< "$PINS"

scan="$bin scan --fail-on none -q -j2 -f sarif -o /dev/null"
kw='TLS|Tls|SSL|Ssl|tls|ssl|SecurityProtocol|CURLOPT_SSLVERSION|crypto_method'
dirs=()
for g in java kotlin go js ruby php; do [ -d "$out/$g" ] && dirs+=("$out/$g"); done
[ ${#dirs[@]} -gt 0 ] || { echo "apps: nothing checked out in $out" >&2; exit 2; }
find "${dirs[@]}" -type f -exec cat {} + >/dev/null # warm the page cache
echo "apps: $(find "${dirs[@]}" -type f | wc -l) files, $(du -shc "${dirs[@]}" | tail -1 | cut -f1)"
# One root (OUT) for both, so that the SARIF URIs are OUT-relative: GROUP/OWNER+NAME/...
hyperfine -N --style basic --warmup "${WARMUP:-1}" --runs "${RUNS:-3}" -i --export-json "$out/apps.json" \
  -n tlslint "$scan $out" -n rg "rg -l -j2 '$kw' $out" >/dev/null
t() { jq -r --arg n "$1" '.results[] | select(.command == $n) | .median' "$out/apps.json"; }
awk -v a="$(t tlslint)" -v b="$(t rg)" \
  'BEGIN { printf "tlslint %.2f s, rg prefilter %.2f s: %.1fx\n", a, b, a / b }'
"$bin" scan --fail-on none -q -j2 -f sarif -o "$out/apps.sarif" "$out"
bench/sarif_tuples.sh "$out/apps.sarif" > "$out/findings.tsv"
echo "findings: $(wc -l < "$out/findings.tsv")"
awk -F'\t' '{ split($2, p, "/"); n[$1 "\t" p[1] "/" p[2]]++ }
  END { for (k in n) print n[k] "\t" k }' "$out/findings.tsv" | sort -k3,3 -k2,2
