"""The speech child process: pyttsx3's espeak-ng engine, one JSON request per line.

Started by engine.Pyttsx3Engine; imports nothing of Hark so it starts fast and alone.

pyttsx3 loads and initialises espeak-ng and lists its voices; each sentence is then
synthesized through pyttsx3's own espeak-ng binding with a callback that collects the
samples. We do not use save_to_file + runAndWait: in 2.99 that loop returns an empty file
for some sentences after ~160 ms (seen on 4 of 10 sentences of a multi-voice article),
and it prints to stdout. Synthesis through the binding is synchronous and complete.

The same callback receives espeak-ng's events: espeakEVENT_WORD gives, for each word it
speaks, the word's character position and length in the text and the sample at which it
starts. The reply carries those words with the sample at which each one's sound ends.
"""

import array
import ctypes
import json
import os
import sys
import wave

SAMPLE_RATE = 22050  # espeak-ng's rate, which pyttsx3 also assumes
WINDOW = 110  # 5 ms: the resolution at which a word's sound is found to end
QUIET = 300  # a window whose peak stays under this (about -40 dBFS) is silence
MIN_GAP = 0.03  # seconds; a shorter silence after a word is the join to the next word


def word_ends(samples: "array.array[int]", starts: list[int]) -> list[int]:
    """For words starting at `starts` (sample indexes, ascending), the sample at which each
    one's sound ends: the end of its last window louder than QUIET before the next word
    (or the end of the audio), or the next word's start when the silence between them is
    shorter than MIN_GAP."""
    ends = []
    bounds = starts[1:] + [len(samples)]
    for start, limit in zip(starts, bounds, strict=True):
        end = limit
        while end - WINDOW > start:
            window = samples[end - WINDOW:end]
            if max(window) >= QUIET or -min(window) >= QUIET:
                break
            end -= WINDOW
        if limit - end < MIN_GAP * SAMPLE_RATE and limit != len(samples):
            end = limit
        ends.append(max(end, start + 1))
    return ends


def main() -> None:
    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # nothing else may write on the reply channel
    import pyttsx3
    from pyttsx3.drivers import _espeak

    engine = pyttsx3.init("espeak")
    known = {v.id for v in engine.getProperty("voices")}
    chunks: list[bytes] = []
    words: list[tuple[int, int, int]] = []  # (character index, length, start sample)

    def collect(wav, numsamples, events):  # noqa: ANN001 - ctypes callback
        i = 0
        while events[i].type != _espeak.EVENT_LIST_TERMINATED:
            e = events[i]
            # A zero-length WORD event marks punctuation espeak-ng passes over silently.
            if e.type == _espeak.EVENT_WORD and e.length > 0:
                words.append((e.text_position - 1, e.length, e.sample))
            i += 1
        if numsamples > 0:
            chunks.append(ctypes.string_at(wav, numsamples * 2))
        return 0

    _espeak.SetSynthCallback(collect)
    for line in sys.stdin:
        req = json.loads(line)
        v = req["voice"]
        if v["espeak"].split("+")[0] not in known:
            # espeak-ng silently keeps the previous voice for an unknown name.
            out.write(json.dumps({"error": f"unknown espeak-ng voice {v['espeak']}"}) + "\n")
            continue
        _espeak.SetVoiceByName(v["espeak"].encode())
        _espeak.SetParameter(_espeak.PITCH, int(v["pitch"]), 0)
        _espeak.SetParameter(_espeak.RATE, int(v["rate"]), 0)
        chunks.clear()
        words.clear()
        _espeak.Synth(req["text"].encode("utf-8"), flags=_espeak.ENDPAUSE | _espeak.CHARS_UTF8)
        _espeak.Synchronize()
        pcm = b"".join(chunks)
        with wave.open(req["path"], "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(SAMPLE_RATE)
            w.writeframes(pcm)
        samples = array.array("h", pcm)
        # Events come in order of the audio. Words that start on the same sample become one
        # (their characters joined); one that would step back is dropped (never seen).
        timed: list[tuple[int, int, int]] = []
        for at, length, sample in words:
            sample = max(0, min(sample, len(samples) - 1))
            if timed and sample == timed[-1][2]:
                first = timed[-1][0]
                timed[-1] = (first, max(first + timed[-1][1], at + length) - first, sample)
            elif not timed or sample > timed[-1][2]:
                timed.append((at, length, sample))
        ends = word_ends(samples, [s for _a, _n, s in timed])
        out.write(json.dumps({"ok": True, "words": [
            [at, at + length, start, end] for (at, length, start), end
            in zip(timed, ends, strict=True)
        ]}) + "\n")


if __name__ == "__main__":
    main()
