"""Fetching an article by URL: timeout, size cap, redirect limit, no private addresses."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urljoin, urlsplit

from .article import ImportFailed

USER_AGENT = "Hark/0.1 (+self-hosted audio-article reader)"


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified)


def resolve(host: str, port: int, allow_private: bool) -> str:
    """One address for `host`, refusing the lot if any is private (DNS rebinding tricks)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise ImportFailed(f"the host {host!r} could not be found") from e
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not allow_private:
        for ip in addresses:
            if not _public(ip):
                raise ImportFailed(f"refused: {host} is a private or local address ({ip})")
    return str(addresses[0])


def fetch_url(
    url: str,
    *,
    timeout: float = 10,
    max_bytes: int = 5_000_000,
    max_redirects: int = 5,
    allow_private: bool = False,
) -> tuple[bytes, str | None, str]:
    """GET `url` (following redirects, each checked); return (body, content type, final URL)."""
    for _hop in range(max_redirects + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImportFailed("only http:// and https:// addresses can be imported")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        ip = resolve(parts.hostname, port, allow_private)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if parts.scheme == "https":
            conn: http.client.HTTPConnection = _PinnedHTTPS(parts.hostname, ip, port, timeout)
        else:
            conn = http.client.HTTPConnection(ip, port, timeout=timeout)
        try:
            conn.request("GET", path, headers={"Host": parts.netloc, "User-Agent": USER_AGENT,
                                               "Accept-Encoding": "gzip"})
            resp = conn.getresponse()
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.getheader("Location")
                if not location:
                    raise ImportFailed(f"the server redirected without saying where ({url})")
                url = urljoin(url, location)
                continue
            if resp.status >= 400:
                raise ImportFailed(f"the server answered {resp.status} {resp.reason} for {url}")
            length = resp.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise ImportFailed(f"the page is larger than {max_bytes // 1_000_000} MB")
            body = resp.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise ImportFailed(f"the page is larger than {max_bytes // 1_000_000} MB")
            return body, resp.getheader("Content-Type"), url
        except TimeoutError as e:
            raise ImportFailed(f"the server took longer than {timeout:g} s to answer") from e
        except (OSError, http.client.HTTPException) as e:
            raise ImportFailed(f"the page could not be fetched: {e}") from e
        finally:
            conn.close()
    raise ImportFailed(f"too many redirects (more than {max_redirects})")


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to an address already checked, with the certificate checked for the host name."""

    def __init__(self, host: str, ip: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ip = ip

    def connect(self) -> None:
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
