"""The engine's own peak picker agrees with scipy's find_peaks (which it replaces to start faster)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import find_peaks

from engines.transcription.onsets import peak_frames


@pytest.mark.parametrize("seed", range(5))
def test_peak_frames_match_find_peaks(seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.random(400)
    floors = rng.random(400) * 0.8
    for options in ({}, {"distance": 3}, {"height": 0.5, "distance": 4}, {"height": floors, "distance": 8}):
        assert peak_frames(x, **options).tolist() == find_peaks(x, **options)[0].tolist()  # type: ignore[arg-type]
