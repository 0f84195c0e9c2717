# Command-line tests: shell scripts under tests/cli/, each run against every flavour.
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  foreach(script basics bad_input golden languages speed)
    add_test(NAME ${bin}/cli/${script}
             COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/${script}.sh $<TARGET_FILE:${bin}>)
  endforeach()
endforeach()
# The validator is slow to start (it runs the SARIF Multitool): once, with the plain build.
add_test(NAME tlslint/cli/validate
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/validate.sh $<TARGET_FILE:tlslint>
                 ${TLSLINT_SHARED_TOOLS}/validate-sarif)
set_tests_properties(tlslint/cli/validate PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900)

# `cmake --install` puts the program and its man page in place.
add_test(NAME tlslint/install
         COMMAND sh -c "rm -rf \"$1\" && ${CMAKE_COMMAND} --install \"$2\" --prefix \"$1\" >/dev/null && test -x \"$1/bin/tlslint\" && test -s \"$1/share/man/man1/tlslint.1\" && \"$1/bin/tlslint\" --version"
                 sh ${CMAKE_BINARY_DIR}/install-test ${CMAKE_BINARY_DIR})
