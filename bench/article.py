"""A synthetic news article for benchmarks: N words, three quoted people (written here)."""

from __future__ import annotations

from app.importer.article import Article, Block

_NARRATION = [
    "The council met on {day} to discuss the harbour plan, which has divided the town "
    "for more than a year and drawn hundreds of letters from residents.",
    "Officials said the project would cost {n} million pounds and take three years, with "
    "work starting in the spring if the final vote goes ahead.",
    "Fishermen worry that the new breakwater will change the currents near the old slipway, "
    "while shop owners hope for more visitors in the summer months.",
]
_QUOTES = [
    ('"We have listened to every objection, and we have changed the design twice," said '
     'Helen Marsh, who chairs the planning committee. "Nobody can say we rushed this."'),
    ('"The boats have used that slipway for two hundred years," fisherman Owen Price said. '
     '"If the sand moves, we lose our living."'),
    ('"Visitors will come if there is something to see, and a safe place to walk," said '
     'Dr Asha Rao, an economist at the county college.'),
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_article(words: int, seed: int = 0) -> Article:
    """An article of about `words` words; `seed` varies the numbers so caches miss."""
    blocks: list[Block] = []
    count = 0
    i = 0
    while count < words:
        if i % 8 == 7:
            text = f"Part {i // 8 + 1} of the debate"
            blocks.append(Block("heading", text))
        elif i % 2:
            text = _QUOTES[(i // 2) % 3]
            blocks.append(Block("paragraph", text))
        else:
            text = _NARRATION[(i // 2) % 3].format(day=_DAYS[i % 5], n=seed * 100 + i)
            blocks.append(Block("paragraph", text))
        count += len(text.split())
        i += 1
    return Article(title=f"Harbour plan divides the town ({seed})", blocks=blocks,
                   site_name="Bench Gazette")


def plain_text(article: Article) -> str:
    return "\n\n".join([article.title, *article.paragraphs])
