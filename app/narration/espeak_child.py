"""The speech child process: pyttsx3 on espeak-ng, one JSON request per line.

Started by engine.Pyttsx3Engine; imports nothing of Hark so it starts fast and alone.
"""

import json
import os
import sys
import wave

ATTEMPTS = 4


def _frames(path: str) -> int:
    try:
        with wave.open(path, "rb") as w:
            return w.getnframes()
    except (OSError, EOFError, wave.Error):
        return 0


def main() -> None:
    out = os.fdopen(os.dup(1), "w", buffering=1)
    # pyttsx3 prints "Audio saved to ..." on stdout; keep that off the reply channel.
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    import pyttsx3

    engine = pyttsx3.init("espeak")
    known = {v.id for v in engine.getProperty("voices")}
    for line in sys.stdin:
        req = json.loads(line)
        v = req["voice"]
        if v["espeak"].split("+")[0] not in known:
            # espeak-ng silently keeps the previous voice for an unknown name.
            out.write(json.dumps({"error": f"unknown espeak-ng voice {v['espeak']}"}) + "\n")
            continue
        engine.setProperty("voice", v["espeak"])
        engine.setProperty("pitch", v["pitch"])
        engine.setProperty("rate", v["rate"])
        attempts = 0
        # pyttsx3 2.99 now and then returns before espeak-ng finished: no file, or a
        # header with no audio. Saying it again is cheap (espeak-ng is very fast).
        while attempts < ATTEMPTS and (attempts == 0 or _frames(req["path"]) == 0):
            engine.save_to_file(req["text"], req["path"])
            engine.runAndWait()
            attempts += 1
        out.write(json.dumps({"ok": True, "attempts": attempts}) + "\n")


if __name__ == "__main__":
    main()
