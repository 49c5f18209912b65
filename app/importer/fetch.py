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
import time
from urllib.parse import urljoin, urlsplit

from .article import ImportFailed

USER_AGENT = "Hark/0.1 (+self-hosted audio-article reader)"
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _public(ip: Address) -> bool:
    """True for an address on the public internet (not private, loopback, link-local, ...)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
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


def _read(resp: http.client.HTTPResponse, max_bytes: int, deadline: float,
          timeout: float) -> bytes:
    """The body, refusing more than `max_bytes` and a server dripping it past the deadline."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = resp.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise ImportFailed(f"the page is too large (more than {max_bytes:,} bytes)")
        if time.monotonic() > deadline:
            raise ImportFailed(f"the server took longer than {timeout:g} s to answer")
        chunks.append(chunk)


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
        try:
            conn.request("GET", path, headers={
                "Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": USER_AGENT,
                "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5", "Accept-Encoding": "gzip"})
            resp = conn.getresponse()
            if resp.status in _REDIRECTS:
                location = resp.getheader("Location")
                if not location:
                    raise ImportFailed(f"the server redirected without saying where ({url})")
                url = urljoin(url, location.strip())
                continue
            if resp.status >= 400:
                raise ImportFailed(f"the server answered {resp.status} {resp.reason} for {url}")
            length = resp.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise ImportFailed(f"the page is too large (more than {max_bytes:,} bytes)")
            body = _read(resp, max_bytes, deadline, timeout)
            return body, resp.getheader("Content-Type"), url
        except TimeoutError as e:
            raise ImportFailed(f"the server took longer than {timeout:g} s to answer") from e
        except ImportFailed:
            raise
        except (OSError, http.client.HTTPException, ValueError) as e:
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
