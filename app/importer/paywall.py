"""Subscriber-only pages: the prompts that end a teaser, and the page's own paywall markup.

A paywalled page shows a teaser and then asks the reader to subscribe or log in. Those prompts
are never story; and the operator should be told that only the teaser was imported. The
page's own markup says so where publishers follow schema.org's paywalled-content convention
(`"isAccessibleForFree": false`, https://developers.google.com/search/docs/appearance/
structured-data/paywalled-content).
"""

from __future__ import annotations

import re

from lxml import etree

# The prompts, by language: each names subscribers/subscription or logging in *to read on*.
PAYWALL_PROMPTS = [
    # English
    r"(?:this|the) (?:article|story|content|post) is (?:only )?(?:for|available to|reserved for|"
    r"exclusive to) (?:our )?(?:paying )?(?:subscribers|members|premium)",
    r"already (?:a )?(?:subscriber|member)\b.{0,40}(?:log ?in|sign ?in)",
    r"(?:log ?in|sign ?in|subscribe)\b.{0,40}\b(?:to )?(?:continue|keep) reading",
    r"(?:to )?(?:continue|keep) reading\b.{0,40}\b(?:subscribe|subscription|log ?in|sign ?in)",
    r"subscribe (?:now )?to (?:read|unlock|access) (?:the )?(?:full|whole|rest|this)",
    r"(?:unlock|get) (?:full|unlimited) access\b",
    r"you(?:'ve| have) reached your (?:limit|free article)",
    # German
    r"(?:dieser )?(?:artikel|beitrag|inhalt) ist (?:nur |exklusiv )?(?:für|für unsere) "
    r"(?:abonnenten|abonnentinnen|abonnierende|abo|plus|premium)",
    r"(?:bereits|schon) (?:abonnent|abonnentin|registriert)\b.{0,40}(?:anmelden|einloggen|login)",
    r"(?:jetzt )?weiterlesen mit\b.{0,30}\b(?:abo|plus|premium)",
    r"(?:um )?(?:den )?(?:ganzen|vollständigen|kompletten) (?:artikel|beitrag) (?:zu )?lesen",
    # French
    r"(?:cet|l['’]) ?article est réservé aux abonnés",
    r"(?:pour )?lire la suite\b.{0,40}\b(?:abonn|connect|inscri)",
    r"déjà abonné\b.{0,40}(?:connect|identif)",
    # Spanish, Italian, Portuguese, Dutch
    r"(?:este|el) (?:artículo|contenido) es (?:exclusivo )?(?:solo )?para suscriptores",
    r"(?:ya eres|¿ya eres) suscriptor",
    r"(?:questo )?articolo è riservato agli abbonati|sei già abbonato",
    r"(?:este )?(?:artigo|conteúdo) (?:é )?exclusivo para assinantes|já é assinante",
    r"dit artikel is (?:alleen )?(?:voor|beschikbaar voor) (?:abonnees|leden)|al abonnee\?",
]
_PROMPT = re.compile("|".join(f"(?:{p})" for p in PAYWALL_PROMPTS), re.I)
# Every prompt above holds one of these: lines without any skip the regex, which is most of
# its cost on a page (it is tried at every position of every line).
_KEYWORDS = ("subscri", "member", "premium", "log", "sign", "reading", "access", "reached",
             "abo", "plus", "registriert", "lesen", "lire", "suscriptor", "abbonat",
             "assinante", "leden")
_MAX_PROMPT = 300  # characters: a prompt is a line or two, never a paragraph of story
_NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*"?(?:false|False|no)"?')
_PROMPT_CANDIDATES = etree.XPath("//p | //div[not(*)] | //span[not(*)] | //a | //h2 | //h3 | "
                                 "//h4 | //strong | //button")


def is_paywall_prompt(line: str) -> bool:
    """True for a short line asking the reader to subscribe or log in to read on."""
    text = line.strip()
    if not 0 < len(text) <= _MAX_PROMPT:
        return False
    low = text.lower()
    return any(k in low for k in _KEYWORDS) and bool(_PROMPT.search(text))


def is_teaser_page(tree: etree._Element) -> bool:
    """True when the page marks itself as paywalled or shows a subscribe-to-read-on prompt."""
    for script in tree.iter("script"):
        if script.get("type") == "application/ld+json" and _NOT_FREE.search(script.text or ""):
            return True
    return any(is_paywall_prompt(" ".join(el.text_content().split()))
               for el in _PROMPT_CANDIDATES(tree))
