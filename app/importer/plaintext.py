"""Plain text, typed or pasted from a web page: keep the story, drop the page around it.

A paste of a whole page is the story surrounded by menus, teasers, footers and promos, one
line per block. The story is the stretch of lines with the most prose in it (a maximum-sum
run, where prose lines score their length and short or boilerplate lines cost a little);
inside that stretch, line rules drop captions, "Read more" lists, calls to action and credits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .article import Block
from .boilerplate import (
    LINK_LIST_HEADERS,
    TERMINALS,
    is_boilerplate_line,
    is_headline_like,
    sentence_end,
    trim_promo,
)
from .bylines import byline_line
from .dates import written_date
from .paywall import is_paywall_prompt

# a line that ends a sentence or a clause (":" and ";" too): the next line starts anew
_CLAUSE_END = sentence_end(TERMINALS + ":;", "\"”’)]")
# Prose ends a sentence; a headline or a link's text does not (a closing quote may follow).
_PROSE_END = sentence_end(TERMINALS)
# The start of a comment thread: the story is over once one of these appears.
_COMMENTS = re.compile(
    r"^(?:\d+\s+(?:responses?|replies|reactions|comments?) (?:to|on)\b.*|\[\s*\d+ comments?\s*\]|"
    r"comments?\s*(?:\(\d+\))?|[1-9]\d*\s+comments?|(?:view|show|see|load) (?:all )?comments|"
    r"(?:top|most) (?:rated |liked |recent )?comments|\[?\s*read all comments\s*\]?|"
    r"leave a (?:comment|reply).*|post a comment.*|add (?:a|your) comment.*|join the "
    r"(?:conversation|discussion).*|(?:reader )?comments are closed.*|[\w.-]{2,40} says:|"
    r"comments? feed.*)$", re.I)
_READ_ON = re.compile(r"^(?:read more|continue reading|read (?:the )?full (?:story|article)|"
                      r"full story)\W*$", re.I)
_STOP = -1e6
# A story's paragraphs come in runs; a lone prose line between headlines, names and dates is
# usually a teaser's blurb. Tuned on the benchmark's pastes (0.3-0.4 all do about as well).
ISOLATED_PROSE = 0.35
CLEAN_PASTE = 0.6  # share of prose lines above which a paste is the story alone
MIN_STORY_SCORE = 400  # a run worth this much above a comment marker is taken as the story
_WORDS = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
_HEADLINE_MAX = 160
_PROMPT_REACH = 3  # lines below the story where a subscriber prompt still ends it


@dataclass
class Paste:
    """What paste mode finds in plain text."""

    title: str | None
    byline: str | None
    published: str | None
    blocks: list[Block]
    teaser_only: bool = False  # a subscriber prompt ends the story: only a teaser was pasted


def _runs_on(prev: str, nxt: str) -> bool:
    """True when `nxt` continues the sentence `prev` broke off (a hard wrap or a <br>)."""
    if not nxt or _CLAUSE_END.search(prev):
        return False
    if prev.endswith(("、", "，")):
        return True
    if len(prev) < 30:
        return False
    if nxt[0].islower():
        return True
    last = prev.rsplit(" ", 1)[-1].lower()
    return prev.endswith(",") or last in _JOINERS


# Words a sentence does not end on: a line ending with one was broken mid-sentence.
_JOINERS = set(
    "the a an of to in and or but for with by on at from that who which as is are was were "
    "his her their its our your my this these those de da do das dos e la le les der die das "
    "und des du el los y en".split())


def _lines(text: str) -> list[str]:
    """Non-empty lines of the text, with lines broken mid-sentence joined back together."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):  # UAX #15, as the HTML path (clean_text)
        text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for raw in text.split("\n"):
        line = " ".join(raw.replace("\u00ad", "").split())  # soft hyphens: break hints only
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        # pages rendered to text often put a blank line at every <br>, so look past one
        prev = len(out) - 1 if out and out[-1] else len(out) - 2
        if prev >= 0 and _runs_on(out[prev], line):
            out[prev] = f"{out[prev]} {line}"
            del out[prev + 1:]
        else:
            out.append(line)
    return [line for line in out if line]


def _word_count(line: str) -> int:
    """Words in a line, counting two CJK characters as a word (they have no spaces)."""
    return len(_WORDS.findall(line)) + len(_CJK.findall(line)) // 2


# A headline run into its teaser text with no space: "…Student-AthleteA 24-year-old woman".
# (Three lowercase letters or digits before the capital, and a lowercase word or a number
# after it, so names like McPherson, MacBook Pro and LeBron James are not taken for glue.)
_GLUE = re.compile(r"(?<=[a-z]{3}|\d{3})(?=[A-Z][a-z]{0,12}\s+[a-z\d])")


