"""Legacy constants tlslint reports but cannot fix safely (no-fix fixture)."""
import ssl
from ssl import PROTOCOL_TLSv1

TERMINAL_PROTOCOL = ssl.PROTOCOL_TLSv1


def terminal_socket(sock):
    return ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1_1)


def imported_context():
    return ssl.SSLContext(PROTOCOL_TLSv1)


def named_context():
    return ssl.SSLContext(TERMINAL_PROTOCOL)
