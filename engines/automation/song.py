"""The automation a genre asks of its songs, read from its preset and placed on its sections.

A genre preset may carry ``automation``, a list of moves, each
``{part, device, parameter, shape, in | into, range}``:

- ``part``: whose clips carry it (drums, bass, chords, melody);
- ``device``/``parameter``: as ``/roo/automate`` names them ("mixer" and "volume", "pan", "send A";
  or a device's name or class and its parameter);
- ``shape``: one of ``SHAPES``; ``rate`` (beats) for steps and lfo;
- ``in: chorus``: on each chorus's clip; ``into: chorus``: on the clip of the section before each
  chorus (a filter rise into the chorus);
- ``range: [from, to]``: fractions 0..1 of the parameter's own range (a fall's from is the higher).

``song_moves(genre, sections)`` gives (section index, move) in section order. Pure but for the
preset file the genre names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from engines.automation.shapes import SHAPES
from engines.errors import InvalidValue
from engines.genre_names import genre_name
from engines.preset_files import presets_dir

PARTS = ("drums", "bass", "chords", "melody")
SECTIONS = ("intro", "verse", "chorus", "bridge", "outro")


@dataclass(frozen=True, slots=True)
class Move:
    part: str
    device: str
    parameter: str
    shape: str
    section: str  # the section named by ``in`` or ``into``
    into: bool  # True: on the section before each ``section``
    levels: tuple[float, float]  # from, to: fractions of the parameter's range
    rate_beats: float | None = None

    def values(self, low: float, high: float, *, quantized: bool = False) -> tuple[float, float]:
        """``levels`` in the parameter's own units (whole numbers when it is quantized)."""
        out = [low + (high - low) * f for f in self.levels]
        return (round(out[0]), round(out[1])) if quantized else (out[0], out[1])

    @property
    def said(self) -> str:
        where = f"into each {self.section}" if self.into else f"in each {self.section}"
        return f"{self.part} {self.device} {self.parameter!r} {self.shape} {where}"


def _move(where: str, i: int, raw: Any) -> Move:
    at = f"{where}: automation[{i}]"
    if not isinstance(raw, dict):
        raise InvalidValue(f"{at} is {raw!r}: expected a mapping {{part, device, parameter, shape, in|into}}")
    part, shape = raw.get("part"), raw.get("shape")
    if part not in PARTS:
        raise InvalidValue(f"{at}: part {part!r}: expected one of {', '.join(PARTS)}")
    if shape not in SHAPES:
        raise InvalidValue(f"{at}: shape {shape!r}: expected one of {', '.join(SHAPES)}")
    for name in ("device", "parameter"):
        if not isinstance(raw.get(name), str):
            raise InvalidValue(f"{at}: {name} {raw.get(name)!r}: expected a name")
    into = "into" in raw
    section = raw.get("into" if into else "in")
    if section not in SECTIONS or ("in" in raw and into):
        raise InvalidValue(
            f"{at}: in/into {section!r}: expected one of them, a section of {', '.join(SECTIONS)}"
        )
    levels = raw.get("range", [1.0, 0.0] if shape in ("fall", "dip") else [0.0, 1.0])
    if (
        not isinstance(levels, list)
        or len(levels) != 2
        or not all(isinstance(v, (int, float)) and 0.0 <= v <= 1.0 for v in levels)
    ):
        raise InvalidValue(
            f"{at}: range {levels!r}: expected [from, to], fractions 0..1 of the parameter's range"
        )
    rate = raw.get("rate")
    if rate is not None and (not isinstance(rate, (int, float)) or not 1.0 / 16 <= rate <= 64):
        raise InvalidValue(f"{at}: rate {rate!r}: expected beats 1/16..64")
    return Move(part, raw["device"], raw["parameter"], shape, section, into,
                (float(levels[0]), float(levels[1])), None if rate is None else float(rate))  # fmt: skip


@cache
def genre_moves(genre: str) -> tuple[Move, ...]:
    """The moves ``presets/genres/<genre>.yaml`` asks for (none when it has no ``automation``)."""
    path = presets_dir() / "genres" / f"{genre_name(genre)}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidValue(f"{path}: cannot read the genre's automation: {exc}") from exc
    raw = (data or {}).get("automation") or []
    if not isinstance(raw, list):
        raise InvalidValue(f"{path}: automation {raw!r}: expected a list of moves")
    return tuple(_move(str(path), i, m) for i, m in enumerate(raw))


def song_moves(genre: str, sections: Sequence[str]) -> list[tuple[int, Move]]:
    """(section index, move) for every section a move of the genre lands on, in section order."""
    out = []
    for index in range(len(sections)):
        for move in genre_moves(genre):
            target = index + 1 if move.into else index
            if target < len(sections) and sections[target] == move.section:
                out.append((index, move))
    return out
