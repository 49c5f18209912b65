"""CORS for what web podcast players fetch from another origin: feeds, audio, transcripts,
chapters and artwork.

Everything marked here is public to anyone who has its URL (content-hashed media, the
public feed, a personal feed whose secret is its address) and is read without cookies, so
`Access-Control-Allow-Origin: *` is right and the answer never varies by Origin (no Vary).
Preflight requests get 204 with the methods and headers a player sends (Range for seeking,
the validators for revalidation), as the Fetch standard and Podcast Index's CORS check
expect.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from flask import Response, make_response, request

ALLOW_METHODS = "GET, HEAD, OPTIONS"
ALLOW_HEADERS = "Range, If-Range, If-None-Match, If-Modified-Since, Cache-Control"
EXPOSE_HEADERS = ("Content-Length, Content-Range, Content-Encoding, Accept-Ranges, ETag, "
                  "Last-Modified")
PREFLIGHT_MAX_AGE = 86400  # seconds a browser may reuse a preflight answer


def allow_any_origin(response: Response) -> Response:
    """Mark a response readable from any origin, its range and validator headers included."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
    return response


def preflight() -> Response:
    """The answer to an OPTIONS preflight: 204, what may be asked, for how long."""
    response = Response(status=204)
    response.headers["Allow"] = ALLOW_METHODS
    response.headers["Access-Control-Allow-Methods"] = ALLOW_METHODS
    response.headers["Access-Control-Allow-Headers"] = ALLOW_HEADERS
    response.headers["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return allow_any_origin(response)


def public(view: Callable[..., Any]) -> Callable[..., Any]:
    """Decorate a view routed with methods GET, HEAD and OPTIONS: answer preflights, and let
    any origin read its responses."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Response:
        if request.method == "OPTIONS":
            return preflight()
        return allow_any_origin(make_response(view(*args, **kwargs)))

    return wrapped


METHODS = ["GET", "HEAD", "OPTIONS"]  # the route methods a `public` view takes
