# Python rules: the evaluator on hostile input (cycles, self-references, deep nesting, long
# operator chains), and load errors for misused Python predicates and report conditions.
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  add_test(NAME ${bin}/python-hostile
           COMMAND $<TARGET_FILE:${bin}> scan -q --color never tests/python/hostile.py
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(${bin}/python-hostile PROPERTIES
    PASS_REGULAR_EXPRESSION "hostile.py:9:9: error: 'ssl.PROTOCOL_TLSv1' enables TLS 1\\.0.*hostile.py:17:9: error: 'ssl.PROTOCOL_TLSv1' enables TLS 1\\.0.*hostile.py:122:416: error: 'ssl.PROTOCOL_TLSv1_1' enables TLS 1\\.1.*3 findings \\(3 errors"
    TIMEOUT 60)

  add_test(NAME ${bin}/python-bad-has-arg
           COMMAND $<TARGET_FILE:${bin}> scan --rules tests/python/bad-has-arg tests/python/hostile.py
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(${bin}/python-bad-has-arg PROPERTIES
    PASS_REGULAR_EXPRESSION "LT-PY-901\\.scm:10: pattern 0: '#not-has-arg\\?' takes a capture, a parameter name and an optional 0-based position")

  add_test(NAME ${bin}/python-bad-floor-or-cap
           COMMAND $<TARGET_FILE:${bin}> scan --rules tests/python/bad-floor-or-cap tests/python/hostile.py
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(${bin}/python-bad-floor-or-cap PROPERTIES
    PASS_REGULAR_EXPRESSION "LT-PY-902\\.scm: report-if floor-or-cap needs a @cap capture")
endforeach()
