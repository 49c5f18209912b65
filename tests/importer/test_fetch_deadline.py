"""The URL fetch's deadline bounds the whole exchange, and no IPv6 spelling of a private
IPv4 address passes the address check (issue 22: a server dripping bytes, 6to4)."""

import socket
import threading
import time

import pytest

from app.importer import ImportFailed
from app.importer.fetch import fetch_url


def _drip_server(head: bytes, body: bytes, every: float):
    """A loopback server that sends `head` at once, then `body` one byte every `every` s."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve():
        listener.settimeout(5)
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            conn.recv(4096)
            try:
                conn.sendall(head)
                for byte in body:
                    if stop.is_set():
                        return
                    conn.sendall(bytes([byte]))
                    time.sleep(every)
            except OSError:
                return  # the client hung up: the point of the test

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return listener, stop, f"http://127.0.0.1:{listener.getsockname()[1]}/"


@pytest.mark.parametrize("where", ["body", "headers"])
def test_a_server_dripping_bytes_is_cut_at_the_deadline(where):
    body = b"<p>" + b"word " * 400 + b"</p>"
    head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
    if where == "body":
        listener, stop, url = _drip_server(head, body, every=0.1)
    else:  # the status line and headers themselves arrive a byte at a time
        listener, stop, url = _drip_server(b"", head + body, every=0.1)
    started = time.monotonic()
    try:
        with pytest.raises(ImportFailed, match="longer than 1 s"):
            fetch_url(url, allow_private=True, timeout=1)
        elapsed = time.monotonic() - started
    finally:
        stop.set()
        listener.close()
    # every single read came within 0.1 s, so only a whole-exchange deadline stops it;
    # the drip would take over 200 s
    assert elapsed < 5


def test_a_fast_page_still_arrives_whole():
    body = b"<p>" + b"tide " * 2000 + b"</p>"
    head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
    listener, stop, url = _drip_server(head + body, b"", every=0)
    try:
        got, content_type, _ = fetch_url(url, allow_private=True, timeout=5)
    finally:
        stop.set()
        listener.close()
    assert got == body and content_type == "text/html"


@pytest.fixture
def no_connections(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("a connection was attempted")
    monkeypatch.setattr(socket, "create_connection", forbidden)


@pytest.mark.parametrize("url", [
    "http://[2002:7f00:1::]/",            # 6to4 of 127.0.0.1
    "http://[2002:c0a8:101::1]/",         # 6to4 of 192.168.1.1
    "http://[2002:a00:1::]/",             # 6to4 of 10.0.0.1
    "http://[64:ff9b::a9fe:a9fe]/",       # NAT64 of 169.254.169.254
    "http://[64:ff9b::7f00:1]/",          # NAT64 of 127.0.0.1
    "http://[::127.0.0.1]/",              # IPv4-compatible
    "http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/",  # Teredo, client 10.0.0.1
])
def test_ipv6_spellings_of_private_ipv4_are_refused(no_connections, url):
    with pytest.raises(ImportFailed, match="refused"):
        fetch_url(url)
