"""fetch_url against a local server (loopback, allowed explicitly), and address refusal."""

import gzip
import http.server
import socket
import threading
import time

import pytest

from app.importer import ImportFailed, import_document
from app.importer import fetch as fetch_module
from app.importer.fetch import fetch_url

PAGE = ("<html><head><title>Local page</title></head><body>"
        + "<p>The tide came in twice as fast as the charts said it would, and the boats "
          "at the outer moorings dragged their anchors before dawn.</p>" * 4
        + "</body></html>").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        routes = {
            "/article": lambda: self.send(200, PAGE),
            "/gzip": lambda: self.send(200, gzip.compress(PAGE), {"Content-Encoding": "gzip"}),
            "/redirect": lambda: self.send(302, b"", {"Location": "/article"}),
            "/loop": lambda: self.send(302, b"", {"Location": "/loop"}),
            "/to-private": lambda: self.send(302, b"", {"Location": "http://10.1.2.3/x"}),
            "/missing": lambda: self.send(404, b"not here"),
            "/big": lambda: self.send(200, b"x" * 200_000),
            "/big-unannounced": self.big_unannounced,
            "/slow": self.slow,
        }
        routes.get(self.path, lambda: self.send(404, b""))()

    def send(self, status, body, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def big_unannounced(self):
        self.send_response(200)
        self.end_headers()
        for _ in range(20):
            self.wfile.write(b"y" * 10_000)

    def slow(self):
        time.sleep(1.5)
        self.send(200, PAGE)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the client hanging up on /slow is the point of that test


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def no_connections(monkeypatch):
    """Fail the test if anything tries to open a connection: refusal must come first."""
    def forbidden(*args, **kwargs):
        raise AssertionError("a connection was attempted")
    monkeypatch.setattr(socket, "create_connection", forbidden)


def test_fetches_a_page(server):
    body, content_type, final = fetch_url(f"{server}/article", allow_private=True)
    assert body == PAGE and content_type.startswith("text/html") and final.endswith("/article")
    assert import_document(body, content_type=content_type, url=final).title == "Local page"


def test_gzip_encoded_body_imports(server):
    body, content_type, _ = fetch_url(f"{server}/gzip", allow_private=True)
    assert import_document(body, content_type=content_type).paragraphs[0].startswith("The tide")


def test_follows_redirects_and_reports_the_final_url(server):
    body, _, final = fetch_url(f"{server}/redirect", allow_private=True)
    assert body == PAGE and final == f"{server}/article"


def test_too_many_redirects(server):
    with pytest.raises(ImportFailed, match="too many redirects"):
        fetch_url(f"{server}/loop", allow_private=True, max_redirects=3)


def test_http_error_status(server):
    with pytest.raises(ImportFailed, match="404"):
        fetch_url(f"{server}/missing", allow_private=True)


def test_body_over_the_size_cap(server):
    with pytest.raises(ImportFailed, match="too large"):
        fetch_url(f"{server}/big", allow_private=True, max_bytes=100_000)
    with pytest.raises(ImportFailed, match="too large"):
        fetch_url(f"{server}/big-unannounced", allow_private=True, max_bytes=100_000)


def test_timeout(server):
    started = time.monotonic()
    with pytest.raises(ImportFailed, match="longer than 0.5 s"):
        fetch_url(f"{server}/slow", allow_private=True, timeout=0.5)
    assert time.monotonic() - started < 1.4


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://127.8.9.10:8080/x", "http://10.0.0.1/", "http://192.168.1.1/",
    "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
    "http://[::ffff:127.0.0.1]/", "http://[fe80::1]/", "http://0.0.0.0/", "http://224.0.0.1/",
    "http://100.64.0.1/", "http://localhost/",
])
def test_private_and_local_addresses_are_refused_before_connecting(no_connections, url):
    with pytest.raises(ImportFailed, match="refused"):
        fetch_url(url)


def test_a_name_resolving_to_any_private_address_is_refused(no_connections, monkeypatch):
    def getaddrinfo(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port))]
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(ImportFailed, match="refused"):
        fetch_url("http://rebinding.example/")


def test_each_redirect_hop_is_checked(server, monkeypatch):
    real_public = fetch_module._public
    # treat the local test server as public, so only the redirect target is judged
    monkeypatch.setattr(fetch_module, "_public",
                        lambda ip: str(ip) == "127.0.0.1" or real_public(ip))
    real_connect = socket.create_connection

    def loopback_only(address, *args, **kwargs):
        assert address[0] == "127.0.0.1", f"connection attempted to {address[0]}"
        return real_connect(address, *args, **kwargs)
    monkeypatch.setattr(socket, "create_connection", loopback_only)
    with pytest.raises(ImportFailed, match=r"refused: 10\.1\.2\.3"):
        fetch_url(f"{server}/to-private")


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "example.com",
                                 "http://", "http://[::1"])
def test_only_http_urls(no_connections, url):
    with pytest.raises(ImportFailed):
        fetch_url(url)
