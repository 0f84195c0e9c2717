import ssl

# An f-string's holes are code: this file is parsed.
print(f"legacy constant: {ssl.PROTOCOL_TLSv1!r}")
