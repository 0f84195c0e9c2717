"""Clients of the reporting service (fix fixture: LT-PY-001)."""
import http.client
import socket
import ssl

from OpenSSL import SSL


def open_report_channel(host):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_default_certs()
    with socket.create_connection((host, 443)) as sock:
        return context.wrap_socket(sock, server_hostname=host)


def fetch_archive(host):
    context = ssl.SSLContext(protocol=ssl.PROTOCOL_TLS_CLIENT)
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    context.load_verify_locations("/etc/archive/ca.pem")
    conn = http.client.HTTPSConnection(host, context=context)
    conn.request("GET", "/archive")
    return conn.getresponse().read()


def signing_channel(sock, host):
    ctx = SSL.Context(SSL.TLS_CLIENT_METHOD)
    ctx.set_default_verify_paths()
    conn = SSL.Connection(ctx, sock)
    conn.set_tlsext_host_name(host.encode())
    conn.set_connect_state()
    return conn
