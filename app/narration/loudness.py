"""Loudness of speech (ITU-R BS.1770-4) and levelling to a podcast target with a peak limit.

Every sentence is brought to the episode's target loudness on its own, from its own measured
loudness, so that voices match whatever their timbre (a whisper carries its energy where
K-weighting counts it more), then a look-ahead limiter keeps its peaks under a ceiling below
full scale, so nothing clips. Sentences are levelled one at a time and hold no state between
them, so cached chunks of an episode stay interchangeable.

Why not pyloudnorm: it needs scipy, whose import costs about a second per process on a
2-core machine, more than a whole cold narration of a 900-word article; BS.1770's K-filter is
two fixed biquads and its gating a few lines. tests/narration/test_loudness.py checks this
meter against ffmpeg's ebur128 filter on real speech.
"""

from __future__ import annotations

import functools
import math
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BLOCK_SECONDS = 0.4  # BS.1770-4 gating block
STEP_SECONDS = 0.1  # 75 % overlap between blocks
ABSOLUTE_GATE = -70.0  # LUFS
RELATIVE_GATE = -10.0  # LU below the absolutely gated loudness

LEVEL_ROUNDS = 4  # gain, limit, measure: the secant steps meet the target in two or three
LEVEL_TOLERANCE = 0.2  # LU

LEVEL_HEADROOM_DB = 6.0  # the most the rounds may add to the first gain
INTER_SAMPLE_DB = 4.0  # how far a true peak may rise above its samples (a sine at fs/4: 3)
TRUE_PEAK_TAPS = 8  # samples each side for interpolating between samples
TRUE_PEAK_BATCH = 48  # ticks a matrix product: 48 x 58 x 63 is under OpenBLAS's threading

LIMIT_ATTACK_SECONDS = 0.005  # the limiter's look-ahead, and its release ramp
LIMIT_HOLD_SECONDS = 0.03  # three glottal periods of a low voice: no gain ripple at pitch rate


def _biquad_response(b: tuple[float, float, float], a: tuple[float, float, float],
                     n: int) -> np.ndarray:
    """The frequency response of one biquad at the `n`-point rfft's bins."""
    z1 = np.exp(-2j * np.pi * np.fft.rfftfreq(n))
    return (b[0] + b[1] * z1 + b[2] * z1 * z1) / (a[0] + a[1] * z1 + a[2] * z1 * z1)


@functools.lru_cache(maxsize=4)
def _k_power(rate: int, n: int) -> np.ndarray:
    """Weights that turn an `n`-sample frame's rfft power into its K-weighted energy.

    |K|^2 at each bin, times Parseval's factor for a one-sided spectrum (2 for every bin
    but DC and, for even n, Nyquist), over n.
    """
    weights = np.abs(_k_filter(rate, n)) ** 2 * 2 / n
    weights[0] /= 2
    if n % 2 == 0:
        weights[-1] /= 2
    return weights.astype(np.float32)


