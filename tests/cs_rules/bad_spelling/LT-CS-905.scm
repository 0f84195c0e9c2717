; id: LT-CS-905
; name: BadSpelling
; kind: explicit-legacy
; language: csharp
; short: A rule with a spelling that is not names, numbers or any
; full: Loading it must fail and name the line.
; help: Test rule (tests/suites/cs_rules.cmake).
; message: Never reported.
; keywords: SecurityProtocol
; value: @value SecurityProtocolType
; report-if: enables-legacy
; spelling: letters

(assignment_expression
  right: (_) @value)
