"""Options that turn legacy versions off are set, never taken away: LT-PY-003's second
keyword group (the shapes that take them away) is not here, so the file is read but not
parsed."""
import ssl

context = ssl.create_default_context()
context.options |= ssl.OP_NO_TLSv1 | ssl.OP_NO_TLSv1_1
