"""Podcast loudness on real espeak-ng speech and real ffmpeg MP3s, judged by ffmpeg's ebur128.

Every episode: -16 LUFS integrated (within 1 LU), true peak at most -1 dBTP, no clipped
sample in any sentence, and every voice within 1 LU of the narrator.
"""

import re
import subprocess
import wave

import numpy as np
import pytest

from app.importer.article import Article, Block
from app.narration import narrate
from app.narration.assemble import CEILING_DBFS, SAMPLE_RATE, TARGET_LUFS, _levelled
from app.narration.engine import Pyttsx3Engine
from app.narration.loudness import ebur128, integrated_loudness, level, limiter_gain
from app.narration.voices import NARRATOR, VOICES

SENTENCE = ("The harbour wall was finished on Friday, three weeks late and well over "
            "budget, but the fishing boats were back at their moorings by the evening.")

ARTICLE = Article(
    title="Harbour wall finished at last",
    site_name="The Test Gazette",
    blocks=[
        Block("paragraph", "The new harbour wall was finished on Friday after two winters "
                           "of storms held the work back."),
        Block("paragraph", '"We were told it would take one summer," said Mira Okafor, who '
                           'runs the ferry. "It took three, but it looks solid."'),
        Block("paragraph", "Engineers checked the stones at low tide and found no cracks."),
        Block("paragraph", '"The sea will test it soon enough," said Tom Hale, a fisherman '
                           'of forty years. "Then we will know."'),
        Block("heading", "What comes next"),
        Block("paragraph", '"Nobody asked the divers," read a sign on the slipway.'),
        Block("paragraph", '"We will open the new pier in the spring," said Grace Lin, the '
                           'council leader, adding that the budget was now settled.'),
    ],
)


def read_pcm(path):
    with wave.open(str(path), "rb") as w:
        return w.readframes(w.getnframes())


def write_wav(path, pcm):
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(pcm)


def full_scale_samples(pcm):
    x = np.frombuffer(pcm, dtype="<i2")
    return int(np.count_nonzero((x == 32767) | (x == -32768)))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """SENTENCE in every voice, as espeak-ng says it (voice key -> WAV path)."""
    folder = tmp_path_factory.mktemp("voices")
    paths = {}
    with Pyttsx3Engine() as engine:
        for key, voice in VOICES.items():
            paths[key] = folder / f"{key}.wav"
            engine.synthesize(SENTENCE, voice, paths[key])
    return paths


@pytest.fixture(scope="module")
def episode(tmp_path_factory):
    root = tmp_path_factory.mktemp("episode")
    result = narrate(ARTICLE, root)
    return root, result


def test_our_meter_agrees_with_ffmpegs_ebur128_on_speech(rendered):
    for key, path in rendered.items():
        x = np.frombuffer(read_pcm(path), dtype="<i2") / 32768.0
        ours = integrated_loudness(x, SAMPLE_RATE)
        assert abs(ours - ebur128(path).integrated) < 0.2, key


def test_the_meter_reads_silence_as_minus_infinity_and_a_tone_by_the_standard():
    assert integrated_loudness(np.zeros(SAMPLE_RATE), SAMPLE_RATE) == float("-inf")
    # BS.1770: the K-filter's gain at 1 kHz (about +0.69 dB) is what the -0.691 offset takes
    # back, so a 997 Hz sine peaking at -20 dBFS (RMS -23.01 dBFS) reads -23.0 LUFS.
    t = np.arange(2 * SAMPLE_RATE) / SAMPLE_RATE
    tone = 10 ** (-20 / 20) * np.sin(2 * np.pi * 997 * t)
    assert abs(integrated_loudness(tone, SAMPLE_RATE) - (-23.0)) < 0.1


def test_limiter_gain_never_lets_a_peak_through():
    rng = np.random.default_rng(7)
    peaks = np.abs(rng.standard_normal(5000)) * rng.choice([0.1, 1.0, 3.0], 5000)
    gain = limiter_gain(peaks, 1000.0, 0.8)
    assert np.all(peaks * gain <= 0.8 + 1e-9)
    assert np.all((gain > 0) & (gain <= 1))
    quiet = np.full(100, 0.5)
    assert np.all(limiter_gain(quiet, 1000.0, 0.8) == 1.0)  # nothing to limit: untouched


