"""Small shared helpers for the generator tests."""

from __future__ import annotations

from engines.music import MusicalContext, parse_key
from tools.device_patch import GENRES as DEVICE_GENRES


def ctx(
    genre: str = "pop", key: str = "C major", bars: int = 8, signature: tuple[int, int] = (4, 4)
) -> MusicalContext:
    return MusicalContext(tempo_bpm=110, signature=signature, key=parse_key(key), genre=genre, bars=bars)


GENRES = DEVICE_GENRES  # the ten genres, in the device menu's order (one list)
