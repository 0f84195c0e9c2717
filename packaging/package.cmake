# packaging/package.cmake: what `cmake --install` puts in place, and the Debian package that
# `make package` (cpack -G DEB) builds from it: the program (rules, shims and the tree-sitter
# grammars are linked in), its man page, and bash and zsh completions.

# Debian wants man pages compressed; -n keeps the name and time out, so the bytes are stable.
set(TLSLINT_MAN_GZ ${CMAKE_BINARY_DIR}/tlslint.1.gz)
add_custom_command(OUTPUT ${TLSLINT_MAN_GZ}
  COMMAND sh -c "gzip -9nc \"$0\" > \"$1\"" ${CMAKE_SOURCE_DIR}/docs/tlslint.1 ${TLSLINT_MAN_GZ}
  DEPENDS ${CMAKE_SOURCE_DIR}/docs/tlslint.1
  COMMENT "Compressing the man page"
  VERBATIM)
add_custom_target(man_page ALL DEPENDS ${TLSLINT_MAN_GZ})
add_dependencies(tlslint man_page)

install(TARGETS tlslint RUNTIME DESTINATION bin)
install(FILES ${TLSLINT_MAN_GZ} DESTINATION share/man/man1)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/completions/tlslint.bash
        DESTINATION share/bash-completion/completions RENAME tlslint)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/completions/_tlslint
        DESTINATION share/zsh/vendor-completions)

# The Debian package. dpkg-shlibdeps finds what the program links (libc, cJSON, PCRE2) with
# their versions; libclang is loaded at run time by the C/C++ front end (dlopen), and libgit2
# at its first use (analyzer/util/git2_api.h), which no tool can see, so they are declared
# here: the libgit2 the build compiled against, and any of the libclang versions the loader
# tries (analyzer/lang/c/libclang.c).
set(TLSLINT_PACKAGE_MAINTAINER "tlslint developers <tlslint@users.noreply.invalid>" CACHE STRING
    "The Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tlslint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${TLSLINT_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "find hardcoded legacy TLS in source code and configuration")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "tlslint finds code and configuration that pins SSL 3.0, TLS 1.0 or TLS 1.1 (C#, PowerShell,\nPython, C and C++, MSBuild, .NET configuration, Windows .reg files) and reports it as\nSARIF for GitHub code scanning, or as compiler-style text.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${TLSLINT_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libgit2-${TLSLINT_GIT2_ABI}, libclang1-14 | libclang1-15 | libclang1-16")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
