"""Note ends placed on the audio: a note stops where its own pitch's energy falls away.

The note map fades slowly through a release and the room's reverb, so a short stab reads as a
long note. Here each pitch's energy (its fundamental and second harmonic, per model frame) is
measured on the audio; a note ends at the first frame, after its loudest, where that energy starts
falling ``FALL_DB`` within ``FALL_FRAMES`` (a release, not a decay), if that comes before the end the map gave.

Several notes at once (``releases``): the map's end is no guide there (a chord's notes hold each
other's maps up, and a stab's map outlasts it by its release), so each note ends where its pitch's
energy, after its loudest, first starts a steady fall (``RELEASE_DB`` within ``RELEASE_FRAMES``, still
falling after twice that), looked for up to the next note of the same pitch; the map's end stands
where no such fall comes. A note released within ``SHORTEST_FRAMES`` is dropped (a flicker of a
release tail or of reverb, read as a new onset).
"""

from __future__ import annotations

import dataclasses
import functools

import numpy as np

from engines.transcription.audio import power_spectrogram
from engines.transcription.model import HOP, LOWEST_MIDI, MODEL_RATE_HZ
from engines.transcription.tracks import Track

FFT = 4096
FALL_DB = 9.0  # a release: the pitch's energy falling this much ...
FALL_FRAMES = 3  # ... within this many frames (35 ms; a piano's own decay is far slower)
LOUDEST_WITHIN = 8  # frames after the start searched for the note's loudest frame
RELEASE_DB = 3.0  # several notes: a release is the pitch's energy falling this much ...
RELEASE_FRAMES = 4  # ... within this many frames (46 ms), ...
RELEASE_GOES_ON = 1.5  # ... and this many times as much within twice as many (a dip recovers)
SHORTEST_FRAMES = 4  # a note released sooner than this (46 ms) is a flicker of a release tail: dropped
FADE_DB = 9.0  # one note at a time: a note ends where its level falls this far under its held level ...
HELD_PERCENTILE = 75  # ... (this percentile of its frames: a consonant's burst at the start is no peak)


@functools.cache
def _pitch_bins(harmonics: tuple[int, ...]) -> np.ndarray:
    """(88, FFT//2+1) weights: a quarter-tone band around each of a key's ``harmonics``."""
    freqs = np.fft.rfftfreq(FFT, 1 / MODEL_RATE_HZ)
    weights = np.zeros((88, len(freqs)), dtype=np.float32)
    for key in range(88):
        f0 = 440.0 * 2 ** ((key + LOWEST_MIDI - 69) / 12)
        for harmonic in harmonics:
            centre = f0 * harmonic
            band = (freqs >= centre * 2 ** (-1 / 24)) & (freqs <= centre * 2 ** (1 / 24))
            if not band.any():
                band = np.abs(freqs - centre) == np.abs(freqs - centre).min()
            weights[key, band] = 1.0
    return weights


def pitch_energy_db(y: np.ndarray, n_frames: int) -> np.ndarray:
    """(frames, 88) energy in dB of each key's band, on the model's frame grid."""
    return _bands_db(power_spectrogram(y, FFT, HOP)[:, :n_frames], n_frames, (1, 2))


def pitch_and_fundamental_db(y: np.ndarray, n_frames: int) -> tuple[np.ndarray, np.ndarray]:
    """``pitch_energy_db`` and the same on each key's fundamental band alone, from one spectrogram."""
    power = power_spectrogram(y, FFT, HOP)[:, :n_frames]
    return _bands_db(power, n_frames, (1, 2)), _bands_db(power, n_frames, (1,))


def _bands_db(power: np.ndarray, n_frames: int, harmonics: tuple[int, ...]) -> np.ndarray:
    energy = _pitch_bins(harmonics) @ power
    out = np.full((n_frames, 88), -120.0, dtype=np.float32)
    out[: energy.shape[1]] = (10 * np.log10(energy + 1e-12)).T
    return out


def trim(tracks: list[Track], energy_db: np.ndarray) -> list[Track]:
    """Tracks whose ends moved earlier to where their pitch's energy fell fast after its loudest."""
    trimmed = []
    for track in tracks:
        col = track.pitch - LOWEST_MIDI
        line = energy_db[track.start : track.end, col]
        if len(line) < 2:
            trimmed.append(track)
            continue
        loudest = int(np.argmax(line[:LOUDEST_WITHIN]))
        tail = line[loudest:]
        fast = np.flatnonzero(tail[FALL_FRAMES:] < tail[:-FALL_FRAMES] - FALL_DB)
        if len(fast):
            end = track.start + loudest + int(fast[0]) + 1
            trimmed.append(dataclasses.replace(track, end=max(end, track.start + 2)))
        else:
            trimmed.append(track)
    return trimmed


def faded(tracks: list[Track], levels_db: np.ndarray) -> list[Track]:
    """One-note-at-a-time tracks ended at their last frame whose level (the clip's, dB per frame) is
    within ``FADE_DB`` of the note's held level: a voice patch's long release or a room's tail
    after the note is not part of it, and a vibrato's or beating's dip inside the note is no end."""
    ended = []
    for track in tracks:
        line = levels_db[track.start : track.end]
        if len(line) < 2 * SHORTEST_FRAMES:
            ended.append(track)
            continue
        above = np.flatnonzero(line >= np.percentile(line, HELD_PERCENTILE) - FADE_DB)
        end = track.start + int(above[-1]) + 1
        ended.append(dataclasses.replace(track, end=max(end, track.start + SHORTEST_FRAMES)))
    return ended


def releases(tracks: list[Track], energy_db: np.ndarray, fundamental_db: np.ndarray) -> list[Track]:
    """Tracks of a polyphonic part ended at their release: the first steady fall of their pitch's
    energy after its loudest, before the next note of the same pitch (the map's end where none).
    Where a note an octave above starts while the note sounds (its fundamental on this one's second
    harmonic), the fall is looked for on the note's fundamental alone (``fundamental_db``)."""
    starts: dict[int, list[int]] = {}
    for track in tracks:
        starts.setdefault(track.pitch, []).append(track.start)
    ended = []
    for track in tracks:
        later = [s for s in starts[track.pitch] if s > track.start]
        stop = min(later, default=len(energy_db))
        masked = any(track.start < s < stop for s in starts.get(track.pitch + 12, []))
        line = (fundamental_db if masked else energy_db)[track.start : stop, track.pitch - LOWEST_MIDI]
        fall = _release_at(line)
        end = track.end if fall is None else track.start + fall
        if end - track.start >= SHORTEST_FRAMES:
            ended.append(dataclasses.replace(track, end=end))
    return ended


def _release_at(line: np.ndarray) -> int | None:
    """The frame (from the note's start) where ``line`` (dB) starts its first steady fall after its
    loudest frame near the start, or None."""
    k = RELEASE_FRAMES
    if len(line) < k + 2:
        return None
    loudest = int(np.argmax(line[:LOUDEST_WITHIN]))
    tail = line[loudest:]
    near = tail[:-k] - tail[k:] >= RELEASE_DB
    far = np.full(len(near), np.inf)
    if len(tail) > 2 * k:
        far[: len(tail) - 2 * k] = tail[: -2 * k] - tail[2 * k :]
    hits = np.flatnonzero(near & (far >= RELEASE_GOES_ON * RELEASE_DB))
    return loudest + int(hits[0]) if len(hits) else None
