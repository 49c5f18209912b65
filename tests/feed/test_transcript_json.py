"""The Podcasting 2.0 JSON transcript made from Hark's WebVTT (pure function)."""

from __future__ import annotations

from app.episodes.transcript import json_transcript

VTT = """WEBVTT

NOTE a comment that is not a cue

1
00:00:00.000 --> 00:00:02.500
<v Narrator>The council met &amp; voted
on the &lt;new&gt; library.

2
00:00:02.750 --> 00:01:05.125
<v Joe Locke>"It's a good day," he said.

01:02:03.004 --> 01:02:04.000
<v.loud Ана>Привет</v>

00:04.000 --> 00:05.000
No voice, <i>some</i> markup &lrm;here.
"""


def test_one_segment_per_cue_with_speaker_times_and_plain_text():
    data = json_transcript(VTT)
    assert data["version"] == "1.0.0"
    assert data["segments"] == [
        {"speaker": "Narrator", "startTime": 0.0, "endTime": 2.5,
         "body": "The council met & voted on the <new> library."},
        {"speaker": "Joe Locke", "startTime": 2.75, "endTime": 65.125,
         "body": '"It\'s a good day," he said.'},
        {"speaker": "Ана", "startTime": 3723.004, "endTime": 3724.0, "body": "Привет"},
        {"startTime": 4.0, "endTime": 5.0, "body": "No voice, some markup \u200ehere."},
    ]


def test_windows_line_endings_and_an_empty_file():
    assert json_transcript(VTT.replace("\n", "\r\n")) == json_transcript(VTT)
    assert json_transcript("WEBVTT\n") == {"version": "1.0.0", "segments": []}
