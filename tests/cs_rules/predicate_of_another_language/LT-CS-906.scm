; id: LT-CS-906
; name: PythonPredicateOnCSharp
; kind: re-enable
; language: csharp
; short: A C# rule that uses a predicate only Python rules have
; full: Loading it must fail: #not-has-arg? reads Python argument lists, and on a C# tree it would answer for syntax it does not know.
; help: Test rule (tests/suites/cs_rules.cmake).
; message: Never reported.
; keywords: SetSwitch

((invocation_expression
  function: (member_access_expression
    name: (identifier) @method)
  arguments: (argument_list) @args)
  (#eq? @method "SetSwitch")
  (#not-has-arg? @args "value"))
