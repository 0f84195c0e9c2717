"""Clients of the reporting service (fix fixture: LT-PY-001)."""
import socket
import ssl

from OpenSSL import SSL


def open_report_channel(host):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_default_certs()
    with socket.create_connection((host, 443)) as sock:
        return context.wrap_socket(sock, server_hostname=host)


def legacy_archive_context():
    return ssl.SSLContext(protocol=ssl.PROTOCOL_TLS_CLIENT)


def signing_context():
    ctx = SSL.Context(SSL.TLS_CLIENT_METHOD)
    ctx.set_default_verify_paths()
    return ctx
