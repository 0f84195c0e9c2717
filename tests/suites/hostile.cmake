# Hostile repositories at scale (tests/cli/hostile.sh): tests/tools/hostile_tree.c builds them
# (a sparse 1 GiB file, 100,000 files, 10,000-deep nesting, a 4,000-byte path, odd names, a
# FIFO, a socket, a 50 MB compile_commands.json) without PATH_MAX limits.
add_executable(hostile_tree ${CMAKE_CURRENT_SOURCE_DIR}/tools/hostile_tree.c)
target_compile_options(hostile_tree PRIVATE ${TLSLINT_WARNINGS})
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  add_test(NAME ${bin}/cli/hostile
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/hostile.sh $<TARGET_FILE:${bin}>
                   $<TARGET_FILE:hostile_tree>)
  set_tests_properties(${bin}/cli/hostile PROPERTIES TIMEOUT 900)
endforeach()
