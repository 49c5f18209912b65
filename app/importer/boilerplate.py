"""Line-level boilerplate: the promos, captions and link lists that are not the story."""

from __future__ import annotations

import re

_PRICE = r"(?:[£$€]\s?\d|\d+\s?(?:p|pence|cents?)\b)"
_RULES = [
    # calls to action, with or without a price
    re.compile(rf"\b(subscribe|sign up|signup|join now|free trial|get \d+ issues)\b.*{_PRICE}",
               re.I),
    re.compile(rf"{_PRICE}.*\b(subscribe|sign up|a month|per month|issues|delivery)\b", re.I),
    re.compile(r"\b(subscribe now|subscribe today|sign up (?:now|today|here)|"
               r"sign up to our|sign up for our|newsletter|download our app|"
               r"follow us on|share this (?:article|story)|share on (?:facebook|twitter|x))\b",
               re.I),
    re.compile(r"^(check out more|for more from|visit our|listen to (?:the|our)|watch:|"
               r"click here|tap here|advertisement|sponsored|promoted)\b", re.I),
    # copyright and legal lines
    re.compile(r"(^©|\bcopyright\b|all rights reserved)", re.I),
    # image credits
    re.compile(r"^(photo(?:graph)?|image|picture|credit|illustration)s?\s*(?:credit)?\s*[:|]",
               re.I),
    re.compile(r"\b(getty images|shutterstock|alamy|reuters/|ap photo|afp via getty|pa media|"
               r"pa wire)\s*\.?$", re.I),
]
# Headers of link lists: the lines under them are headlines, not story.
LINK_LIST_HEADERS = re.compile(
    r"^(read more|more like this|related(?: articles| stories| content)?|"
    r"more (?:on|from|stories)|you may also like|recommended|most read|popular now|"
    r"see also|also read|trending|latest news|more news)\s*:?\s*$",
    re.I,
)


def is_boilerplate_line(line: str) -> bool:
    """True for one line that is clearly not the story (promo, credit, link-list header)."""
    text = line.strip()
    if not text:
        return True
    if LINK_LIST_HEADERS.match(text):
        return True
    return any(rule.search(text) for rule in _RULES)
