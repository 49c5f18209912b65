"""The audio cache verifies what it reuses (issue 22, item 12): a damaged sentence or chunk
file is discarded and rendered again, never published or trusted. Real espeak-ng + ffmpeg."""

from __future__ import annotations

import shutil

import pytest

from app.importer.article import Article, Block
from app.narration import narrate
from app.narration.cache import checked_wav_seconds
from app.narration.mp3frames import whole_frames

ARTICLE = Article(
    title="Ferry timetable changes",
    site_name="The Test Gazette",
    blocks=[
        Block("paragraph", "The island ferry will sail twice more each day from next month."),
        Block("paragraph", '"We listened to the people who use it," said Owen Pryce.'),
        Block("paragraph", "The first sailing now leaves at six in the morning."),
    ],
)


def _forget_episodes_and_chunks(root):
    shutil.rmtree(root / "episodes")
    shutil.rmtree(root / "chunks")


def _damage(path, how):
    data = path.read_bytes()
    if how == "empty":
        path.write_bytes(b"")
    elif how == "garbage":
        path.write_bytes(b"not audio at all " * 50)
    else:  # truncated: the header promises more samples than the file holds
        path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("how", ["empty", "garbage", "truncated"])
def test_a_damaged_sentence_is_spoken_again_and_the_transcript_keeps_its_times(tmp_path, how):
    first = narrate(ARTICLE, tmp_path)
    vtt = (tmp_path / "episodes" / first.files.transcript_name).read_text()
    segments = sorted((tmp_path / "segments").rglob("*.wav"))
    victim = segments[len(segments) // 2]
    _damage(victim, how)
    assert checked_wav_seconds(victim) is None
    _forget_episodes_and_chunks(tmp_path)

    again = narrate(ARTICLE, tmp_path)
    assert again.rendered == 1  # only the damaged sentence
    assert checked_wav_seconds(victim) is not None
    assert (tmp_path / "episodes" / again.files.transcript_name).read_text() == vtt


@pytest.mark.parametrize("how", ["empty", "garbage", "truncated"])
def test_a_damaged_chunk_is_encoded_again_not_published(tmp_path, how):
    first = narrate(ARTICLE, tmp_path)
    chunks = sorted((tmp_path / "chunks").rglob("*.mp3"))
    frames = whole_frames(chunks[0].read_bytes())
    _damage(chunks[0], how)
    shutil.rmtree(tmp_path / "episodes")

    again = narrate(ARTICLE, tmp_path)
    # encoded again on its own (LAME's state differs, so not byte for byte), whole
    assert whole_frames(chunks[0].read_bytes()) == frames
    assert again.files.bytes == first.files.bytes
    assert abs(again.files.duration - first.files.duration) < 1e-6


def test_whole_frames_counts_frames_and_refuses_a_partial_one(tmp_path):
    narrate(ARTICLE, tmp_path)
    chunk = next((tmp_path / "chunks").rglob("*.mp3")).read_bytes()
    count = whole_frames(chunk)
    assert count and count > 10
    assert whole_frames(chunk[:-5]) is None
    assert whole_frames(b"ID3" + chunk) is None
