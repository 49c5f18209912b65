"""Reading MP3 frame boundaries (MPEG-1/2/2.5 Layer III), enough to split and join CBR audio."""

from __future__ import annotations

_BITRATES = {  # kbps by index, for MPEG-1 and for MPEG-2/2.5, Layer III
    1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
_RATES = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


def frame_length(header: bytes) -> int:
    """Bytes in the frame that starts with `header` (4 bytes); 0 if it is not a frame start."""
    if len(header) < 4 or header[0] != 0xFF or (header[1] & 0xE0) != 0xE0:
        return 0
    version = (header[1] >> 3) & 3  # 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    layer = (header[1] >> 1) & 3
    bitrate_i = header[2] >> 4
    rate_i = (header[2] >> 2) & 3
    if version == 1 or layer != 1 or bitrate_i in (0, 15) or rate_i == 3:
        return 0
    padding = (header[2] >> 1) & 1
    bitrate = _BITRATES[1 if version == 3 else 2][bitrate_i] * 1000
    rate = _RATES[version][rate_i]
    per_frame = 144 if version == 3 else 72  # bytes per (bit/s / Hz): 1152 or 576 samples
    return per_frame * bitrate // rate + padding



def whole_frames(data: bytes) -> int | None:
    """How many frames `data` holds if it is MP3 frames end to end (no tag, no partial
    frame at the end), else None: what a cached chunk must be before it is reused."""
    count = pos = 0
    while pos < len(data):
        n = frame_length(data[pos:pos + 4])
        if n == 0 or pos + n > len(data):
            return None
        pos += n
        count += 1
    return count
