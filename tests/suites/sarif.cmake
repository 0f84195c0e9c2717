# SARIF for code scanning: fingerprints, rule help and its generated docs, suppressions,
# baselines, provenance, encodings, and validation of every log with validate-sarif.
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  string(REPLACE "tlslint" "" suffix ${bin})
  add_executable(test_line_hash${suffix} ${CMAKE_CURRENT_SOURCE_DIR}/tools/line_hash.c)
  target_compile_options(test_line_hash${suffix} PRIVATE ${TLSLINT_WARNINGS})
  target_link_libraries(test_line_hash${suffix} PRIVATE tlslint_core${suffix})

  add_test(NAME ${bin}/line-hash-known-values COMMAND test_line_hash${suffix})
  add_test(NAME ${bin}/line-hash-vs-reference
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/line-hash.sh $<TARGET_FILE:test_line_hash${suffix}>)
  add_test(NAME ${bin}/sarif-log
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/sarif-log.sh $<TARGET_FILE:${bin}>
                   ${TLSLINT_VALIDATOR})
  add_test(NAME ${bin}/sarif-baseline
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/baseline.sh $<TARGET_FILE:${bin}>
                   ${TLSLINT_VALIDATOR})
  set_tests_properties(${bin}/sarif-log ${bin}/sarif-baseline PROPERTIES TIMEOUT 600)
endforeach()
# The validator itself: each defect it checks for, in logs written by the test.
add_test(NAME validate-sarif/self-test
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/validator.sh ${TLSLINT_VALIDATOR})
set_tests_properties(validate-sarif/self-test PROPERTIES TIMEOUT 900)

# docs/rules/ is generated from the rule files; a rule added or changed without regenerating
# them fails here with the fix ("run `make docs`").
add_test(NAME rules-docs-up-to-date
         COMMAND $<TARGET_FILE:tlslint> rules --format markdown
                 --output-dir ${CMAKE_SOURCE_DIR}/docs/rules --check)
add_test(NAME tlslint/rules-docs-check
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/docs-check.sh $<TARGET_FILE:tlslint>)
