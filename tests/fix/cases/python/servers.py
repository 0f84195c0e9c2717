"""Servers of the reporting service (fix fixture: LT-PY-001 on contexts that serve)."""
import asyncio
import http.server
import socketserver
import ssl

from OpenSSL import SSL


def serve_reports(listener):
    context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    context.load_cert_chain("/etc/reports/cert.pem", "/etc/reports/key.pem")
    conn, _ = listener.accept()
    return context.wrap_socket(conn, server_side=True)


async def serve_feed(handler):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)
    ctx.load_cert_chain("/etc/feed/cert.pem")
    server = await asyncio.start_server(handler, "0.0.0.0", 8443, ssl=ctx)
    async with server:
        await server.serve_forever()


def serve_http(handler):
    httpd = http.server.HTTPServer(("", 4443), handler)
    ctx = ssl.SSLContext(protocol=ssl.PROTOCOL_TLSv1)
    ctx.load_cert_chain("/etc/http/cert.pem")
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    httpd.serve_forever()


class ReportServer(socketserver.ThreadingTCPServer):
    def __init__(self, address, handler):
        super().__init__(address, handler)
        self.context = ssl.SSLContext(ssl.PROTOCOL_SSLv3)
        self.context.load_cert_chain("/etc/report-server/cert.pem")

    def get_request(self):
        sock, address = super().get_request()
        return self.context.wrap_socket(sock, server_side=True), address


async def listen(loop, factory):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    ctx.load_cert_chain("/etc/listener/cert.pem")
    return await loop.create_server(factory, "", 9443, ssl=ctx)


def accept_signing(sock):
    ctx = SSL.Context(SSL.TLSv1_METHOD)
    ctx.use_certificate_file("/etc/signing/cert.pem")
    ctx.use_privatekey_file("/etc/signing/key.pem")
    conn = SSL.Connection(ctx, sock)
    conn.set_accept_state()
    return conn
