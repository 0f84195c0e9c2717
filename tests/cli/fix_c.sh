#!/usr/bin/env bash
# fix_c.sh TLSLINT: the fixes of the C and C++ rules (lang/c/c_fix.h). tests/fix/c/cases holds
# files beside the text their fixes must give (<name>.fixed.<ext>; *.c.txt are written with
# CRLF line endings at test time); tests/fix/c/nofix findings without a safe fix. Each is run
# three ways: libclang in its parser process (the fixes cross its socket), the same with the
# installed headers (--system-headers), and the token fallback alone (libclang not loadable).
# The fixed files must compile against the real OpenSSL and libcurl headers.
. "$(dirname "$0")/lib.sh"
TLSLINT=$(realpath "$TLSLINT")

# The real headers are part of the test set-up (scripts/setup.sh test): missing, the test fails.
check "OpenSSL headers installed (libssl-dev)" bash -c "echo '#include <openssl/ssl.h>' | cc -fsyntax-only -x c -"
check "libcurl headers installed (libcurl4-openssl-dev)" bash -c "echo '#include <curl/curl.h>' | cc -fsyntax-only -x c -"

# tree DIR: a copy of the cases without the expected texts; the expected ones in DIR.expected.
tree() {
  rm -rf "$1" "$1.expected"
  cp -r "$ROOT/tests/fix/c/cases" "$1"
  find "$1" -name '*.c.txt' | while read -r t; do
    sed 's/$/\r/' "$t" > "${t%.txt}"
    rm "$t"
  done
  mkdir -p "$1.expected"
  (cd "$1" && for f in *.fixed.*; do mv "$f" "$1.expected/${f/.fixed./.}"; done)
}

FILES="openssl.c curl.c server.cpp crlf.c"
T=$WORK/tree
tree "$T"
cp -r "$T" "$WORK/pristine"

# SARIF: every finding of the cases carries one fix; the insertions' exact text and place.
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/before.sarif" "$T"
check "21 findings, each with a fix" jq -e '(.runs[0].results | length) == 21 and ([.runs[0].results[] | select((.fixes | length) == 1 and .properties.noFix == null)] | length) == 21' "$WORK/before.sarif"
check "method and floor" jq -e '[.runs[0].results[] | select(.ruleId == "LT-C-001" and .locations[0].physicalLocation.region.startLine == 12) | .fixes[0].artifactChanges[0].replacements[] | [.deletedRegion.startLine, .deletedRegion.startColumn, .deletedRegion.byteOffset, .deletedRegion.byteLength, .insertedContent.text]] == [[12, 29, 247, 19, "TLS_client_method"], [12, 52, 270, 0, "\n\tSSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);"]]' "$WORK/before.sarif"
check "CRLF insertion" jq -e '[.runs[0].results[] | select(.locations[0].physicalLocation.artifactLocation.uri == "crlf.c") | .fixes[0].artifactChanges[0].replacements[1].insertedContent.text] == ["\r\n    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);"]' "$WORK/before.sarif"
check "curl cap dropped" jq -e '[.runs[0].results[] | select(.ruleId == "LT-C-004" and .locations[0].physicalLocation.region.startLine == 10) | .fixes[0] | [.description.text, .artifactChanges[0].replacements[0].insertedContent.text]] == [["Use '"'CURL_SSLVERSION_TLSv1_2'"' and drop the '"'CURL_SSLVERSION_MAX_*'"' cap below TLS 1.2.", "CURL_SSLVERSION_TLSv1_2"]]' "$WORK/before.sarif"

# --dry-run writes nothing; --rule limits the fix to one rule.
expect_status 1 "fix --dry-run exits 1" "$TLSLINT" fix --dry-run "$T"
expect_grep "diff adds the floor" "+	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);" "$WORK/out"
check "dry run writes nothing" diff -r "$WORK/pristine" "$T"
tree "$WORK/one"
expect_status 0 "fix --rule LT-C-004" "$TLSLINT" fix --rule LT-C-004 "$WORK/one"
check "curl fixed" cmp "$WORK/one/curl.c" "$WORK/one.expected/curl.c"
check "openssl untouched" cmp "$WORK/one/openssl.c" "$WORK/pristine/openssl.c"

