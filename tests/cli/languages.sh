#!/usr/bin/env bash
# languages.sh: `tlslint languages` prints the language table (core/language.h, rows in
# lang/languages.c) exactly as tests/golden/languages.txt holds it; a change to a row changes
# both. Extra arguments are a usage error.
. "$(dirname "$0")/lib.sh"

expect_status 0 "languages" "$TLSLINT" languages
if diff -u "$ROOT/tests/golden/languages.txt" "$WORK/out" >"$WORK/diff"; then
  pass
else
  fail "languages output differs from tests/golden/languages.txt: $(head -c 2000 "$WORK/diff")"
fi
check "nothing on stderr" test ! -s "$WORK/err"
expect_status 0 "--help" "$TLSLINT" --help
expect_grep "--help lists languages" "languages  list the languages" "$WORK/out"
expect_status 0 "languages --help" "$TLSLINT" languages --help
expect_grep "languages --help" "usage: tlslint languages" "$WORK/out"
expect_status 2 "languages with an argument" "$TLSLINT" languages csharp
expect_grep "the argument is named" "unexpected argument 'csharp'" "$WORK/err"
finish
