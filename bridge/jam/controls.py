"""Jam control names and values as they arrive from OSC, the CLI or a command: parsed and checked.

``change(name, value, bar)`` returns the edit that turns one JamControls into the next; every
bad name or value raises InvalidValue naming it and what is expected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from engines.errors import InvalidValue
from engines.generators import PARTS
from engines.jam import UNIT_CONTROLS, JamControls
from engines.music import parse_key
from engines.presets import names

NAMES = (*UNIT_CONTROLS, "genre", "key", "parts", *PARTS, "fill", "break", "drop")
Edit = Callable[[JamControls], JamControls]
_ON = {
    "1": True,
    "on": True,
    "true": True,
    "yes": True,
    "0": False,
    "off": False,
    "false": False,
    "no": False,
}


def unit(name: str, value: str) -> float:
    try:
        number = float(value)
    except ValueError as exc:
        raise InvalidValue(f"{name} {value!r} is not a number: expected 0..1") from exc
    if not 0.0 <= number <= 1.0:
        raise InvalidValue(f"{name} {number} is out of range: expected 0..1")
    return number


def switch(name: str, value: str) -> bool:
    on = _ON.get(str(value).strip().lower())
    if on is None:
        raise InvalidValue(f"{name} {value!r} is not on or off: expected 1, 0, on or off")
    return on


def parse_parts(value: str) -> tuple[str, ...]:
    """ "drums,bass" -> ("drums", "bass") in the house order; raises for an unknown or empty list."""
    chosen = [p.strip() for p in value.split(",") if p.strip()]
    for part in chosen:
        if part not in PARTS:
            raise InvalidValue(f"part {part!r} is not known: expected some of {', '.join(PARTS)}")
    if not chosen:
        raise InvalidValue(f"parts {value!r} is empty: expected some of {', '.join(PARTS)}")
    return tuple(p for p in PARTS if p in chosen)


def check_genre(value: str) -> str:
    if value not in names("genres"):
        raise InvalidValue(f"genre {value!r} is not known: expected one of {', '.join(names('genres'))}")
    return value


def change(name: str, value: str, bar: int) -> Edit:
    """The edit for control ``name`` set to ``value``; ``bar`` is the jam bar it applies from."""
    value = str(value)
    if name in UNIT_CONTROLS:
        number: dict[str, float] = {name: unit(name, value)}
        return lambda c: replace(c, **number)  # type: ignore[arg-type]
    if name == "genre":
        genre = check_genre(value)
        return lambda c: replace(c, genre=genre)
    if name == "key":
        key = parse_key(value)
        return lambda c: replace(c, key=key)
    if name == "parts":
        parts = parse_parts(value)
        return lambda c: replace(c, parts=parts)
    if name in PARTS:
        on, part = switch(name, value), name
        return lambda c: replace(
            c, parts=tuple(p for p in PARTS if (p == part and on) or (p != part and p in c.parts))
        )
    if name == "fill":
        return lambda c: replace(c, fill_bars=c.fill_bars | {bar})
    if name == "break":
        on = switch(name, value)
        return lambda c: replace(c, breakdown=on)
    if name == "drop":
        return lambda c: replace(c, breakdown=False, drop_bars=c.drop_bars | {bar})
    raise InvalidValue(f"jam control {name!r} is not known: expected one of {', '.join(NAMES)}")
