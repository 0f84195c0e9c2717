# The Debian package of `make package`: built with CPack, unpacked with dpkg-deb -x into a
# scratch root; its dependencies, files, completions, and the packaged binary on the fixtures.
add_test(NAME package/deb
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/package.sh ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR})
set_tests_properties(package/deb PROPERTIES TIMEOUT 900)
