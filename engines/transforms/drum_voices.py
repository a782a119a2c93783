"""Drum voices by name on the General MIDI drum map, and keeping or removing them.

``hats`` covers closed (42), pedal (44) and open (46) hats; each of those also has its own
name. Pitches not on the map count as percussion.
"""

from __future__ import annotations

from collections.abc import Sequence

from engines.errors import InvalidValue
from engines.music import Note

VOICES: dict[str, frozenset[int]] = {
    "kick": frozenset({35, 36}),
    "snare": frozenset({37, 38, 40}),
    "clap": frozenset({39}),
    "closed": frozenset({42}),
    "pedal": frozenset({44}),
    "open": frozenset({46}),
    "hats": frozenset({42, 44, 46}),
    "ride": frozenset({51, 53, 59}),
    "toms": frozenset({41, 43, 45, 47, 48, 50}),
    "cymbals": frozenset({49, 52, 55, 57}),
    "percussion": frozenset({39, 54, 56, 58, *range(60, 82)}),
}
_MAPPED = frozenset().union(*(v for k, v in VOICES.items() if k != "percussion"))
ALIASES = {"hat": "hats", "hihat": "hats", "hi-hats": "hats", "hihats": "hats", "kicks": "kick",
           "snares": "snare", "claps": "clap", "tom": "toms", "cymbal": "cymbals", "crash": "cymbals",
           "perc": "percussion", "rides": "ride"}  # fmt: skip


def pitches_of(voices: Sequence[str]) -> frozenset[int]:
    """Every GM pitch the named voices play; raises InvalidValue for an unknown name."""
    if not voices:
        raise InvalidValue(f"no drum voices named: expected some of {', '.join(VOICES)}")
    out: set[int] = set()
    for name in voices:
        key = ALIASES.get(name, name)
        if key not in VOICES:
            raise InvalidValue(f"drum voice {name!r} is not known: expected some of {', '.join(VOICES)}")
        out |= VOICES[key]
        if key == "percussion":  # and anything off the map
            out |= set(range(128)) - _MAPPED
    return frozenset(out)


GHOST = "ghost_notes"  # quiet snare hits: a voice by velocity, not by pitch
GHOST_MAX_VELOCITY = 60


def _is(n: Note, pitches: frozenset[int], ghosts: bool) -> bool:
    ghost = n.pitch in VOICES["snare"] and n.velocity <= GHOST_MAX_VELOCITY
    return n.pitch in pitches or (ghosts and ghost)


def _split(voices: Sequence[str]) -> tuple[frozenset[int], bool]:
    names = [v for v in voices if v not in (GHOST, "ghost", "ghosts")]
    return (pitches_of(names) if names else frozenset()), len(names) < len(voices)


def drums_keep(notes: Sequence[Note], voices: Sequence[str]) -> list[Note]:
    """Only the notes of the named voices (``ghost_notes``: the quiet snare hits)."""
    keep, ghosts = _split(voices)
    return [n for n in notes if _is(n, keep, ghosts)]


def drums_remove(notes: Sequence[Note], voices: Sequence[str]) -> list[Note]:
    """Every note except those of the named voices (``ghost_notes``: the quiet snare hits)."""
    drop, ghosts = _split(voices)
    return [n for n in notes if not _is(n, drop, ghosts)]