def _glued_teaser(line: str) -> bool:
    """True for a link's headline glued to its blurb, as teaser lists paste."""
    m = _GLUE.search(line, 10, 160)
    if not m:
        return False
    words = line[:m.start()].split()
    capital = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return len(words) >= 3 and capital >= 0.7 * len(words)


def _weight(line: str) -> int:
    """How many characters of prose a line is, counting CJK characters double."""
    return len(line) + len(_CJK.findall(line))


def _score(line: str) -> float:
    """Prose scores its length; labels, menus and promos cost a little each."""
    if len(line) < 120 and _COMMENTS.match(line):
        return _STOP
    if is_boilerplate_line(line):
        line = trim_promo(line)
        if not line or is_boilerplate_line(line):
            return -40
    if _glued_teaser(line):
        return -25
    weight = _weight(line)
    words = _word_count(line)
    if len(line) < 200 and line.endswith(("...", "…")):
        return -25  # a teaser cut short, in a list of links
    ends = bool(_PROSE_END.search(line))
    if words >= 12 and (ends or weight >= 200):
        return weight
    if words >= 5 and ends:
        return weight / 2
    return -25


_ITEM_NUMBER = re.compile(r"^\(?(\d{1,3})[.)]\s+\S")
_ITEM_GAP = 2  # lines between two numbered items that belong to the first (its link, a note)
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")


def introduced_lists(lines: list[str]) -> set[int]:
    """Indices of the lines of numbered lists that a sentence introduces: a line of prose
    ending in a colon, then items numbered 1), 2), 3)... (or 1. 2. 3.) in sequence, with at
    most _ITEM_GAP lines between two items (an item's link, a note) and its bare web
    addresses after the last. The author's own list, not a menu or a "most read" list, which
    no sentence of the story introduces."""
    found: set[int] = set()
    for i, line in enumerate(lines[:-1]):
        if not (line.endswith(":") and _word_count(line) >= 8 and not is_boilerplate_line(line)):
            continue
        items: list[int] = []
        j = i + 1
        while j < len(lines) and j - (items[-1] if items else i) <= _ITEM_GAP + 1:
            m = _ITEM_NUMBER.match(lines[j])
            if m and int(m.group(1)) == len(items) + 1:
                items.append(j)
            j += 1
        if len(items) < 2:  # one item is no list
            continue
        end = items[-1] + 1
        while end < len(lines) and end - items[-1] <= _ITEM_GAP and _ADDRESS.fullmatch(lines[end]):
            end += 1
        found.update(range(i, end))
    return found


def _scores(lines: list[str]) -> list[float]:
    """Line scores, with prose standing alone between labels (a teaser's blurb) discounted,
    and a list the story introduces scored as the story's (see introduced_lists)."""
    seen: set[str] = set()
    scores = []
    listed = introduced_lists(lines)
    for i, line in enumerate(lines):
        if i in listed:
            scores.append(_weight(line) / 2)
        elif line in seen:  # a repeated line is a menu or a teaser shown twice, not a paragraph
            scores.append(-25.0)
        elif i + 1 < len(lines) and _READ_ON.match(lines[i + 1]):
            scores.append(-25.0)  # a teaser's blurb, with its link under it
        else:
            scores.append(_score(line))
        seen.add(line)
    prose = [s > 0 for s in scores]
    if sum(prose) >= CLEAN_PASTE * len(prose):
        return scores  # mostly prose: a paste of the story alone, where no blurbs stand about
    for i, s in enumerate(scores):
        if s > 0 and not (i and prose[i - 1]) and not (i + 1 < len(prose) and prose[i + 1]):
            scores[i] = s * ISOLATED_PROSE
    return scores


def _best_run(scores: list[float]) -> tuple[float, int, int]:
    """(total, start, end) of the run of lines with the highest total score (Kadane)."""
    best, best_start, best_end = float("-inf"), 0, 0
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best, best_start, best_end


def _main_run(lines: list[str]) -> tuple[int, int]:
    """[start, end) of the story: the best run before the comment thread, when there is one.

    Comments are prose too, and a long thread outscores a short story; but they always come
    after it, so the first comment marker with a real story above it ends the search.
    """
    scores = _scores(lines)
    for i, score in enumerate(scores):
        if score == _STOP:
            best, start, end = _best_run(scores[:i])
            if best >= MIN_STORY_SCORE:
                return _with_short_sentences(lines, start, end, i)
    _, start, end = _best_run(scores)
    return _with_short_sentences(lines, start, end, len(lines))


def _short_sentence(line: str) -> bool:
    """A short line that is a whole sentence ("Second paragraph here."): too short to score as
    prose, but not a label, menu item or teaser either."""
    return (2 <= _word_count(line) < 12 and bool(_PROSE_END.search(line))
            and not line.endswith(("...", "…")) and not _COMMENTS.match(line)
            and not is_boilerplate_line(line) and not _dateline(line))


