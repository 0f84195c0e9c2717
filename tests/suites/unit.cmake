# Unit tests: one program per flavour, linked against the analyzer library.
file(GLOB UNIT_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/*.c)
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  string(REPLACE "tlslint" "" suffix "${bin}")
  add_executable(unit_tests${suffix} ${UNIT_SOURCES})
  target_include_directories(unit_tests${suffix} PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit)
  target_compile_options(unit_tests${suffix} PRIVATE ${TLSLINT_WARNINGS})
  # The man page and rules/README.md are checked against the tables they document.
  target_compile_definitions(unit_tests${suffix} PRIVATE TLSLINT_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  target_link_libraries(unit_tests${suffix} PRIVATE tlslint_core${suffix})
  add_test(NAME ${bin}/unit COMMAND unit_tests${suffix})
endforeach()
