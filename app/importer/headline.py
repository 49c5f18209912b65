"""The headline without the site's name: cut only a name the page shows to be the site's.

A headline may hold a dash or a colon of its own ("Storm damage - what insurers will pay"), so a
title part is cut only when it is a known site name: og:site_name, application-name, the
publisher trafilatura found, or a part of the <title> the page repeats as its masthead (in a
header, footer, logo or copyright line) or as its web address.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

# " | ", " - ", " : " and kin between spaces; the full-width bar Japanese and Chinese titles
# set unspaced ("記事の見出し｜サイト名")
TITLE_SEPARATORS = re.compile(r"\s+[|–—\-:»·]\s+|\s*[｜│]\s*")
_NON_WORD = re.compile(r"\W+")
# Where a site shows its own name: mastheads, footers, logos and copyright lines.
_MASTHEAD = etree.XPath(
    "//header | //footer | //*[contains(@class, 'logo') or contains(@id, 'logo') or "
    "contains(@class, 'brand') or contains(@class, 'masthead') or contains(@class, 'copyright') "
    "or contains(@class, 'site-name') or contains(@class, 'site-title')]")


def _key(text: str) -> str:
    return _NON_WORD.sub("", text.casefold())


# Second-level labels under a country's domain that registries sell names beneath
# (example.co.uk, example.com.br, example.co.kr, example.ne.jp): part of the public suffix.
_SECOND_LEVEL = {"co", "com", "net", "org", "or", "ne", "ac", "go", "gov", "edu", "gob", "nic"}


def _host_key(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [p for p in host.split(".") if p not in ("www", "m", "amp")]
    suffix = 2 if (len(labels) > 2 and len(labels[-1]) == 2
                   and labels[-2] in _SECOND_LEVEL) else 1
    return _key("".join(labels[:-suffix])) if len(labels) > suffix else _key("".join(labels))


def site_names(tree: etree._Element, title: str | None, known: list[str | None],
               url: str | None = None) -> set[str]:
    """Case-folded, punctuation-free keys of the names this page gives its site.

    `known` are declared names (og:site_name, application-name, trafilatura's sitename);
    `title` the <title> text, whose first or last part counts when the page repeats it.
    """
    names = {_key(n) for n in known if n and _key(n)}
    parts = TITLE_SEPARATORS.split(title or "")
    if len(parts) < 2:
        return names
    masthead = None
    host = _host_key(url)
    for part in {parts[0].strip(), parts[-1].strip()}:
        key = _key(part)
        if not key or key in names:
            continue
        if host and (key == host or key.replace("the", "", 1) == host):
            names.add(key)
            continue
        if masthead is None:
            masthead = " ".join(_key(" ".join(el.itertext())) + " " + " ".join(
                _key(img.get("alt") or "") for img in el.iter("img")) for el in _MASTHEAD(tree))
        if key in masthead:
            names.add(key)
    return names


def site_in_title(title: str | None, names: set[str]) -> str | None:
    """The site's name as the <title> writes it ("Coast News" in "Storm damage | Coast News"):
    its last part, else its first, when that part is one of the `names` keys; else None."""
    parts = [p.strip() for p in TITLE_SEPARATORS.split(title or "")]
    if len(parts) < 2:
        return None
    return next((p for p in (parts[-1], parts[0]) if p and _key(p) in names), None)


def strip_site(title: str, names: set[str]) -> str:
    """'Story – Site' or 'Site | Story' to 'Story', cutting only parts that are `names`."""
    parts = [p.strip() for p in TITLE_SEPARATORS.split(title)]
    seps = TITLE_SEPARATORS.findall(title)
    if len(parts) < 2 or not names:
        return title
    start, end = 0, len(parts)
    while end - start > 1 and _key(parts[end - 1]) in names:
        end -= 1
    while end - start > 1 and _key(parts[start]) in names:
        start += 1
    if (start, end) == (0, len(parts)):
        return title
    out = parts[start]
    for i in range(start + 1, end):
        out += seps[i - 1] + parts[i]
    return out.strip()
