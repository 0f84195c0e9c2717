; id: LT-PY-902
; name: BadFloorOrCap
; kind: legacy-floor-or-cap
; language: python
; short: x
; full: x
; help: x
; message: x
; keywords: minimum_version
; value: @value PythonTlsVersion
; report-if: floor-or-cap

(assignment
  left: (attribute attribute: (identifier) @property)
  right: (_) @value
  (#eq? @property "minimum_version"))
