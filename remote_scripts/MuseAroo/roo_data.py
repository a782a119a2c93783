"""Data MuseAroo keeps in the Set: Song.set_data / get_data under "musearoo.<key>".

Live saves such data with the Set and it makes no undo step, so a choice the producer made for this
song (the chord source marked, "follow nothing") comes back when the Set is opened again, and a
different Set has its own. Values travel as JSON text; a key is a short name of letters, digits,
dots, dashes and underscores.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import Live

from . import roo_protocol as protocol
from .request import Request, RequestError
from .roo import request_id

KEY = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
MAX_VALUE_CHARS = 4096


def _key(request: Request) -> str:
    key = request.str_at(1, "key")
    if not KEY.match(key):
        raise RequestError(f"key {key!r}: expected 1 to 64 letters, digits, '.', '-' or '_'")
    return protocol.DATA_KEY_PREFIX + key


class DataHandler:
    def __init__(self, song: Live.Song.Song) -> None:
        self.song = song

    def handlers(self) -> dict[str, Any]:
        return {protocol.RS_SET_DATA: self.set_data, protocol.RS_GET_DATA: self.get_data}

    def set_data(self, request: Request) -> Sequence[Any]:
        request.expect_count(3, 3, "req, key, value")
        req = request_id(request)
        key = _key(request)
        value = request.str_at(2, "value")
        if len(value) > MAX_VALUE_CHARS:
            raise RequestError(f"value of {len(value)} characters: expected at most {MAX_VALUE_CHARS}")
        self.song.set_data(key, value)
        return (req,)

    def get_data(self, request: Request) -> Sequence[Any]:
        request.expect_count(2, 2, "req, key")
        req = request_id(request)
        value = self.song.get_data(_key(request), "")
        return (req, value if isinstance(value, str) else "")
