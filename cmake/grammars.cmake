# grammars.cmake: static libraries for the tree-sitter runtime and the grammars, built from
# the C sources of the npm packages pinned in grammars/package-lock.json (installed by
# scripts/setup.sh with `npm ci`). Third-party code: built with its own defaults, no -Werror.
set(TS_MODULES ${CMAKE_SOURCE_DIR}/grammars/node_modules)
if(NOT EXISTS ${TS_MODULES}/tree-sitter/vendor/tree-sitter/lib/src/lib.c)
  message(FATAL_ERROR "The tree-sitter sources are not installed: run 'make setup' "
                      "(or 'cd grammars && npm ci').")
endif()

set(TS_RUNTIME ${TS_MODULES}/tree-sitter/vendor/tree-sitter/lib)
add_library(ts_runtime STATIC ${TS_RUNTIME}/src/lib.c)
target_include_directories(ts_runtime SYSTEM PUBLIC ${TS_RUNTIME}/include)
target_include_directories(ts_runtime PRIVATE ${TS_RUNTIME}/src ${TS_RUNTIME}/src/wasm)
target_compile_definitions(ts_runtime PRIVATE _DEFAULT_SOURCE _BSD_SOURCE)
target_compile_options(ts_runtime PRIVATE -O2 -w)

# name;source directory (holding parser.c and maybe scanner.c)
set(TS_GRAMMARS
  "c_sharp;${TS_MODULES}/tree-sitter-c-sharp/src"
  "python;${TS_MODULES}/tree-sitter-python/src"
  "powershell;${TS_MODULES}/tree-sitter-powershell/src"
  "xml;${TS_MODULES}/@tree-sitter-grammars/tree-sitter-xml/xml/src"
  "json;${TS_MODULES}/tree-sitter-json/src"
  "hcl;${TS_MODULES}/@tree-sitter-grammars/tree-sitter-hcl/src"
  "bicep;${TS_MODULES}/tree-sitter-bicep/src"
  "yaml;${TS_MODULES}/@tree-sitter-grammars/tree-sitter-yaml/src"
  "bash;${TS_MODULES}/tree-sitter-bash/src"
  "java;${TS_MODULES}/tree-sitter-java/src"
  "go;${TS_MODULES}/tree-sitter-go/src"
  "php;${TS_MODULES}/tree-sitter-php/php/src"
  "javascript;${TS_MODULES}/tree-sitter-javascript/src"
  "typescript;${TS_MODULES}/tree-sitter-typescript/typescript/src"
  "tsx;${TS_MODULES}/tree-sitter-typescript/tsx/src"
  "ruby;${TS_MODULES}/tree-sitter-ruby/src"
  "kotlin;${TS_MODULES}/@tree-sitter-grammars/tree-sitter-kotlin/src")
set(TS_GRAMMAR_SOURCES "")
# The list holds name;dir pairs flattened: take every second item.
list(LENGTH TS_GRAMMARS n)
math(EXPR last "${n} - 1")
foreach(i RANGE 0 ${last} 2)
  math(EXPR j "${i} + 1")
  list(GET TS_GRAMMARS ${j} dir)
  list(APPEND TS_GRAMMAR_SOURCES ${dir}/parser.c)
  if(EXISTS ${dir}/scanner.c)
    list(APPEND TS_GRAMMAR_SOURCES ${dir}/scanner.c)
    # A scanner that includes a shared header from outside its directory (tree-sitter-php's
    # ../../common/scanner.h) finds its own tree_sitter/*.h before another grammar's.
    set_source_files_properties(${dir}/scanner.c PROPERTIES COMPILE_OPTIONS "-iquote;${dir}")
  endif()
endforeach()
add_library(ts_grammars STATIC ${TS_GRAMMAR_SOURCES})
target_include_directories(ts_grammars PRIVATE ${TS_MODULES}/tree-sitter-c-sharp/src)
# -O2 like the runtime: the generated lexers and external scanners ran 2-4% of the corpus
# scan's user time slower at -O1 (all grammars build in about 20 s at -O2 with -j2).
target_compile_options(ts_grammars PRIVATE -O2 -w)
target_link_libraries(ts_grammars PUBLIC ts_runtime)
