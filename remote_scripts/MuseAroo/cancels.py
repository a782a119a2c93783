"""Cancelled requests (/roo/live/cancel): a request a client cancelled before it ran never runs.

A client names one of its own /roo/live/* requests by its request id. The surface reads every
datagram of a timer tick before it runs any and hands this tick's cancels to ``note`` first, so a
cancel that arrives in the same tick as its request (Live's main thread was busy while both came)
wins, as does one that arrives before it. Such a request is answered RS_CANCELLED, nothing done.
A cancel that comes after its request ran changes nothing: the request's own reply told the
client what was done, and the cancel's reply says so (refused 0).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import roo_protocol as protocol
from .request import Request
from .roo import request_id

if TYPE_CHECKING:
    Address = tuple[str, int]

MAX_REMEMBERED = 256  # cancels of requests that never came, and refusals, kept for late questions


def _remember(table: OrderedDict[Any, None], key: Any) -> None:
    table[key] = None
    while len(table) > MAX_REMEMBERED:
        table.popitem(last=False)


class Cancels:
    def __init__(self) -> None:
        self._named: OrderedDict[tuple[Address, Any], None] = OrderedDict()  # cancelled, not yet come
        self._refused: OrderedDict[tuple[Address, Any], None] = OrderedDict()

    def note(self, sender: Address, address: str, args: Sequence[Any]) -> None:
        """Take a cancel read this tick before anything runs (bad ones are answered by ``cancel``)."""
        if address == protocol.RS_CANCEL and len(args) == 2 and isinstance(args[1], (int, str)):
            if not isinstance(args[1], bool):
                _remember(self._named, (sender, args[1]))

    def refuses(self, sender: Address, address: str, args: Sequence[Any]) -> bool:
        """Whether this /roo/live/* request was cancelled before it ran (then it is not run)."""
        if address == protocol.RS_CANCEL or not args:
            return False
        key = (sender, args[0])
        if key not in self._named:
            return False
        del self._named[key]
        _remember(self._refused, key)
        return True

    def cancel(self, request: Request) -> Sequence[Any]:
        request.expect_count(2, 2, "req, cancelled_req")
        req = request_id(request)
        cancelled = request_id(Request(request.address, request.args[1:], request.sender))
        key = (request.sender, cancelled)
        if key not in self._refused:
            _remember(self._named, key)  # a request that has not come yet is refused when it comes
        return (req, cancelled, int(key in self._refused))
