"""The song context for MuseAroo (/roo/live/context, .../listen, .../set_context) and its pushes.

Live's listeners only mark the context dirty (a listener must not do work or change the
Set); the next timer tick sends one RS_CONTEXT_PUSH to every client that asked to listen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from .request import Request, RequestError, selected_scene_index, selected_track_index
from .roo import live_version, request_id
from .song import checked_value

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]
    Send = Callable[[tuple[str, int], str, Sequence[Any]], None]

SONG_EVENTS = (
    "tempo",
    "signature_numerator",
    "signature_denominator",
    "root_note",
    "scale_name",
    "is_playing",
    "tracks",
    "scenes",
)
VIEW_EVENTS = ("selected_track", "selected_scene")
CONTEXT_TO_SONG = {"tempo_bpm": "tempo"}  # other settable context names are Live's own
MAX_LISTENERS = 16


def context_fields(song: Live.Song.Song) -> list[Any]:
    """CONTEXT_FIELDS in protocol order."""
    return [
        float(song.tempo),
        int(song.signature_numerator),
        int(song.signature_denominator),
        int(song.root_note),
        str(song.scale_name),
        selected_track_index(song),
        selected_scene_index(song),
        float(song.current_song_time),
        int(song.is_playing),
        len(song.tracks),
        len(song.scenes),
        ".".join(str(v) for v in live_version()),
    ]


class ContextHandler:
    def __init__(self, song: Live.Song.Song, send: Send) -> None:
        self.song = song
        self._send = send
        self.listeners: list[tuple[str, int]] = []
        self.dirty = False
        for event in SONG_EVENTS:
            getattr(song, f"add_{event}_listener")(self._changed)
        for event in VIEW_EVENTS:
            getattr(song.view, f"add_{event}_listener")(self._changed)

    def _changed(self) -> None:
        self.dirty = True

    def handlers(self) -> dict[str, Handler]:
        return {
            protocol.RS_CONTEXT_GET: self.get,
            protocol.RS_CONTEXT_LISTEN: self.listen,
            protocol.RS_SET_CONTEXT: self.set_context,
        }

    def get(self, request: Request) -> Sequence[Any]:
        request.expect_count(1, 1, "req")
        return [request_id(request), *context_fields(self.song)]

    def listen(self, request: Request) -> Sequence[Any]:
        request.expect_count(1, 1, "req")
        req = request_id(request)
        if request.sender not in self.listeners:
            self.listeners.append(request.sender)
            del self.listeners[:-MAX_LISTENERS]  # the oldest client makes room
        return (req,)

    def set_context(self, request: Request) -> Sequence[Any]:
        req = request_id(request)
        pairs = request.args[1:]
        if len(pairs) % 2:
            raise RequestError(
                f"{request.address}: expected (name value) pairs after the request id, got {len(pairs)} values"
            )
        changes: list[tuple[str, Any]] = []
        for i in range(1, len(request.args), 2):
            name = request.str_at(i, "context name")
            if name not in protocol.SETTABLE_CONTEXT:
                raise RequestError(
                    "context name {!r}: expected one of {}".format(name, ", ".join(protocol.SETTABLE_CONTEXT))
                )
            prop = CONTEXT_TO_SONG.get(name, name)
            changes.append((prop, checked_value(request, i + 1, prop)))
        self.song.begin_undo_step()
        try:
            for prop, value in changes:
                setattr(self.song, prop, value)
        finally:
            self.song.end_undo_step()
        return (req,)

    def tick(self) -> None:
        """Push the context to every listener when something changed since the last tick."""
        if not self.dirty:
            return
        self.dirty = False
        if self.listeners:
            fields = [0, *context_fields(self.song)]
            for client in list(self.listeners):
                self._send(client, protocol.RS_CONTEXT_PUSH, fields)

    def disconnect(self) -> None:
        for event in SONG_EVENTS:
            if getattr(self.song, f"{event}_has_listener")(self._changed):
                getattr(self.song, f"remove_{event}_listener")(self._changed)
        for event in VIEW_EVENTS:
            if getattr(self.song.view, f"{event}_has_listener")(self._changed):
                getattr(self.song.view, f"remove_{event}_listener")(self._changed)
