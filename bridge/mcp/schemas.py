"""JSON Schemas for the MuseAroo tools, read from the one options table.

An option's type comes from its request's table in ``bridge.protocol`` (``GENERATE_OPTIONS`` ...)
and its range from ``bridge.actions.options.RANGES``: nothing about an option is written here.
The schema tells an assistant what is valid; the request's own parser (``bridge.actions.CHECKS``)
still refuses a bad value, with the message the OSC path gives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bridge.actions.inputs import MAX_TEXT, describe
from bridge.actions.options import RANGES, Range

JSON_TYPES: dict[str, Any] = {
    "int": "integer",
    "float": "number",
    "str": "string",
    "str|num": ["string", "number"],
}


@dataclass(frozen=True, slots=True)
class Field:
    """One named input of a tool: a positional OSC argument or an option (name value pair)."""

    name: str
    kind: str  # "int" | "float" | "str" | "str|num" (a jam setting's value: 0.8 or "A minor")
    about: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False


def field_schema(
    name: str, kind: str, about: str = "", choices: Sequence[str] = (), request: str = ""
) -> dict[str, Any]:
    """One property's schema: its JSON type, its RANGES range, its choices, a string's limit and a
    description (``about``, else the option's words from ``bridge.actions.inputs.words`` for ``request``)."""
    out: dict[str, Any] = {"type": JSON_TYPES[kind]}
    limits: Range | None = RANGES.get(name) if kind != "str" else None
    if limits is not None:
        out["exclusiveMinimum" if limits.above else "minimum"] = limits.lo
        out["maximum"] = limits.hi
    if choices:
        out["enum"] = list(choices)
    if kind.startswith("str"):
        out["maxLength"] = MAX_TEXT
    words = about or describe(name, request, kind)
    if about and limits is not None:
        words += f"; range {limits}"
    if choices and "one of" not in words:
        words += f"; one of {', '.join(choices)}"
    if words:
        out["description"] = words
    return out


def object_schema(
    fields: Sequence[Field], options: Mapping[str, str] | None = None, request: str = ""
) -> dict[str, Any]:
    """An object schema: the positional ``fields`` first, then every option of ``options``."""
    props = {f.name: field_schema(f.name, f.kind, f.about, f.choices, request) for f in fields}
    for name, kind in (options or {}).items():
        props.setdefault(name, field_schema(name, kind, request=request))
    schema: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    return schema


def option_pairs(values: Mapping[str, Any], skip: Sequence[str] = ()) -> list[Any]:
    """``{"bars": 4, "seed": 1}`` as OSC's option list ``["bars", 4, "seed", 1]`` (in the given order)."""
    out: list[Any] = []
    for name, value in values.items():
        if name not in skip and value is not None:
            out += [name, value]
    return out
