"""The speech child process: pyttsx3's espeak-ng engine, one JSON request per line.

Started by engine.Pyttsx3Engine; imports nothing of Hark so it starts fast and alone.

pyttsx3 loads and initialises espeak-ng and lists its voices; each sentence is then
synthesized through pyttsx3's own espeak-ng binding with a callback that collects the
samples. We do not use save_to_file + runAndWait: in 2.99 that loop returns an empty file
for some sentences after ~160 ms (seen on 4 of 10 sentences of a multi-voice article),
and it prints to stdout. Synthesis through the binding is synchronous and complete.
"""

import ctypes
import json
import os
import sys
import wave

SAMPLE_RATE = 22050  # espeak-ng's rate, which pyttsx3 also assumes


def main() -> None:
    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # nothing else may write on the reply channel
    import pyttsx3
    from pyttsx3.drivers import _espeak

    engine = pyttsx3.init("espeak")
    known = {v.id for v in engine.getProperty("voices")}
    chunks: list[bytes] = []

    def collect(wav, numsamples, events):  # noqa: ANN001 - ctypes callback
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
        _espeak.Synth(req["text"].encode("utf-8"), flags=_espeak.ENDPAUSE | _espeak.CHARS_UTF8)
        _espeak.Synchronize()
        with wave.open(req["path"], "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(SAMPLE_RATE)
            w.writeframes(b"".join(chunks))
        out.write(json.dumps({"ok": True}) + "\n")


if __name__ == "__main__":
    main()
