# C and C++ rules (issue 4): the fixtures under fixtures/c, each run twice and both exact:
#  - with headers resolved: a compilation database for the fixtures (generated here, since its
#    paths must be absolute) over the installed OpenSSL and libcurl headers; its entries also
#    carry flags that would load code, which tlslint drops (c-compdb checks that flag by flag:
#    libclang 14 itself ignores most of them silently, so the scan alone would not tell);
#  - with no headers at all (--no-system-headers: shims and the token fallback only);
#  - with the installed headers but no database (--system-headers; the default without a
#    database is to leave them out, which the main fixtures run covers).
# c-recall prints what the shims and the token fallback each add, measured on the fixtures.
set(C_FIXTURE_DB ${CMAKE_BINARY_DIR}/c-fixtures/compile_commands.json)
file(GLOB C_FIXTURES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/fixtures/c/*.c
     ${CMAKE_SOURCE_DIR}/fixtures/c/*.cpp ${CMAKE_SOURCE_DIR}/fixtures/c/*.h
     ${CMAKE_SOURCE_DIR}/fixtures/c/*.hpp)
list(SORT C_FIXTURES)
set(c_entries "")
foreach(f IN LISTS C_FIXTURES)
  if(f MATCHES "\\.(cpp|hpp)$")
    set(c_args "\"c++\", \"-std=c++17\"")
  else()
    set(c_args "\"cc\", \"-std=c11\"")
  endif()
  list(APPEND c_entries "  { \"directory\": \"${CMAKE_SOURCE_DIR}\", \"file\": \"${f}\",
    \"arguments\": [${c_args}, \"-DTLSLINT_FIXTURE=1\", \"-Ifixtures/c\",
      \"-fplugin=/nonexistent/tlslint-evil.so\", \"-Xclang\", \"-load\", \"-Xclang\",
      \"/nonexistent/tlslint-evil.so\", \"@/nonexistent/tlslint-evil.rsp\",
      \"-c\", \"${f}\", \"-o\", \"/dev/null\"] }")
endforeach()
list(JOIN c_entries ",\n" c_entries_json)
file(WRITE ${C_FIXTURE_DB} "[\n${c_entries_json}\n]\n")

set(c_scratch ${CMAKE_BINARY_DIR}/c-scratch)
file(MAKE_DIRECTORY ${c_scratch})

foreach(bin IN LISTS TLSLINT_FLAVOURS)
  string(REPLACE "tlslint" "" suffix "${bin}")
  add_executable(compdb_test${suffix} ${CMAKE_SOURCE_DIR}/tests/c/compdb_test.c)
  target_compile_options(compdb_test${suffix} PRIVATE ${TLSLINT_WARNINGS})
  target_link_libraries(compdb_test${suffix} PRIVATE tlslint_core${suffix})
  add_test(NAME ${bin}/c-compdb COMMAND compdb_test${suffix} ${c_scratch})
  # The token fallback's own tokenizer agrees with libclang's on every C fixture.
  add_executable(lex_test${suffix} ${CMAKE_SOURCE_DIR}/tests/c/lex_test.c)
  target_compile_options(lex_test${suffix} PRIVATE ${TLSLINT_WARNINGS})
  target_include_directories(lex_test${suffix} SYSTEM PRIVATE ${LIBCLANG_INCLUDE_DIR})
  target_link_libraries(lex_test${suffix} PRIVATE tlslint_core${suffix})
  add_test(NAME ${bin}/c-lex COMMAND lex_test${suffix} ${C_FIXTURES})
  add_test(NAME ${bin}/c-fixtures-headers
           COMMAND $<TARGET_FILE:${bin}> test --compile-commands ${C_FIXTURE_DB} fixtures/c
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  add_test(NAME ${bin}/c-fixtures-no-headers
           COMMAND $<TARGET_FILE:${bin}> test --no-system-headers fixtures/c
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  add_test(NAME ${bin}/c-fixtures-system-headers
           COMMAND $<TARGET_FILE:${bin}> test --system-headers fixtures/c
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  add_test(NAME ${bin}/c-recall
           COMMAND ${CMAKE_SOURCE_DIR}/tests/c/recall.sh $<TARGET_FILE:${bin}>
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  add_test(NAME ${bin}/c-compdb-scan
           COMMAND ${CMAKE_SOURCE_DIR}/tests/c/compdb_scan.sh $<TARGET_FILE:${bin}>)
  # A compilation database that is not JSON is a usage error, never a crash.
  add_test(NAME ${bin}/c-bad-compile-commands
           COMMAND $<TARGET_FILE:${bin}> scan --compile-commands ${CMAKE_SOURCE_DIR}/rules/README.md
                   fixtures/c
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(${bin}/c-bad-compile-commands PROPERTIES
                       PASS_REGULAR_EXPRESSION "not a compilation database")
endforeach()
