"""The song context for MuseAroo (/roo/live/context, .../listen, .../set_context), its pushes and
the writes made for one context (/roo/live/write_clip_for) and from one reading of a source clip
(/roo/live/write_clip_from).

Live's listeners only mark the context dirty (a listener must not do work or change the Set).
At the end of the timer tick, or before a write is checked, what changed is published: the
context gets the next version number and one RS_CONTEXT_PUSH goes to every client that asked to
listen, so versions reach them one by one (a gap means a lost push). A client that (re)listens
gets a full snapshot at the end of that tick. A write made for an older version than the last
change that matters to it is refused with the new context (RS_STALE_CONTEXT), so the daemon
regenerates for what Live holds now. A write made from a source clip that no longer holds what
was read is refused with what it holds now (RS_STALE_SOURCE), for the same reason. The slots'
fill state (``roo_slots``) and the selected clip (``roo_selected``) are pushed after the context.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from .request import Request, RequestError, selected_scene_index, selected_track_index
from .roo import live_version, request_id
from .roo_selected import SelectedClipWatcher
from .roo_set import set_name
from .roo_slots import SlotWatcher
from .song import checked_value

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]
    Send = Callable[[tuple[str, int], str, Sequence[Any]], None]

MUSICAL_EVENTS = ("tempo", "signature_numerator", "signature_denominator", "root_note", "scale_name")
SONG_EVENTS = (*MUSICAL_EVENTS, "is_playing", "tracks", "scenes")
VIEW_EVENTS = ("selected_track", "selected_scene")
SELECTION_EVENTS = ("tracks", "scenes", *VIEW_EVENTS)  # what a write that follows the selection depends on
CONTEXT_TO_SONG = {"tempo_bpm": "tempo"}  # other settable context names are Live's own
MAX_LISTENERS = 16
SEQ_WRAP = 2**30  # context sequence numbers stay positive int32 on the wire


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
    def __init__(
        self,
        song: Live.Song.Song,
        send: Send,
        write_clip: Handler,
        reading: Callable[[int, int], list[Any]],
        set_id: str = "",
    ) -> None:
        self.song = song
        self.set_id = set_id  # the open Set's id (roo_set), pushed first in every snapshot
        self._send = send
        self._write_clip = write_clip
        self._reading = reading  # a source clip's digest, facts and notes (roo_read.ReadHandler.reading)
        self.listeners: list[tuple[str, int]] = []
        self._snapshot_to: list[tuple[str, int]] = []
        self.dirty = False  # a change not published yet
        self._pending_musical = False
        self._pending_selection = False
        self.seq = int(time.time() * 1000) % SEQ_WRAP  # the published context's version (above earlier runs')
        self.musical_seq = self.seq  # the version that published the last tempo, signature, root or scale
        self.selection_seq = self.seq  # the version that published the last selection or track/scene list
        self._callbacks: list[tuple[Any, str, Callable[[], None]]] = []
        self.slots = SlotWatcher(song, send)
        self.selected = SelectedClipWatcher(song, send, reading)
        for event in SONG_EVENTS:
            self._listen(song, event)
        for event in VIEW_EVENTS:
            self._listen(song.view, event)

    def _listen(self, owner: Any, event: str) -> None:
        musical, selection = event in MUSICAL_EVENTS, event in SELECTION_EVENTS

        def changed() -> None:
            self._pending_musical |= musical
            self._pending_selection |= selection
            self.dirty = True

        getattr(owner, f"add_{event}_listener")(changed)
        self._callbacks.append((owner, event, changed))

    def handlers(self) -> dict[str, Handler]:
        return {
            protocol.RS_CONTEXT_GET: self.get,
            protocol.RS_CONTEXT_LISTEN: self.listen,
            protocol.RS_SET_CONTEXT: self.set_context,
            protocol.RS_WRITE_CLIP_FOR: self.write_clip_for,
            protocol.RS_WRITE_CLIP_FROM: self.write_clip_from,
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
        if request.sender not in self._snapshot_to:
            self._snapshot_to.append(request.sender)  # sent after this reply, at the end of the tick
        return (req,)

    def publish(self) -> None:
        """Give what changed since the last version a new version and push it to every listener."""
        if not self.dirty:
            return
        self.seq = (self.seq + 1) % SEQ_WRAP
        if self._pending_musical:
            self.musical_seq = self.seq
        if self._pending_selection:
            self.selection_seq = self.seq
        self.dirty = self._pending_musical = self._pending_selection = False
        self._push(self.listeners)

    def _push(self, clients: Sequence[tuple[str, int]]) -> None:
        if clients:
            fields = [self.seq, *context_fields(self.song)]
            for client in list(clients):
                self._send(client, protocol.RS_CONTEXT_PUSH, fields)

    def stale(self, seq: int, follows_selection: bool) -> bool:
        """Whether a write made for context version seq missed a change that matters to it."""
        self.publish()  # a change earlier in this tick counts too
        return seq < self.musical_seq or (follows_selection and seq < self.selection_seq)

    def write_clip_for(self, request: Request) -> Sequence[Any] | None:
        request.expect_count(
            8, 9, "req, context_seq, follows_selection, track, slot, length_beats, name, replace, notes blob"
        )
        req = request_id(request)
        seq = request.int_at(1, "context_seq")
        follows = bool(request.int_at(2, "follows_selection", 0, 1))
        if self.stale(seq, follows):
            self._send(request.sender, protocol.RS_STALE_CONTEXT, [req, self.seq, *context_fields(self.song)])
            return None  # answered on RS_STALE_CONTEXT instead
        written = self._write_clip(Request(request.address, [req, *request.args[3:]], request.sender))
        assert written is not None
        return [*written, self.seq, *context_fields(self.song)]

    def write_clip_from(self, request: Request) -> Sequence[Any] | None:
        request.expect_count(
            11,
            12,
            "req, context_seq, follows_selection, source_track, source_slot, source_digest, track, slot, "
            "length_beats, name, replace, notes blob",
        )
        req = request_id(request)
        source = (request.int_at(3, "source_track"), request.int_at(4, "source_slot"))
        digest = request.str_at(5, "source_digest")
        now = self._reading(*source)
        if now[0] != digest and not self.stale(request.int_at(1, "context_seq"), bool(request.args[2])):
            self._send(request.sender, protocol.RS_STALE_SOURCE, [req, *source, *now])
            return None  # the source changed since it was read: answered on RS_STALE_SOURCE instead
        return self.write_clip_for(
            Request(request.address, [*request.args[:3], *request.args[6:]], request.sender)
        )

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
        """Publish and push what changed during this tick (the context, the slots' fill state, the
        selected clip), and a snapshot to clients that (re)listened."""
        self.publish()
        if self._snapshot_to:
            for client in self._snapshot_to:  # which Set, before anything about it
                self._send(client, protocol.RS_SET_PUSH, [self.seq, self.set_id, set_name(self.song)])
            self._push(self._snapshot_to)
        self.slots.tick(self.seq, self.listeners, self._snapshot_to)
        self.selected.tick(self.seq, self.listeners, self._snapshot_to)
        self._snapshot_to.clear()

    def carry(self, clients: Sequence[tuple[str, int]]) -> None:
        """Listen for the clients of the Set opened before this one: each gets this Set's snapshot."""
        for client in clients:
            if client not in self.listeners:
                self.listeners.append(client)
            if client not in self._snapshot_to:
                self._snapshot_to.append(client)

    def disconnect(self) -> None:
        for owner, event, callback in self._callbacks:
            if getattr(owner, f"{event}_has_listener")(callback):
                getattr(owner, f"remove_{event}_listener")(callback)
        self._callbacks.clear()
        self.slots.disconnect()
        self.selected.disconnect()
