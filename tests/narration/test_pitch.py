"""Voices a listener can tell apart: median pitch measured on real espeak-ng output.

Praat's autocorrelation pitch tracker (praat-parselmouth) on each voice reading the same
sentences. A palette voice must sit at least 3 semitones from the narrator's median pitch;
the whisper (unattributed quotes) has no pitch at all, which is its own clearly different
timbre: almost none of its frames are voiced.
"""

import math

import numpy as np
import parselmouth
import pytest

from app.narration.engine import Pyttsx3Engine
from app.narration.voices import NARRATOR, PALETTE, UNATTRIBUTED

SENTENCES = [
    "The ferry was late again this morning, and the queue reached the end of the pier.",
    "We asked the council for a straight answer, and we are still waiting for one.",
]
MIN_SEMITONES = 3.0


def frequencies(voice, folder):
    """The pitch (Hz) of every frame of the voice reading SENTENCES; 0 for unvoiced frames."""
    found = []
    with Pyttsx3Engine() as engine:
        for i, text in enumerate(SENTENCES):
            path = folder / f"{voice.key}-{i}.wav"
            engine.synthesize(text, voice, path)
            pitch = parselmouth.Sound(str(path)).to_pitch(pitch_floor=50, pitch_ceiling=500)
            found.append(pitch.selected_array["frequency"])
    return np.concatenate(found)


@pytest.fixture(scope="module")
def narrator_pitch(tmp_path_factory):
    f0 = frequencies(NARRATOR, tmp_path_factory.mktemp("narrator"))
    return float(np.median(f0[f0 > 0]))


def test_the_narrator_is_a_low_male_voice_as_measured(narrator_pitch):
    # The figure the palette is spaced around; if espeak-ng changes it, the palette is
    # re-spaced rather than this test relaxed.
    assert 85 < narrator_pitch < 105


@pytest.mark.parametrize("voice", PALETTE, ids=lambda v: v.key)
def test_every_palette_voice_is_three_semitones_from_the_narrator(voice, narrator_pitch,
                                                                  tmp_path):
    f0 = frequencies(voice, tmp_path)
    median = float(np.median(f0[f0 > 0]))
    semitones = 12 * math.log2(median / narrator_pitch)
    assert abs(semitones) >= MIN_SEMITONES, (voice.key, round(median), round(semitones, 1))


def test_the_whisper_is_told_apart_by_timbre_it_has_no_voiced_frames(tmp_path):
    whisper = frequencies(UNATTRIBUTED, tmp_path)
    narrator = frequencies(NARRATOR, tmp_path)
    assert np.mean(narrator > 0) > 0.4
    assert np.mean(whisper > 0) < 0.05
