"""A small synthetic singer for the sung transcription set: seeded numpy, no samples.

A glottal-like source (harmonics falling about 12 dB an octave, a little jitter) shaped by vowel
formants (a five-formant envelope applied to each harmonic's amplitude), sung along a pitch curve
with what a real voice does and a GM trumpet does not: vibrato (5-7 Hz, 30-100 cents, growing in
after the attack), scoops into notes from below (50-150 ms), a whole take off the equal-tempered
grid (``drift_cents``), breath noise, consonant bursts at syllable starts, legato notes of one pitch
re-articulated only by a dip in level, and long notes held with a slow crescendo.
The notes' written pitches and times are the truth; the pitch curve wanders around them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RATE_HZ = 22050
CONTROL = 64  # samples per control frame (envelopes, formants)
# formant centre frequencies (Hz) and bandwidths (Hz) of five vowels, roughly an adult's
VOWELS = {
    "a": ((800, 1150, 2900, 3900, 4950), (80, 90, 120, 130, 140)),
    "e": ((400, 1600, 2700, 3300, 4950), (60, 80, 120, 150, 200)),
    "i": ((270, 2140, 2950, 3900, 4950), (60, 90, 100, 120, 120)),
    "o": ((450, 800, 2830, 3800, 4950), (70, 80, 100, 130, 135)),
    "u": ((325, 700, 2530, 3500, 4950), (50, 60, 170, 180, 200)),
    # open-mid and lax vowels (IPA ɛ, ɔ, ʊ), sung only by the fresh3 half
    "E": ((550, 1770, 2490, 3500, 4950), (70, 90, 120, 140, 160)),
    "O": ((570, 840, 2410, 3400, 4950), (70, 80, 110, 130, 140)),
    "U": ((440, 1020, 2240, 3400, 4950), (60, 80, 150, 170, 190)),
    # lax front, front rounded and mid central vowels (IPA ɪ, y, ə), sung only by the fresh4 half
    "I": ((390, 1990, 2550, 3500, 4950), (60, 90, 110, 140, 160)),
    "y": ((250, 1750, 2160, 3300, 4950), (60, 90, 110, 140, 160)),
    "@": ((500, 1500, 2500, 3500, 4950), (70, 90, 120, 140, 160)),
    # near-open front, open-mid back unrounded and close-mid front rounded vowels (IPA æ, ʌ, ø), sung
    # only by the fresh5 half
    "{": ((660, 1720, 2410, 3500, 4950), (80, 90, 120, 140, 160)),
    "V": ((640, 1190, 2390, 3400, 4950), (80, 90, 120, 140, 160)),
    "2": ((370, 1600, 2300, 3300, 4950), (60, 90, 110, 140, 160)),
}
FORMANT_GAINS_DB = (0.0, -6.0, -18.0, -24.0, -30.0)


@dataclass(frozen=True)
class Sung:
    """One written note as sung: pitch, start and end (s), and whether it is joined to the one before."""

    pitch: int
    start_s: float
    end_s: float
    legato: bool


def sing(notes: list[Sung], seed: int, *, drift_cents: float, vowels: str = "aeiou") -> np.ndarray:
    """A mono float32 take at RATE_HZ of ``notes`` (with half a second of room after the last)."""
    rng = np.random.default_rng(seed)
    total = int((notes[-1].end_s + 0.5) * RATE_HZ)
    n_ctl = total // CONTROL + 2
    t_ctl = np.arange(n_ctl) * CONTROL / RATE_HZ
    cents = np.full(n_ctl, np.nan)
    level = np.zeros(n_ctl)
    vowel_of = np.zeros(n_ctl, dtype=np.int32)
    bursts: list[float] = []
    vib_rate_hz = rng.uniform(5.0, 7.0)
    vib_depth = rng.uniform(30.0, 100.0)
    for i, note in enumerate(notes):
        inside = (t_ctl >= note.start_s) & (t_ctl < note.end_s)
        age = t_ctl[inside] - note.start_s
        length = note.end_s - note.start_s
        prev = notes[i - 1] if i and notes[i - 1].end_s >= note.start_s - 1e-6 else None
        # scoop: from below (or from the note before when legato), settling in 50-150 ms
        scoop_s = rng.uniform(0.05, 0.15)
        if prev is not None and note.legato and prev.pitch != note.pitch:
            from_cents = 100.0 * (prev.pitch - note.pitch)
        else:
            from_cents = -rng.uniform(60.0, 200.0) if rng.random() < 0.7 else 0.0
        glide = from_cents * np.exp(-age / (scoop_s / 3.0))
        grow = np.clip((age - 0.15) / 0.3, 0.0, 1.0)
        vibrato = vib_depth * grow * np.sin(2 * np.pi * vib_rate_hz * age + rng.uniform(0, 2 * np.pi))
        cents[inside] = 100.0 * note.pitch + drift_cents + glide + vibrato
        attack_s = rng.uniform(0.02, 0.06)
        env = np.clip(age / attack_s, 0.0, 1.0)
        if length > 1.0 and rng.random() < 0.6:  # a slow crescendo through a long note
            env = env * (0.45 + 0.55 * np.clip(age / length, 0.0, 1.0))
        env = env * np.clip((note.end_s - t_ctl[inside]) / 0.04, 0.0, 1.0)
        if prev is not None and prev.pitch == note.pitch:  # re-articulated only by a dip in level
            env = env * (1.0 - 0.8 * np.exp(-age / 0.04))
            env = np.maximum(env, 0.2)
        elif rng.random() < 0.6:
            bursts.append(note.start_s)
        level[inside] = rng.uniform(0.6, 1.0) * env
        vowel_of[inside] = rng.integers(len(vowels))
    voiced = ~np.isnan(cents)
    cents = np.interp(t_ctl, t_ctl[voiced], cents[voiced])
    for rate_hz in (0.13, 0.31):  # a slow wander around the take's tuning (up to ~16 cents)
        cents += 8.0 * np.sin(2 * np.pi * rate_hz * t_ctl + rng.uniform(0, 2 * np.pi))
    level = np.convolve(level, np.ones(4) / 4, mode="same")
    t = np.arange(total) / RATE_HZ
    hz = 440.0 * 2 ** ((np.interp(t, t_ctl, cents) - 6900.0) / 1200.0)
    hz *= 1.0 + rng.normal(0.0, 0.002, total)  # jitter
    phase = 2 * np.pi * np.cumsum(hz) / RATE_HZ
    amp = np.interp(t, t_ctl, level)
    voice = _harmonics(phase, hz, t_ctl, t, vowel_of, vowels)
    y = amp * voice
    y += _breath(rng, amp, bursts, total)
    return (0.3 * y / max(1e-9, float(np.abs(y).max()))).astype(np.float32)


def _harmonics(
    phase: np.ndarray, hz: np.ndarray, t_ctl: np.ndarray, t: np.ndarray, vowel_of: np.ndarray, vowels: str
) -> np.ndarray:
    """The source through the vowel's formants: each harmonic weighted by the envelope at its frequency."""
    freqs = np.array([VOWELS[v][0] for v in vowels], dtype=float)
    widths = np.array([VOWELS[v][1] for v in vowels], dtype=float)
    kernel = np.ones(12) / 12  # vowels glide over ~35 ms
    centre = np.stack([np.convolve(freqs[vowel_of, j], kernel, mode="same") for j in range(5)], axis=1)
    width = np.stack([np.convolve(widths[vowel_of, j], kernel, mode="same") for j in range(5)], axis=1)
    gains = 10 ** (np.array(FORMANT_GAINS_DB) / 20)
    hz_ctl = np.interp(t_ctl, t, hz)
    out = np.zeros_like(phase)
    for k in range(1, int(RATE_HZ / 2 / hz.min())):
        fk = k * hz_ctl
        envelope = (gains / (1.0 + ((fk[:, None] - centre) / (width / 2)) ** 2)).sum(axis=1)
        weight = envelope * (0.5 + 0.5 / k) / k * (fk < RATE_HZ / 2 - 500)
        if weight.max() < 1e-4:
            continue
        out += np.interp(t, t_ctl, weight) * np.sin(k * phase)
    return out


def _breath(rng: np.random.Generator, amp: np.ndarray, bursts: list[float], total: int) -> np.ndarray:
    """High breath noise under the voice, and short consonant bursts at some syllable starts."""
    noise = rng.normal(0.0, 1.0, total)
    spectrum = np.fft.rfft(noise)
    freqs = np.fft.rfftfreq(total, 1 / RATE_HZ)
    spectrum *= (freqs > 1500) * (freqs < 9000)
    hiss = np.fft.irfft(spectrum, total)
    hiss /= max(1e-9, float(hiss.std()))
    out = 0.03 * (0.3 + amp) * hiss
    for start_s in bursts:
        a = int(max(0.0, start_s - 0.03) * RATE_HZ)
        b = min(total, a + int(0.04 * RATE_HZ))
        out[a:b] += 0.25 * hiss[a:b] * np.hanning(b - a)
    return out
