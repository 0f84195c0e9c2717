; id: LT-XX-901
; name: TestRegistryWriteConjunction
; kind: re-enable
; language: csharp
; short: Test rule: a SetValue call, in files that also name SCHANNEL
; full: Test rule for keyword groups: considered only in files holding 'SetValue' and one of
;   'SCHANNEL' or 'SecureProtocols' (any case).
; help: Test rule.
; message: SetValue call.
; keywords: SetValue & SCHANNEL, SecureProtocols
((invocation_expression
  function: (member_access_expression
    name: (identifier) @method)) @value
  (#eq? @method "SetValue"))
