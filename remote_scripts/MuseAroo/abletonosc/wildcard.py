"""AbletonOSC's two wildcard forms: ``*`` in an address, and ``*`` for the track index.

An address with ``*`` (each ``*`` standing for one or more characters other than ``/``, matched
from the address's start as AbletonOSC matches it) runs every handler it matches, in the
order they were made, each answering on its own address: ``/live/clip/get/* 0 0`` reads every
property of clip 0 of track 0. Inside such a query a handler that needs more arguments, or a
property that cannot be listened to, is skipped, and a property Live cannot read for this
object is answered with None without an error, as AbletonOSC does. ``/live/track/<...> *``
runs the request for every track in turn (a get answers once per track; AbletonOSC answers the
first track only).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core import Handler

    Call = tuple[str, Handler, Sequence[Any], bool]  # address, handler, arguments, quiet


def expand(
    handlers: Mapping[str, Handler], song: Any, address: str, args: Sequence[Any]
) -> list[Call] | None:
    """The handler calls a request stands for; None when no handler answers its address."""
    if "*" in address:
        pattern = re.compile("[^/]+".join(re.escape(part) for part in address.split("*")))
        matched = [(name, handler) for name, handler in handlers.items() if pattern.match(name)]
        quiet = True
    else:
        handler = handlers.get(address)
        matched = [(address, handler)] if handler is not None else []
        quiet = False
    if not matched:
        return None
    calls: list[Call] = []
    for name, handler in matched:
        if name.startswith("/live/track/") and args and args[0] == "*":
            calls.extend((name, handler, (index, *args[1:]), quiet) for index in range(len(song.tracks)))
        else:
            calls.append((name, handler, args, quiet))
    return calls
