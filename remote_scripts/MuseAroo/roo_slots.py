"""Which clip slots hold a clip, pushed to the context's listeners as it changes.

One ``has_clip`` listener per clip slot only notes which track changed (a listener must not do
work); at the end of the tick each changed track's fill state goes out as
``RS_SLOTS_PUSH <context_seq> <track> <fill>`` (``fill``: one "1" or "0" per slot, top down).
When the track or scene lists change, the listeners are placed again and every track is sent.
A client that (re)listens to the context gets every track's fill state too. A track whose
arrangement clips changed (``arrangement_clips`` listener: a clip made, cut or deleted, Live's undo
and redo) goes out as ``RS_ARRANGEMENT_PUSH <context_seq> <track> <clip count>`` to listeners.

Each track's name and kind go out the same way, as one ``RS_TRACKS_PUSH <context_seq> (name
is_midi)*`` after the track list changed or a track was renamed, and in a snapshot: the daemon
places a part on its track (by the tracks' names) without asking Live.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import Live

from . import roo_protocol as protocol

Send = Callable[[tuple[str, int], str, Sequence[Any]], None]


def fill_state(track: Any) -> str:
    return "".join("1" if slot.has_clip else "0" for slot in track.clip_slots)


class SlotWatcher:
    def __init__(self, song: Live.Song.Song, send: Send) -> None:
        self.song = song
        self._send = send
        self._watched: list[tuple[Any, Callable[[], None]]] = []
        self._named: list[tuple[Any, Callable[[], None]]] = []  # (track, its name listener)
        self._names_changed = True
        self._changed: set[int] = set()  # id() of the tracks whose fill changed since the last push
        self._arranged: set[int] = set()  # id() of the tracks whose arrangement clips changed
        self._layout_changed = True
        song.add_tracks_listener(self._relayout)
        song.add_scenes_listener(self._relayout)

    def _relayout(self) -> None:
        self._layout_changed = True

    def _renamed(self) -> None:
        self._names_changed = True

    def _watch(self) -> None:
        self._unwatch()
        for track in self.song.tracks:
            for slot in track.clip_slots:

                def changed(track: Any = track) -> None:
                    self._changed.add(id(track))

                slot.add_has_clip_listener(changed)
                self._watched.append((slot, changed))
            track.add_name_listener(self._renamed)
            self._named.append((track, self._renamed))

            def arranged(track: Any = track) -> None:
                self._arranged.add(id(track))

            try:
                track.add_arrangement_clips_listener(arranged)
                self._watched.append((track, arranged))
            except (AttributeError, RuntimeError):  # a track with no arrangement clips of its own
                pass

    def _unwatch(self) -> None:
        for owner, callback in self._watched:
            event = "has_clip" if hasattr(owner, "has_clip_has_listener") else "arrangement_clips"
            try:
                if getattr(owner, f"{event}_has_listener")(callback):
                    getattr(owner, f"remove_{event}_listener")(callback)
            except RuntimeError:  # a slot of a deleted scene or track: its listeners went with it
                pass
        self._watched.clear()
        for track, callback in self._named:
            try:
                if track.name_has_listener(callback):
                    track.remove_name_listener(callback)
            except RuntimeError:  # a deleted track: its listeners went with it
                pass
        self._named.clear()

    def tick(
        self, seq: int, listeners: Sequence[tuple[str, int]], snapshot_to: Sequence[tuple[str, int]]
    ) -> None:
        """Push the changed tracks' fill state to listeners, and every track's to snapshot_to."""
        if not (
            self._layout_changed or self._changed or self._names_changed or snapshot_to or self._arranged
        ):
            return  # the usual tick: nothing to do
        everything = self._layout_changed
        if self._layout_changed:
            self._watch()
            self._layout_changed = False
        renamed = everything or self._names_changed
        for index, track in enumerate(self.song.tracks):
            targets = list(snapshot_to)
            if everything or id(track) in self._changed:
                targets += [c for c in listeners if c not in targets]
            for client in targets:
                self._send(client, protocol.RS_SLOTS_PUSH, [seq, index, fill_state(track)])
            if id(track) in self._arranged:
                for client in listeners:
                    self._send(
                        client, protocol.RS_ARRANGEMENT_PUSH, [seq, index, len(track.arrangement_clips)]
                    )
        self._changed.clear()
        self._arranged.clear()
        self._push_tracks(seq, listeners if renamed else [], snapshot_to)

    def _push_tracks(
        self, seq: int, listeners: Sequence[tuple[str, int]], snapshot_to: Sequence[tuple[str, int]]
    ) -> None:
        self._names_changed = False
        targets = list(snapshot_to) + [c for c in listeners if c not in snapshot_to]
        if not targets:
            return
        fields: list[Any] = [seq]
        for track in self.song.tracks:
            fields += [track.name, int(bool(track.has_midi_input))]
        for client in targets:
            self._send(client, protocol.RS_TRACKS_PUSH, fields)

    def disconnect(self) -> None:
        self._unwatch()
        for event, callback in (("tracks", self._relayout), ("scenes", self._relayout)):
            if getattr(self.song, f"{event}_has_listener")(callback):
                getattr(self.song, f"remove_{event}_listener")(callback)
