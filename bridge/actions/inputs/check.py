"""One input check for every door (MCP tools, the HTTP API): a JSON value against its JSON Schema.

A door that takes JSON checks each value here before anything is sent, with one set of rules: a
JSON boolean is not an integer, a number with a decimal point (``-0.0``, ``2.0``) is not an index,
NaN and the infinities are not numbers, a string has a limit (``maxLength``, else ``MAX_TEXT``) and
says it, a path is a string without a NUL and within ``MAX_PATH``, a list has a limit, ``null`` is
not a value (leaving the input out is how to ask for its default), required means required and an
unknown name is refused. Every refusal is an InvalidValue naming the input, the value (as JSON,
a long string by its length) and what was expected.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from engines.errors import InvalidValue

MAX_TEXT = 2000  # characters of a string input without its own maxLength (a sentence, a name)
MAX_PATH = 4096  # characters of a path (PATH_MAX on Linux)
MAX_ITEMS = 10_000  # items of a list input without its own maxItems (notes, steps)
SHOWN_CHARS = 60  # a string longer than this is named by its start and its length
KINDS = {
    "integer": "a whole number written without a decimal point (e.g. 3)",
    "number": "a finite number",
    "string": "a string",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
}


def shown(value: Any) -> str:
    """``value`` as JSON, as the client wrote it (``true``, ``-0.0``, ``NaN``); a long string or list
    by its start and its size, so a refusal never echoes 70,000 characters back."""
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        return f'{json.dumps(value[:SHOWN_CHARS])[:-1]}..." ({len(value):,} characters)'
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
    try:
        text = json.dumps(value, allow_nan=True, default=repr)
    except (TypeError, ValueError):
        text = repr(value)
    return (
        text if len(text) <= 2 * SHOWN_CHARS else f"{text[: 2 * SHOWN_CHARS]}... ({len(text):,} characters)"
    )


def expected_text(spec: Mapping[str, Any]) -> str:
    """What a value of ``spec`` must be, in words (its type, choices, range, limit)."""
    kinds = spec.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    words = " or ".join(KINDS.get(k, k) for k in kinds) or "a value"
    if "enum" in spec:
        return f"one of {', '.join(str(c) for c in spec['enum'])}"
    limits = range_text(spec)
    if limits:
        words += f" {limits}"
    if "string" in kinds:
        words += f" of at most {string_limit(spec):,} characters"
    return words


def range_text(spec: Mapping[str, Any]) -> str:
    """A number's range as words ("1..256", "more than 0 and at most 4", ">= 0"); "" without one."""
    low = spec.get("exclusiveMinimum", spec.get("minimum"))
    high = spec.get("maximum")
    if low is not None and high is not None:
        if "exclusiveMinimum" in spec:
            return f"more than {_num(low)} and at most {_num(high)}"
        return f"{_num(low)}..{_num(high)}"
    if low is not None:
        return f"{'more than' if 'exclusiveMinimum' in spec else '>='} {_num(low)}"
    return f"<= {_num(high)}" if high is not None else ""


def string_limit(spec: Mapping[str, Any]) -> int:
    return int(spec.get("maxLength", MAX_PATH if spec.get("format") == "path" else MAX_TEXT))


def _num(x: Any) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


def check_object(what: str, schema: Mapping[str, Any], values: Any) -> dict[str, Any]:
    """``values`` checked against an object ``schema`` (its properties, required, no others);
    the checked values, unchanged. ``what`` names the tool or request in each message."""
    if not isinstance(values, Mapping):
        raise InvalidValue(f"{what}: the arguments {shown(values)} are not valid: expected an object")
    props: Mapping[str, Any] = schema.get("properties", {})
    unknown = sorted(set(values) - set(props))
    if unknown and schema.get("additionalProperties", True) is False:
        known = ", ".join(props) or "no inputs"
        raise InvalidValue(f"{what}: {shown(unknown[0])} is not an input: expected one of {known}")
    for name in schema.get("required", []):
        if name not in values:
            about = props.get(name, {}).get("description", "")
            raise InvalidValue(f"{what}: {name} is missing: expected {expected_text(props.get(name, {}))}"
                               + (f" ({about})" if about else ""))  # fmt: skip
    for name, value in values.items():
        if name in props:
            check_value(what, name, value, props[name])
    return dict(values)


def check_value(what: str, name: str, value: Any, spec: Mapping[str, Any]) -> None:
    """InvalidValue naming ``name``, the value and what ``spec`` expects, unless it fits."""
    kinds = spec.get("type")
    if kinds is None:
        return
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    if value is None:
        raise InvalidValue(f"{what}: {name} null is not valid: expected {expected_text(spec)} "
                           "(leave it out for its default)")  # fmt: skip
    kind = next((k for k in kinds if _is(value, k)), None)
    if kind is None:
        raise InvalidValue(f"{what}: {name} {shown(value)} is not valid: expected {expected_text(spec)}")
    if "enum" in spec and value not in spec["enum"]:
        raise InvalidValue(f"{what}: {name} {shown(value)} is not known: expected {expected_text(spec)}")
    if kind in ("integer", "number"):
        _range(what, name, value, spec)
    elif kind == "string":
        _string(what, name, value, spec)
    elif kind == "array":
        limit = int(spec.get("maxItems", MAX_ITEMS))
        if len(value) > limit or len(value) < int(spec.get("minItems", 0)):
            raise InvalidValue(f"{what}: {name} of {len(value):,} items is not valid: expected "
                               f"{spec.get('minItems', 0)}..{limit:,} items")  # fmt: skip
        items = spec.get("items")
        for i, item in enumerate(value):
            if items:
                check_value(what, f"{name}[{i}]", item, items)
    elif kind == "object" and "properties" in spec:
        for inner in spec.get("required", []):
            if inner not in value:
                raise InvalidValue(f"{what}: {name} {shown(value)} is not valid: {inner} is missing")
        for inner, item in value.items():
            if inner in spec["properties"]:
                check_value(what, f"{name}.{inner}", item, spec["properties"][inner])


def _is(value: Any, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, Mapping)
    return False


def _range(what: str, name: str, value: int | float, spec: Mapping[str, Any]) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidValue(f"{what}: {name} {shown(value)} is not a number: expected {expected_text(spec)}")
    low, high = spec.get("minimum"), spec.get("maximum")
    above = spec.get("exclusiveMinimum")
    if (
        (low is not None and value < low)
        or (high is not None and value > high)
        or (above is not None and value <= above)
    ):
        raise InvalidValue(f"{what}: {name} {shown(value)} is out of range: expected {range_text(spec)}")


def _string(what: str, name: str, value: str, spec: Mapping[str, Any]) -> None:
    limit = string_limit(spec)
    if len(value) > limit:
        raise InvalidValue(
            f"{what}: {name} {shown(value)} is too long: expected at most {limit:,} characters"
        )
    if spec.get("format") == "path" and (not value.strip() or "\0" in value):
        raise InvalidValue(f"{what}: {name} {shown(value)} is not a path: expected a folder or file name")


OPTION_KINDS: dict[str, dict[str, Any]] = {
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "str": {"type": "string"},
}


def check_option(what: str, name: str, value: Any, kind: str) -> None:
    """A request option given as JSON (the HTTP API's bodies), checked by the rules above for its
    ``bridge.protocol`` table kind ("int", "float", "str"); its range is the request parser's."""
    check_value(what, name, value, OPTION_KINDS[kind])
