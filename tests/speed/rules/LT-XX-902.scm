; id: LT-XX-902
; name: TestNarrowedAwayFromTheKeyword
; kind: explicit-legacy
; language: csharp
; short: Test rule: every Configure call, narrowed around 'LegacyMarker'
; full: Test rule for narrowing: the pattern matches Configure(...) calls, which do not hold the
;   keyword, so narrowing to the statements around the keyword loses the match far from it.
; help: Test rule.
; message: Configure call.
; narrow: statement
; keywords: LegacyMarker
((invocation_expression
  function: (identifier) @method) @value
  (#eq? @method "Configure"))
