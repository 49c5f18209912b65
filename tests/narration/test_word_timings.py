"""Word timings (issue 21) on real parts: espeak-ng's word events through the segment cache
and assembly into the transcript, checked against the real MP3's silences (ffmpeg)."""

from __future__ import annotations

import re
import subprocess

import pytest

from app.episodes.transcript import json_transcript, parse_vtt
from app.importer.article import Article, Block
from app.narration import narrate
from app.narration.cache import SegmentCache, read_timings, timings_path
from app.narration.engine import Pyttsx3Engine

ARTICLE = Article(
    title="Tides turn at Kelham harbour",
    byline="Mara Quill",
    site_name="The Test Gazette",
    blocks=[
        Block("paragraph", "The ferry, which has sailed since 1962, will stop in March. "
                           "Its owners say the crossing lost £2.5m last year, and repairs "
                           "would cost more."),
        Block("paragraph", "“We tried everything,” said Owen Pryce, who runs the company. "
                           "“Fuel doubled, passengers halved, and the pier is crumbling.”"),
        Block("heading", "What happens next"),
        Block("paragraph", "A bus will run instead, every 40 minutes, from 6 a.m. until "
                           "late; residents, however, are not convinced."),
        Block("paragraph", "“It takes an hour,” said Ruth Ames, a nurse. “The boat took "
                           "ten minutes — and it never got stuck in traffic.”"),
    ],
)

ENDS_A_CLAUSE = tuple(",.;:!?\"”’)")


def _narrated(root):
    result = narrate(ARTICLE, root)
    episodes = root / "episodes"
    vtt = (episodes / result.files.transcript_name).read_text()
    return result, parse_vtt(vtt), episodes / result.files.audio_name, vtt


def _silences(mp3):
    """(start, end) of every silence of 100 ms or more in the decoded MP3 (-45 dBFS)."""
    err = subprocess.run(["ffmpeg", "-hide_banner", "-i", str(mp3), "-af",
                          "silencedetect=noise=-45dB:d=0.1", "-f", "null", "-"],
                         capture_output=True, text=True, check=True).stderr
    starts = [float(x) for x in re.findall(r"silence_start: ([\d.]+)", err)]
    ends = [float(x) for x in re.findall(r"silence_end: ([\d.]+)", err)]
    return list(zip(starts, ends, strict=False))


@pytest.fixture(scope="module")
def narrated(tmp_path_factory):
    root = tmp_path_factory.mktemp("timings")
    return root, *_narrated(root)


def test_every_word_of_the_shown_text_has_a_start_and_end_inside_its_cue(narrated):
    _root, _result, cues, _mp3, _vtt = narrated
    assert cues and all(c.words for c in cues)
    for cue in cues:
        # The shown words, in order and whole ("£2.5m" is one word, said as several).
        assert " ".join(w.text for w in cue.words) == " ".join(cue.text.split())
        previous_end = cue.start
        for w in cue.words:
            assert cue.start <= w.start < w.end <= cue.end + 0.001
            assert w.start >= previous_end - 0.001  # monotonic, no overlap
            previous_end = w.end
    assert any(w.text == "£2.5m" for c in cues for w in c.words)


def test_word_starts_are_the_engines_events(narrated):
    root, _result, cues, _mp3, _vtt = narrated
    # Every sentence's timings are kept beside its audio in the segment cache; each shown
    # word starts exactly where one of the engine's WORD events for its sentence is.
    stored = [read_timings(p) for p in (root / "segments").rglob("*.wav")]
    assert stored and all(stored)
    begins = {round(t.begin, 3) for timings in stored for t in timings}
    for cue in cues:
        for w in cue.words:
            assert any(abs((w.start - cue.start) - b) <= 0.0015 for b in begins), w


def test_after_a_pause_the_next_word_starts_where_the_silence_ends(narrated):
    _root, _result, cues, mp3, _vtt = narrated
    words = [w for c in cues for w in c.words]
    checked, close = 0, 0
    for start, end in _silences(mp3):
        after = [i for i, w in enumerate(words) if w.start > start - 0.08]
        if not after or after[0] == 0:
            continue
        nxt, before = words[after[0]], words[after[0] - 1]
        if not before.text.endswith(ENDS_A_CLAUSE):
            continue  # a silence inside a word (a stop consonant, a long number)
        checked += 1
        close += abs(nxt.start - end) <= 0.08
    print(f"pauses: {close} of {checked} within 80 ms")
    assert checked >= 15
    assert close >= 0.95 * checked, (close, checked)


def test_webvtt_carries_timestamp_tags_and_the_json_transcript_has_word_segments(narrated):
    _root, _result, cues, _mp3, vtt = narrated
    assert re.search(r"<v Narrator>[^\n]*<\d\d:\d\d:\d\d\.\d{3}>", vtt)
    segments = json_transcript(vtt)["segments"]
    assert len(segments) == sum(len(c.words) for c in cues)
    owen = [s for s in segments if s.get("speaker") == "Owen Pryce"]
    assert owen[0]["body"] == "We"
    assert all(s["startTime"] < s["endTime"] for s in segments)


def test_an_edit_recomputes_timings_only_for_what_changed(tmp_path):
    _result, cues, _mp3, _vtt = _narrated(tmp_path)
    edited = Article(title=ARTICLE.title, byline=ARTICLE.byline, site_name=ARTICLE.site_name,
                     blocks=[*ARTICLE.blocks[:3],
                             Block("paragraph", "A bus will run instead, every 30 minutes."),
                             ARTICLE.blocks[4]])
    second = narrate(edited, tmp_path)
    assert second.rendered == 1
    again = parse_vtt((tmp_path / "episodes" / second.files.transcript_name).read_text())
    relative = {c.text: [(round(w.start - c.start, 3), round(w.end - c.start, 3), w.text)
                         for w in c.words] for c in cues}
    for cue in again:
        mine = [(round(w.start - cue.start, 3), round(w.end - cue.start, 3), w.text)
                for w in cue.words]
        if cue.text in relative:  # kept from the cache, moved with its sentence
            assert all(abs(a[0] - b[0]) <= 0.002 and abs(a[1] - b[1]) <= 0.002
                       for a, b in zip(mine, relative[cue.text], strict=True))
        else:
            assert cue.text == "A bus will run instead, every 30 minutes."
            assert [w.text for w in cue.words][-2:] == ["30", "minutes."]


def test_a_sentence_without_its_timings_is_spoken_again(tmp_path):
    from app.narration.voices import NARRATOR

    cache = SegmentCache(tmp_path)
    with Pyttsx3Engine() as engine:
        path, _s, hit = cache.render("The pier is closed.", NARRATOR, engine)
        assert not hit and [path.name.endswith(".wav"), len(read_timings(path))] == [True, 4]
        timings_path(path).write_text("not json")
        _p, _s, hit = cache.render("The pier is closed.", NARRATOR, engine)
        assert not hit and len(read_timings(path)) == 4
        _p, _s, hit = cache.render("The pier is closed.", NARRATOR, engine)
        assert hit
