"""OSC for the compatibility mode, fast where AbletonOSC's traffic is large: a clip's notes.

``encode`` writes what python-osc's builder writes (its type choice: T/F, i, h, f, s, N; byte for
byte the same) with struct, instead of copying the message once per argument. ``decode`` reads
a plain message of those types (and d, b) with struct too, and hands bundles and anything else
to python-osc (``osc_io.decode``).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import Any

from ..osc_io import decode as decode_any
from .core import wire

_INT, _LONG, _FLOAT, _DOUBLE = (
    struct.Struct(">i"),
    struct.Struct(">q"),
    struct.Struct(">f"),
    struct.Struct(">d"),
)
_FIXED = {"i": _INT, "h": _LONG, "f": _FLOAT, "d": _DOUBLE}
_CONSTANT = {"T": True, "F": False, "N": None}


def _padded(text: bytes) -> bytes:
    """An OSC string: NUL-terminated, padded with NULs to a multiple of 4 bytes."""
    return text + b"\0" * (4 - len(text) % 4)


def encode(address: str, args: Sequence[Any]) -> bytes:
    """An OSC message with python-osc's type choice (T/F, i, h, f, s, N), as AbletonOSC sends.

    Written with struct rather than python-osc's builder, which copies the message once per
    argument: a clip's notes (thousands of arguments) take a millisecond instead of over ten.
    """
    tags = [","]
    parts: list[bytes] = []
    for value in args:
        value = wire(value)
        if value is None:
            tags.append("N")
        elif value is True or value is False:
            tags.append("T" if value else "F")
        elif isinstance(value, int):
            small = -(2**31) <= value < 2**31
            tags.append("i" if small else "h")
            parts.append(_INT.pack(value) if small else _LONG.pack(value))
        elif isinstance(value, float):
            tags.append("f")
            parts.append(_FLOAT.pack(value))
        else:
            tags.append("s")
            parts.append(_padded(str(value).encode("utf-8")))
    return _padded(address.encode("utf-8")) + _padded("".join(tags).encode("ascii")) + b"".join(parts)


def _string_at(data: bytes, at: int) -> tuple[str, int]:
    end = data.index(b"\0", at)
    return data[at:end].decode("utf-8"), end + 4 - (end - at) % 4


def decode(data: bytes) -> list[tuple[str, list[Any]]]:
    """(address, args) of each message in a datagram; raises on anything that is not OSC."""
    if not data.startswith(b"/"):
        return decode_any(data)  # a bundle, or not OSC: python-osc says which
    try:
        address, at = _string_at(data, 0)
        tags, at = _string_at(data, at)
        if not tags.startswith(","):
            raise ValueError("no type tags")
        args: list[Any] = []
        for tag in tags[1:]:
            if tag in _FIXED:
                fixed = _FIXED[tag]
                args.append(fixed.unpack_from(data, at)[0])
                at += fixed.size
            elif tag in _CONSTANT:
                args.append(_CONSTANT[tag])
            elif tag == "s":
                text, at = _string_at(data, at)
                args.append(text)
            else:
                return decode_any(data)  # blobs, arrays, timetags ...: python-osc reads them
    except (ValueError, struct.error, UnicodeDecodeError, IndexError):
        return decode_any(data)  # python-osc raises with its own words for what is broken
    return [(address, args)]
