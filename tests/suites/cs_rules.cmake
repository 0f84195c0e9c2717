# C# and PowerShell rules: what the fixtures cannot show. Rules with an unknown predicate, a
# predicate of another language (naming the line it is on), a #string- predicate in a language
# without a string evaluator, or a bad `spelling` must fail
# to load (exit 2, naming the problem); the keyword prefilter skips files without a keyword
# and ignores case for PowerShell.
set(CS_RULES_TESTS ${CMAKE_SOURCE_DIR}/tests/cs_rules)
# $1 program, $2 expected exit status, $3 fixed string the output must hold, $4... arguments.
set(CS_RULES_EXPECT [=[
prog=$1; want=$2; text=$3; shift 3
out=$("$prog" "$@" 2>&1); rc=$?
printf '%s\n' "$out"
[ "$rc" -eq "$want" ] || { echo "FAIL: exit status $rc, expected $want"; exit 1; }
printf '%s\n' "$out" | grep -qF -- "$text" || { echo "FAIL: output lacks: $text"; exit 1; }
]=])
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  foreach(case IN ITEMS
      "unknown_predicate|unknown predicate '#frobnicate?'"
      "string_predicate_without_evaluator|#string- predicates need a string evaluator, and json has none"
      "bad_spelling|LT-CS-905.scm:12: spelling 'letters' is not one of any, names, numbers"
      "predicate_of_another_language|LT-CS-906.scm:16: '#not-has-arg?' does not apply to csharp rules (only to python)")
    string(REPLACE "|" ";" parts "${case}")
    list(GET parts 0 dir)
    list(GET parts 1 expect)
    add_test(NAME ${bin}/cs_rules/load_error/${dir}
             COMMAND sh -c "${CS_RULES_EXPECT}" sh $<TARGET_FILE:${bin}> 2 "${expect}"
                     scan --rules ${CS_RULES_TESTS}/${dir} ${CS_RULES_TESTS}/${dir})
  endforeach()
  # Three files read; only the lower-case PowerShell one holds a keyword, is parsed and reports.
  add_test(NAME ${bin}/cs_rules/prefilter_skips
           COMMAND sh -c "${CS_RULES_EXPECT}" sh $<TARGET_FILE:${bin}> 1 "3 read, 1 parsed"
                   scan --verbose --color never ${CS_RULES_TESTS}/prefilter)
  add_test(NAME ${bin}/cs_rules/prefilter_ignores_case
           COMMAND sh -c "${CS_RULES_EXPECT}" sh $<TARGET_FILE:${bin}> 1
                   "lowercase.ps1:2:47: error: This SecurityProtocolType value (\"tls, tls12\") enables TLS 1.0"
                   scan --color never ${CS_RULES_TESTS}/prefilter)
endforeach()

# Evaluating identifiers and variables is indexed once per file, not a walk of the tree per
# use: a 3,000-method C# file and a 6,000-line script take about a second, where the
# quadratic walk took over 10 s (6 s are given here). Plain build only (ASan is slower).
add_test(NAME tlslint/cs_rules/large_files
         COMMAND sh -c [=[
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
{
  echo 'using System.Security.Authentication;'
  echo 'class Big {'
  echo '  const SslProtocols P = SslProtocols.Tls12;'
  i=0; while [ $i -lt 3000 ]; do
    echo "  void M$i(int a$i) { var v$i = a$i + 1; Foo(v$i, a$i, P); Bar(v$i); x.Y = v$i; }"
    i=$((i + 1))
  done
  echo '}'
} > "$dir/Big.cs"
{
  i=0; while [ $i -lt 3000 ]; do
    echo "\$k$i = 'HKLM:\\SOFTWARE\\Contoso\\App$i'"
    echo "Set-ItemProperty -Path \$k$i -Name 'Enabled' -Value $i"
    i=$((i + 1))
  done
} > "$dir/big.ps1"
out=$("$1" scan --timeout 6000 --color never "$dir" 2>&1); rc=$?
printf '%s\n' "$out"
[ "$rc" -eq 0 ] && printf '%s\n' "$out" | grep -q '^0 findings .* in 2 files scanned\.$'
]=] sh $<TARGET_FILE:tlslint>)

