; id: LT-PY-901
; name: BadHasArg
; kind: allowed-by-default
; language: python
; short: x
; full: x
; help: x
; message: x
; keywords: wrap_socket

(call
  arguments: (argument_list) @arguments
  (#not-has-arg? @arguments "ssl_version" "sixth"))
