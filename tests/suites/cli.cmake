# Command-line tests: shell scripts under tests/cli/, each run against every flavour.
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  foreach(script basics bad_input golden languages iac_related damage vendored isolation speed fix fix_c
                 fix_apply no_fix)
    add_test(NAME ${bin}/cli/${script}
             COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/${script}.sh $<TARGET_FILE:${bin}>)
  endforeach()
endforeach()
# The validator is slow to start (it runs the SARIF Multitool): once, with the plain build.
add_test(NAME tlslint/cli/validate
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/validate.sh $<TARGET_FILE:tlslint>
                 ${TLSLINT_VALIDATOR})
set_tests_properties(tlslint/cli/validate PROPERTIES TIMEOUT 900)

# `cmake --install` puts the program and its man page in place.
add_test(NAME tlslint/install
         COMMAND sh -c "rm -rf \"$1\" && ${CMAKE_COMMAND} --install \"$2\" --prefix \"$1\" >/dev/null && test -x \"$1/bin/tlslint\" && test -s \"$1/share/man/man1/tlslint.1.gz\" && test -s \"$1/share/bash-completion/completions/tlslint\" && test -s \"$1/share/zsh/vendor-completions/_tlslint\" && \"$1/bin/tlslint\" --version"
                 sh ${CMAKE_BINARY_DIR}/install-test ${CMAKE_BINARY_DIR})

# scripts/setup.sh: `make scan` installs what building and scanning need, `make test` more.
add_test(NAME setup-modes COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/setup_modes.sh ${CMAKE_SOURCE_DIR})
