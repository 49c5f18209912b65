"""The real engine: pyttsx3 on espeak-ng in a child process."""

import pytest

from app.narration.cache import SegmentCache
from app.narration.engine import Pyttsx3Engine, SynthesisError, wav_seconds
from app.narration.voices import NARRATOR, PALETTE, Voice


def test_renders_a_sentence_of_plausible_length(tmp_path):
    with Pyttsx3Engine() as engine:
        seconds = engine.synthesize("The seals came back to the estuary this year.",
                                    NARRATOR, tmp_path / "a.wav")
    assert seconds == wav_seconds(tmp_path / "a.wav")
    assert 1.5 < seconds < 6


def test_voices_sound_different(tmp_path):
    text = "Hello, this is a voice test."
    with Pyttsx3Engine() as engine:
        for i, voice in enumerate([NARRATOR, *PALETTE[:3]]):
            engine.synthesize(text, voice, tmp_path / f"{i}.wav")
    audio = {(tmp_path / f"{i}.wav").read_bytes() for i in range(4)}
    assert len(audio) == 4


def test_unknown_voice_is_an_error_not_a_silent_fallback(tmp_path):
    with Pyttsx3Engine() as engine, pytest.raises(SynthesisError, match="unknown espeak-ng"):
        engine.synthesize("Hello.", Voice("x", "x", "gmw/no-such-voice"), tmp_path / "x.wav")


def test_a_hanging_engine_is_killed_at_its_timeout_and_replaced(tmp_path):
    engine = Pyttsx3Engine(timeout=0.001)
    with pytest.raises(SynthesisError, match="timed out"):
        engine.synthesize("A long sentence. " * 200, NARRATOR, tmp_path / "slow.wav")
    assert engine._proc is None  # killed
    engine.timeout = 30
    assert engine.synthesize("Back again.", NARRATOR, tmp_path / "ok.wav") > 0.3
    engine.close()


def test_cache_renders_once_and_reuses(tmp_path):
    cache = SegmentCache(tmp_path)
    with Pyttsx3Engine() as engine:
        p1, s1, hit1 = cache.render("Cached words here.", NARRATOR, engine)
        p2, s2, hit2 = cache.render("Cached words here.", NARRATOR, engine)
        p3, _, hit3 = cache.render("Cached words here.", PALETTE[0], engine)
    assert (hit1, hit2, hit3) == (False, True, False)
    assert p1 == p2 and s1 == s2 and p3 != p1
    assert not list(tmp_path.rglob("*.part"))


def test_eviction_removes_oldest_segments_first_and_never_kept_episodes(tmp_path):
    import os

    from app.narration.cache import evict

    seg_dir = tmp_path / "segments" / "ab"
    ep_dir = tmp_path / "episodes"
    seg_dir.mkdir(parents=True)
    ep_dir.mkdir()
    for i in range(4):
        p = seg_dir / f"{i}.wav"
        p.write_bytes(b"x" * 1000)
        os.utime(p, (1000 + i, 1000 + i))
    (ep_dir / "kept.mp3").write_bytes(b"y" * 5000)
    (ep_dir / "old.mp3").write_bytes(b"z" * 1000)
    os.utime(ep_dir / "old.mp3", (500, 500))
    removed = evict(tmp_path, 7000, keep={"kept.mp3"})
    assert [p.name for p in removed] == ["0.wav", "1.wav", "2.wav"]
    removed = evict(tmp_path, 5000, keep={"kept.mp3"})
    assert {p.name for p in removed} == {"3.wav", "old.mp3"}
    assert (ep_dir / "kept.mp3").exists()
    assert evict(tmp_path, 10, keep={"kept.mp3"}) == []  # never below what is published
