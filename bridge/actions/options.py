"""Parsing `(name value)*` OSC option lists against a table of names and types."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from engines.errors import InvalidValue


def leading_choice(args: list[Any], choices: Sequence[str], *, needs: str, unknown: str) -> str:
    """The first argument, one of ``choices``; else an error: "<needs> first" when it is missing,
    "<unknown> 'x' is not known" when it is not one of them, each listing what is expected."""
    expected = ", ".join(choices)
    if not args or not isinstance(args[0], str):
        raise InvalidValue(f"{needs} first: expected one of {expected}")
    if args[0] not in choices:
        raise InvalidValue(f"{unknown} {args[0]!r} is not known: expected one of {expected}")
    return args[0]


def parse_options(args: list[Any], table: Mapping[str, str], *, what: str) -> dict[str, Any]:
    """Turn [name, value, name, value, ...] into a dict, checking each name and value type.

    ``table`` maps an option name to "int", "float" or "str"; an int given for a float is widened,
    a float with an integral value is accepted for an int, and an int given for a str is read as
    its digits (``fills 4`` arrives as an int from most OSC senders).
    """
    if len(args) % 2:
        raise InvalidValue(f"{what} options must come in name value pairs, got {len(args)} values: {args!r}")
    out: dict[str, Any] = {}
    for name, value in zip(args[0::2], args[1::2], strict=True):
        if name not in table:
            raise InvalidValue(f"{what} option {name!r} is not known: expected one of {', '.join(table)}")
        kind = table[name]
        out[str(name)] = _convert(str(name), value, kind, what)
    return out


def _convert(name: str, value: Any, kind: str, what: str) -> Any:
    if kind == "str":
        if isinstance(value, str):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    elif kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
    elif kind == "float":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    raise InvalidValue(f"{what} option {name} = {value!r} is not valid: expected {kind}")
