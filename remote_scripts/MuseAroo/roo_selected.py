"""The selected session clip, pushed to the context's listeners as it changes (RS_CLIP_PUSH).

Listeners only note a change (a listener must not do work): the selection or the track and scene
lists moving, the selected slot filling or emptying, the selected clip's notes or name changing.
At the end of the tick the selected slot's reading (what RS_CLIP_READ answers: digest, facts,
notes) goes to every listener when something changed, and to a client that (re)listens; a clip
edited in tick after tick (drawn into, recorded) is pushed at most every ``EDIT_EVERY_TICKS``,
its last state always. The daemon
then follows the selected clip without reading it at click time; a write made from it still checks
it in Live (RS_WRITE_CLIP_FROM), so a change no listener reports costs one refusal, never a part
made for notes the clip no longer holds. A clip whose notes do not fit one datagram is not pushed
(the daemon reads it when it needs it), nor is an empty selection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from .request import selected_scene_index, selected_track_index

if TYPE_CHECKING:
    Send = Callable[[tuple[str, int], str, Sequence[Any]], None]
    Reading = Callable[[int, int], list[Any]]  # roo_read.ReadHandler.reading

EDIT_EVERY_TICKS = 10  # a clip edited on and on (drawn into, recorded) is pushed about every 100 ms
MOVES = (("tracks", False), ("scenes", False), ("selected_track", True), ("selected_scene", True))


class SelectedClipWatcher:
    def __init__(self, song: Live.Song.Song, send: Send, reading: Reading) -> None:
        self.song = song
        self._send = send
        self._reading = reading
        self.where: tuple[int, int] | None = None  # the selected (track, slot) being watched
        self._moved = True  # the selection or the lists moved: find the selected slot again
        self._changed = True  # the watched clip changed since the last push
        self._quiet_in = 0  # ticks before an edit of the clip is pushed again
        self._watched: list[tuple[Any, str, Callable[[], None]]] = []
        self._own: list[tuple[Any, str, Callable[[], None]]] = []
        for event, on_view in MOVES:
            owner = song.view if on_view else song
            getattr(owner, f"add_{event}_listener")(self._move)
            self._own.append((owner, event, self._move))

    def _move(self) -> None:
        self._moved = True

    def _change(self) -> None:
        self._changed = True

    def _watch(self) -> None:
        self._unwatch(self._watched)
        track, scene = selected_track_index(self.song), selected_scene_index(self.song)
        self.where = (track, scene) if track >= 0 and scene >= 0 else None
        if self.where is None:
            return
        slot = self.song.tracks[track].clip_slots[scene]
        self._add(slot, "has_clip", self._move)  # a clip came or went: watch the new one
        if slot.has_clip:
            clip = slot.clip
            self._add(clip, "name", self._change)
            if not clip.is_audio_clip:  # an audio clip has no notes (nor their listener)
                self._add(clip, "notes", self._change)

    def _add(self, owner: Any, event: str, callback: Callable[[], None]) -> None:
        getattr(owner, f"add_{event}_listener")(callback)
        self._watched.append((owner, event, callback))

    @staticmethod
    def _unwatch(watched: list[tuple[Any, str, Callable[[], None]]]) -> None:
        for owner, event, callback in watched:
            try:
                if getattr(owner, f"{event}_has_listener")(callback):
                    getattr(owner, f"remove_{event}_listener")(callback)
            except RuntimeError:  # a deleted clip, slot or track: its listeners went with it
                pass
        watched.clear()

    def tick(
        self, seq: int, listeners: Sequence[tuple[str, int]], snapshot_to: Sequence[tuple[str, int]]
    ) -> None:
        """Push the selected slot's reading to listeners when it changed, and to snapshot_to."""
        moved, self._moved = self._moved, False
        if moved:
            self._watch()
        self._quiet_in = max(0, self._quiet_in - 1)
        targets = list(snapshot_to)
        if moved or (self._changed and self._quiet_in == 0):
            targets += [c for c in listeners if c not in targets]
            self._quiet_in = 0 if moved else EDIT_EVERY_TICKS
            self._changed = False
        if self.where is None or not targets:
            return
        reading = self._reading(*self.where)
        blob = reading[-1] if len(reading) > 1 and isinstance(reading[-1], bytes) else b""
        if len(blob) // protocol.NOTE_RECORD.size > protocol.MAX_NOTES_PER_MESSAGE:
            return  # does not fit one datagram: read when needed
        for client in targets:
            self._send(client, protocol.RS_CLIP_PUSH, [seq, *self.where, *reading])

    def disconnect(self) -> None:
        self._unwatch(self._watched)
        self._unwatch(self._own)