@pytest.mark.parametrize("volume_db", [-25.0, -10.0, -1.0])
def test_quiet_and_loud_speech_is_levelled_without_clipping(rendered, volume_db, tmp_path):
    x = np.frombuffer(read_pcm(rendered["narrator"]), dtype="<i2").astype(np.float64)
    x *= 10 ** (volume_db / 20) / np.abs(x).max() * 32767
    src = np.round(x).astype("<i2").tobytes()
    out = level(src, SAMPLE_RATE, -16.0, -2.0, 30.0)
    write_wav(tmp_path / "out.wav", out)
    measured = ebur128(tmp_path / "out.wav")
    assert abs(measured.integrated - (-16.0)) <= 0.5
    assert measured.true_peak <= -1.5
    assert full_scale_samples(out) == 0


def test_a_near_silent_rendering_is_not_blown_up_into_noise(rendered, tmp_path):
    x = np.frombuffer(read_pcm(rendered["narrator"]), dtype="<i2").astype(np.float64)
    faint = np.round(x / np.abs(x).max() * 180).astype("<i2").tobytes()  # peaks: -45 dBFS
    out = level(faint, SAMPLE_RATE, -16.0, -2.0, 20.0)
    write_wav(tmp_path / "in.wav", faint)
    write_wav(tmp_path / "out.wav", out)
    gained = ebur128(tmp_path / "out.wav").integrated - ebur128(tmp_path / "in.wav").integrated
    assert abs(gained - 20.0) < 0.5


def test_silence_and_nothing_are_left_as_they_are():
    assert level(b"", SAMPLE_RATE, -16, -2, 20) == b""
    silence = b"\x00\x00" * 5000
    assert level(silence, SAMPLE_RATE, -16, -2, 20) == silence


def test_every_voice_is_levelled_within_one_lu_of_the_narrator(rendered, tmp_path):
    loudness = {}
    for key, path in rendered.items():
        out = _levelled(path)
        assert full_scale_samples(out) == 0, key
        write_wav(tmp_path / f"{key}.wav", out)
        measured = ebur128(tmp_path / f"{key}.wav")
        assert measured.true_peak <= CEILING_DBFS + 0.5, key
        loudness[key] = measured.integrated
    for key, value in loudness.items():
        assert abs(value - loudness[NARRATOR.key]) <= 1.0, (key, loudness)


def test_episode_is_at_podcast_loudness_with_true_peak_under_minus_one(episode):
    root, result = episode
    measured = ebur128(root / "episodes" / result.files.audio_name)
    assert abs(measured.integrated - TARGET_LUFS) <= 1.0, measured
    assert measured.true_peak <= -1.0, measured


def test_no_sentence_of_the_episode_clips(episode):
    root, _result = episode
    segments = list((root / "segments").rglob("*.wav"))
    assert len(segments) >= 10
    for path in segments:
        assert full_scale_samples(_levelled(path)) == 0, path


def cue_spans(vtt):
    """(speaker, start, end) of each cue: <v Name> for quotes, Narrator otherwise."""
    spans = []
    for block in vtt.split("\n\n"):
        times = re.search(r"(\d+):(\d+):([\d.]+) --> (\d+):(\d+):([\d.]+)", block)
        if not times:
            continue
        h1, m1, s1, h2, m2, s2 = times.groups()
        voice = re.search(r"<v ([^>]+)>", block)
        spans.append((voice.group(1) if voice else "Narrator",
                      int(h1) * 3600 + int(m1) * 60 + float(s1),
                      int(h2) * 3600 + int(m2) * 60 + float(s2)))
    return spans


def test_every_speaker_in_the_episode_is_within_one_lu_of_the_narrator(episode, tmp_path):
    root, result = episode
    mp3 = root / "episodes" / result.files.audio_name
    spans = cue_spans((root / "episodes" / result.files.transcript_name).read_text())
    pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", str(mp3), "-f", "s16le", "-ac", "1",
                          "-ar", str(SAMPLE_RATE), "-"], capture_output=True, check=True).stdout
    samples = np.frombuffer(pcm, dtype="<i2")
    by_speaker: dict[str, list[np.ndarray]] = {}
    for speaker, start, end in spans:
        by_speaker.setdefault(speaker, []).append(
            samples[int(start * SAMPLE_RATE):int(end * SAMPLE_RATE)])
    # the narrator, three people and the unattributed (whispered) quote
    assert len(by_speaker) >= 5, list(by_speaker)
    loudness = {}
    for speaker, parts in by_speaker.items():
        write_wav(tmp_path / "speaker.wav", np.concatenate(parts).tobytes())
        loudness[speaker] = ebur128(tmp_path / "speaker.wav").integrated
    for speaker, value in loudness.items():
        assert abs(value - loudness["Narrator"]) <= 1.0, (speaker, loudness)
