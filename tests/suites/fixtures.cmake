# Rule fixtures: every rule's positive and negative cases, asserted by rule, line and column.
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  add_test(NAME ${bin}/fixtures
           COMMAND $<TARGET_FILE:${bin}> test --require-all --exclude demo fixtures
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endforeach()
