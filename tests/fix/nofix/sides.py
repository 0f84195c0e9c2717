"""Contexts whose side tlslint cannot tell, or that PROTOCOL_TLS_CLIENT would break (no-fix
fixture: LT-PY-001)."""
import socket
import ssl

from OpenSSL import SSL


def relay(listener, upstream):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    inbound = ctx.wrap_socket(listener.accept()[0], server_side=True)
    outbound = ctx.wrap_socket(socket.create_connection((upstream, 443)), server_hostname=upstream)
    return inbound, outbound


def legacy_context():
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)


def wrap(sock, serving):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    return ctx.wrap_socket(sock, server_side=serving, server_hostname=None)


def tuned_context():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    ctx.load_default_certs()
    ctx.set_ciphers("HIGH")


def probe(host):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    ctx.verify_mode = ssl.CERT_NONE
    ctx.check_hostname = False
    return ctx.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)


def raw_channel(sock):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    return ctx.wrap_socket(sock)


def signing_context():
    ctx = SSL.Context(SSL.TLSv1_METHOD)
    ctx.use_certificate_file("/etc/signing/cert.pem")
    return ctx
