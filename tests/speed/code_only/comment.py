"""Mentions ssl.PROTOCOL_TLSv1 and ssl.wrap_socket only in strings and comments: not parsed
for LT-PY-001, 004 and 005 (`keywords-in: code`)."""
# ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1) was the old way.
HINT = 'do not use PROTOCOL_TLSv1'
