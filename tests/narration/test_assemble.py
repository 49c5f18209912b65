"""Assembly on real parts: espeak-ng sentences streamed through ffmpeg into one MP3."""

import json
import subprocess

from app.episodes.transcript import parse_vtt
from app.importer.article import Article, Block
from app.narration import narrate


def probe(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_format", "-show_streams",
                          "-show_chapters", "-of", "json", str(path)],
                         capture_output=True, check=True, text=True)
    return json.loads(out.stdout)


ARTICLE = Article(
    title="Bridge reopens after repairs",
    site_name="The Test Gazette",
    blocks=[
        Block("paragraph", "The old bridge over the river reopened on Monday after repairs."),
        Block("paragraph", '"It feels like the town has its heart back," said Nia Brooks.'),
        Block("heading", "What changed"),
        Block("paragraph", "Engineers replaced the deck and painted the railings green."),
    ],
)


def test_narrated_mp3_has_tags_chapters_transcript_and_a_fitting_length(tmp_path):
    result = narrate(ARTICLE, tmp_path)
    episodes = tmp_path / "episodes"
    mp3 = episodes / result.files.audio_name
    info = probe(mp3)
    stream = info["streams"][0]
    assert stream["codec_name"] == "mp3" and stream["channels"] == 1
    assert abs(int(info["format"]["bit_rate"]) - 64000) < 4000
    tags = info["format"]["tags"]
    assert tags["title"] == ARTICLE.title
    assert tags["artist"] == "The Test Gazette"
    assert tags["album"] == "Hark"
    # ID3 stores chapters in any order (the CTOC frame orders them); players sort by time.
    chapters = sorted(info["chapters"], key=lambda c: float(c["start_time"]))
    assert [c["tags"]["title"] for c in chapters] == [ARTICLE.title, "What changed"]
    duration = float(info["format"]["duration"])
    assert abs(duration - result.files.duration) < 0.3
    assert result.files.bytes == mp3.stat().st_size

    vtt = (episodes / result.files.transcript_name).read_text()
    assert "<v Nia Brooks><c.speaker>Nia Brooks:</c> It <" in vtt  # timed words follow
    quote = next(c for c in parse_vtt(vtt) if c.speaker == "Nia Brooks")
    assert quote.text.startswith("It feels like the town has its")
    chapters = json.loads((episodes / result.files.chapters_name).read_text())
    assert chapters["chapters"][1]["title"] == "What changed"
    assert 0 < chapters["chapters"][1]["startTime"] < duration
    assert not list(tmp_path.rglob("*.part"))


def test_renarrating_unchanged_text_renders_nothing_and_gives_the_same_file(tmp_path):
    first = narrate(ARTICLE, tmp_path)
    again = narrate(ARTICLE, tmp_path)
    assert again.rendered == 0 and again.reused == first.rendered
    assert again.files == first.files


def test_editing_one_paragraph_renders_only_its_sentences(tmp_path):
    first = narrate(ARTICLE, tmp_path)
    edited = Article(title=ARTICLE.title, site_name=ARTICLE.site_name,
                     blocks=[*ARTICLE.blocks[:3],
                             Block("paragraph", "Engineers replaced the deck.")])
    second = narrate(edited, tmp_path)
    assert second.rendered == 1
    assert second.files.audio_name != first.files.audio_name


def test_paragraph_joins_are_silent_after_an_edit(tmp_path):
    """Chunks from different encodes join in the pause between paragraphs, without clicks."""
    import array

    from app.narration.assemble import SAMPLE_RATE

    narrate(ARTICLE, tmp_path)
    edited = Article(title=ARTICLE.title, site_name=ARTICLE.site_name,
                     blocks=[ARTICLE.blocks[0], Block("paragraph", '"Lovely," said Nia Brooks.'),
                             *ARTICLE.blocks[2:]])
    result = narrate(edited, tmp_path)
    mp3 = tmp_path / "episodes" / result.files.audio_name
    pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", str(mp3), "-f", "s16le", "-ac", "1",
                          "-ar", str(SAMPLE_RATE), "-"], capture_output=True, check=True).stdout
    samples = array.array("h", pcm)
    vtt = (tmp_path / "episodes" / result.files.transcript_name).read_text()
    starts = [line.split(" --> ")[0] for line in vtt.splitlines() if " --> " in line]
    seconds = [int(t[:2]) * 3600 + int(t[3:5]) * 60 + float(t[6:]) for t in starts]
    assert len(seconds) >= 5
    loud = max(abs(s) for s in samples)
    for t in seconds[1:]:
        # 100 ms before each paragraph's first sentence lies in the pause before it.
        window = samples[int((t - 0.15) * SAMPLE_RATE):int((t - 0.05) * SAMPLE_RATE)]
        assert max(abs(s) for s in window) < 0.05 * loud, t