# Unit tests of the C# and PowerShell evaluators and of the registry policy.
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  string(REPLACE "tlslint" "" suffix "${bin}")
  add_executable(cs_unit_tests${suffix} ${CMAKE_SOURCE_DIR}/tests/cs_rules/unit/cs_unit.c)
  target_include_directories(cs_unit_tests${suffix} PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit)
  target_compile_options(cs_unit_tests${suffix} PRIVATE ${TLSLINT_WARNINGS})
  target_link_libraries(cs_unit_tests${suffix} PRIVATE tlslint_core${suffix})
  add_test(NAME ${bin}/cs_rules/unit COMMAND cs_unit_tests${suffix})
endforeach()

# A registry write whose key a helper receives says so in its message (issue 10); one with a
# known key does not.
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  add_test(NAME ${bin}/cs_rules/registry_computed_key
           COMMAND sh -c "${CS_RULES_EXPECT}" sh $<TARGET_FILE:${bin}> 1
                   "LT-CS-005.bad.cs:61:13: error: This registry write (key: computed) turns SSL 3.0 and TLS 1.0 back on"
                   scan --color never ${CMAKE_SOURCE_DIR}/fixtures/csharp/LT-CS-005.bad.cs)
  add_test(NAME ${bin}/cs_rules/registry_computed_key_powershell
           COMMAND sh -c "${CS_RULES_EXPECT}" sh $<TARGET_FILE:${bin}> 1
                   "LT-PS-002.bad.ps1:41:5: error: This registry write (key: computed) turns SSL 3.0 and TLS 1.0 back on"
                   scan --color never ${CMAKE_SOURCE_DIR}/fixtures/powershell/LT-PS-002.bad.ps1)
  add_test(NAME ${bin}/cs_rules/registry_known_key
           COMMAND sh -c "${CS_RULES_EXPECT}" sh $<TARGET_FILE:${bin}> 1
                   "LT-CS-005.bad.cs:52:13: error: This registry write turns SSL 3.0 and TLS 1.0 back on"
                   scan --color never ${CMAKE_SOURCE_DIR}/fixtures/csharp/LT-CS-005.bad.cs)
endforeach()

# A single-purpose constant is reported once, at its value, with its sinks as SARIF related
# locations (issue 10): the write it reaches through a name, a use in another file.
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  add_test(NAME ${bin}/cs_rules/related_sink_through_name
           COMMAND sh -c "${CS_RULES_EXPECT}" sh $<TARGET_FILE:${bin}> 1
                   "The value is written here through 'LegacyProtocols'."
                   scan -f sarif ${CMAKE_SOURCE_DIR}/fixtures/csharp/LT-CS-001.bad.cs)
  add_test(NAME ${bin}/cs_rules/related_sink_of_call
           COMMAND sh -c "${CS_RULES_EXPECT}" sh $<TARGET_FILE:${bin}> 1
                   "'ProtocolHelper.Apply' receives the value here."
                   scan -f sarif ${CMAKE_SOURCE_DIR}/fixtures/csharp/LT-CS-001.bad.cs)
  add_test(NAME ${bin}/cs_rules/related_definition_in_other_file
           COMMAND sh -c "${CS_RULES_EXPECT}" sh $<TARGET_FILE:${bin}> 1
                   "The constant's value, in another file."
                   scan -f sarif ${CMAKE_SOURCE_DIR}/fixtures/csharp/cross-file-constants)
  add_test(NAME ${bin}/python_rules/related_sink_through_name
           COMMAND sh -c "${CS_RULES_EXPECT}" sh $<TARGET_FILE:${bin}> 1
                   "The value is written here through 'LEGACY_PROTOCOL'."
                   scan -f sarif ${CMAKE_SOURCE_DIR}/fixtures/python/LT-PY-001.bad.py)
endforeach()
