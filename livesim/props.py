"""Table-made members for the in-memory Live: plain properties, their listeners, enum steps.

Live exposes most of its state as properties with an ``add_X_listener`` triple; the objects
that carry many of them (Song's globals, a track's mixer, a clip's playback) build them here
from a table of (name, kind, range) instead of writing each by hand. A setter checks the type
like Boost.Python, the range like Live, stores through ``Document.change`` (guards, undo,
notification) and coerces ints to floats and ints to bools as Live does.
"""

from __future__ import annotations

from typing import Any

from livesim.base import adder, check_args, has_listener, remover

_COERCE: dict[str, type] = {"bool": bool, "int": int, "float": float, "str": str}

# Live.Song.Quantization -> beats (None: a number of bars); q_no_q (0) launches at once
QUANTIZATION_BEATS: dict[int, float | None] = {
    0: 0.0,
    1: None,
    2: None,
    3: None,
    4: None,
    5: 2.0,
    6: 4.0 / 3.0,
    7: 1.0,
    8: 2.0 / 3.0,
    9: 0.5,
    10: 1.0 / 3.0,
    11: 0.25,
    12: 1.0 / 6.0,
    13: 0.125,
}
QUANTIZATION_BARS = {1: 8, 2: 4, 3: 2, 4: 1}


def quantum_beats(quantization: int, beats_per_bar: float) -> float:
    """The launch grid in beats for a Live.Song.Quantization value (0: no grid)."""
    beats = QUANTIZATION_BEATS[quantization]
    return QUANTIZATION_BARS[quantization] * beats_per_bar if beats is None else beats


def value_property(
    name: str, kind: str, low: float | None = None, high: float | None = None, *, undoable: bool = True
) -> property:
    """A read-write Live property stored in ``_<name>``; low/high bound numbers (inclusive)."""

    def get(self: Any) -> Any:
        return getattr(self, "_" + name)

    def set_(self: Any, value: Any) -> None:
        where = f"{self._listeners.owner}.{name}"
        check_args(where, (value,), (kind,))
        if (low is not None and value < low) or (high is not None and value > high):
            raise RuntimeError(f"Invalid {name} {value}: expected {low}..{high}")
        self._doc.change(self, name, _COERCE[kind](value), undoable=undoable)

    return property(get, set_, doc=f"{name} ({kind})")


def read_only(name: str) -> property:
    """A read-only Live property stored in ``_<name>``."""
    return property(lambda self: getattr(self, "_" + name), doc=f"{name} (read-only)")


def add_listeners(cls: type, *names: str) -> None:
    """Give cls Live's add_X_listener / remove_X_listener / X_has_listener triple for each name."""
    for name in names:
        setattr(cls, f"add_{name}_listener", adder(name))
        setattr(cls, f"remove_{name}_listener", remover(name))
        setattr(cls, f"{name}_has_listener", has_listener(name))


def add_properties(cls: type, table: tuple[tuple[str, str, Any, Any, Any], ...], *, undoable: bool) -> None:
    """Read-write, listenable properties from (name, kind, low, high, default) rows; defaults on cls."""
    for name, kind, low, high, default in table:
        setattr(cls, name, value_property(name, kind, low, high, undoable=undoable))
        setattr(cls, "_" + name, default)
    add_listeners(cls, *(row[0] for row in table))
