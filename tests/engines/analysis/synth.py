"""Short synthetic test signals: click tracks with accented downbeats, and chord pads."""

from __future__ import annotations

import numpy as np

from engines.analysis.result import parse_harte

SR = 22050


def clicks(
    bpm: float, seconds: float, *, sr: int = SR, beats_per_bar: int = 4, offset_s: float = 0.0
) -> np.ndarray:
    """Decaying 1 kHz clicks on every beat, downbeats twice as loud and lower (500 Hz)."""
    t = np.arange(int(seconds * sr)) / sr
    out = np.zeros_like(t)
    period = 60.0 / bpm
    for i, start in enumerate(np.arange(offset_s, seconds, period)):
        idx = t >= start
        since = t[idx] - start
        down = i % beats_per_bar == 0
        freq, gain = (500.0, 0.8) if down else (1000.0, 0.4)
        out[idx] += gain * np.sin(2 * np.pi * freq * since) * np.exp(-since * 30)
    return out.astype(np.float32)


def chord_tone(label: str, seconds: float, *, sr: int = SR) -> np.ndarray:
    """A Harte chord from C3 upwards, each tone with two octave partials; 0.3 peak."""
    parsed = parse_harte(label)
    assert parsed is not None
    root, quality = parsed
    intervals = {"maj": (0, 4, 7), "min": (0, 3, 7), "7": (0, 4, 7, 10)}[quality]
    t = np.arange(int(seconds * sr)) / sr
    out = np.zeros_like(t)
    for i in intervals:
        freq = 130.81 * 2 ** ((root + i) / 12)  # C3-based
        for h in (1, 2, 4):  # octave partials only, so no harmonic adds a seventh
            out += np.sin(2 * np.pi * freq * h * t) / h
    env = np.minimum(1.0, np.minimum(t, t[-1] - t) * 50)
    return (0.3 * out / np.max(np.abs(out)) * env).astype(np.float32)


def progression(labels: list[str], bpm: float, *, beats_each: int = 4, sr: int = SR) -> np.ndarray:
    """Chords of ``beats_each`` beats each over a click track at ``bpm`` (4/4)."""
    seconds_each = beats_each * 60.0 / bpm
    pad = np.concatenate([chord_tone(label, seconds_each, sr=sr) for label in labels])
    click = clicks(bpm, len(pad) / sr, sr=sr)
    return (pad + 0.5 * click[: len(pad)]).astype(np.float32)


def oom_pah_pah(bpm: float, bars: int, *, sr: int = 44100) -> np.ndarray:
    """A waltz: a bass note alone on one, a short triad on two and three, C-G-F-G a bar each; each
    tone with three partials, a 5 ms attack, decaying, faded out over its last 25 ms."""
    beat = 60.0 / bpm
    loop = ((0, 4, 7), (7, 11, 14), (5, 9, 12), (7, 11, 14))

    def tone(midi: int, seconds: float, gain: float) -> np.ndarray:
        t = np.arange(int(seconds * sr)) / sr
        freq = 440.0 * 2 ** ((midi - 69) / 12)
        x = sum(np.sin(2 * np.pi * freq * h * t) / h for h in (1, 2, 3, 4))
        return gain * x * np.exp(-4 * t) * np.minimum(1, t * 200) * np.minimum(1, (t[-1] - t) * 40)

    out = np.zeros(int((bars * 3 + 2) * beat * sr))
    for bar in range(bars):
        start = int(bar * 3 * beat * sr)
        bass = tone(36 + loop[bar % 4][0], 0.5 * beat, 0.5)
        out[start : start + len(bass)] += bass
        for k in (1, 2):
            at = start + int(k * beat * sr)
            for step in loop[bar % 4]:
                note = tone(60 + step, 0.3 * beat, 0.2)
                out[at : at + len(note)] += note
    return (0.5 * out / np.abs(out).max()).astype(np.float32)
