# analyzer/util/banned.h: every banned function fails to build and names itself; the
# replacements build (once: it tests the header, not a flavour).
add_test(NAME tlslint/banned
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/tools/banned.sh ${CMAKE_C_COMPILER}
                 ${CMAKE_SOURCE_DIR}/analyzer/util/banned.h)
