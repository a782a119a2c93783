"""Golden output of every genre: a digest of all four parts over meters, modes, seeds and densities.

The digests were recorded before the generators were optimised for speed, so they also show
that faster code writes exactly the same notes. A deliberate musical change re-records them:
``.venv/bin/python -m tests.engines.generators.test_golden_digest`` prints the new table.
"""

from __future__ import annotations

import hashlib

import pytest

from engines.generators import PARTS, generate, generate_parts
from engines.music import Chord, MusicalContext, parse_key
from tests.engines.generators.helpers import GENRES

GOLDEN = {
    "pop": "ce42be45f805b83f",
    "rock": "cf7bb79c510740d7",
    "jazz": "b548b4ff501caf0b",
    "electronic": "762ce7a59875d581",
    "hip-hop": "246b7e5a11cce6e9",
    "classical": "d48b2e7e62eb45e5",
    "country": "e552a8e8642537b1",
    "blues": "2bce3d994541aa06",
    "reggae": "4eea6f21db91493a",
    "ambient": "1297df3ea95a7a3a",
}
METERS = ((4, 4), (3, 4), (6, 8), (5, 4), (7, 8))
KEYS = ("A minor", "D major", "F# dorian", "E minor blues", "C major pentatonic")
GIVEN = (Chord(0, 4, 0, "maj"), Chord(4, 2, 9, "min7"), Chord(6, 2, 7, "7/3"), Chord(8, 4, 5, "maj9"))


def digest(genre: str) -> str:
    """sha256 (first 16 hex digits) of every note the genre writes in the cases below."""
    h = hashlib.sha256()
    for i, (meter, key) in enumerate((m, k) for m in METERS for k in KEYS):
        ctx = MusicalContext(tempo_bpm=100, signature=meter, key=parse_key(key), genre=genre, bars=6)
        density, complexity = (0.2, 0.9) if i % 2 else (0.8, 0.3)
        parts = generate_parts(ctx, density=density, complexity=complexity, seed=i, crash_first=i % 3 == 0)
        for name, notes in parts.items():
            h.update(f"{name}{[n.as_tuple() for n in notes]}".encode())
    given = MusicalContext(key=parse_key("C major"), genre=genre, bars=4, chords=GIVEN)
    for part in PARTS:  # one part at a time: its own progression and kick
        h.update(repr([n.as_tuple() for n in generate(part, given, seed=3)]).encode())
    return h.hexdigest()[:16]


@pytest.mark.parametrize("genre", GENRES)
def test_golden_digest(genre: str) -> None:
    assert digest(genre) == GOLDEN[genre], f"{genre}: the notes changed (see the module docstring)"


if __name__ == "__main__":
    for g in GENRES:
        print(f'    "{g}": "{digest(g)}",')
