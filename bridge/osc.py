"""OSC bytes in and out, on top of python-osc's pure codec (no python-osc servers).

python-osc's own servers call handlers synchronously and swallow parse errors; the daemon uses
only its message builder and parser and reports every bad packet instead.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from pythonosc.osc_bundle import OscBundle
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

from engines.errors import ProtocolError

INT32 = (-(2**31), 2**31 - 1)
FLOAT32_MAX = 3.4028234663852886e38
INT64 = (-(2**63), 2**63 - 1)


def encode(address: str, args: list[Any] | tuple[Any, ...]) -> bytes:
    """Build one OSC message; bools go as ints, ints as 32-bit (64-bit ``h`` beyond that range),
    floats as 32-bit (64-bit ``d`` beyond that range), None as nil, bytes as blobs. Anything else,
    or an int beyond 64 bits, is a ProtocolError naming the value (what a peer sent us, such as a
    /roo/ping's int64 argument, can always be sent back)."""
    builder = OscMessageBuilder(address=address)
    for arg in args:
        if isinstance(arg, bool):
            builder.add_arg(int(arg), OscMessageBuilder.ARG_TYPE_INT)
        elif isinstance(arg, int):
            if INT32[0] <= arg <= INT32[1]:
                builder.add_arg(arg, OscMessageBuilder.ARG_TYPE_INT)
            elif INT64[0] <= arg <= INT64[1]:
                builder.add_arg(arg, OscMessageBuilder.ARG_TYPE_INT64)
            else:
                raise ProtocolError(
                    f"integer {arg} does not fit OSC: expected {INT64[0]}..{INT64[1]} (64 bits)"
                )
        elif isinstance(arg, float):
            wide = math.isfinite(arg) and abs(arg) > FLOAT32_MAX  # a double's value: 32 bits overflow
            builder.add_arg(
                arg, OscMessageBuilder.ARG_TYPE_DOUBLE if wide else OscMessageBuilder.ARG_TYPE_FLOAT
            )
        elif arg is None:
            builder.add_arg(None, OscMessageBuilder.ARG_TYPE_NIL)
        elif isinstance(arg, bytes | bytearray):
            builder.add_arg(bytes(arg), OscMessageBuilder.ARG_TYPE_BLOB)
        elif isinstance(arg, str):
            builder.add_arg(arg, OscMessageBuilder.ARG_TYPE_STRING)
        else:
            raise ProtocolError(
                f"cannot send {arg!r} ({type(arg).__name__}) over OSC: expected int, float, str, bytes or None"
            )
    try:
        return builder.build().dgram
    except Exception as exc:  # python-osc's BuildError (a value its codec refuses), named here
        raise ProtocolError(f"cannot build OSC message {address} {list(args)!r}: {exc}") from exc


def decode(data: bytes) -> Iterator[tuple[str, list[Any]]]:
    """Yield (address, args) for a message or every message of a bundle; raises ProtocolError."""
    try:
        if OscBundle.dgram_is_bundle(data):
            yield from _walk(OscBundle(data))
            return
        if not OscMessage.dgram_is_message(data):
            raise ProtocolError(
                f"packet of {len(data)} bytes is not OSC: expected an address starting with '/'"
            )
        message = OscMessage(data)
    except ProtocolError:
        raise
    except Exception as exc:  # python-osc raises several parse error types
        raise ProtocolError(f"malformed OSC packet of {len(data)} bytes: {exc}") from exc
    yield message.address, list(message.params)


def _walk(bundle: OscBundle) -> Iterator[tuple[str, list[Any]]]:
    for content in bundle:
        if isinstance(content, OscBundle):
            yield from _walk(content)
        else:
            yield content.address, list(content.params)


def infer(text: str) -> int | float | str:
    """Type a command-line argument: int if it parses as int, then float, else string."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text