def _with_short_sentences(lines: list[str], start: int, end: int, limit: int) -> tuple[int, int]:
    """The story's run [start, end) grown over the short sentences right after it (before
    `limit`): a story may close on a short paragraph, which the run's scores would cut off."""
    while end < limit and _short_sentence(lines[end]):
        end += 1
    return start, end


def _shared_prefix_words(a: str, b: str) -> int:
    n = 0
    for x, y in zip(_WORDS.findall(a.lower()), _WORDS.findall(b.lower()), strict=False):
        if x != y:
            break
        n += 1
    return n


def _captions(lines: list[str]) -> set[int]:
    """Image alt text followed by its caption: neighbouring lines that start alike."""
    drop: set[int] = set()
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if _shared_prefix_words(a, b) >= 4 and max(len(a), len(b)) < 300:
            drop.update({i, i + 1})
    return drop


def clean_lines(lines: list[str]) -> list[str]:
    """Story lines of a stretch of pasted lines, with boilerplate lines removed. A numbered
    list the story introduces (introduced_lists) is story, though its items are short."""
    drop = _captions(lines)
    listed = {lines[i] for i in introduced_lists(lines)}
    kept: list[str] = []
    seen: set[str] = set()
    in_link_list = False
    for i, line in enumerate(lines):
        if LINK_LIST_HEADERS.match(line) and len(line) < 80:
            in_link_list = True
            continue
        if in_link_list:
            if is_headline_like(line) and len(line) < _HEADLINE_MAX:
                continue  # a headline in a "Read more" list
            in_link_list = False
        if i in drop or line in seen:
            continue
        if is_boilerplate_line(line):
            line = trim_promo(line)  # a real sentence may carry a promo glued onto its end
            if not line or is_boilerplate_line(line):
                continue
        seen.add(line)
        kept.append(line)
    # menus and tag lists: runs of three or more short label lines are not story
    out: list[str] = []
    run: list[str] = []
    for line in [*kept, ""]:
        if line and is_headline_like(line) and _word_count(line) <= 8 and line not in listed:
            run.append(line)
            continue
        if len(run) < 3:
            out.extend(run)
        run = []
        if line:
            out.append(line)
    # a headline-like line at either edge is a title or label left outside the story
    while out and is_headline_like(out[-1]) and out[-1] not in listed:
        out.pop()
    while out and is_headline_like(out[0]) and len(out) > 1:
        out.pop(0)
    return out


def _dateline(line: str) -> bool:
    """A byline ("By Ann Lee") or a short date line, which sit under a headline."""
    return bool(byline_line(line)) or (len(line) <= 60 and written_date(line) is not None)


def _title(lines: list[str], start: int) -> str | None:
    """The headline: the first line when it reads as one, else the last one before the story."""
    if lines and len(lines) > 1 and is_headline_like(lines[0]) and (
            2 <= len(_WORDS.findall(lines[0])) <= 25) and (
            all(_dateline(line) for line in lines[1:start])):
        return lines[0]
    for line in reversed(lines[max(0, start - 8):start]):
        if is_headline_like(line) and 4 <= len(_WORDS.findall(line)) <= 25 and (
                not is_boilerplate_line(line)) and not _dateline(line):
            return line
    return None


def read_paste(text: str) -> Paste:
    """Paste mode: the story's lines as paragraphs, with headline, byline and date if found."""
    lines = _lines(text)
    start, end = _main_run(lines)
    title = _title(lines, start)
    body = clean_lines(lines[start:end])
    if title and body and body[0] == title:
        body = body[1:]
    byline = published = None
    # the byline and date sit between the headline and the story, or open the story
    for i, line in enumerate(lines[max(0, start - 6):start + 2]):
        if len(line) > 80:
            continue
        if not byline and (names := byline_line(line)):
            byline = names
            if body and body[0] == line:
                body = body[1:]
        elif not published and i < 6 and (date := written_date(line)):
            published = date
    # clean_lines trimmed label-like lines off both edges, so a short unpunctuated line
    # left inside the story sits between paragraphs: a section heading
    # (a numbered list's lines and the sentence introducing it are paragraphs)
    story = lines[start:end]
    listed = {story[i] for i in introduced_lists(story)}
    blocks = [Block("heading" if is_headline_like(line) and _word_count(line) <= 12
                    and line not in listed else "paragraph", line) for line in body]
    # the prompts end a teaser, so they sit inside the story's stretch or just below it
    teaser = any(is_paywall_prompt(line) for line in lines[start:end + _PROMPT_REACH])
    return Paste(title, byline, published, blocks, teaser)


def paste_blocks(text: str) -> list[Block]:
    """The body blocks of a paste."""
    return read_paste(text).blocks
