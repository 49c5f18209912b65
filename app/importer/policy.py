"""URL import policy, for the import desk and the command line alike: which URLs may be
fetched, and how.

The importer's fetch_url refuses private, loopback and link-local addresses (checked after
DNS, on every redirect hop). An operator may open that up for all hosts (ALLOW_PRIVATE_URLS,
for a closed network) or for named hosts only (URL_ALLOW_LIST), e.g. an intranet wiki.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from .article import ImportFailed
from .fetch import fetch_url


def allow_list(value: str | Iterable[str] | None) -> frozenset[str]:
    """URL_ALLOW_LIST as lower-case host names: a list, or a comma/space separated string."""
    if not value:
        return frozenset()
    items = value.replace(",", " ").split() if isinstance(value, str) else value
    return frozenset(str(h).strip().strip("[]").lower() for h in items if str(h).strip())


def host_of(url: str) -> str:
    """The URL's host name, lower case ('' when there is none or the URL is malformed)."""
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""


def fetch_for_import(url: str, config: Mapping[str, Any]) -> tuple[bytes, str | None, str]:
    """Fetch an article URL under the configured policy; raises ImportFailed with one line.

    A host on the allow-list may be private, but then no redirect is followed: the
    importer's allowance covers every hop, and a listed intranet host must not become a
    way to reach other private addresses (a cloud metadata service, say).
    """
    max_bytes = int(config["MAX_UPLOAD_BYTES"])
    if config.get("ALLOW_PRIVATE_URLS"):
        return fetch_url(url, max_bytes=max_bytes, allow_private=True)
    host = host_of(url)
    if host and host in allow_list(config.get("URL_ALLOW_LIST")):
        try:
            return fetch_url(url, max_bytes=max_bytes, allow_private=True, max_redirects=0)
        except ImportFailed as e:
            if str(e).startswith("too many redirects"):
                raise ImportFailed(f"{host} is on the allow-list but redirects elsewhere; "
                                   "give the address it redirects to") from e
            raise
    return fetch_url(url, max_bytes=max_bytes, allow_private=False)
