"""Audio for the transcription tests: parts rendered once per session through fluidsynth, and
tones synthesized here (no outside tool) for the rules that need an exact sound."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from engines.errors import ModelUnavailable
from tests.conftest import missing, require_tool

RATE_HZ = 22050


@pytest.fixture(scope="session", autouse=True)
def note_model() -> None:
    """Basic Pitch's ONNX note model, or skip (CI installs basic-pitch --no-deps: the Makefile)."""
    from engines.transcription.model import model_path

    try:
        model_path()
    except ModelUnavailable as exc:
        missing(str(exc))


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[np.ndarray, int, list]]:
    """One short part per kind on a tune instrument, rendered once: kind -> (audio, rate, truth rows)."""
    require_tool("fluidsynth")
    from tools.corpus.transcription_set import render_item

    out = tmp_path_factory.mktemp("transcription")
    parts = {
        "melody": ("melody", 73, 120, 3, "pop"),  # flute
        "bass": ("bass", 33, 110, 2, "rock"),  # finger bass
        "piano": ("piano", 0, 100, 1, "pop"),  # grand piano: chords with the melody over them
        "drums": ("drums", 0, 120, 1, "hip-hop"),  # standard kit: kick, snare, closed hats
    }
    made = {}
    for name, (kind, program, tempo, seed, genre) in parts.items():
        item = render_item(out, kind, program, tempo, seed, genre, "tune")
        audio, rate = sf.read(item.wav, dtype="float32")
        made[name] = (audio, rate, item.notes)
    return made


def tone(
    notes: list[tuple[int, float, float]],
    *,
    seconds: float,
    harmonics: tuple[float, ...] = (1.0, 0.5, 0.33, 0.25),
    vibrato_semitones: float = 0.0,
    attack_s: float = 0.01,
) -> np.ndarray:
    """A plucked-or-held harmonic tone per (midi pitch, start_s, end_s), mono at RATE_HZ."""
    y = np.zeros(int(seconds * RATE_HZ), dtype=np.float64)
    for pitch, start_s, end_s in notes:
        n = int((end_s - start_s) * RATE_HZ)
        t = np.arange(n) / RATE_HZ
        bend = vibrato_semitones * np.sin(2 * np.pi * 5.5 * t)
        phase = 2 * np.pi * np.cumsum(440.0 * 2 ** ((pitch - 69 + bend) / 12)) / RATE_HZ
        envelope = np.minimum(1.0, t / attack_s) * np.minimum(1.0, (n - np.arange(n)) / (0.01 * RATE_HZ))
        voice = sum(a * np.sin(k * phase) for k, a in enumerate(harmonics, start=1))
        first = int(start_s * RATE_HZ)
        y[first : first + n] += 0.25 * envelope * voice
    return y.astype(np.float32)
