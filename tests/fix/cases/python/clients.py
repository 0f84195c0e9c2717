"""Clients of the reporting service (fix fixture: LT-PY-001)."""
import socket
import ssl

from OpenSSL import SSL


def open_report_channel(host):
    context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    context.load_default_certs()
    with socket.create_connection((host, 443)) as sock:
        return context.wrap_socket(sock, server_hostname=host)


def legacy_archive_context():
    return ssl.SSLContext(protocol=ssl.PROTOCOL_TLSv1_1)


def signing_context():
    ctx = SSL.Context(SSL.TLSv1_METHOD)
    ctx.set_default_verify_paths()
    return ctx
