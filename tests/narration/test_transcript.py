import json
import re

from app.episodes.transcript import Cue, timestamp, to_chapters, to_vtt
from app.narration.script import Line
from app.narration.voices import NARRATOR


def test_timestamps():
    assert timestamp(0) == "00:00:00.000"
    assert timestamp(3661.5) == "01:01:01.500"


def test_vtt_has_voice_tags_escaping_and_short_lines():
    long = "word " * 40
    vtt = to_vtt([Cue(0, 1.5, "Narrator", "Fish & chips <cheap>."),
                  Cue(1.5, 9, "Jane <Roe>", long)])
    assert vtt.startswith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\n")
    assert "<v Narrator><c.speaker>Narrator:</c> Fish &amp; chips &lt;cheap&gt;." in vtt
    assert "<v Jane Roe><c.speaker>Jane Roe:</c> word" in vtt
    tags = len("<v Jane Roe><c.speaker></c>")
    assert all(len(line) <= 65 + tags for line in vtt.splitlines())


def test_chapters_come_from_lines_that_start_one():
    lines = [Line("Title.", "Narrator", NARRATOR, 0, -1, "Title"),
             Line("Body.", "Narrator", NARRATOR, 0.5, 0),
             Line("Part two", "Narrator", NARRATOR, 0.9, 1, "Part two")]
    data = json.loads(to_chapters(lines, [0.0, 1.2, 4.25]))
    assert data["version"] == "1.2.0"
    assert data["chapters"] == [{"startTime": 0.0, "title": "Title"},
                                {"startTime": 4.25, "title": "Part two"}]


def test_speaker_label_only_where_the_speaker_changes():
    vtt = to_vtt([Cue(0, 1, "Ann Lee", "One."), Cue(1, 2, "Ann Lee", "Two."),
                  Cue(2, 3, "Narrator", "Three.")])
    assert "<v Ann Lee><c.speaker>Ann Lee:</c> One." in vtt
    assert "<v Ann Lee>Two." in vtt
    assert "<v Narrator><c.speaker>Narrator:</c> Three." in vtt


def test_parse_vtt_round_trips_cues_without_labels_and_groups_turns():
    from app.episodes.transcript import parse_vtt, speaker_turns

    cues = [Cue(0, 1.5, "Narrator", "Fish & chips <cheap>."), Cue(1.5, 3, "Ann Lee", "One."),
            Cue(3, 4, "Ann Lee", "Two."), Cue(4, 5, "Narrator", "Three.")]
    parsed = parse_vtt(to_vtt(cues))
    assert parsed == cues
    assert [(t.speaker, t.start, t.end) for t in speaker_turns(parsed)] == [
        ("Narrator", 0, 1.5), ("Ann Lee", 1.5, 4), ("Narrator", 4, 5)]


def test_word_timings_travel_as_timestamp_tags_and_read_back():
    from app.episodes.transcript import Word, json_transcript, parse_vtt

    words = (Word(2.0, 2.3, "Fish"), Word(2.3, 2.6, "&"), Word(2.6, 3.1, "chips,"),
             Word(3.4, 3.9, "2024 —"), Word(3.9, 4.2, "hot."))
    cues = [Cue(2.0, 4.5, "Ann Lee", "Fish & chips, 2024 — hot.", words),
            Cue(4.5, 6.0, "Narrator", "Untimed cue.")]
    vtt = to_vtt(cues)
    # A tag before each word after the first; one after "chips," where a pause follows.
    assert ("<v Ann Lee><c.speaker>Ann Lee:</c> Fish <00:00:02.300>&amp; "
            "<00:00:02.600>chips,<00:00:03.100> <00:00:03.400>2024 — <00:00:03.900>hot."
            "<00:00:04.200>") in vtt
    back = parse_vtt(vtt)
    assert back[0].words == words and back[0].text == cues[0].text
    assert back[1].words == () and back[1].text == "Untimed cue."
    segments = json_transcript(vtt)["segments"]
    assert [s["body"] for s in segments] == ["Fish", "&", "chips,", "2024 —", "hot.",
                                             "Untimed cue."]
    assert segments[2] == {"speaker": "Ann Lee", "startTime": 2.6, "endTime": 3.1,
                           "body": "chips,"}


def test_timed_cues_wrap_at_whole_words_not_counting_tags():
    from app.episodes.transcript import Word

    text = " ".join(f"word{i}" for i in range(30))
    words = tuple(Word(i * 0.5, i * 0.5 + 0.5, f"word{i}") for i in range(30))
    vtt = to_vtt([Cue(0, 15, "Narrator", text, words)])
    body = vtt.split("\n")[4:]
    visible = [re.sub(r"<[^>]*>", "", line) for line in body if line]
    assert len(visible) > 1 and all(len(v) <= 65 for v in visible)
    assert " ".join(visible) == "Narrator: " + text
