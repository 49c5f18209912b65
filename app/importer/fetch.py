"""Fetching an article by URL: timeout, size cap, redirect limit, no private addresses.

Standard library only. The host name is resolved here, every address it resolves to is
checked, and the connection goes to the checked address (so a second DNS answer cannot swap in
a private one); each redirect hop is checked the same way before anything is sent.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from urllib.parse import urljoin, urlsplit

from .article import ImportFailed

USER_AGENT = "Hark/0.1 (+self-hosted audio-article reader)"
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


# IPv6 prefixes whose addresses carry an IPv4 address that a gateway or relay reaches
# for them: NAT64 (RFC 6052 well-known and local-use prefixes) keeps it in the last 32 bits.
_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address stands for: IPv4-mapped and -compatible
    (RFC 4291), 6to4 (RFC 3056), Teredo's server and client (RFC 4380), NAT64 (RFC 6052)."""
    found = []
    if ip.ipv4_mapped:
        found.append(ip.ipv4_mapped)
    if ip.sixtofour:
        found.append(ip.sixtofour)
    if ip.teredo:
        found.extend(ip.teredo)
    if any(ip in net for net in _NAT64) or (int(ip) >> 32 == 0 and int(ip) > 0xFFFF):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))  # NAT64, IPv4-compatible
    return found


def _public(ip: Address) -> bool:
    """True for an address on the public internet (not private, loopback, link-local, ...).

    An IPv6 address that embeds an IPv4 address (6to4, Teredo, NAT64, mapped) is public only
    if every IPv4 address inside it is too: `2002:7f00:1::` reaches 127.0.0.1."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner:
            return all(_public(v4) for v4 in inner)
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local
                                 or ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def resolve(host: str, port: int, allow_private: bool) -> str:
    """One checked address for `host`; refuses the host if any of its addresses is private."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise ImportFailed(f"the host {host!r} could not be found") from e
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not addresses:
        raise ImportFailed(f"the host {host!r} could not be found")
    if not allow_private:
        # all of them, not just the first: a name resolving to public and private
        # addresses at once is how DNS rebinding reaches internal services
        for ip in addresses:
            if not _public(ip):
                raise ImportFailed(f"refused: {host} is a private or local address ({ip})")
    return str(addresses[0])


def _read(resp: http.client.HTTPResponse, max_bytes: int) -> bytes:
    """The body, refusing more than `max_bytes` (the deadline is the caller's watchdog's)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = resp.read1(_CHUNK)  # what has arrived, not a full chunk
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise ImportFailed(f"the page is too large (more than {max_bytes:,} bytes)")
        chunks.append(chunk)


class _Watchdog:
    """Cuts a connection when the whole exchange's deadline passes.

    A socket timeout bounds each read, so a server sending a byte every second would
    never trip it; this timer shuts the socket down at the deadline instead, which ends
    any read in progress, and `expired` tells the caller why the read ended."""

    def __init__(self, conn: http.client.HTTPConnection, seconds: float) -> None:
        self.conn = conn
        self.expired = False
        self.timer = threading.Timer(max(0.0, seconds), self._cut)
        self.timer.daemon = True

    def _cut(self) -> None:
        self.expired = True
        sock = self.conn.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed

    def __enter__(self) -> _Watchdog:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()


def fetch_url(
    url: str,
    *,
    timeout: float = 10,
    max_bytes: int = 5_000_000,
    max_redirects: int = 5,
    allow_private: bool = False,
) -> tuple[bytes, str | None, str]:
    """GET `url`, following checked redirects; return (body, Content-Type, final URL).

    Raises ImportFailed for a bad or refused address, a timeout, an HTTP error status, a body
    over `max_bytes` or more than `max_redirects` redirects.
    """
    deadline = time.monotonic() + timeout
    for _hop in range(max_redirects + 1):
        try:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as e:
            raise ImportFailed(f"not a valid web address: {url[:200]}") from e
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImportFailed("only http:// and https:// addresses can be imported")
        ip = resolve(parts.hostname, port, allow_private)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        remaining = max(0.1, deadline - time.monotonic())
        if parts.scheme == "https":
            conn: http.client.HTTPConnection = _PinnedHTTPS(parts.hostname, ip, port, remaining)
        else:
            conn = http.client.HTTPConnection(ip, port, timeout=remaining)
        watchdog = _Watchdog(conn, remaining)
        try:
            with watchdog:
                conn.request("GET", path, headers={
                    "Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": USER_AGENT,
                    "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5",
                    "Accept-Encoding": "gzip"})
                resp = conn.getresponse()
                if resp.status in _REDIRECTS:
                    location = resp.getheader("Location")
                    if not location:
                        raise ImportFailed(
                            f"the server redirected without saying where ({url})")
                    url = urljoin(url, location.strip())
                    continue
                if resp.status >= 400:
                    raise ImportFailed(
                        f"the server answered {resp.status} {resp.reason} for {url}")
                length = resp.getheader("Content-Length")
                if length and length.isdigit() and int(length) > max_bytes:
                    raise ImportFailed(
                        f"the page is too large (more than {max_bytes:,} bytes)")
                body = _read(resp, max_bytes)
            if watchdog.expired:  # the read ended because the socket was cut
                raise TimeoutError
            return body, resp.getheader("Content-Type"), url
        except TimeoutError as e:
            raise ImportFailed(f"the server took longer than {timeout:g} s to answer") from e
        except ImportFailed:
            raise
        except (OSError, http.client.HTTPException, ValueError) as e:
            if watchdog.expired:
                raise ImportFailed(
                    f"the server took longer than {timeout:g} s to answer") from e
            raise ImportFailed(f"the page could not be fetched ({type(e).__name__}: {e})") from e
        finally:
            conn.close()
    raise ImportFailed(f"too many redirects (more than {max_redirects})")


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to an address already checked, with the certificate checked for the host name."""

    def __init__(self, host: str, ip: str, port: int, timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._ip = ip

    def connect(self) -> None:
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(sock, server_hostname=self.host)
