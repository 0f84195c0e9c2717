# The developer workflow: --staged and --diff on a temporary git repository, and the
# configuration file (errors with line numbers, precedence of command-line flags).
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  string(REPLACE "tlslint" "" suffix ${bin})
  add_executable(test_workflow_units${suffix} ${CMAKE_CURRENT_SOURCE_DIR}/tools/workflow_units.c)
  target_compile_options(test_workflow_units${suffix} PRIVATE ${TLSLINT_WARNINGS})
  target_link_libraries(test_workflow_units${suffix} PRIVATE tlslint_core${suffix})
  add_test(NAME ${bin}/workflow-units COMMAND test_workflow_units${suffix})
  add_test(NAME ${bin}/staged-diff
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/staged-diff.sh $<TARGET_FILE:${bin}>)
  add_test(NAME ${bin}/config-file
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/config.sh $<TARGET_FILE:${bin}>
                   ${TLSLINT_VALIDATOR})
  set_tests_properties(${bin}/config-file PROPERTIES TIMEOUT 600)
endforeach()
