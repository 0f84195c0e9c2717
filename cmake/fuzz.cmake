# fuzz.cmake: libFuzzer targets for every parser we wrote (tests/fuzz/), with -DTLSLINT_FUZZ=ON.
#
# They need clang (-fsanitize=fuzzer): `make fuzz` configures a build of its own (build/fuzz,
# CC=clang) and runs each target (tests/fuzz/run.sh). The parsers are compiled again from the
# same sources with the fuzzer's coverage instrumentation, AddressSanitizer and UBSan; only the
# sources the targets reach are in the library, so tree-sitter and the grammars are not built.
if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "TLSLINT_FUZZ needs clang: cmake -DCMAKE_C_COMPILER=clang -DTLSLINT_FUZZ=ON")
endif()
set(FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer -g -O1)
set(FUZZ_SOURCES
  lang/reg/reg_parser.c config/config.c rules/rule.c rules/catalogue.c lang/c/c_rules.c
  lang/c/compdb.c lang/c/c_wire.c lang/c/c_hits.c lang/c/c_fix.c lang/c/c_lex.c lang/c/c_tokens.c lang/nginx/nginx_reader.c lang/dotnet/msbuild_reader.c lang/shell/shell_readers.c lang/jvm/jvm_properties.c util/directives.c report/baseline.c report/fingerprint.c report/sarif.c report/markdown.c source/source_file.c walk/gitignore.c
  core/versions.c core/level.c rules/finding.c util/diag.c util/alloc.c util/fileio.c util/strbuf.c)
list(TRANSFORM FUZZ_SOURCES PREPEND ${CMAKE_SOURCE_DIR}/analyzer/)
add_library(tlslint_fuzzlib STATIC ${FUZZ_SOURCES} ${CMAKE_BINARY_DIR}/embedded_rules.c)
add_dependencies(tlslint_fuzzlib generated_sources)
target_include_directories(tlslint_fuzzlib PUBLIC ${CMAKE_SOURCE_DIR}/analyzer)
target_compile_definitions(tlslint_fuzzlib PUBLIC _GNU_SOURCE TLSLINT_VERSION="${PROJECT_VERSION}"
                           TLSLINT_HOMEPAGE="${TLSLINT_HOMEPAGE}")
target_compile_options(tlslint_fuzzlib PUBLIC ${FUZZ_FLAGS} PRIVATE ${TLSLINT_WARNINGS})
target_link_libraries(tlslint_fuzzlib PUBLIC PkgConfig::CJSON Threads::Threads)

set(TLSLINT_FUZZ_TARGETS reg config rule compdb baseline decode gitignore nginx directives shell_readers properties cwire cfix msbuild)
foreach(t IN LISTS TLSLINT_FUZZ_TARGETS)
  add_executable(fuzz_${t} ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_${t}.c)
  target_compile_options(fuzz_${t} PRIVATE ${TLSLINT_WARNINGS})
  target_link_libraries(fuzz_${t} PRIVATE tlslint_fuzzlib)
  target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer,address,undefined)
endforeach()
# The plain-project reader is compared with tree-sitter-xml: the runtime and that one grammar,
# not instrumented (the fuzzer explores the reader).
set(_xml ${TS_MODULES}/@tree-sitter-grammars/tree-sitter-xml/xml/src)
add_library(fuzz_ts_xml STATIC ${_xml}/parser.c ${_xml}/scanner.c)
target_compile_options(fuzz_ts_xml PRIVATE -O1 -w)
target_link_libraries(fuzz_ts_xml PUBLIC ts_runtime)
target_link_libraries(fuzz_msbuild PRIVATE fuzz_ts_xml)
list(TRANSFORM TLSLINT_FUZZ_TARGETS PREPEND fuzz_ OUTPUT_VARIABLE _fuzz_exes)
add_custom_target(fuzz_all DEPENDS ${_fuzz_exes})
