"""OSC bytes in and out, on top of python-osc's pure codec (no python-osc servers).

python-osc's own servers call handlers synchronously and swallow parse errors; the daemon uses
only its message builder and parser and reports every bad packet instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pythonosc.osc_bundle import OscBundle
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

from engines.errors import ProtocolError


def encode(address: str, args: list[Any] | tuple[Any, ...]) -> bytes:
    """Build one OSC message; bools go as ints, floats as 32-bit, bytes as blobs."""
    builder = OscMessageBuilder(address=address)
    for arg in args:
        if isinstance(arg, bool):
            builder.add_arg(int(arg), OscMessageBuilder.ARG_TYPE_INT)
        elif isinstance(arg, int):
            builder.add_arg(arg, OscMessageBuilder.ARG_TYPE_INT)
        elif isinstance(arg, float):
            builder.add_arg(arg, OscMessageBuilder.ARG_TYPE_FLOAT)
        elif isinstance(arg, bytes | bytearray):
            builder.add_arg(bytes(arg), OscMessageBuilder.ARG_TYPE_BLOB)
        elif isinstance(arg, str):
            builder.add_arg(arg, OscMessageBuilder.ARG_TYPE_STRING)
        else:
            raise ProtocolError(
                f"cannot send {arg!r} ({type(arg).__name__}) over OSC: expected int, float, str or bytes"
            )
    return builder.build().dgram


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
