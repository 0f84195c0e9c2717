"""Legacy protocol constants reaching several kinds of sink: the matcher of LT-PY-001 and its
patterns must hand the engine the same matches in the same order (tests/cli/speed.sh)."""
import socket
import ssl

from OpenSSL import SSL

OLD = ssl.PROTOCOL_TLSv1
SETTINGS = {"ssl_version": OLD, "protocol": ssl.PROTOCOL_SSLv3}


class Client:
    protocol = OLD
    fallback = ssl.PROTOCOL_TLSv1

    def __init__(self, host):
        self.host = host
        self.version = OLD
        self.options = [OLD, ssl.PROTOCOL_SSLv3]

    def context(self):
        ctx = ssl.SSLContext(OLD)
        other = SSL.Context(SSL.TLSv1_METHOD)
        return ctx, other

    def wrap(self, sock):
        return ssl.wrap_socket(sock, ssl_version=OLD)

    def pick(self, legacy):
        if legacy:
            return OLD
        return [ssl.PROTOCOL_TLSv1, OLD]


def connect(host, conf):
    conf["ssl_version"] = OLD
    conf["method"] = SSL.SSLv3_METHOD
    sock = socket.create_connection((host, 443))
    return configure(sock, version=OLD, method=SSL.TLSv1_1_METHOD, name=host)


def configure(sock, **kwargs):
    print(OLD)
    log.info("protocol", extra=OLD)
    return sock, kwargs
