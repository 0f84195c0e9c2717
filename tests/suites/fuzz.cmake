# Fuzzing smoke test: every libFuzzer target of tests/fuzz/ is built with clang (its own build
# directory, build/fuzz, shared with `make fuzz`) and runs for 2 seconds, after replaying its
# regression inputs. The long runs are `make fuzz FUZZ_SECONDS=N` (docs/reliability.md).
if(NOT TLSLINT_FUZZ)
  add_test(NAME fuzz/smoke
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/fuzz/smoke.sh ${CMAKE_SOURCE_DIR}
                   ${CMAKE_BINARY_DIR}/fuzz 2)
  set_tests_properties(fuzz/smoke PROPERTIES TIMEOUT 900)
endif()
