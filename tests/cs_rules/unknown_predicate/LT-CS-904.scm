; id: LT-CS-904
; name: UnknownPredicate
; kind: re-enable
; language: csharp
; short: A rule whose predicate tlslint does not know
; full: Loading it must fail: a predicate that is not evaluated would make every match a finding.
; help: Test rule (tests/suites/cs_rules.cmake).
; message: Never reported.
; keywords: SetSwitch

((invocation_expression
  function: (member_access_expression
    name: (identifier) @method)) @call
  (#frobnicate? @method "SetSwitch"))
