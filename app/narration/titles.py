"""Personal titles and address words, one list for the speaker finder and the normalizer (data).

Each entry maps how a title is written (without a full stop) to how a British news narrator says
it. The speaker finder uses the keys to recognise "Sgt Jo Bo" as a name with a title; the
normalizer uses the values to say "Sgt." as "sergeant". Sources: the Guardian and BBC style
guides' lists of abbreviated titles; Oxford Style Manual, "Titles and ranks".
"""

from __future__ import annotations

# written form (case as written, no full stop) -> spoken form
TITLES: dict[str, str] = {
    "Dr": "doctor", "Prof": "professor", "Professor": "professor",
    "Mr": "mister", "Mrs": "misses", "Ms": "miz", "Miss": "miss", "Mx": "mix",
    "Sir": "sir", "Dame": "dame", "Lord": "lord", "Lady": "lady",
    "Rev": "reverend", "Revd": "reverend", "Reverend": "reverend",
    "Sen": "senator", "Senator": "senator", "Rep": "representative",
    "Representative": "representative", "Gov": "governor", "Governor": "governor",
    "President": "president", "Councillor": "councillor", "Cllr": "councillor",
    "Judge": "judge", "Justice": "justice", "Det": "detective", "Detective": "detective",
    "Insp": "inspector", "Inspector": "inspector", "Sgt": "sergeant", "Sergeant": "sergeant",
    "Capt": "captain", "Captain": "captain", "Officer": "officer", "Chief": "chief",
    "Supt": "superintendent", "Superintendent": "superintendent",
    "Mayor": "mayor", "Minister": "minister", "Secretary": "secretary", "Coach": "coach",
    "Fr": "father", "Father": "father", "Sister": "sister", "Brother": "brother",
    "Rabbi": "rabbi", "Imam": "imam", "Pastor": "pastor", "Archbishop": "archbishop",
    "Bishop": "bishop", "Chancellor": "chancellor", "Commissioner": "commissioner",
    "Gen": "general", "General": "general", "Col": "colonel", "Colonel": "colonel",
    "Maj": "major", "Major": "major", "Lt": "lieutenant", "Lieutenant": "lieutenant",
    "Cpl": "corporal", "Corporal": "corporal", "Pte": "private", "Adm": "admiral",
    "Admiral": "admiral", "Cmdr": "commander", "Commander": "commander",
    "Councilmember": "councilmember", "Councilwoman": "councilwoman",
    "Councilman": "councilman", "Alderman": "alderman", "Assemblymember": "assemblymember",
    "Congressman": "congressman", "Congresswoman": "congresswoman", "Premier": "premier",
    "Principal": "principal", "Headteacher": "headteacher", "Dean": "dean",
    "Del": "delegate", "Delegate": "delegate", "Amb": "ambassador", "Ambassador": "ambassador",
    "Sheriff": "sheriff",
    "King": "king", "Queen": "queen", "Prince": "prince", "Princess": "princess",
    "Pope": "pope", "Saint": "saint",
}

# Abbreviated titles: written without letters of their own word's end, so "Sgt." or "Sgt"
# must be expanded for speech, while "Sergeant" is already a word.
ABBREVIATED = frozenset(k for k, v in TITLES.items() if k.lower() != v)


def spoken_title(word: str) -> str | None:
    """The spoken form of a title as written ("Sgt." -> "sergeant"), or None if not a title."""
    return TITLES.get(word.rstrip("."))