def _k_filter(rate: int, n: int) -> np.ndarray:
    """BS.1770-4's K-weighting (high shelf, then RLB high-pass) at `rate`, as rfft gains.

    The standard gives coefficients for 48 kHz; these are its analogue prototypes through
    the bilinear transform, as libebur128 (which ffmpeg's ebur128 follows) derives them.
    """
    f0, gain_db, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh = 10 ** (gain_db / 20)
    vb = vh ** 0.4996667741545416
    a0 = 1 + k / q + k * k
    shelf = _biquad_response(
        ((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0),
        (1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0), n)
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    a0 = 1 + k / q + k * k
    highpass = _biquad_response((1.0, -2.0, 1.0),
                                (1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0), n)
    return shelf * highpass


@functools.lru_cache(maxsize=4)
def _interpolator(tick: int) -> np.ndarray:
    """Weights giving a tick's waveform at the quarter-sample points between its samples.

    Shape (tick + 2 * TRUE_PEAK_TAPS, 3 * tick): rows are the samples from TAPS before the
    tick to TAPS after it, columns the points 1/4, 1/2 and 3/4 of a sample after each of
    the tick's samples. Hann-windowed sinc, TAPS samples each side.
    """
    taps = TRUE_PEAK_TAPS
    source = np.arange(-taps, tick + taps)[:, None]
    points = (np.arange(tick)[:, None] + np.array([0.25, 0.5, 0.75])[None, :]).ravel()[None, :]
    distance = points - source
    window = np.where(np.abs(distance) < taps, 0.5 + 0.5 * np.cos(np.pi * distance / taps), 0.0)
    return (np.sinc(distance) * window).astype(np.float32)


def _true_peaks(x: np.ndarray, tick: int, sample_peaks: np.ndarray,
                candidates: np.ndarray) -> np.ndarray:
    """`sample_peaks` (each tick's largest sample), with the `candidates` (tick indices)
    raised to their true peak.

    BS.1770-4 annex 2 finds true peaks by oversampling four times. Only the ticks that
    could come near the ceiling need it (about one in eight in speech), so those alone
    are interpolated at the quarter-sample points, as matrix products.
    """
    peaks = sample_peaks.copy()
    if len(candidates):
        taps = TRUE_PEAK_TAPS
        padded = np.concatenate((np.zeros(taps, x.dtype), x,
                                 np.zeros(taps + len(peaks) * tick - len(x), x.dtype)))
        weights = _interpolator(tick)
        span = np.arange(tick + 2 * taps)[None, :]
        # In batches small enough that OpenBLAS multiplies on one thread: its helper
        # threads spin while they wait, on the core ffmpeg needs for encoding.
        for i in range(0, len(candidates), TRUE_PEAK_BATCH):
            batch = candidates[i:i + TRUE_PEAK_BATCH]
            between = np.abs(padded[(batch * tick)[:, None] + span] @ weights).max(axis=1)
            peaks[batch] = np.maximum(peaks[batch], between)
    return peaks


def _gated(z: np.ndarray) -> float:
    """BS.1770-4 gating of block mean squares `z`: the integrated loudness in LUFS."""
    z = z[-0.691 + 10 * np.log10(np.maximum(z, 1e-20)) > ABSOLUTE_GATE]
    if not len(z):
        return float("-inf")
    relative = -0.691 + 10 * np.log10(z.mean()) + RELATIVE_GATE
    z = z[-0.691 + 10 * np.log10(z) > relative]
    return float(-0.691 + 10 * np.log10(z.mean()))


@functools.cache
def _tick(rate: int) -> int:
    """Samples in one tick of about a millisecond that divides the 100 ms gating step."""
    step = round(STEP_SECONDS * rate)
    divisors = [d for d in range(1, step + 1) if step % d == 0]
    return min(divisors, key=lambda d: abs(d - rate / 1000))


def _per_tick(values: np.ndarray, tick: int, reduce: np.ufunc, fill: float) -> np.ndarray:
    """`reduce` over consecutive runs of `tick` samples (the last run padded with `fill`)."""
    if len(values) % tick:
        values = np.concatenate((values, np.full(-len(values) % tick, fill, values.dtype)))
    return reduce.reduce(values.reshape(-1, tick), axis=1).astype(np.float64)


def _tick_energy(x: np.ndarray, rate: int, tick: int) -> np.ndarray:
    """The K-weighted energy (sum of squares) of each tick of `x`.

    K-weighting is applied per 100 ms gating step in the frequency domain (Parseval: a
    frame's filtered energy is its power spectrum weighted by |K|^2); within a step, each
    tick gets the step's weighted share of its own plain energy. A filter applied as one
    FFT of the whole sentence gives the same loudness within 0.05 LU, at three times the
    cost.
    """
    step = round(STEP_SECONDS * rate)
    plain = _per_tick(x * x, tick, np.add, 0.0)
    frames = np.concatenate((x, np.zeros(-len(x) % step, x.dtype))).reshape(-1, step)
    spectrum = np.fft.rfft(frames, axis=1)
    weighted = ((spectrum.real ** 2 + spectrum.imag ** 2) * _k_power(rate, step)).sum(axis=1)
    per_step = step // tick
    plain_steps = _per_tick(plain, per_step, np.add, 0.0)
    ratio = weighted / np.maximum(plain_steps, 1e-30)
    return plain * np.repeat(ratio, per_step)[:len(plain)]


def _loudness_of_ticks(energy: np.ndarray, rate: int, tick: int) -> float:
    """Integrated loudness from per-tick sums of K-weighted squares."""
    per_block = round(BLOCK_SECONDS * rate) // tick
    per_step = round(STEP_SECONDS * rate) // tick
    if len(energy) < per_block:  # shorter than one block: measured as one, padded
        energy = np.pad(energy, (0, per_block - len(energy)))
    total = np.concatenate(([0.0], np.cumsum(energy)))
    starts = np.arange(0, len(energy) - per_block + 1, per_step)
    return _gated((total[starts + per_block] - total[starts]) / (per_block * tick))


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness of mono `samples` (floats, full scale 1.0) in LUFS.

    ITU-R BS.1770-4: K-weighted mean square over 400 ms blocks (75 % overlap), gated at
    -70 LUFS and then 10 LU below the gated mean. Audio shorter than one block is measured
    as one block (as if padded with silence). Silence gives -inf.
    """
    x = np.asarray(samples, dtype=np.float32)
    tick = _tick(rate)
    return _loudness_of_ticks(_tick_energy(x, rate, tick), rate, tick)


def _window_min(values: np.ndarray, width: int) -> np.ndarray:
    """out[i] = min(values[i : i + width]) (past the end: 1.0), in O(n).

    van Herk / Gil-Werman: running minima forwards and backwards within blocks of `width`.
    """
    n = len(values)
    padded = np.concatenate((values, np.ones(-n % width + width)))
    blocks = np.ascontiguousarray(padded.reshape(-1, width).T)  # accumulate across rows
    prefix = np.minimum.accumulate(blocks, axis=0).T.ravel()
    suffix = np.minimum.accumulate(blocks[::-1], axis=0)[::-1].T.ravel()
    return np.minimum(suffix[:n], prefix[width - 1:width - 1 + n])


def limiter_gain(peak: np.ndarray, ticks_per_second: float, ceiling: float) -> np.ndarray:
    """The gain (0..1) per tick that keeps ticks whose largest sample is `peak` under `ceiling`.

    A look-ahead limiter: the gain each tick needs is held over the hold time and the
    look-ahead before it, then smoothed by a moving average as long as the look-ahead, so the gain
    falls before a peak and rises after it in straight ramps. Every term of that average is
    at most the gain the current tick needs, so no sample exceeds the ceiling; where no
    peak is near, the gain is exactly 1.
    """
    need = np.minimum(1.0, ceiling / np.maximum(peak, 1e-12))
    if need.min() >= 1.0:
        return need
    attack = max(1, round(LIMIT_ATTACK_SECONDS * ticks_per_second))
    hold = max(1, round(LIMIT_HOLD_SECONDS * ticks_per_second))
    ahead = _window_min(need, attack)  # min over [i, i + attack)
    held = _window_min(np.concatenate((np.ones(hold - 1), ahead)), hold)[:len(need)]
    total = np.concatenate(([0.0], np.cumsum(np.concatenate((np.ones(attack - 1), held)))))
    gain = (total[attack:] - total[:-attack])[:len(need)] / attack
    return np.minimum(gain, need)  # the minimum only guards against rounding


def level(pcm: bytes, rate: int, target_lufs: float, ceiling_dbfs: float,
          max_gain_db: float) -> bytes:
    """16-bit mono PCM brought to `target_lufs` with its peaks at most `ceiling_dbfs`.

    Peaks are true peaks (between samples too), so the ceiling holds after resampling and
    coding, up to the gain's change within one tick.

    The gain is computed on floats and the limiter runs before the samples go back to 16
    bits, so no sample is ever clipped. Limiting takes some loudness off the peaks, so the
    gain is raised again until the limited sentence is within LEVEL_TOLERANCE of the target;
    it never exceeds `max_gain_db`, so a near-silent rendering is not blown up into noise.
    Silence is returned unchanged.

    The gain is worked out on ticks of about a millisecond (each tick's true peak and
    K-weighted energy), then ramps linearly across each tick between its edges, where it
    takes the lower gain of the two ticks that meet.
    """
    x = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / np.float32(32768)
    if not len(x):
        return pcm
    tick = _tick(rate)
    energy = _tick_energy(x, rate, tick)
    loudness = _loudness_of_ticks(energy, rate, tick)
    if not math.isfinite(loudness):
        return pcm
    ceiling = 10 ** (ceiling_dbfs / 20)
    gain_db = min(max_gain_db, target_lufs - loudness)
    # The rounds below raise the gain by at most LEVEL_HEADROOM_DB, and a true peak lies
    # at most INTER_SAMPLE_DB above the largest sample around it in speech, so ticks
    # quieter than that stay under the ceiling whatever their true peak.
    max_gain_db = min(max_gain_db, gain_db + LEVEL_HEADROOM_DB)
    sample_peaks = _per_tick(np.abs(x), tick, np.maximum, 0.0)
    reach = 10 ** ((max_gain_db + INTER_SAMPLE_DB) / 20)
    peak = _true_peaks(x, tick, sample_peaks, np.flatnonzero(sample_peaks * reach > ceiling))
    tried: list[tuple[float, float]] = []  # (gain in dB, loudness it gave)
    for _ in range(LEVEL_ROUNDS):
        scale = 10 ** (gain_db / 20)
        gain = scale * limiter_gain(peak * scale, rate / tick, ceiling)
        reached = _loudness_of_ticks(energy * gain * gain, rate, tick)
        tried.append((gain_db, reached))
        if abs(target_lufs - reached) < LEVEL_TOLERANCE or gain_db >= max_gain_db:
            break
        # Secant step: under the limiter a dB of gain adds less than a dB of loudness.
        slope = 1.0
        if len(tried) > 1 and tried[-1][1] != tried[-2][1]:
            slope = (tried[-1][1] - tried[-2][1]) / (tried[-1][0] - tried[-2][0])
        gain_db = min(max_gain_db, gain_db + (target_lufs - reached) / max(slope, 0.1))
    # Within a tick the gain never exceeds that tick's own; the clip only guards rounding.
    edges = np.minimum(np.r_[gain[0], gain], np.r_[gain, gain[-1]]).astype(np.float32)
    ramp = np.arange(tick, dtype=np.float32) / np.float32(tick)
    ramps = edges[:-1, None] + (edges[1:] - edges[:-1])[:, None] * ramp[None, :]
    out = x * ramps.ravel()[:len(x)] * np.float32(32768)
    limit = ceiling * 32768
    return np.rint(np.clip(out, -limit, limit)).astype("<i2").tobytes()


@dataclass(frozen=True)
class Measurement:
    integrated: float  # LUFS
    true_peak: float  # dBTP


def ebur128(path: Path, start: float | None = None, end: float | None = None) -> Measurement:
    """ffmpeg's EBU R128 meter on an audio file (or its `start`..`end` seconds).

    The reference an episode is judged by (integrated loudness, true peak); Hark's own
    meter above is checked against it. Raises RuntimeError when ffmpeg reports nothing.
    """
    window = [*(["-ss", f"{start:.3f}"] if start is not None else []),
              *(["-to", f"{end:.3f}"] if end is not None else [])]
    out = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", *window, "-i", str(path),
                          "-af", "ebur128=peak=true", "-f", "null", "-"],
                         capture_output=True, text=True).stderr
    summary = out.rpartition("Summary:")[2]
    integrated = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    peak = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    if not (integrated and peak):
        raise RuntimeError(f"ffmpeg's ebur128 measured nothing in {path}: {out[-200:]}")
    return Measurement(float(integrated.group(1)), float(peak.group(1)))
