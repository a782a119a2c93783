"""A clip's own tuning: how far (in cents) its pitches sit off the A440 equal-tempered grid.

A singer's whole take is often 20-40 cents flat or sharp; read on the A440 grid, its notes sit
between two keys and a vibrato swings them from one to the other. ``offset_cents`` measures the
take's offset from the spectral peaks of its fundamentals (and their octaves, which share the
offset exactly), a circular mean weighted by level so vibrato and scoops average out;
``retuned`` moves the audio by the opposite amount (by resampling, so times scale by ``factor``)
before the note model reads it. A line a semitone lower sung sharp sounds the same as the line sung
flat, so an offset near +-50 is ambiguous: given the song's key, ``in_key`` keeps the reading whose
notes fit the key better; with no key, ``by_note_map`` keeps the one the note model hears more of
(FluidR3's Choir Aahs sounds 12-34 cents flat on its keys 49-65, so a line bent 30 cents flat sounds
50 off).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engines.transcription.model import HOP as MAP_HOP
from engines.transcription.model import MODEL_RATE_HZ

N_FFT = 2048
HOP = 512
LOW_HZ, HIGH_HZ = 60.0, 1300.0  # where a fundamental is looked for
PEAK_DB = 20.0  # the fundamental: the lowest peak within this of the frame's strongest
FRAME_DB = 35.0  # frames this far below the clip's loudest are not read
OCTAVE_TOLERANCE = 0.03  # a peak within 3 % of twice or four times the fundamental is its octave
SMOOTH_FRAMES = 9  # about 210 ms: a 5-7 Hz vibrato averages out
JUMP_CENTS = 150.0  # a frame-to-frame move this large is a new note, not vibrato
MIN_CENTS = 15.0  # an offset smaller than this is left alone (tune: rendered instruments read -13..+6)
AMBIGUOUS_CENTS = 35.0  # an offset this near +-50 may be the line a semitone away: the key decides
KEY_MARGIN = 0.1  # the other reading wins when this much more of the heard level falls in the key
VOTE_S = 8.0  # with no key, the note model reads this much of the clip (where most is held) to decide
VOTE_MARGIN = 0.1  # the other reading wins when the note map is this much stronger on its keys (0..1)


def offset_cents(
    y: np.ndarray,
    key_pitch_classes: frozenset[int] | None = None,
    note_map: Callable[[np.ndarray], np.ndarray] | None = None,
) -> float:
    """The clip's tuning off A440 in cents, -50..50 (0.0 when nothing pitched is found); an estimate
    near +-50 may become the other reading (-100..100): with the song's key, the one that fits it
    (``in_key``); with no key but a ``note_map`` (audio -> the model's (frames, 88) note map), the one
    the model hears (``by_note_map``)."""
    held, level = held_pitches(y)
    keep = ~np.isnan(held)
    if not keep.any():
        return 0.0
    angles = 2 * np.pi * held[keep] / 100.0
    mean = np.angle(np.sum(level[keep] * np.exp(1j * angles)))
    estimate = float(mean / (2 * np.pi) * 100.0)
    if key_pitch_classes is not None:
        return in_key(estimate, held[keep], level[keep], key_pitch_classes)
    if note_map is not None:
        return by_note_map(estimate, y, held, level, note_map)
    return estimate


def by_note_map(
    estimate_cents: float,
    y: np.ndarray,
    held_cents: np.ndarray,
    level: np.ndarray,
    note_map: Callable[[np.ndarray], np.ndarray],
) -> float:
    """``estimate_cents``, or where it lies within AMBIGUOUS_CENTS..50 of zero, the reading a semitone
    the other way when the note model, run on the clip as it is (VOTE_S of it, where the held level
    is greatest), gives the keys read so VOTE_MARGIN more of its note map (level-weighted, 0..1)."""
    if abs(estimate_cents) < AMBIGUOUS_CENTS:
        return estimate_cents
    span = min(len(held_cents), int(VOTE_S * MODEL_RATE_HZ / HOP))
    weight = np.where(np.isnan(held_cents), 0.0, level)
    sums = np.concatenate(([0.0], np.cumsum(weight)))
    first = int(np.argmax(sums[span:] - sums[: len(sums) - span]))
    frames = slice(first, first + span)
    note = note_map(y[first * HOP : (first + span - 1) * HOP + N_FFT])
    other = estimate_cents - float(np.copysign(100.0, estimate_cents))
    share = [_map_share(note, held_cents[frames], weight[frames], off) for off in (estimate_cents, other)]
    return other if share[1] >= share[0] + VOTE_MARGIN else estimate_cents


def _map_share(note: np.ndarray, held_cents: np.ndarray, weight: np.ndarray, offset_cents: float) -> float:
    """The note map's mean (weighted by ``weight``) at each held frame's key, read ``offset_cents`` off
    A440; held frames (hop HOP from the clip's start) are placed on the map's frames by time."""
    rows = np.minimum((np.arange(len(held_cents)) * HOP + N_FFT // 2) // MAP_HOP, len(note) - 1)
    keys = 69 + np.round(np.nan_to_num(held_cents - offset_cents) / 100.0).astype(int) - 21
    read = (weight > 0) & (keys >= 0) & (keys < note.shape[1])
    total = float(weight[read].sum())
    return float(np.sum(weight[read] * note[rows[read], keys[read]])) / total if total > 0 else 0.0


def in_key(
    estimate_cents: float, held_cents: np.ndarray, level: np.ndarray, key_pitch_classes: frozenset[int]
) -> float:
    """The tuning offset to read the clip on: ``estimate_cents`` (-50..50), or where it lies within
    AMBIGUOUS_CENTS..50 of zero, the same offset a semitone the other way when the heard pitches
    (``held_cents`` from A440, weighted by ``level``) fall KEY_MARGIN more in the key read so."""
    if abs(estimate_cents) < AMBIGUOUS_CENTS or not len(held_cents):
        return estimate_cents
    other = estimate_cents - float(np.copysign(100.0, estimate_cents))
    if key_share(held_cents, level, other, key_pitch_classes) >= (
        key_share(held_cents, level, estimate_cents, key_pitch_classes) + KEY_MARGIN
    ):
        return other
    return estimate_cents


def key_share(
    held_cents: np.ndarray, level: np.ndarray, offset_cents: float, key_pitch_classes: frozenset[int]
) -> float:
    """The share of the heard level whose pitch, read ``offset_cents`` off A440, is in the key (0..1)."""
    classes = (69 + np.round((held_cents - offset_cents) / 100.0).astype(int)) % 12
    inside = np.isin(classes, sorted(key_pitch_classes))
    total = float(level.sum())
    return float(level[inside].sum()) / total if total > 0 else 0.0


def held_pitches(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per frame, the held fundamental in cents from A440 (NaN where none) and its level (linear)."""
    if len(y) < N_FFT:
        return np.full(0, np.nan), np.zeros(0)
    frames = np.lib.stride_tricks.sliding_window_view(y, N_FFT)[::HOP] * np.hanning(N_FFT)
    mags_db = 20 * np.log10(np.maximum(np.abs(np.fft.rfft(frames, axis=1)), 1e-9))
    loud = mags_db.max(axis=1)
    pitch = np.full(len(frames), np.nan)  # each frame's fundamental in cents from A440
    level = np.zeros(len(frames))
    read = np.flatnonzero(loud >= loud.max() - FRAME_DB)
    for i, peaks in zip(read, _peaks(mags_db[read], loud[read] - PEAK_DB), strict=True):
        if not peaks:
            continue
        f0 = peaks[0][0]
        octaves = [
            (hz / m, 10 ** (db / 20))
            for hz, db in peaks
            for m in (1.0, 2.0, 4.0)
            if abs(hz / f0 - m) / m <= OCTAVE_TOLERANCE
        ]
        hz = np.array([o[0] for o in octaves])
        w = np.array([o[1] for o in octaves])
        pitch[i] = float(np.average(1200.0 * np.log2(hz / 440.0), weights=w))
        level[i] = float(w.sum())
    return _held_means(pitch), level


def _held_means(pitch: np.ndarray) -> np.ndarray:
    """Each frame's pitch averaged over the SMOOTH_FRAMES around it (about a vibrato cycle or more),
    where all of them belong to one held note (no jump over JUMP_CENTS); NaN elsewhere."""
    out = np.full(len(pitch), np.nan)
    half = SMOOTH_FRAMES // 2
    if len(pitch) < SMOOTH_FRAMES:
        return out
    windows = np.lib.stride_tricks.sliding_window_view(pitch, SMOOTH_FRAMES)
    with np.errstate(invalid="ignore"):  # a NaN's window is dropped by the first test
        held = ~np.isnan(windows).any(axis=1) & ~(np.abs(np.diff(windows, axis=1)).max(axis=1) > JUMP_CENTS)
    out[half : len(pitch) - half] = np.where(held, windows.mean(axis=1), np.nan)
    return out


def _peaks(rows_db: np.ndarray, floors_db: np.ndarray) -> list[list[tuple[float, float]]]:
    """Per row (a frame's spectrum in dB): (Hz, dB) of its local maxima above its floor, lowest
    first, placed between bins by a parabola; the first is the fundamental (it must lie in
    LOW_HZ..HIGH_HZ, else the row has none)."""
    bin_hz = MODEL_RATE_HZ / N_FFT
    lo, hi = int(LOW_HZ / bin_hz), min(rows_db.shape[1] - 2, int(4.1 * HIGH_HZ / bin_hz))
    mid = rows_db[:, lo:hi]
    is_peak = (mid > rows_db[:, lo - 1 : hi - 1]) & (mid >= rows_db[:, lo + 1 : hi + 1])
    row, col = np.nonzero(is_peak & (mid > floors_db[:, None]))
    col += lo
    a, b, c = rows_db[row, col - 1], rows_db[row, col], rows_db[row, col + 1]
    bend = a - 2 * b + c
    shift = np.zeros(len(col))
    np.divide(0.5 * (a - c), bend, out=shift, where=bend < 0)
    hz = ((col + shift) * bin_hz).tolist()
    db = (b - 0.25 * (a - c) * shift).tolist()
    found: list[list[tuple[float, float]]] = [[] for _ in range(len(rows_db))]
    for r, h, d in zip(row.tolist(), hz, db, strict=True):
        found[r].append((h, d))
    return [peaks if peaks and peaks[0][0] <= HIGH_HZ else [] for peaks in found]


def factor(cents: float) -> float:
    """How much a retuned clip's times must be multiplied by to be the original's."""
    return float(2 ** (-cents / 1200.0))


def retuned(y: np.ndarray, cents: float) -> np.ndarray:
    """The clip moved by ``-cents`` (onto the A440 grid), ``factor(cents)`` times shorter."""
    import soxr

    return np.asarray(soxr.resample(y, MODEL_RATE_HZ * factor(cents), MODEL_RATE_HZ), dtype=np.float32)
