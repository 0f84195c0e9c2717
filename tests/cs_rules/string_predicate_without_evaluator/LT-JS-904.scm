; id: LT-JS-904
; name: StringPredicateWithoutEvaluator
; kind: explicit-legacy
; language: json
; short: A #string- predicate in a language without a string evaluator
; full: Loading it must fail rather than never match.
; help: Test rule (tests/suites/cs_rules.cmake).
; message: Never reported.
; keywords: Tls

((string) @s
  (#string-any-of? @s "Tls"))