# run NAME [ENV...] -- [OPTIONS...]: fixes a fresh tree and checks the texts, the re-scan and
# the compiler.
run() {
  local name=$1 dir=$WORK/$1; shift
  local env=()
  while [ "$1" != -- ]; do env+=("$1"); shift; done
  shift
  tree "$dir"
  expect_status 0 "$name: fix exits 0" env "${env[@]}" "$TLSLINT" fix "$@" "$dir"
  for f in $FILES; do
    check "$name: $f is its .fixed text" cmp "$dir/$f" "$dir.expected/$f"
  done
  env "${env[@]}" "$TLSLINT" scan --fail-on none -f sarif -o "$WORK/$name.after.sarif" "$@" "$dir"
  check "$name: no finding left" jq -e '.runs[0].results | length == 0' "$WORK/$name.after.sarif"
  expect_status 0 "$name: a second fix has nothing to do" env "${env[@]}" "$TLSLINT" fix "$@" "$dir"
}
run parser TLSLINT_UNUSED=1 --
check "parser: no notification (no new parse error)" jq -e '.runs[0].invocations[0].toolExecutionNotifications | length == 0' "$WORK/parser.after.sarif"
run headers TLSLINT_UNUSED=1 -- --system-headers
check "headers: no notification" jq -e '.runs[0].invocations[0].toolExecutionNotifications | length == 0' "$WORK/headers.after.sarif"
run tokens TLSLINT_LIBCLANG=/nonexistent/libclang.so --

# The fixed C and C++ compile against the installed OpenSSL and libcurl headers.
for f in openssl.c curl.c crlf.c; do
  check "cc -fsyntax-only $f" cc -fsyntax-only -Wall -Werror "$WORK/parser/$f"
done
check "c++ -fsyntax-only server.cpp" c++ -fsyntax-only -Wall -Werror "$WORK/parser/server.cpp"

# Findings without a safe fix say why, in every mode; rules without fixes say they have none.
want() {
  cat <<'WANT'
LT-C-001 11 0 The method is not passed straight to 'SSL_CTX_new' in a statement that stores the context in a variable ('SSL_CTX *ctx = SSL_CTX_new(...);'), so the TLS 1.2 floor has no evident place: use the version-flexible method and call 'SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION)' on the context.
LT-C-004 16 0 The value is not written as the argument of the call that sets it (it is stored in a name, or passed to a helper that other code may use too): change it where the protocol is chosen.
LT-C-004 18 0 The value is spelled through 'APP_CURL_FLOOR', a macro or name of the project: change it where it is defined.
LT-C-004 19 0 The value is computed (not only the library's constants, joined by '|'): no edit keeps its meaning.
LT-C-002 20 0 The value is spelled through 'APP_TLS_FLOOR', a macro or name of the project: change it where it is defined.
LT-C-002 21 0 The value is computed (not only the library's constants, joined by '|'): no edit keeps its meaning.
LT-C-003 22 0 Clearing SSL_OP_NO_* options or lowering the security level is part of the program's setup, and other options may ride on the same call: delete the legacy part by hand, and set a floor with SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION).
LT-C-001 23 0 The method is not passed straight to 'SSL_CTX_new' in a statement that stores the context in a variable ('SSL_CTX *ctx = SSL_CTX_new(...);'), so the TLS 1.2 floor has no evident place: use the version-flexible method and call 'SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION)' on the context.
WANT
}
want > "$WORK/nofix.want"
cp -r "$ROOT/tests/fix/c/nofix" "$WORK/nofix"
for mode in parser headers tokens; do
  case $mode in
    parser) env=(TLSLINT_UNUSED=1) opts=() ;;
    headers) env=(TLSLINT_UNUSED=1) opts=(--system-headers) ;;
    tokens) env=(TLSLINT_LIBCLANG=/nonexistent/libclang.so) opts=() ;;
  esac
  env "${env[@]}" "$TLSLINT" scan --fail-on none -f sarif -o "$WORK/nofix.$mode.sarif" "${opts[@]}" "$WORK/nofix"
  jq -r '.runs[0].results[] | "\(.ruleId) \(.locations[0].physicalLocation.region.startLine) \(.fixes // [] | length) \(.properties.noFix)"' "$WORK/nofix.$mode.sarif" > "$WORK/nofix.$mode.txt"
  check "$mode: no-fix reasons" diff "$WORK/nofix.want" "$WORK/nofix.$mode.txt"
done
expect_status 0 "fix with nothing fixable" "$TLSLINT" fix "$WORK/nofix"
check "nofix untouched" diff -r "$ROOT/tests/fix/c/nofix" "$WORK/nofix"
finish
