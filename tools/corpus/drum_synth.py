"""Drum kits synthesized here, each drawn from a seed: swept sines for kicks and toms, tone and noise
for snares, filtered noise and clangorous square waves for hats and cymbals, each with its own
decay. They are training material beside the soundfonts' kits, so that the classifier hears hats,
rides and snares whose spectra and lengths no sampled kit has (an open hat is choked by the next
closed or pedal hat, as General MIDI's exclusive class does). ``synth_808_kit`` swaps in a TR-808-style
kick and toms (long, pitched, decaying sines: low for the kick, higher for the toms)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engines.music import Note

RATE_HZ = 22050
CHOKES = {46: (42, 44)}  # an open hat stops at the next closed or pedal hat


def _envelope(seconds: float, decay_s: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE_HZ)) / RATE_HZ
    return np.exp(-t / decay_s) * np.minimum(1.0, t / 0.001)


def _band(noise: np.ndarray, low_hz: float, high_hz: float) -> np.ndarray:
    """Noise kept between ``low_hz`` and ``high_hz`` (soft edges, by FFT)."""
    spectrum = np.fft.rfft(noise)
    hz = np.fft.rfftfreq(len(noise), 1 / RATE_HZ)
    mask = 1 / (1 + (low_hz / np.maximum(hz, 1.0)) ** 4) / (1 + (hz / high_hz) ** 4)
    return np.fft.irfft(spectrum * mask, len(noise))


def _sweep(seconds: float, start_hz: float, end_hz: float, sweep_s: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE_HZ)) / RATE_HZ
    hz = end_hz + (start_hz - end_hz) * np.exp(-t / sweep_s)
    return np.sin(2 * np.pi * np.cumsum(hz) / RATE_HZ)


def _metal(seconds: float, base_hz: float, rng: np.random.Generator) -> np.ndarray:
    """Six square waves at inharmonic ratios (the analogue hat's and cymbal's source)."""
    t = np.arange(int(seconds * RATE_HZ)) / RATE_HZ
    ratios = np.array([1.0, 1.48, 1.72, 1.96, 2.64, 3.9]) * rng.uniform(0.9, 1.1, 6)
    return sum(np.sign(np.sin(2 * np.pi * base_hz * r * t + rng.uniform(0, 6.3))) for r in ratios) / 6


def synth_kit(seed: int) -> dict[int, np.ndarray]:
    """One kit: GM drum note -> its sound (mono, RATE_HZ), every parameter drawn from ``seed``."""
    rng = np.random.default_rng(seed)
    u = rng.uniform
    noise = rng.normal(0, 1, 3 * RATE_HZ)
    kick_hz = u(40, 65)
    kick = _sweep(0.8, kick_hz * u(3, 7), kick_hz, u(0.02, 0.06)) * _envelope(0.8, u(0.12, 0.45))
    kick[:60] += noise[:60] * u(0.1, 0.5)
    snare_tone = _sweep(0.5, u(180, 280), u(150, 220), 0.02) * _envelope(0.5, u(0.04, 0.1))
    snare_noise = _band(noise[: RATE_HZ // 2], u(800, 2500), u(7000, 11000)) * _envelope(0.5, u(0.08, 0.22))
    snare = u(0.3, 1.0) * snare_tone + snare_noise / (np.abs(snare_noise).max() + 1e-9)
    hat_source = _band(
        u(0, 1) * _metal(2.0, u(300, 600), rng) + u(0.3, 1) * noise[: 2 * RATE_HZ], u(5000, 8000), 11025
    )
    hat_source /= np.abs(hat_source).max() + 1e-9
    closed = hat_source[: RATE_HZ // 3] * _envelope(1 / 3, u(0.015, 0.06))
    ride_tone = sum(
        np.sin(2 * np.pi * u(400, 6000) * np.arange(3 * RATE_HZ) / RATE_HZ) * u(0.2, 1) for _ in range(12)
    )
    ride_wash = _band(noise, u(3000, 6000), 11025)
    ride = (0.1 * ride_tone + ride_wash / (np.abs(ride_wash).max() + 1e-9)) * _envelope(3.0, u(0.8, 2.0))
    crash = _band(noise, u(1500, 3500), 11025) * _envelope(3.0, u(0.9, 2.5))
    clap = sum(
        np.roll(_band(noise[: RATE_HZ // 3], 900, 3000) * _envelope(1 / 3, 0.01), int(k * 0.011 * RATE_HZ))
        for k in range(4)
    )
    stick = _sweep(0.15, u(500, 900), u(400, 700), 0.01) * _envelope(0.15, 0.02)
    sounds = {
        36: kick,
        35: kick,
        38: snare,
        40: snare,
        39: clap,
        37: stick,
        42: closed,
        44: closed * 0.6,
        46: hat_source * _envelope(2.0, u(0.2, 0.7)),
        51: ride * u(0.3, 0.6),
        59: ride * u(0.3, 0.6),
        49: crash * u(0.5, 0.9),
        57: crash * u(0.5, 0.9),
    }
    for k, pitch in enumerate((41, 43, 45, 47, 48, 50)):
        hz = u(70, 90) * 1.2**k
        sounds[pitch] = _sweep(0.6, hz * 1.6, hz, 0.03) * _envelope(0.6, u(0.15, 0.35))
    return {p: (s / (np.abs(s).max() + 1e-9)).astype(np.float32) for p, s in sounds.items()}


def kick_808(rng: np.random.Generator) -> np.ndarray:
    """A TR-808-style bass drum: a sine tuned low (42-62 Hz) whose pitch falls from 1.15-2.5 times that
    over 10-80 ms, ringing long (0.25-1.0 s to 1/e), a short click on top, now and then driven into
    soft clipping (odd harmonics, as sampled 808 kicks often carry)."""
    u = rng.uniform
    hz = u(42, 62)
    tone = _sweep(2.0, hz * u(1.15, 2.5), hz, u(0.01, 0.08)) * _envelope(2.0, u(0.25, 1.0))
    drive = u(1.0, 3.0)
    click = np.zeros_like(tone)
    click[:40] = rng.normal(0, 1, 40) * np.exp(-np.arange(40) / 10) * u(0.05, 0.4)
    return np.asarray(np.tanh(drive * tone) / np.tanh(drive) + click)


def synth_808_kit(seed: int) -> dict[int, np.ndarray]:
    """``synth_kit(seed)`` with an 808-style kick (``kick_808``) and 808-style toms beside it: sines
    from 85-110 Hz up in steps of 1.25, each falling a little and ringing 0.1-0.5 s, so that a long,
    pitched, decaying sine is a kick when low and a tom when higher (drawn from ``seed`` apart from
    the rest of the kit, which is synth_kit's own)."""
    kit = dict(synth_kit(seed))
    rng = np.random.default_rng(10_000 + seed)
    kit[35] = kit[36] = kick_808(rng)
    low_hz = rng.uniform(85, 110)
    for k, pitch in enumerate((41, 43, 45, 47, 48, 50)):
        hz = low_hz * 1.25**k
        u = rng.uniform
        kit[pitch] = _sweep(1.5, hz * u(1.1, 1.6), hz, u(0.01, 0.05)) * _envelope(1.5, u(0.1, 0.5))
    return {p: (s / (np.abs(s).max() + 1e-9)).astype(np.float32) for p, s in kit.items()}


def play(kit: dict[int, np.ndarray], notes: list[Note], tempo_bpm: float) -> np.ndarray:
    """The notes on the kit, mixed (notes the kit has no sound for are silent), 1 s after the last faded out."""
    out = mix(
        lambda n: kit[n.pitch] * (n.velocity / 127) ** 1.5 if n.pitch in kit else None, notes, tempo_bpm
    )
    return 0.25 * out / max(1.0, float(np.abs(out).max()) * 0.25 / 0.9)


def mix(sound_of: Callable[[Note], np.ndarray | None], notes: list[Note], tempo_bpm: float) -> np.ndarray:
    """Each note's sound (``sound_of``: None for silence) placed at its start and added, an open hat
    choked by the next closed or pedal hat, 1 s after the last start, the end faded (no click)."""
    s_per_beat = 60.0 / tempo_bpm
    end_s = max((n.start_beats for n in notes), default=0.0) * s_per_beat + 1.0
    out = np.zeros(int(end_s * RATE_HZ), dtype=np.float32)
    starts = sorted((round(n.start_beats * s_per_beat * RATE_HZ), n.pitch) for n in notes)
    for n in notes:
        sound = sound_of(n)
        if sound is None:
            continue
        first = round(n.start_beats * s_per_beat * RATE_HZ)
        sound = sound[: len(out) - first]
        chokers = [at for at, p in starts if p in CHOKES.get(n.pitch, ()) and at > first]
        if chokers:
            cut = min(chokers) - first
            sound = sound.copy()
            fade = sound[cut:]
            sound[cut:] = fade * np.exp(-np.arange(len(fade)) / (0.01 * RATE_HZ))
        out[first : first + len(sound)] += sound
    out[-RATE_HZ // 10 :] *= np.linspace(1.0, 0.0, RATE_HZ // 10)  # no click where the rings are cut
    return out
