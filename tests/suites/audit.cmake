# tlslint audit and merge: bare repositories, work trees and broken ones; resuming; shards
# merged equal to one run; the HTML report in headless Chromium; every SARIF log validated.
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  foreach(mode basic resume shard html fixtures layout)
    add_test(NAME ${bin}/audit-${mode}
             COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/audit_test.sh $<TARGET_FILE:${bin}> ${mode})
    # The validator is slow to start: the plain flavour validates (the logs are the same bytes).
    set(validator "")
    if(bin STREQUAL "tlslint")
      set(validator ${TLSLINT_VALIDATOR})
    endif()
    set_tests_properties(${bin}/audit-${mode} PROPERTIES
      TIMEOUT 300
      ENVIRONMENT "TLSLINT_VALIDATE_SARIF=${validator};TLSLINT_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
  endforeach()
endforeach()
